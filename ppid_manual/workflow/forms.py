"""The one form every process uses for a step that records only a note (a reason, a basis,
a correction): one class, one set of keywords, for registrasi, keberatan and dip."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Div, Fieldset, Row, Submit
from django import forms
from django.core.validators import MaxLengthValidator

from ppid_manual.workflow.penyampaian import Cara, Penyampaian
from ppid_manual.workflow.susulan import Susulan


def tombol(label: str, css: str = "primary", name: str = "simpan") -> Submit:
    """A step's submit button in the step's own style only: crispy's Submit adds btn-primary
    under any other style, and an outline button then reads dark red on blue (contrast 1.4:1,
    WCAG 2.1 SC 1.4.3; found by the axe-core crawl)."""
    button = Submit(name, label)
    button.field_classes = f"btn btn-{css}"
    return button


class CatatanForm(forms.Form):
    """`label` names what the note is; `submit_label` and `css` (a step's button style, e.g.
    "danger") make the one button; `wajib` whether it may be empty; `max_length` the limit
    the browser and the server both enforce."""

    catatan = forms.CharField(label="Catatan", widget=forms.Textarea, max_length=2000)

    def __init__(
        self,
        *args,
        submit_label: str,
        label: str = "Catatan",
        wajib: bool = True,
        css: str = "primary",
        max_length: int = 2000,
        rows: int = 3,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        field = self.fields["catatan"]
        field.label = label
        field.required = wajib
        field.max_length = max_length
        field.validators = [
            *(v for v in field.validators if not isinstance(v, MaxLengthValidator)),
            MaxLengthValidator(max_length),
        ]
        field.widget.attrs.update({"rows": rows, "maxlength": max_length})
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}
        self.helper.add_input(tombol(submit_label, css))


class PenyampaianForm(forms.Form):
    """How a letter reached the pemohon (ppid_manual/workflow/penyampaian.py): one form for
    every outgoing letter."""

    cara = forms.ChoiceField(label="Cara penyampaian", widget=forms.RadioSelect)
    tanggal = forms.DateField(
        label="Tanggal", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    diterima = forms.TypedChoiceField(
        label="Tanggal itu adalah",
        choices=[
            ("1", "tanggal diterima pemohon (tanda terima, tanda terima pos, balasan surel)"),
            ("0", "tanggal dikirim (tanggal diterima diperkirakan sampai dikonfirmasi)"),
        ],
        coerce=lambda v: v == "1",
        initial="1",
        widget=forms.RadioSelect,
    )
    alamat = forms.EmailField(
        label="Alamat surel tujuan",
        max_length=254,
        required=False,
        help_text="Wajib untuk surat elektronik; diisi dari berkas, ubah bila dikirim ke "
        "alamat lain.",
    )
    alasan = forms.CharField(
        label="Alasan koreksi",
        max_length=500,
        required=False,
        help_text="Wajib bila penyampaian surat ini sudah dicatat (kecuali konfirmasi tanggal "
        "diterima surat yang dikirim).",
    )

    def __init__(
        self,
        *args,
        submit_label: str,
        css: str = "primary",
        surat: list[tuple[str, str]] | None = None,
        tercatat: list[str] | None = None,
        **kwargs,
    ):
        """`tercatat`: the deliveries already recorded on this case, shown with the reason
        field (recording one again is a correction)."""
        """`surat`: the case's issued letters (prefix, label) when it has more than one kind
        (ppid_manual/workflow/penyampaian.py: SuratKeluar); the desk picks which went."""
        super().__init__(*args, **kwargs)
        self.fields["cara"].choices = Cara.choices
        if tercatat:
            self.fields["alasan"].help_text = (
                "Sudah dicatat: " + " ".join(tercatat) + " " + self.fields["alasan"].help_text
            )
        if surat is not None:
            satu = len(surat) == 1  # one letter issued: nothing to choose
            self.fields["surat"] = forms.ChoiceField(
                label="Surat yang disampaikan",
                choices=surat,
                required=not satu,
                widget=forms.HiddenInput if satu else forms.RadioSelect,
            )
            self._satu = surat[0][0] if satu else ""
            self.order_fields(["surat", "cara", "tanggal", "diterima"])
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}
        self.helper.add_input(tombol(submit_label, css))

    def clean_surat(self) -> str:
        return self.cleaned_data["surat"] or self._satu

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("cara") == Cara.SUREL and not cleaned.get("alamat"):
            self.add_error(
                "alamat",
                "Penyampaian melalui surat elektronik harus mencatat alamat surel tujuannya.",
            )
        return cleaned

    def penyampaian(self):
        c = self.cleaned_data
        return Penyampaian(
            c["cara"], c["tanggal"], c["diterima"], alamat=c.get("alamat") or "",
            alasan=c.get("alasan") or "",
        )  # fmt: skip


def susulan_layout() -> Fieldset:
    """Where an intake form lays out the late-entry fields (`susulan_fields`): the exception,
    after the everyday fields, its details shown once the box is ticked."""
    return Fieldset(
        "Formulir kertas (entri susulan)",
        "entri_susulan",
        Div(
            Row(
                Column("nomor_kertas", css_class="col-md-4"),
                Column("petugas_kertas", css_class="col-md-4"),
            ),
            "alasan_susulan",
            css_class="susulan-rinci",
        ),
        css_class="susulan",
    )


def susulan_fields() -> dict[str, forms.Field]:
    """The late entry of a paper form (ppid_manual/workflow/susulan.py): the same four fields
    on the request's and the keberatan's intake."""
    return {
        "entri_susulan": forms.BooleanField(
            label="Entri susulan: diterima dengan formulir kertas saat sistem tidak berfungsi",
            required=False,
            help_text="Tanggal diterima di atas adalah tanggal pada kertas; tenggat dihitung "
            "sejak tanggal itu.",
        ),
        "nomor_kertas": forms.CharField(label="Nomor lembar kertas", max_length=50, required=False),
        "petugas_kertas": forms.CharField(
            label="Petugas yang menerima kertas", max_length=150, required=False
        ),
        "alasan_susulan": forms.CharField(
            label="Alasan entri susulan (misalnya listrik padam, komputer rusak)",
            max_length=500,
            required=False,
            widget=forms.Textarea(attrs={"rows": 2, "maxlength": 500}),
        ),
    }


SUSULAN_FIELDS = ("entri_susulan", "nomor_kertas", "petugas_kertas", "alasan_susulan")


def clean_susulan(form: forms.Form, cleaned: dict) -> Susulan | None:
    """The late entry's rules, field by field (the action checks them again): a reference
    and a reason are required; without the box ticked the other fields are ignored."""
    if not cleaned.get("entri_susulan"):
        return None
    wajib = {
        "nomor_kertas": "Nomor lembar kertas wajib diisi untuk entri susulan.",
        "alasan_susulan": "Alasan entri susulan wajib diisi.",
        "petugas_kertas": "Nama petugas yang menerima kertas wajib diisi.",
    }
    for name, message in wajib.items():
        if not (cleaned.get(name) or "").strip():
            form.add_error(name, message)
    return Susulan(
        cleaned.get("nomor_kertas") or "",
        cleaned.get("alasan_susulan") or "",
        cleaned.get("petugas_kertas") or "",
    )


class RalatForm(forms.Form):
    """A ralat of an issued letter (issue 15), the same for every process: which letter,
    which part, what it should read, and why. The action refuses what may not be corrected
    (ppid_manual/workflow/ralat.py: ralat_surat)."""

    dokumen = forms.TypedChoiceField(label="Surat yang diralat", coerce=int)
    fakta = forms.ChoiceField(label="Bagian yang diralat")
    nilai = forms.CharField(
        label="Seharusnya tertulis",
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 6000}),
    )
    alasan = forms.CharField(
        label="Alasan ralat (dicetak pada surat ralat)",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": 1000}),
    )

    def __init__(self, *args, case, spec, user=None, **kwargs):
        from ppid_manual.workflow.ralat import dapat_diralat, surat_tertinggal

        super().__init__(*args, **kwargs)
        # A letter still printing a fact another ralat corrected: the form starts on the first
        # of them this user may correct (the role that issues it), with the fact as the case
        # now reads it; the page lists them all.
        self.tertinggal = surat_tertinggal(case, spec)
        boleh = [
            t
            for t in self.tertinggal
            if user is None or user.has_role(*spec.peran_penerbit(case, t.dokumen.jenis))
        ]
        if boleh and not self.is_bound:
            t = boleh[0]
            self.initial.update(dokumen=t.dokumen.pk, fakta=t.fakta, nilai=t.sekarang)
        self.dokumen_terbit = {d.pk: d for d in dapat_diralat(case)}
        self.fields["dokumen"].choices = [
            (
                pk,
                f"{d.judul} {d.nomor}".strip()
                + (f" (sudah diralat: {d.digantikan_oleh.nomor})" if d.digantikan_oleh_id else ""),
            )
            for pk, d in self.dokumen_terbit.items()
        ]
        # Only the facts the case's letters print, each naming the letters that print it
        # (a ralat corrects one letter; each letter that prints the fact needs its own).
        memuat: dict[str, list[str]] = {}
        for d in self.dokumen_terbit.values():
            if d.digantikan_oleh_id:
                continue
            for k in spec.fakta_surat(case, d.jenis):
                memuat.setdefault(k, []).append(f"{d.judul} {d.nomor}".strip())
        self.fields["fakta"].choices = [
            (k, f"{f.label} (tercetak pada: {'; '.join(memuat[k])})")
            for k, f in spec.fakta(case).items()
            if k in memuat
        ]
        self.helper = FormHelper()
        self.helper.add_input(Submit("simpan", "Terbitkan ralat", css_class="btn-primary"))

    def to_kwargs(self) -> dict:
        c = self.cleaned_data
        return {
            "dokumen": self.dokumen_terbit.get(c["dokumen"]),
            "fakta": c["fakta"],
            "nilai": c["nilai"],
            "alasan": c["alasan"],
        }
