"""Forms of the DIP app: they validate and normalise; the actions enforce the rules of the
process. Every message is in Indonesian and shown next to its field."""

from __future__ import annotations

import datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Field, Layout, Row, Submit
from django import forms
from django.utils import timezone

from dip.alur import cek_tanggal_setelah_sk, cek_tanggal_sk, opd_pilihan
from dip.models import (
    MAKS_UKURAN_IMPOR,
    DipEdisi,
    InformasiDikecualikan,
    InformasiPublik,
    Pasal17,
    Publikasi,
    peserta_tidak_menjabat,
)
from ppid_manual import hukum
from ppid_manual.models import Pejabat
from ppid_manual.pindaian import SCAN_SK, ScanDitolak
from ppid_manual.workflow import forms as workflow_forms
from ppid_manual.workflow.versions import VersionFormMixin

WAJIB = "Wajib diisi."
PESAN = {
    "required": WAJIB,
    "max_length": "Paling banyak %(limit_value)d karakter (sekarang %(show_value)d).",
    "invalid": "Isian tidak valid.",
    "invalid_choice": "Pilihan “%(value)s” tidak dikenal.",
}
PESAN_TANGGAL = {"required": WAJIB, "invalid": "Tanggal tidak valid."}


def _pesan(form: forms.BaseForm) -> None:
    for field in form.fields.values():
        for key, text in PESAN.items():
            if key in field.error_messages:
                field.error_messages[key] = text
        if isinstance(field, forms.DateField):
            field.error_messages.update(PESAN_TANGGAL)
        if isinstance(field, forms.URLField):
            field.error_messages["invalid"] = "Alamat URL tidak valid (awali dengan https://)."


def _tanggal_widget() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class EdisiBaruForm(forms.Form):
    tahun = forms.IntegerField(
        label="Tahun DIP",
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": WAJIB,
            "invalid": "Isi dengan tahun, misalnya 2026.",
            "min_value": "Tahun paling awal 2000.",
            "max_value": "Tahun paling akhir 2100.",
        },
    )
    salin = forms.BooleanField(
        label="Mulai dari salinan DIP terakhir yang sudah ditetapkan",
        required=False,
        help_text="Seluruh entri DIP terakhir yang sudah ditetapkan disalin, lalu dapat diubah.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tahun"].initial = timezone.localdate().year
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Row(Column("tahun", css_class="col-md-3")),
            "salin",
        )
        self.helper.add_input(Submit("simpan", "Buat edisi"))


class InformasiPublikForm(VersionFormMixin, forms.ModelForm):
    """One DIP entry. For an OPD edition the OPD is the edition's own (no field)."""

    class Meta:
        model = InformasiPublik
        fields = [
            "ringkasan",
            "pejabat_penguasa",
            "penanggung_jawab",
            "waktu_pembuatan",
            "tempat_pembuatan",
            "bentuk",
            "jangka_waktu_penyimpanan",
            "jenis",
            "opd",
        ]
        widgets = {"ringkasan": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "waktu_pembuatan": "Misalnya “2025” atau “Setiap bulan”.",
            "jangka_waktu_penyimpanan": "Misalnya “5 tahun” atau “Permanen”.",
        }

    def __init__(self, *args, edisi: DipEdisi, dengan_opd: bool | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.edisi = edisi
        if dengan_opd is None:
            dengan_opd = edisi.is_provinsi
        if dengan_opd:
            self.fields["opd"].queryset = opd_pilihan(edisi)
            self.fields["opd"].empty_label = "— pilih perangkat daerah —"
        else:
            del self.fields["opd"]
        _pesan(self)
        for name, choices in (("bentuk", InformasiPublik.Bentuk), ("jenis", InformasiPublik.Jenis)):
            self.fields[name].error_messages["invalid_choice"] = (
                "Pilihan “%(value)s” tidak dikenal. Gunakan: " + ", ".join(choices.labels) + "."
            )
        self.helper = FormHelper()
        self.helper.layout = Layout(
            "versi",
            "ringkasan",
            Row(
                Column("pejabat_penguasa", css_class="col-md-6"),
                Column("penanggung_jawab", css_class="col-md-6"),
            ),
            Row(
                Column("waktu_pembuatan", css_class="col-md-3"),
                Column("tempat_pembuatan", css_class="col-md-3"),
                Column("bentuk", css_class="col-md-3"),
                Column("jangka_waktu_penyimpanan", css_class="col-md-3"),
            ),
            Row(
                Column("jenis", css_class="col-md-4"),
                *([Column("opd", css_class="col-md-8")] if dengan_opd else []),
            ),
        )
        self.helper.add_input(Submit("simpan", "Simpan"))

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, str):
                cleaned[name] = " ".join(value.split()) if name != "ringkasan" else value.strip()
        return cleaned


class CatatanForm(workflow_forms.CatatanForm):
    """The one note form (ppid_manual/workflow/forms.py) with the DIP pages' wording: a
    required note is a correction, and the DIP forms' error messages."""

    def __init__(self, *args, wajib: bool = False, **kwargs):
        kwargs.setdefault("label", "Catatan koreksi" if wajib else "Catatan")
        super().__init__(*args, wajib=wajib, max_length=4000, rows=4, **kwargs)
        _pesan(self)


class PenetapanForm(forms.Form):
    tanggal_sk = forms.DateField(label="Tanggal SK", widget=_tanggal_widget())
    catatan = forms.CharField(
        label="Catatan", required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, edisi: DipEdisi, tombol: str = "Tetapkan", **kwargs):
        super().__init__(*args, **kwargs)
        self.edisi = edisi
        self.fields["tanggal_sk"].initial = timezone.localdate()
        _pesan(self)
        self.helper = FormHelper()
        self.helper.layout = Layout(Row(Column("tanggal_sk", css_class="col-md-4")), "catatan")
        self.helper.add_input(Submit("simpan", tombol, css_class="btn-success"))

    def clean_tanggal_sk(self) -> datetime.date:
        tanggal = self.cleaned_data["tanggal_sk"]
        if msg := cek_tanggal_sk(self.edisi, tanggal):
            raise forms.ValidationError(msg)
        return tanggal


class PengantarForm(forms.Form):
    tanggal = forms.DateField(label="Tanggal surat", widget=_tanggal_widget())
    tujuan = forms.CharField(
        label="Kepada (Yth.)",
        max_length=300,
        initial="Pengelola Website PPID Provinsi Bali dan Portal Bali Satu Data",
    )

    def __init__(self, *args, edisi: DipEdisi, **kwargs):
        super().__init__(*args, **kwargs)
        self.edisi = edisi
        self.fields["tanggal"].initial = timezone.localdate()
        if not edisi.is_provinsi:
            self.fields["tujuan"].initial = f"Pengelola Website {edisi.unit.nama}"
        _pesan(self)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Row(Column("tanggal", css_class="col-md-3"), Column("tujuan", css_class="col-md-9"))
        )
        self.helper.add_input(Submit("simpan", "Terbitkan nomor surat pengantar"))

    def clean_tanggal(self) -> datetime.date:
        tanggal = self.cleaned_data["tanggal"]
        if msg := cek_tanggal_setelah_sk(self.edisi, tanggal, "surat pengantar"):
            raise forms.ValidationError(msg)
        return tanggal


class PublikasiForm(forms.ModelForm):
    url = forms.URLField(label="Alamat (URL)", max_length=500, assume_scheme="https")

    class Meta:
        model = Publikasi
        fields = ["kanal", "tanggal", "url", "keterangan"]
        widgets = {"tanggal": _tanggal_widget()}

    def __init__(self, *args, edisi: DipEdisi, **kwargs):
        super().__init__(*args, **kwargs)
        self.edisi = edisi
        self.fields["tanggal"].initial = timezone.localdate()
        _pesan(self)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Row(
                Column("kanal", css_class="col-md-3"),
                Column("tanggal", css_class="col-md-3"),
                Column("url", css_class="col-md-6"),
            ),
            "keterangan",
        )
        self.helper.add_input(Submit("simpan", "Catat publikasi"))

    def clean_tanggal(self) -> datetime.date:
        tanggal = self.cleaned_data["tanggal"]
        if msg := cek_tanggal_setelah_sk(self.edisi, tanggal, "publikasi"):
            raise forms.ValidationError(msg)
        return tanggal

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        if not url.lower().startswith(("http://", "https://")):
            raise forms.ValidationError("Alamat URL harus diawali http:// atau https://.")
        return url


class ScanSkForm(forms.Form):
    berkas = forms.FileField(
        label="Pindaian SK yang sudah ditandatangani",
        help_text="PDF, JPEG atau PNG, paling besar 10 MB.",
        error_messages={"required": "Pilih berkas pindaian.", "empty": "Berkas kosong."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["berkas"].widget.attrs["accept"] = ".pdf,.jpg,.jpeg,.png"
        self.helper = FormHelper()
        self.helper.add_input(Submit("simpan", "Unggah"))

    def clean_berkas(self):
        uploaded = self.cleaned_data["berkas"]
        try:
            SCAN_SK.periksa(uploaded)
        except ScanDitolak as exc:
            raise forms.ValidationError(str(exc)) from None
        return uploaded


class ImporForm(forms.Form):
    berkas = forms.FileField(
        label="Berkas XLSX atau CSV",
        help_text="Kolom sama dengan berkas ekspor; baris dengan ID yang sudah ada memperbarui "
        "entri itu, baris tanpa ID menambah entri baru.",
        error_messages={"required": "Pilih berkas yang akan diimpor.", "empty": "Berkas kosong."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["berkas"].widget.attrs["accept"] = ".xlsx,.csv"
        self.helper = FormHelper()
        self.helper.add_input(Submit("simpan", "Impor"))

    def clean_berkas(self):
        uploaded = self.cleaned_data["berkas"]
        if uploaded.size > MAKS_UKURAN_IMPOR:
            raise forms.ValidationError("Berkas impor paling besar 5 MB.")
        if not uploaded.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError("Gunakan berkas .xlsx atau .csv.")
        return uploaded


class DikForm(VersionFormMixin, forms.ModelForm):
    pasal17 = forms.MultipleChoiceField(
        label=f"{hukum.pasal('17')} UU 14/2008",
        choices=Pasal17.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = InformasiDikecualikan
        fields = [
            "informasi",
            "opd",
            "pasal17",
            "undang_undang_lain",
            "konsekuensi",
            "kesimpulan_konsekuensi",
            "kepentingan_publik",
            "kesimpulan_kepentingan_publik",
            "peserta_uji",
            "jangka_waktu",
            "dasar_penetapan",
            "ditetapkan_pada",
            "aktif",
        ]
        widgets = {
            "peserta_uji": forms.CheckboxSelectMultiple,
            "kesimpulan_konsekuensi": forms.RadioSelect,
            "kesimpulan_kepentingan_publik": forms.RadioSelect,
            "kepentingan_publik": forms.Textarea(attrs={"rows": 4}),
            "informasi": forms.Textarea(attrs={"rows": 2}),
            "konsekuensi": forms.Textarea(attrs={"rows": 5}),
            "ditetapkan_pada": _tanggal_widget(),
        }
        help_texts = {
            "undang_undang_lain": (
                f"Misalnya “UU 36/2009 tentang Kesehatan, {hukum.pasal('UU 36/2009 57')}”."
            ),
            "konsekuensi": "Akibat yang timbul bila informasi dibuka, dan mengapa menutupnya "
            f"melindungi kepentingan yang lebih besar (UU 14/2008 {hukum.pasal('2(4)')}).",
            "kepentingan_publik": "Kepentingan umum yang terlayani bila informasi dibuka, "
            "ditimbang terhadap akibat di atas menurut undang-undang, kepatutan dan "
            f"kepentingan umum (UU 14/2008 {hukum.pasal('2(4)')}).",
            "peserta_uji": "PPID selalu menandatangani lembar uji. Centang pejabat lain yang "
            "ikut menguji (misalnya PPID Pelaksana yang menguasai informasi); masing-masing "
            "menandatangani. Pejabat diambil dari tabel pejabat (menu Admin).",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["pasal17"] = self.instance.pasal17_huruf
        else:
            self.fields["ditetapkan_pada"].initial = timezone.localdate()
        self.fields["opd"].empty_label = "— pilih perangkat daerah —"
        self.fields["opd"].queryset = self.fields["opd"].queryset.filter(aktif=True)
        self.fields["kesimpulan_konsekuensi"].required = False
        # UU 14/2008 Pasal 2(4): the weighing is part of every uji (issue 26).
        self.fields["kepentingan_publik"].required = True
        # The PPID signs every lembar uji as the one who performs it (Pasal 19); the others
        # are chosen from the officials table.
        peserta = self.fields["peserta_uji"]
        peserta.queryset = (
            Pejabat.objects.exclude(peran=Pejabat.Peran.PPID)
            .select_related("unit")
            .order_by("unit__nama", "peran", "-berlaku_dari")
        )
        peserta.label_from_instance = _label_peserta
        self.fields["kesimpulan_kepentingan_publik"].choices = [("", "Belum diuji")] + list(
            InformasiDikecualikan.Kesimpulan.choices
        )
        _pesan(self)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            "versi",
            "informasi",
            Row(
                Column("opd", css_class="col-md-6"),
                Column("jangka_waktu", css_class="col-md-6"),
            ),
            Field("pasal17"),
            "undang_undang_lain",
            "konsekuensi",
            "kesimpulan_konsekuensi",
            "kepentingan_publik",
            "kesimpulan_kepentingan_publik",
            "peserta_uji",
            Row(
                Column("dasar_penetapan", css_class="col-md-8"),
                Column("ditetapkan_pada", css_class="col-md-4"),
            ),
            "aktif",
        )
        self.helper.add_input(Submit("simpan", "Simpan"))

    def clean_pasal17(self) -> str:
        return ",".join(sorted(self.cleaned_data["pasal17"]))

    def clean_kesimpulan_konsekuensi(self) -> str:
        # Preselected "ditutup" (the usual outcome of a DIK entry); the PPID may choose the
        # other, and a form posted without it keeps the preselection.
        return (
            self.cleaned_data.get("kesimpulan_konsekuensi")
            or InformasiDikecualikan.Kesimpulan.DITUTUP
        )

    def clean_ditetapkan_pada(self) -> datetime.date:
        tanggal = self.cleaned_data["ditetapkan_pada"]
        if tanggal > timezone.localdate():
            raise forms.ValidationError("Tanggal penetapan tidak boleh setelah hari ini.")
        return tanggal

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("pasal17") and not (cleaned.get("undang_undang_lain") or "").strip():
            msg = (
                f"Pilih huruf {hukum.pasal('17')} atau isi dasar undang-undang lain "
                "(salah satu wajib)."
            )
            self.add_error("pasal17", msg)
        tanggal, peserta = cleaned.get("ditetapkan_pada"), cleaned.get("peserta_uji")
        if tanggal and peserta:
            if msg := peserta_tidak_menjabat(list(peserta), tanggal):
                self.add_error("peserta_uji", msg)
        return cleaned


def _label_peserta(pejabat: Pejabat) -> str:
    sampai = f"{pejabat.berlaku_sampai:%d-%m-%Y}" if pejabat.berlaku_sampai else "sekarang"
    return (
        f"{pejabat.nama}, {pejabat.jabatan} ({pejabat.get_peran_display()}; "
        f"{pejabat.berlaku_dari:%d-%m-%Y} s.d. {sampai})"
    )


class PenetapanDikForm(forms.Form):
    """The date of the PPID's keputusan adopting the DIK (its number is taken on issue)."""

    tanggal = forms.DateField(label="Tanggal penetapan", widget=_tanggal_widget())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tanggal"].initial = timezone.localdate()
        _pesan(self)
        self.helper = FormHelper()
        self.helper.form_id = "form-penetapan-dik"  # the KONSEP button submits it too
        self.helper.layout = Layout(Row(Column("tanggal", css_class="col-md-4")))
        self.helper.add_input(Submit("tetapkan", "Tetapkan DIK", css_class="btn-success"))

    def clean_tanggal(self) -> datetime.date:
        tanggal = self.cleaned_data["tanggal"]
        if tanggal > timezone.localdate():
            raise forms.ValidationError("Tanggal penetapan tidak boleh setelah hari ini.")
        return tanggal


class CariForm(forms.Form):
    q = forms.CharField(
        label="Kata kunci",
        max_length=200,
        required=False,
        widget=forms.TextInput(
            attrs={"placeholder": "misalnya: anggaran kesehatan", "autofocus": True}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_class = "mb-3"
        self.helper.add_input(Submit("cari", "Cari"))
