"""Forms of the keberatan desk: validate and normalise, say in Indonesian exactly what is wrong,
next to the field. Nothing is saved by a form; the views pass the cleaned data to
keberatan.actions. The field checks (NIK, telephone, dates) are registrasi's, reused."""

from __future__ import annotations

import datetime
import uuid

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Field, Fieldset, Layout, Row, Submit
from django import forms

from keberatan.actions import Amar, Pengajuan
from keberatan.alur import dasar_otomatis, jawaban_terbuka, saran_alasan
from keberatan.models import Keberatan
from pemohon.forms import IdentitasPemohonForm, clean_nik, clean_telepon
from pemohon.models import Pemohon
from ppid_manual import hukum
from ppid_manual.format import hari_tanggal
from ppid_manual.forms import bersihkan_scan, date_input, not_future, textarea
from ppid_manual.hidden_fields import HiddenFieldsCheckedMixin
from ppid_manual.models import Unit
from ppid_manual.pindaian import SCAN_IDENTITAS
from ppid_manual.workflow.calendar import today
from ppid_manual.workflow.forms import (
    SUSULAN_FIELDS,
    clean_susulan,
    susulan_fields,
    susulan_layout,
    tombol,
)
from ppid_manual.workflow.susulan import Susulan
from registrasi.models import Permohonan

A = Keberatan.Alasan
KP = Keberatan.Keputusan


def cari_permohonan(nomor: str, user=None) -> Permohonan:
    """The request a keberatan is about, by its exact nomor pendaftaran (the pemohon holds the
    receipt). A number that does not exist is an error, never a silent unlinked keberatan.
    With a user, scoped like the records (issue 16): a request this desk cannot see answers
    as if it did not exist, so its pemohon's identity is never filled in."""
    nomor = (nomor or "").strip()
    qs = Permohonan.objects.for_user(user) if user is not None else Permohonan.objects.all()
    found = (
        qs.registered()
        .select_related("pemohon", "unit_tujuan", "unit_registrasi")
        .filter(nomor_pendaftaran__iexact=nomor)
        .first()
    )
    if found is None:
        raise forms.ValidationError(
            f"Nomor pendaftaran “{nomor}” tidak ditemukan. Periksa tanda bukti pendaftaran "
            "pemohon; keberatan tanpa nomor pendaftaran hanya untuk alasan b."
        )
    if found.status == Permohonan.Status.DITARIK:
        raise forms.ValidationError(
            f"Permohonan {found.nomor_pendaftaran} telah ditarik oleh pemohon."
        )
    return found


class CariPermohonanForm(forms.Form):
    """Step one of the intake: the request objected to, by its nomor pendaftaran."""

    nomor = forms.CharField(
        label="Nomor pendaftaran permohonan",
        max_length=150,
        error_messages={"required": "Isi nomor pendaftaran dari tanda bukti pemohon."},
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.permohonan: Permohonan | None = None
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_class = "row g-2 align-items-start"
        self.helper.layout = Layout(
            Column("nomor", css_class="col-md-6"),
            HTML(
                '<div class="col-auto" style="padding-top:2rem">'
                '<button class="btn btn-primary" type="submit">'
                '<i class="bi bi-search" aria-hidden="true"></i> Cari permohonan</button></div>'
            ),
        )

    def clean_nomor(self) -> str:
        self.permohonan = cari_permohonan(self.cleaned_data["nomor"], self.user)
        return self.permohonan.nomor_pendaftaran


# The identity typed here (a keberatan without a request): the shared identity fields.
PEMOHON_FIELDS = tuple(
    n for n in IdentitasPemohonForm.base_fields if n not in IdentitasPemohonForm.KONFIRMASI
)


class KeberatanForm(HiddenFieldsCheckedMixin, IdentitasPemohonForm):
    """The Formulir Keberatan Informasi Publik (Perki 1/2021). Linked to a request (identity
    and information from it), or without one for reason b only (identity typed here)."""

    # The page's order (the identity fields sit inside the form, after its date).
    field_order = (
        "kunci",
        "nomor_pendaftaran",
        "tanggal_diterima",
        "tanggal_diajukan",
        "tanggal_dasar",
        "formulir_dikembalikan",
        "cara_pengajuan",
        "tanggal_dikirim",
        *PEMOHON_FIELDS,
        "informasi_diminta",
        "tujuan_penggunaan",
        "alasan",
        "kasus_posisi",
        "kuasa_nama",
        "kuasa_alamat",
        "kuasa_telepon",
        "surat_kuasa_diterima",
        "surat_kuasa",
        "identitas_diterima",
        "scan_identitas",
        *SUSULAN_FIELDS,
    )

    kunci = forms.UUIDField(widget=forms.HiddenInput)
    nomor_pendaftaran = forms.CharField(
        label="Nomor pendaftaran permohonan",
        max_length=150,
        required=False,
        help_text="Kosong hanya untuk alasan b (informasi berkala tidak disediakan).",
    )
    tanggal_diterima = forms.DateField(
        label="Tanggal formulir keberatan diterima",
        widget=date_input(),
        help_text="Paling lama 30 hari ke belakang.",
    )
    tanggal_diajukan = forms.DateField(
        label="Tanggal formulir pertama kali diajukan",
        widget=date_input(),
        required=False,
        help_text=(
            "Isi hanya bila formulir semula diajukan belum lengkap (SOP langkah 1: formulir "
            f"lengkap dalam {hukum.SOP_KELENGKAPAN} hari kerja)."
        ),
    )
    # Pasal 36(2): a form the desk kept was received that day, complete or not.
    formulir_dikembalikan = forms.ChoiceField(
        label="Formulir yang semula belum lengkap",
        choices=(
            (
                "disimpan",
                "Disimpan petugas: keberatan diterima pada tanggal pertama kali diajukan; "
                f"{hukum.HK_TANGGAPAN} hari kerja Atasan PPID dihitung sejak tanggal itu",
            ),
            (
                "dikembalikan",
                f"Dikembalikan kepada pemohon untuk dilengkapi: {hukum.HK_TANGGAPAN} hari kerja "
                "dihitung sejak formulir lengkap diterima",
            ),
        ),
        widget=forms.RadioSelect,
        required=False,
    )
    cara_pengajuan = forms.ChoiceField(
        label="Cara keberatan disampaikan",
        choices=Keberatan.CaraPengajuan.choices,
        widget=forms.RadioSelect,
        initial=Keberatan.CaraPengajuan.LOKET,
        # Not sent (an old page): handed in at the desk, the everyday case.
        required=False,
    )
    tanggal_dikirim = forms.DateField(
        label="Tanggal dikirim (cap pos)",
        widget=date_input(),
        required=False,
        help_text=(
            "Untuk keberatan melalui pos, bila diketahui: pengajuan dinilai pada tanggal "
            f"dikirim ({hukum.DASAR_PENGAJUAN_KEBERATAN})."
        ),
    )
    tanggal_dasar = forms.DateField(
        label="Tanggal ditemukannya alasan keberatan",
        widget=date_input(),
        required=False,
        help_text=(
            f"Hari ke-0 batas {hukum.HK_KEBERATAN} hari kerja (UU 14/2008 "
            f"{hukum.pasal('36(1)')}). Untuk permohonan "
            "terdaftar boleh dikosongkan: diambil dari tanggal pemberitahuan tertulis atau "
            "tenggat yang lewat tanpa jawaban."
        ),
    )
    # --- identity, only without a request -------------------------------------------------
    informasi_diminta = forms.CharField(
        label="Informasi berkala yang tidak disediakan",
        max_length=2000,
        widget=textarea(3, 2000),
    )
    # --- the objection ------------------------------------------------------------------------
    tujuan_penggunaan = forms.CharField(
        label="Tujuan penggunaan informasi", max_length=1000, widget=textarea(2, 1000)
    )
    alasan = forms.MultipleChoiceField(
        label=f"Alasan pengajuan keberatan (UU 14/2008 {hukum.pasal('35(1)')})",
        choices=A.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Pilih satu atau lebih alasan keberatan."},
    )
    kasus_posisi = forms.CharField(
        label="Kasus posisi (uraian singkat dari pemohon)",
        max_length=4000,
        widget=textarea(4, 4000),
    )
    # --- kuasa (optional) ---------------------------------------------------------------------
    kuasa_nama = forms.CharField(label="Nama kuasa", max_length=150, required=False)
    kuasa_alamat = forms.CharField(label="Alamat kuasa", max_length=300, required=False)
    kuasa_telepon = forms.CharField(label="Nomor telepon kuasa", max_length=30, required=False)
    surat_kuasa_diterima = forms.BooleanField(label="Surat kuasa diterima", required=False)
    surat_kuasa = forms.FileField(
        label="Pindaian surat kuasa (opsional)",
        required=False,
        help_text="PDF, JPEG atau PNG, paling besar 5 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )
    # --- completeness (SOP 1) -------------------------------------------------------------------
    identitas_diterima = forms.BooleanField(
        label="Fotokopi/pindaian identitas (NIK) pemohon diterima", required=False
    )
    scan_identitas = forms.FileField(
        label="Pindaian identitas (opsional)",
        required=False,
        help_text="PDF, JPEG atau PNG, paling besar 5 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )

    IDENTITAS = (*PEMOHON_FIELDS, "informasi_diminta")

    def __init__(self, *args, permohonan: Permohonan | None = None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(susulan_fields())
        self.order_fields(self.field_order)
        self.susulan: Susulan | None = None
        self.user = user
        nomor = (
            self.data.get("nomor_pendaftaran", "")
            if self.is_bound
            else (permohonan.nomor_pendaftaran if permohonan else "")
        )
        # Linked when a number was given (looked up in clean_nomor_pendaftaran).
        self.terhubung = bool((nomor or "").strip())
        self.permohonan = permohonan
        if self.terhubung:
            for name in self.IDENTITAS:
                del self.fields[name]
            # Found by the lookup: changing it means looking up another request.
            self.fields["nomor_pendaftaran"].widget.attrs["readonly"] = True
            self.fields[
                "nomor_pendaftaran"
            ].help_text = "Permohonan lain? Cari ulang dari awal formulir."
        self.helper = FormHelper()
        self.helper.form_id = "form-keberatan"
        self.helper.attrs = {"novalidate": ""}
        identitas = (
            []
            if self.terhubung
            else [
                Fieldset(
                    "Identitas pemohon",
                    Field("jenis", css_class="d-flex gap-3"),
                    Row(
                        Column("nama", css_class="col-md-6"),
                        Column("nik", css_class="col-md-3"),
                        Column("nomor_akta", css_class="col-md-3"),
                    ),
                    "penanggung_jawab",
                    Row(
                        Column("alamat", css_class="col-md-6"),
                        Column("pekerjaan", css_class="col-md-2"),
                        Column("telepon", css_class="col-md-2"),
                        Column("email", css_class="col-md-2"),
                    ),
                    HTML('{% include "registrasi/_beda_identitas.html" %}'),
                    "informasi_diminta",
                )
            ]
        )
        # The paper form's order (Perki 1/2021; templates/keberatan/print/formulir.html), so
        # the desk types it top to bottom: A. the request, the purpose, the pemohon and the
        # kuasa; B. the reasons; C. the case.
        self.helper.layout = Layout(
            "kunci",
            Row(
                Column("nomor_pendaftaran", css_class="col-md-3"),
                Column("tanggal_diterima", css_class="col-md-3"),
                Column("tanggal_diajukan", css_class="col-md-3"),
                Column("tanggal_dasar", css_class="col-md-3"),
            ),
            Row(
                Column("cara_pengajuan", css_class="col-md-4"),
                Column("tanggal_dikirim", css_class="col-md-3"),
                Column("formulir_dikembalikan", css_class="col-md-5"),
            ),
            "tujuan_penggunaan",
            *identitas,
            Fieldset(
                "Kuasa pemohon (jika diajukan melalui kuasa)",
                Row(
                    Column("kuasa_nama", css_class="col-md-4"),
                    Column("kuasa_alamat", css_class="col-md-5"),
                    Column("kuasa_telepon", css_class="col-md-3"),
                ),
                Row(
                    Column("surat_kuasa_diterima", css_class="col-md-4"),
                    Column("surat_kuasa", css_class="col-md-8"),
                ),
            ),
            Fieldset(
                "Keberatan",
                "alasan",
                "kasus_posisi",
            ),
            Fieldset(
                "Kelengkapan berkas",
                Row(
                    Column("identitas_diterima", css_class="col-md-4"),
                    Column("scan_identitas", css_class="col-md-8"),
                ),
            ),
            # A paper form entered late: the exception, after the everyday fields.
            susulan_layout(),
            Submit("daftarkan", "Daftarkan keberatan", css_class="btn-success"),
        )

    @staticmethod
    def initial_for(permohonan: Permohonan | None) -> dict:
        initial = {"kunci": uuid.uuid4(), "tanggal_diterima": today()}
        if permohonan is None:
            initial.update(jenis=Pemohon.Jenis.PERORANGAN, alasan=[A.B])
            return initial
        initial["nomor_pendaftaran"] = permohonan.nomor_pendaftaran
        initial["tujuan_penggunaan"] = permohonan.tujuan_penggunaan
        saran = saran_alasan(permohonan, today())
        if saran is not None:
            initial["alasan"] = list(saran.alasan)
        return initial

    # --- fields -----------------------------------------------------------------------------
    def clean_nomor_pendaftaran(self) -> str:
        nomor = (self.cleaned_data.get("nomor_pendaftaran") or "").strip()
        if not nomor:
            self.permohonan = None
            return ""
        self.permohonan = cari_permohonan(nomor, self.user)
        return self.permohonan.nomor_pendaftaran

    def clean_tanggal_diterima(self) -> datetime.date:
        value = not_future(self.cleaned_data["tanggal_diterima"])
        if value < today() - datetime.timedelta(days=30):
            raise forms.ValidationError(
                "Tanggal lebih dari 30 hari yang lalu; periksa kembali tanggal pada formulir."
            )
        return value

    def clean_tanggal_diajukan(self) -> datetime.date | None:
        return not_future(self.cleaned_data.get("tanggal_diajukan"))

    def clean_tanggal_dikirim(self) -> datetime.date | None:
        return not_future(self.cleaned_data.get("tanggal_dikirim"))

    def clean_tanggal_dasar(self) -> datetime.date | None:
        return not_future(self.cleaned_data.get("tanggal_dasar"))

    def clean_kuasa_telepon(self) -> str:
        return clean_telepon(self.cleaned_data.get("kuasa_telepon", ""))

    def clean_scan_identitas(self):
        # The stored name is ours (a random one, see keberatan.models.berkas_path).
        return bersihkan_scan(
            self.cleaned_data.get("scan_identitas"),
            SCAN_IDENTITAS,
            apa="identitas",
            nama="pindaian",
        )

    def clean_surat_kuasa(self):
        # The stored name is ours (a random one, see keberatan.models.berkas_path).
        return bersihkan_scan(
            self.cleaned_data.get("surat_kuasa"), SCAN_IDENTITAS, apa="surat kuasa", nama="pindaian"
        )

    # --- the rules across fields ------------------------------------------------------------
    def clean(self):
        cleaned = super().clean()
        self.susulan = clean_susulan(self, cleaned)
        alasan = set(cleaned.get("alasan") or [])
        diterima = cleaned.get("tanggal_diterima")
        dasar = cleaned.get("tanggal_dasar")
        diajukan = cleaned.get("tanggal_diajukan")
        if diajukan and diterima and diajukan > diterima:
            self.add_error(
                "tanggal_diajukan", "Tidak boleh sesudah tanggal formulir lengkap diterima."
            )
        if diajukan and diterima and diajukan < diterima:
            if not cleaned.get("formulir_dikembalikan"):
                self.add_error(
                    "formulir_dikembalikan",
                    "Pilih apakah formulir yang belum lengkap itu disimpan petugas atau "
                    "dikembalikan kepada pemohon (menentukan hari ke-0 tenggat tanggapan, "
                    f"{hukum.DASAR_TANGGAPAN_KEBERATAN}).",
                )
        dikirim = cleaned.get("tanggal_dikirim")
        if dikirim and cleaned.get("cara_pengajuan") != Keberatan.CaraPengajuan.POS:
            self.add_error("tanggal_dikirim", "Isi hanya untuk keberatan yang dikirim melalui pos.")
        elif dikirim and diterima and dikirim > diterima:
            self.add_error("tanggal_dikirim", "Tidak boleh sesudah tanggal formulir diterima.")
        if "nomor_pendaftaran" in self.errors:
            return cleaned
        p = self.permohonan
        if p is None:
            self._clean_pemohon(cleaned)
            self.periksa_identitas(cleaned)
            if alasan and alasan != {A.B}:
                self.add_error(
                    "alasan",
                    "Tanpa nomor pendaftaran hanya alasan b (informasi berkala tidak disediakan) "
                    "yang dapat diajukan; alasan lain memerlukan nomor pendaftaran permohonan.",
                )
            if not dasar:
                self.add_error(
                    "tanggal_dasar", "Tanggal ditemukannya alasan keberatan wajib diisi."
                )
        else:
            self._clean_alasan_permohonan(p, alasan)
            if diterima and p.tanggal_daftar and diterima < p.tanggal_daftar:
                self.add_error(
                    "tanggal_diterima",
                    "Tidak boleh sebelum permohonan didaftarkan "
                    f"({hari_tanggal(p.tanggal_daftar)}).",
                )
            if not dasar and dasar_otomatis(p, today()) is None:
                self.add_error(
                    "tanggal_dasar",
                    "Permohonan ini belum dijawab dan tenggatnya belum lewat; isi tanggal "
                    "ditemukannya alasan keberatan.",
                )
        if dasar and diterima and dasar > diterima:
            self.add_error("tanggal_dasar", "Tidak boleh sesudah tanggal formulir diterima.")
        self._clean_kuasa(cleaned)
        if not cleaned.get("identitas_diterima"):
            self.add_error(
                "identitas_diterima",
                "Fotokopi atau pindaian identitas (NIK) wajib dilampirkan (SOP langkah 1).",
            )
        return cleaned

    def _clean_pemohon(self, cleaned: dict) -> None:
        jenis = cleaned.get("jenis")
        if jenis in (Pemohon.Jenis.PERORANGAN, Pemohon.Jenis.KELOMPOK):
            try:
                cleaned["nik"] = clean_nik((cleaned.get("nik") or "").strip())
            except forms.ValidationError as exc:
                self.add_error("nik", exc)
            cleaned["nomor_akta"] = ""
        elif jenis == Pemohon.Jenis.BADAN_HUKUM:
            cleaned["nik"] = ""
            if not (cleaned.get("nomor_akta") or "").strip():
                self.add_error("nomor_akta", "Nomor akta/registrasi badan hukum wajib diisi.")

    def _clean_alasan_permohonan(self, p: Permohonan, alasan: set[str]) -> None:
        """What the request's record shows rules some reasons out."""
        if A.C in alasan:
            if p.tanggal_pemberitahuan is not None:
                self.add_error(
                    "alasan",
                    "Alasan c tidak berlaku: permohonan ini sudah dijawab dengan pemberitahuan "
                    f"tertulis pada {hari_tanggal(p.tanggal_pemberitahuan)}.",
                )
            elif p.tenggat and p.tenggat >= today():
                self.add_error(
                    "alasan",
                    "Alasan c belum berlaku: tenggat pemberitahuan tertulis permohonan ini "
                    f"baru berakhir {hari_tanggal(p.tenggat)}.",
                )
        if A.A in alasan and p.keputusan not in (
            Permohonan.Keputusan.DITOLAK,
            Permohonan.Keputusan.DIBERIKAN_SEBAGIAN,
        ):
            self.add_error(
                "alasan",
                "Alasan a hanya untuk permohonan yang ditolak (seluruhnya atau sebagian) "
                f"berdasarkan {hukum.pasal('17')}; permohonan ini tidak tercatat demikian.",
            )

    def _clean_kuasa(self, cleaned: dict) -> None:
        ada = any(
            (cleaned.get(n) or "") for n in ("kuasa_nama", "kuasa_alamat", "kuasa_telepon")
        ) or cleaned.get("surat_kuasa")
        if not ada:
            cleaned["surat_kuasa_diterima"] = False
            return
        if not (cleaned.get("kuasa_nama") or "").strip():
            self.add_error("kuasa_nama", "Nama kuasa wajib diisi bila keberatan melalui kuasa.")
        if not (cleaned.get("kuasa_alamat") or "").strip():
            self.add_error("kuasa_alamat", "Alamat kuasa wajib diisi.")
        if not (cleaned.get("surat_kuasa_diterima") or cleaned.get("surat_kuasa")):
            self.add_error(
                "surat_kuasa_diterima",
                "Keberatan melalui kuasa harus disertai surat kuasa: centang bila diterima "
                "atau unggah pindaiannya.",
            )

    def to_pengajuan(self) -> Pengajuan:
        c = self.cleaned_data
        pemohon = {} if self.permohonan else {n: c.get(n, "") or "" for n in PEMOHON_FIELDS}
        return Pengajuan(
            tanggal_diterima=c["tanggal_diterima"],
            alasan=sorted(c["alasan"]),
            kasus_posisi=c["kasus_posisi"],
            tujuan_penggunaan=c["tujuan_penggunaan"],
            permohonan=self.permohonan,
            pemohon=pemohon,
            alasan_identitas=(c.get("identitas_alasan") or "").strip(),
            informasi_diminta=c.get("informasi_diminta", ""),
            tanggal_dasar=c.get("tanggal_dasar"),
            tanggal_diajukan=c.get("tanggal_diajukan"),
            formulir_dikembalikan=c.get("formulir_dikembalikan") == "dikembalikan",
            cara_pengajuan=c.get("cara_pengajuan") or Keberatan.CaraPengajuan.LOKET,
            tanggal_dikirim=c.get("tanggal_dikirim"),
            kuasa_nama=c.get("kuasa_nama", "").strip(),
            kuasa_alamat=c.get("kuasa_alamat", "").strip(),
            kuasa_telepon=c.get("kuasa_telepon", ""),
            surat_kuasa_diterima=bool(c.get("surat_kuasa_diterima")),
            surat_kuasa=c.get("surat_kuasa"),
            identitas_diterima=bool(c.get("identitas_diterima")),
            scan_identitas=c.get("scan_identitas"),
            kunci=c["kunci"],
            susulan=self.susulan,
        )


# --- The steps after registration -----------------------------------------------------------


class StepForm(forms.Form):
    """A step's form: one submit button with the step's label."""

    def __init__(self, *args, submit_label: str, css: str = "primary", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}
        self.helper.add_input(tombol(submit_label, css))


class DisposisiForm(StepForm):
    unit = forms.ModelChoiceField(
        label="Diteruskan kepada",
        # The PPID Utama first ("utama" sorts after "pelaksana"), then the OPDs by name.
        queryset=Unit.objects.filter(aktif=True).order_by("-jenis", "nama"),
        empty_label="— pilih PPID / PPID Pelaksana —",
        help_text="PPID Utama, atau PPID Pelaksana OPD yang menguasai informasi.",
    )
    sifat = forms.ChoiceField(
        label="Sifat",
        choices=Keberatan.Sifat.choices,
        initial=Keberatan.Sifat.BIASA,
        widget=forms.RadioSelect,
    )
    isi = forms.CharField(
        label="Isi disposisi (instruksi Atasan PPID)", max_length=3000, widget=textarea(5, 3000)
    )

    def clean_isi(self) -> str:
        value = self.cleaned_data["isi"]
        if not value.strip():
            raise forms.ValidationError("Isi disposisi wajib ditulis.")
        return value


def amar_fields(keputusan: str, *, untuk: str = "") -> dict[str, forms.Field]:
    """The fields of the terms an outcome carries (keberatan.actions.Amar): a partial grant
    (what is given, what stays exempt, Pasal 17), a fee correction (the fee), a date correction
    (the date); none for the others. `untuk` marks them optional, with the outcome they belong
    to in their labels (the draft asks for the terms of the outcome it proposes)."""
    fields: dict[str, forms.Field] = {}
    wajib = not untuk
    akhiran = f" — untuk usulan “{untuk}”" if untuk else ""
    if keputusan == KP.SEBAGIAN:
        fields["informasi_diberikan"] = forms.CharField(
            label=f"Informasi yang diberikan{akhiran}",
            max_length=3000,
            required=wajib,
            widget=textarea(3, 3000),
        )
        fields["informasi_tertutup"] = forms.CharField(
            label=f"Informasi yang tetap dikecualikan (dihitamkan/tidak diberikan){akhiran}",
            max_length=3000,
            required=wajib,
            widget=textarea(3, 3000),
        )
        fields["pasal17"] = forms.MultipleChoiceField(
            label=(
                f"Dasar pengecualian bagian yang tertutup (UU 14/2008 {hukum.pasal('17')}){akhiran}"
            ),
            choices=hukum.Pasal17.choices,
            required=wajib,
            widget=forms.CheckboxSelectMultiple,
        )
    elif keputusan == KP.BIAYA:
        fields["biaya"] = forms.DecimalField(
            label=f"Biaya yang ditetapkan (Rp, seluruhnya){akhiran}",
            min_value=0,
            max_digits=12,
            decimal_places=2,
            required=wajib,
        )
    elif keputusan == KP.WAKTU:
        fields["tanggal_tersedia"] = forms.DateField(
            label=f"Informasi disediakan paling lambat{akhiran}",
            required=wajib,
            widget=date_input(),
        )
    return fields


def _tanggal_tersedia(value: datetime.date | None) -> datetime.date | None:
    if value is not None and value < today():
        raise forms.ValidationError("Tidak boleh sebelum hari ini.")
    return value


def _amar(c: dict) -> Amar:
    return Amar(
        informasi_diberikan=c.get("informasi_diberikan") or "",
        informasi_tertutup=c.get("informasi_tertutup") or "",
        pasal17=tuple(c.get("pasal17") or ()),
        biaya=c.get("biaya"),
        tanggal_tersedia=c.get("tanggal_tersedia"),
    )


#: The terms each outcome needs, and the message when one is missing (the answer's own check:
#: keberatan.actions._check_amar).
AMAR_WAJIB = {
    KP.SEBAGIAN: {
        "informasi_diberikan": "Tuliskan informasi yang diberikan.",
        "informasi_tertutup": "Tuliskan informasi yang tetap dikecualikan.",
        "pasal17": f"Pilih dasar pengecualian (UU 14/2008 {hukum.pasal('17')} huruf a–j).",
    },
    KP.BIAYA: {"biaya": "Isi biaya yang ditetapkan (Rp, tidak negatif)."},
    KP.WAKTU: {"tanggal_tersedia": "Isi tanggal paling lambat informasi disediakan."},
}


class DrafForm(StepForm):
    keputusan = forms.ChoiceField(
        label="Usulan keputusan", choices=KP.choices, widget=forms.RadioSelect
    )
    pertimbangan = forms.CharField(
        label="Isi draf surat tanggapan (pertimbangan dan alasan)",
        max_length=6000,
        widget=textarea(8, 6000),
    )

    def __init__(self, *args, keberatan: Keberatan, **kwargs):
        super().__init__(*args, **kwargs)
        self.keberatan = keberatan
        # Only the answers that can follow this draft: each answer step's own guard
        # (keberatan.alur: musyawarah only for reasons b–g, a partial grant or a correction
        # only on a request).
        # (The radio buttons offer only those; a value posted anyway is refused with its
        # reason in clean_keputusan.)
        self.fields["keputusan"].widget.choices = [
            (v, label) for v, label in KP.choices if jawaban_terbuka(keberatan, v) is None
        ]
        # The terms of each outcome the draft may propose (issue 24): the answer will need
        # them, so the KONSEP the Atasan approves prints them. Required for the chosen one.
        for value, label in self.fields["keputusan"].widget.choices:
            self.fields.update(amar_fields(value, untuk=label))
        self.order_fields([f for f in self.fields if f != "pertimbangan"] + ["pertimbangan"])

    def clean_tanggal_tersedia(self) -> datetime.date | None:
        return _tanggal_tersedia(self.cleaned_data.get("tanggal_tersedia"))

    def clean(self) -> dict:
        cleaned = super().clean()
        keputusan = cleaned.get("keputusan")
        for name, message in AMAR_WAJIB.get(keputusan, {}).items():
            if name in self.fields and name not in self.errors:
                value = cleaned.get(name)
                if value in (None, "", []) or (isinstance(value, str) and not value.strip()):
                    self.add_error(name, message)
        return cleaned

    def amar(self) -> Amar:
        return _amar(self.cleaned_data)

    def clean_keputusan(self) -> str:
        value = self.cleaned_data["keputusan"]
        if value == KP.MUSYAWARAH and A.A in self.keberatan.alasan:
            raise forms.ValidationError(
                f"Musyawarah hanya untuk alasan huruf b–g (UU 14/2008 {hukum.pasal('35(2)')}); "
                "keberatan ini memuat alasan a."
            )
        reason = jawaban_terbuka(self.keberatan, value)
        if reason:
            raise forms.ValidationError(reason)
        return value

    def clean_pertimbangan(self) -> str:
        value = self.cleaned_data["pertimbangan"]
        if not value.strip():
            raise forms.ValidationError("Isi draf tanggapan wajib ditulis.")
        return value


class TanggapanForm(StepForm):
    pertimbangan = forms.CharField(
        label="Isi tanggapan (pertimbangan)", max_length=6000, widget=textarea(8, 6000)
    )

    LABEL = {
        KP.DIBERIKAN: "Informasi yang diberikan, cara dan waktunya (putusan PPID dibatalkan)",
        KP.DITOLAK: f"Alasan tertulis penolakan keberatan (UU 14/2008 {hukum.pasal('36(3)')})",
        KP.MUSYAWARAH: f"Isi kesepakatan musyawarah (UU 14/2008 {hukum.pasal('35(2)')})",
        KP.SEBAGIAN: "Pertimbangan: mengapa sebagian tetap dikecualikan (uji konsekuensi)",
        KP.BIAYA: f"Pertimbangan koreksi biaya (UU 14/2008 {hukum.pasal('35(1)f')})",
        KP.WAKTU: f"Pertimbangan koreksi waktu (UU 14/2008 {hukum.pasal('35(1)g')})",
    }

    def __init__(self, *args, keputusan: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.keputusan = KP(keputusan)
        # The terms each outcome carries (keberatan.actions.Amar), asked only for it.
        self.fields.update(amar_fields(self.keputusan))
        # The outcome's terms first, then the reasons.
        self.order_fields([f for f in self.fields if f != "pertimbangan"] + ["pertimbangan"])
        self.fields["pertimbangan"].label = self.LABEL[self.keputusan]
        self.fields["pertimbangan"].error_messages["required"] = (
            f"Alasan tertulis wajib diisi (UU 14/2008 {hukum.pasal('36(3)')})."
            if self.keputusan == KP.DITOLAK
            else "Isi tanggapan wajib diisi."
        )

    def clean_pertimbangan(self) -> str:
        value = self.cleaned_data["pertimbangan"]
        if not value.strip():
            raise forms.ValidationError(self.fields["pertimbangan"].error_messages["required"])
        return value

    def clean_tanggal_tersedia(self) -> datetime.date:
        return _tanggal_tersedia(self.cleaned_data["tanggal_tersedia"])

    def amar(self) -> Amar:
        return _amar(self.cleaned_data)


class SikapForm(StepForm):
    tanggal_sikap = forms.DateField(
        label=f"Tanggal pemohon menyatakan menerima (atau {hukum.HK_SENGKETA} hari kerja lewat)",
        widget=date_input(),
    )
    catatan = forms.CharField(
        label="Catatan", max_length=2000, required=False, widget=textarea(2, 2000)
    )

    def __init__(self, *args, keberatan: Keberatan, **kwargs):
        super().__init__(*args, **kwargs)
        self.keberatan = keberatan

    def clean_tanggal_sikap(self) -> datetime.date:
        value = not_future(self.cleaned_data["tanggal_sikap"])
        awal = self.keberatan.tanggal_tanggapan
        if awal and value < awal:
            raise forms.ValidationError(
                f"Tidak boleh sebelum tanggal tanggapan ({hari_tanggal(awal)})."
            )
        return value


class SengketaForm(StepForm):
    tanggal_sengketa = forms.DateField(
        label="Tanggal sengketa diajukan ke Komisi Informasi Provinsi Bali", widget=date_input()
    )
    nomor_register = forms.CharField(
        label="Nomor register sengketa Komisi Informasi",
        max_length=100,
        required=False,
        help_text="Boleh menyusul: catat nanti dengan langkah “Catat nomor register”.",
    )
    diketahui_dari = forms.CharField(
        label="Diketahui dari (misalnya surat pemohon, panggilan Komisi Informasi)",
        max_length=300,
        required=False,
    )
    catatan = forms.CharField(
        label="Catatan", max_length=2000, required=False, widget=textarea(2, 2000)
    )

    def __init__(self, *args, keberatan: Keberatan, **kwargs):
        super().__init__(*args, **kwargs)
        self.keberatan = keberatan

    def clean_tanggal_sengketa(self) -> datetime.date:
        value = not_future(self.cleaned_data["tanggal_sengketa"])
        k = self.keberatan
        if k.tanggal_tanggapan and value < k.tanggal_tanggapan:
            raise forms.ValidationError(
                f"Tidak boleh sebelum tanggal tanggapan ({hari_tanggal(k.tanggal_tanggapan)})."
            )
        if k.tanggal_tanggapan is None and k.tenggat_tanggapan and value <= k.tenggat_tanggapan:
            raise forms.ValidationError(
                "Tanpa tanggapan, sengketa baru dapat diajukan sesudah tenggat tanggapan "
                f"Atasan PPID ({hari_tanggal(k.tenggat_tanggapan)})."
            )
        return value

    def clean(self):
        cleaned = super().clean()
        nomor = (cleaned.get("nomor_register") or "").strip()
        if not nomor and not (cleaned.get("diketahui_dari") or "").strip():
            self.add_error(
                "diketahui_dari",
                "Tanpa nomor register, isi dari mana diketahui bahwa pemohon mengajukan sengketa.",
            )
        cleaned["nomor_register"] = nomor
        return cleaned


class NomorKiForm(StepForm):
    nomor_register = forms.CharField(
        label="Nomor register sengketa Komisi Informasi", max_length=100
    )


class HasilSengketaForm(StepForm):
    hasil = forms.ChoiceField(
        label="Hasil sengketa", choices=Keberatan.HasilSengketa.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args, keberatan: Keberatan | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if keberatan is not None:
            # Only the outcomes that may follow the state the sengketa is in (its order).
            self.fields["hasil"].choices = [
                (h, label)
                for h, label in Keberatan.HasilSengketa.choices
                if keberatan.status in Keberatan.HASIL_SENGKETA_ALUR[h][1]
            ]

    tanggal_hasil = forms.DateField(label="Tanggal", widget=date_input())
    pelaksanaan = forms.CharField(
        label="Pelaksanaan oleh badan publik",
        max_length=2000,
        required=False,
        widget=textarea(3, 2000),
        help_text="Bagaimana hasil ini dilaksanakan, misalnya: informasi diserahkan kepada "
        "pemohon pada tanggal … dengan tanda terima nomor …; dicantumkan dalam Laporan Layanan "
        "Informasi Publik. Kosongkan apabila belum dilaksanakan, dan untuk hasil yang tidak "
        "dilaksanakan oleh badan publik: "
        + "; ".join(
            h.label for h in Keberatan.HasilSengketa if h not in Keberatan.HASIL_DILAKSANAKAN
        )
        + ".",
    )
    catatan = forms.CharField(
        label="Catatan", max_length=2000, required=False, widget=textarea(2, 2000)
    )

    def clean(self):
        cleaned = super().clean()
        hasil = cleaned.get("hasil")
        if (
            hasil
            and (cleaned.get("pelaksanaan") or "").strip()
            and hasil not in Keberatan.HASIL_DILAKSANAKAN
        ):
            self.add_error(
                "pelaksanaan",
                f"Hasil “{Keberatan.HasilSengketa(hasil).label}” tidak dilaksanakan oleh badan "
                "publik; kosongkan isian ini.",
            )
        return cleaned
