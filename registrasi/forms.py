"""Forms of the desk: validate and normalise, say in Indonesian exactly what is wrong, next to
the field. Nothing is saved by a form; the views pass the cleaned data to registrasi.actions."""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Field, Fieldset, Layout, Row, Submit
from django import forms

from pemohon.forms import IdentitasPemohonForm, clean_nik
from pemohon.identitas import PEMOHON_FIELDS
from pemohon.models import Pemohon
from ppid_manual import hukum
from ppid_manual.format import hari_tanggal
from ppid_manual.forms import bersihkan_scan, date_input, not_future, textarea
from ppid_manual.hidden_fields import HiddenFieldsCheckedMixin
from ppid_manual.models import Unit
from ppid_manual.pindaian import SCAN_IDENTITAS
from ppid_manual.workflow import calendar
from ppid_manual.workflow.calendar import today
from ppid_manual.workflow.forms import (
    SUSULAN_FIELDS,
    clean_susulan,
    susulan_fields,
    susulan_layout,
)
from ppid_manual.workflow.susulan import Susulan
from registrasi.actions import Intake, Putusan
from registrasi.alur import TENGGAT_PEMBERITAHUAN, tersedia_melewati_tenggat
from registrasi.models import Permohonan, SuratPermintaan, Tarif

K = Permohonan.Keputusan


# --- Field checks ------------------------------------------------------------------------


# --- Intake --------------------------------------------------------------------------------


class PermohonanForm(HiddenFieldsCheckedMixin, IdentitasPemohonForm):
    """The Formulir Permohonan Informasi Publik (Perki 1/2021) plus the desk's completeness
    check. Two buttons: "Daftarkan" (complete file: number and clock) or "Kembalikan" (file
    incomplete: only the name is needed, and what is missing)."""

    # The page's order (the identity fields sit inside the form, after its date).
    field_order = (
        "kunci",
        "lanjutan",
        "nama",
        "tanggal",
        "cara_pengajuan",
        *(n for n in PEMOHON_FIELDS if n != "nama"),
        "rincian_informasi",
        "tujuan_penggunaan",
        "cara_memperoleh",
        "cara_salinan",
        "formulir_lengkap",
        "identitas_diterima",
        "catatan_kekurangan",
        "scan_identitas",
        *SUSULAN_FIELDS,
        "konfirmasi_tanggal",
    )

    DAFTAR = "daftar"
    KEMBALIKAN = "kembalikan"
    # Needed only to register; a returned file may lack them (that is why it is returned).
    WAJIB_DAFTAR = (
        "alamat",
        "pekerjaan",
        "telepon",
        "rincian_informasi",
        "tujuan_penggunaan",
        "cara_memperoleh",
    )

    kunci = forms.UUIDField(widget=forms.HiddenInput)
    # A returned file brought back complete ("Lanjutkan pendaftaran"): the returned record.
    lanjutan = forms.IntegerField(widget=forms.HiddenInput, required=False)
    tanggal = forms.DateField(
        label="Tanggal permohonan diterima",
        widget=date_input(),
        help_text=f"Hari ke-0 tenggat {hukum.HK_PEMBERITAHUAN} hari kerja. Paling lama 30 "
        "hari ke belakang.",
    )
    cara_pengajuan = forms.ChoiceField(
        label="Cara pengajuan", choices=Permohonan.CaraPengajuan.choices
    )
    rincian_informasi = forms.CharField(
        label="Rincian informasi yang dibutuhkan", max_length=2000, widget=textarea(4, 2000)
    )
    tujuan_penggunaan = forms.CharField(
        label="Tujuan penggunaan informasi", max_length=1000, widget=textarea(2, 1000)
    )
    cara_memperoleh = forms.ChoiceField(
        label="Cara memperoleh informasi",
        choices=Permohonan.CaraMemperoleh.choices,
        widget=forms.RadioSelect,
    )
    cara_salinan = forms.ChoiceField(
        label="Cara mendapatkan salinan",
        choices=[("", "— pilih —")] + Permohonan.CaraSalinan.choices,
        required=False,
        help_text="Wajib jika pemohon meminta salinan.",
    )
    formulir_lengkap = forms.BooleanField(label="Formulir diisi lengkap", required=False)
    identitas_diterima = forms.BooleanField(
        label="Fotokopi identitas diterima (KTP; badan hukum: akta)", required=False
    )
    catatan_kekurangan = forms.CharField(
        label="Kekurangan lain (satu per baris)",
        max_length=1000,
        required=False,
        widget=textarea(2, 1000),
    )
    scan_identitas = forms.FileField(
        label="Pindaian identitas (opsional)",
        required=False,
        help_text="PDF, JPEG atau PNG, paling besar 5 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )
    # Shown (with what the date means) only when the date received is risky; see clean().
    konfirmasi_tanggal = forms.BooleanField(
        label="Saya sudah memeriksa tanggal pada formulir kertas; daftarkan dengan tanggal ini",
        required=False,
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(susulan_fields())
        self.order_fields(self.field_order)
        self.susulan: Susulan | None = None
        self.user = user
        self.aksi = self.data.get("aksi", self.DAFTAR) if self.is_bound else self.DAFTAR
        if self.aksi not in (self.DAFTAR, self.KEMBALIKAN):
            self.aksi = self.DAFTAR
        if self.aksi == self.KEMBALIKAN:
            for name in self.WAJIB_DAFTAR:
                self.fields[name].required = False
        self.helper = FormHelper()
        self.helper.form_id = "form-permohonan"
        self.helper.attrs = {"novalidate": ""}
        self.peringatan_tanggal: list[str] = []
        self.helper.layout = Layout(
            "kunci",
            "lanjutan",
            # The desk starts on the name (the page's first field takes the focus,
            # static/js/app.js); the date, prefilled with today, is one Tab away.
            Row(
                Column("nama", css_class="col-md-5"),
                Column("tanggal", css_class="col-md-3"),
                Column("cara_pengajuan", css_class="col-md-4"),
            ),
            Fieldset(
                "Identitas pemohon",
                Field("jenis", css_class="d-flex gap-3"),
                Row(
                    Column("nik", css_class="col-md-6"),
                    Column("nomor_akta", css_class="col-md-6"),
                ),
                "penanggung_jawab",
                Row(
                    Column("alamat", css_class="col-md-6"),
                    Column("pekerjaan", css_class="col-md-2"),
                    Column("telepon", css_class="col-md-2"),
                    Column("email", css_class="col-md-2"),
                ),
                HTML('{% include "registrasi/_beda_identitas.html" %}'),
            ),
            Fieldset(
                "Informasi yang diminta",
                "rincian_informasi",
                "tujuan_penggunaan",
                Row(
                    Column("cara_memperoleh", css_class="col-md-6"),
                    Column("cara_salinan", css_class="col-md-6"),
                ),
            ),
            Fieldset(
                "Kelengkapan berkas",
                Row(
                    Column("formulir_lengkap", "identitas_diterima", css_class="col-md-4"),
                    Column("catatan_kekurangan", css_class="col-md-4"),
                    Column("scan_identitas", css_class="col-md-4"),
                ),
            ),
            # A paper form entered late: the exception, after the everyday fields.
            susulan_layout(),
            # The risky date's warning and its confirmation, just above the buttons.
            HTML(
                "{% if form.peringatan_tanggal %}"
                '<div class="alert alert-warning" id="peringatan-tanggal">'
                '<h2 class="h6 alert-heading">Periksa tanggal permohonan diterima</h2>'
                '<ul class="mb-2">{% for baris in form.peringatan_tanggal %}<li>{{ baris }}</li>'
                "{% endfor %}</ul>"
                '<div class="form-check"><input class="form-check-input'
                '{% if form.konfirmasi_tanggal.errors %} is-invalid{% endif %}" type="checkbox"'
                ' name="konfirmasi_tanggal" id="id_konfirmasi_tanggal"'
                ' aria-describedby="peringatan-tanggal">'
                # Dark red on the warning's yellow: the contrast WCAG AA asks for.
                '<label class="form-check-label fw-bold text-danger-emphasis"'
                ' for="id_konfirmasi_tanggal">'
                "{{ form.konfirmasi_tanggal.label }}</label></div></div>{% endif %}"
            ),
            # Two submit buttons: the desk's completeness decision (SOP step 2).
            HTML(
                '<div class="d-flex gap-2 flex-wrap mt-2">'
                '<button type="submit" name="aksi" value="daftar" class="btn btn-success">'
                '<i class="bi bi-check2-circle" aria-hidden="true"></i> '
                "Daftarkan (berkas lengkap)</button>"
                '<button type="submit" name="aksi" value="kembalikan" class="btn btn-warning">'
                '<i class="bi bi-arrow-return-left" aria-hidden="true"></i> '
                "Kembalikan (kurang lengkap)</button></div>"
            ),
        )

    def clean_tanggal(self) -> datetime.date:
        value = not_future(self.cleaned_data["tanggal"])
        if value < today() - datetime.timedelta(days=30):
            raise forms.ValidationError(
                "Tanggal lebih dari 30 hari yang lalu; periksa kembali tanggal pada formulir."
            )
        return value

    def risky_date(self, day: datetime.date) -> list[str]:
        """What a registration dated `day` means, when that is not the everyday case: a date
        more than the SOP's 1 working day back (the 10 hk of UU 14/2008 Pasal 22(7) count
        from the paper's date, so the case may be late from the start), or a typed date that
        is not a working day (day 0 is that day; the count starts on the next working day).
        Today is never risky: the desk registers what it receives now."""
        now = today()
        if day >= now:
            return []
        tenggat = TENGGAT_PEMBERITAHUAN.count_from(day)
        days_off = calendar.days_off_between(day, max(now, tenggat))
        lines = []
        if not calendar.is_working_day(day, days_off):
            why = days_off.get(day) or ("hari Sabtu" if day.weekday() == 5 else "hari Minggu")
            lines.append(
                f"{hari_tanggal(day)} bukan hari kerja ({why}). Hari ke-0 adalah tanggal itu; "
                f"hitungan {hukum.HK_PEMBERITAHUAN} hari kerja mulai pada hari kerja berikutnya."
            )
        lewat = calendar.working_days_between(day, now, days_off)
        if lewat > 1:
            lines.append(
                f"Tanggal ini {lewat} hari kerja yang lalu: melewati batas SOP "
                f"{hukum.SOP_ENTRI} hari kerja "
                "untuk mendaftarkan permohonan."
            )
        if lines:
            if tenggat < now:
                lines.append(
                    f"Tenggat pemberitahuan tertulis ({hukum.HK_PEMBERITAHUAN} hari kerja, "
                    "UU 14/2008 "
                    f"{hukum.pasal('22(7)')}) "
                    f"jatuh pada {hari_tanggal(tenggat)}, sudah lewat: permohonan ini "
                    "langsung tercatat TERLAMBAT sejak didaftarkan."
                )
            else:
                sisa = calendar.working_days_between(now, tenggat, days_off)
                lines.append(
                    f"Tenggat pemberitahuan tertulis ({hukum.HK_PEMBERITAHUAN} hari kerja, "
                    "UU 14/2008 "
                    f"{hukum.pasal('22(7)')}) "
                    f"jatuh pada {hari_tanggal(tenggat)}: tersisa {sisa} hari kerja dari hari ini."
                )
        return lines

    def clean_scan_identitas(self):
        return bersihkan_scan(
            self.cleaned_data.get("scan_identitas"),
            SCAN_IDENTITAS,
            apa="identitas",
            nama="identitas",
        )

    def clean(self):
        cleaned = super().clean()
        jenis = cleaned.get("jenis")
        daftar = self.aksi == self.DAFTAR
        nik_raw = (cleaned.get("nik") or "").strip()
        if jenis in (Pemohon.Jenis.PERORANGAN, Pemohon.Jenis.KELOMPOK):
            if nik_raw or daftar:
                try:
                    cleaned["nik"] = clean_nik(nik_raw)
                except forms.ValidationError as exc:
                    self.add_error("nik", exc)
            cleaned["nomor_akta"] = ""
        elif jenis == Pemohon.Jenis.BADAN_HUKUM:
            cleaned["nik"] = ""
            if daftar and not (cleaned.get("nomor_akta") or "").strip():
                self.add_error("nomor_akta", "Nomor akta/registrasi badan hukum wajib diisi.")
        if cleaned.get("cara_memperoleh") in (
            Permohonan.CaraMemperoleh.HARDCOPY,
            Permohonan.CaraMemperoleh.SOFTCOPY,
        ):
            if daftar and not cleaned.get("cara_salinan"):
                self.add_error("cara_salinan", "Pilih cara mendapatkan salinan.")
        else:
            cleaned["cara_salinan"] = ""
        if daftar:
            self.susulan = clean_susulan(self, cleaned)
        if daftar and cleaned.get("tanggal"):
            self.peringatan_tanggal = self.risky_date(cleaned["tanggal"])
            if self.peringatan_tanggal and not cleaned.get("konfirmasi_tanggal"):
                # Nothing is saved before the clerk has read what the date means.
                self.add_error(
                    "konfirmasi_tanggal",
                    "Tanggal diterima perlu dikonfirmasi: baca peringatan di atas tombol "
                    "Daftarkan, lalu centang konfirmasinya.",
                )
        self.periksa_identitas(cleaned)
        missing = not (cleaned.get("formulir_lengkap") and cleaned.get("identitas_diterima"))
        if daftar:
            if not cleaned.get("formulir_lengkap"):
                self.add_error(
                    "formulir_lengkap",
                    "Berkas yang didaftarkan harus lengkap; jika belum, pilih “Kembalikan”.",
                )
            if not cleaned.get("identitas_diterima"):
                self.add_error(
                    "identitas_diterima",
                    "Fotokopi identitas wajib ada (SOP langkah 1); jika belum, pilih “Kembalikan”.",
                )
            if (cleaned.get("catatan_kekurangan") or "").strip():
                self.add_error(
                    "catatan_kekurangan",
                    "Ada kekurangan yang dicatat: berkas yang kurang lengkap dikembalikan.",
                )
        elif not missing and not (cleaned.get("catatan_kekurangan") or "").strip():
            self.add_error(
                "catatan_kekurangan",
                "Tuliskan apa yang kurang, atau hilangkan centang kelengkapan yang belum ada.",
            )
        return cleaned

    def to_intake(self) -> Intake:
        c = self.cleaned_data
        return Intake(
            pemohon={
                "jenis": c["jenis"],
                "nama": c["nama"],
                "nik": c.get("nik", ""),
                "nomor_akta": (c.get("nomor_akta") or "").strip(),
                "penanggung_jawab": (
                    ""
                    if c["jenis"] == Pemohon.Jenis.PERORANGAN
                    else (c.get("penanggung_jawab") or "").strip()
                ),
                "alamat": c.get("alamat", ""),
                "pekerjaan": c.get("pekerjaan", ""),
                "telepon": c.get("telepon", ""),
                "email": c.get("email", ""),
            },
            alasan_identitas=(c.get("identitas_alasan") or "").strip(),
            rincian_informasi=c.get("rincian_informasi", ""),
            tujuan_penggunaan=c.get("tujuan_penggunaan", ""),
            cara_memperoleh=c.get("cara_memperoleh", ""),
            cara_salinan=c.get("cara_salinan", ""),
            cara_pengajuan=c["cara_pengajuan"],
            formulir_lengkap=c.get("formulir_lengkap", False),
            identitas_diterima=c.get("identitas_diterima", False),
            catatan_kekurangan=c.get("catatan_kekurangan", ""),
            tanggal=c["tanggal"],
            scan_identitas=c.get("scan_identitas"),
            susulan=self.susulan,
            kunci=c["kunci"],
        )

    @staticmethod
    def initial_from_returned(p: Permohonan) -> dict:
        """ "Lanjutkan pendaftaran": everything the returned file had, for the pemohon who came
        back with what was missing. The completeness checks start unticked (the desk checks
        the file again) and the date is today: the clock starts when the file is complete."""
        initial = PermohonanForm.initial_for(p.pemohon)
        initial.update(
            lanjutan=p.pk,
            cara_pengajuan=p.cara_pengajuan,
            rincian_informasi=p.rincian_informasi,
            tujuan_penggunaan=p.tujuan_penggunaan,
            cara_memperoleh=p.cara_memperoleh,
            cara_salinan=p.cara_salinan,
        )
        return initial

    @staticmethod
    def initial_for(pemohon: Pemohon | None) -> dict:
        initial = {
            "kunci": uuid.uuid4(),
            "tanggal": today(),
            "jenis": Pemohon.Jenis.PERORANGAN,
            "cara_pengajuan": Permohonan.CaraPengajuan.LANGSUNG,
        }
        if pemohon is not None:
            for name in ("jenis", "nama", "nik", "nomor_akta", "alamat", "pekerjaan"):
                initial[name] = getattr(pemohon, name)
            initial["telepon"] = pemohon.telepon
            initial["email"] = pemohon.email
        return initial


# --- Routing and the OPD's answer ----------------------------------------------------------


class SuratPermintaanForm(forms.Form):
    unit = forms.ModelChoiceField(
        label="OPD yang menguasai informasi",
        queryset=Unit.objects.filter(aktif=True, jenis=Unit.Jenis.PPID_PELAKSANA),
        empty_label="— pilih OPD —",
    )
    catatan = forms.CharField(
        label="Catatan untuk OPD", max_length=2000, required=False, widget=textarea(3, 2000)
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("kirim", "Terbitkan surat permintaan"))


class JawabanOpdForm(forms.Form):
    jawaban = forms.ChoiceField(
        label="Jawaban OPD", choices=SuratPermintaan.Jawaban.choices, widget=forms.RadioSelect
    )
    klasifikasi = forms.ChoiceField(
        label="Klasifikasi informasi",
        choices=[("", "— belum ditentukan —")] + Permohonan.Klasifikasi.choices,
        required=False,
    )
    isi_jawaban = forms.CharField(
        label="Isi jawaban (informasi yang diberikan, atau alasannya)",
        max_length=3000,
        widget=textarea(4, 3000),
    )
    nomor_surat_jawaban = forms.CharField(
        label="Nomor surat jawaban OPD", max_length=150, required=False
    )
    tanggal_jawaban = forms.DateField(label="Tanggal jawaban OPD", widget=date_input())

    def __init__(self, *args, surat: SuratPermintaan, **kwargs):
        super().__init__(*args, **kwargs)
        self.surat = surat
        self.helper = FormHelper()
        self.helper.add_input(Submit("simpan", "Catat jawaban OPD"))

    def clean_tanggal_jawaban(self) -> datetime.date:
        value = not_future(self.cleaned_data["tanggal_jawaban"])
        if value < self.surat.tanggal:
            raise forms.ValidationError(
                "Tanggal jawaban tidak boleh sebelum tanggal surat permintaan."
            )
        return value

    def clean(self):
        cleaned = super().clean()
        jawaban = cleaned.get("jawaban")
        if jawaban == SuratPermintaan.Jawaban.DIKECUALIKAN:
            cleaned["klasifikasi"] = Permohonan.Klasifikasi.DIKECUALIKAN
        elif jawaban in (SuratPermintaan.Jawaban.TERSEDIA, SuratPermintaan.Jawaban.SEBAGIAN):
            if not cleaned.get("klasifikasi"):
                self.add_error("klasifikasi", "Tentukan klasifikasi informasi (DIP/DIK).")
        return cleaned


# --- The decision ----------------------------------------------------------------------------

FIELDS_BY_OUTCOME = {
    K.DIBERIKAN_SELURUHNYA: (
        "uraian_informasi",
        "bentuk_informasi",
        "format_informasi",
        "cara_pembayaran",
        "perkiraan_halaman",
        "perkiraan_tarif",
        "perkiraan_biaya_kirim",
        "waktu_penyediaan",
    ),
    K.DIBERIKAN_SEBAGIAN: (
        "uraian_informasi",
        "bagian_dihitamkan",
        "pasal17",
        "undang_undang_lain",
        "konsekuensi",
        "bentuk_informasi",
        "format_informasi",
        "cara_pembayaran",
        "perkiraan_halaman",
        "perkiraan_tarif",
        "perkiraan_biaya_kirim",
        "waktu_penyediaan",
    ),
    K.DITOLAK: ("uraian_informasi", "pasal17", "undang_undang_lain", "konsekuensi"),
    K.TIDAK_DIKUASAI: ("uraian_informasi", "penguasa_informasi"),
    K.BELUM_DIDOKUMENTASIKAN: ("uraian_informasi", "tanggal_tersedia"),
}

URAIAN_LABEL = {
    K.DIBERIKAN_SELURUHNYA: "Informasi yang diberikan",
    K.DIBERIKAN_SEBAGIAN: "Informasi yang diberikan",
    K.DITOLAK: "Penjelasan (opsional)",
    K.TIDAK_DIKUASAI: "Penjelasan",
    K.BELUM_DIDOKUMENTASIKAN: "Penjelasan (kapan informasi akan didokumentasikan)",
}


class PutusanForm(forms.Form):
    """The content of the pemberitahuan tertulis for one outcome."""

    uraian_informasi = forms.CharField(max_length=3000, widget=textarea(4, 3000))
    bagian_dihitamkan = forms.CharField(
        label="Bagian yang dihitamkan", max_length=2000, widget=textarea(3, 2000)
    )
    pasal17 = forms.MultipleChoiceField(
        label=f"Dikecualikan berdasarkan UU 14/2008 {hukum.pasal('17')} huruf",
        choices=Permohonan.Pasal17.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    undang_undang_lain = forms.CharField(
        label="dan/atau undang-undang lain",
        max_length=300,
        required=False,
        help_text=(f"Misalnya: UU 27/2022 tentang Pelindungan Data Pribadi, {hukum.pasal('...')}"),
    )
    konsekuensi = forms.CharField(
        label="Uji konsekuensi (akibat apabila informasi dibuka)",
        max_length=4000,
        widget=textarea(5, 4000),
    )
    penguasa_informasi = forms.CharField(
        label="Badan publik yang menguasai informasi (jika diketahui)",
        max_length=300,
        required=False,
    )
    perkiraan_halaman = forms.IntegerField(
        label="Perkiraan jumlah halaman salinan", min_value=0, max_value=100000, required=False
    )
    perkiraan_tarif = forms.ModelChoiceField(
        label="Tarif penyalinan", queryset=Tarif.objects.none(), required=False
    )
    perkiraan_biaya_kirim = forms.DecimalField(
        label="Perkiraan biaya pengiriman (Rp)",
        min_value=Decimal("0"),
        max_value=Decimal("100000000"),
        decimal_places=0,
        required=False,
    )
    waktu_penyediaan = forms.CharField(
        label="Waktu penyediaan informasi",
        max_length=200,
        required=False,
        help_text="Misalnya: dapat diambil mulai 10 April 2026.",
    )
    # UU 14/2008 Pasal 22(7) huruf f and g; Perki 1/2021 for "belum didokumentasikan".
    bentuk_informasi = forms.ChoiceField(
        label="Bentuk informasi",
        choices=[("", "— sesuai cara memperoleh —"), *Permohonan.BentukInformasi.choices],
        required=False,
    )
    format_informasi = forms.CharField(
        label="Format informasi",
        max_length=100,
        required=False,
        help_text="Misalnya: PDF, 12 halaman; XLSX.",
    )
    cara_pembayaran = forms.ChoiceField(
        label="Cara pembayaran biaya (apabila ada)",
        choices=Permohonan.CaraPembayaran.choices,
        initial=Permohonan.CaraPembayaran.TUNAI,
        required=False,
    )
    tanggal_tersedia = forms.DateField(
        label="Informasi tersedia paling lambat",
        widget=forms.DateInput(attrs={"type": "date"}),
        required=False,
        help_text="Dicetak pada pemberitahuan: kapan informasi akan didokumentasikan.",
    )

    # Pasal 22(7) order: what is given (d), what is blacked out (e), its form (f), the cost
    # and how to pay it (g).
    field_order = [
        "uraian_informasi",
        "tanggal_tersedia",
        "bagian_dihitamkan",
        "pasal17",
        "undang_undang_lain",
        "konsekuensi",
        "penguasa_informasi",
        "bentuk_informasi",
        "format_informasi",
        "waktu_penyediaan",
        "perkiraan_halaman",
        "perkiraan_tarif",
        "perkiraan_biaya_kirim",
        "cara_pembayaran",
    ]

    def __init__(
        self,
        *args,
        keputusan: str,
        submit_label: str,
        permohonan: Permohonan | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.keputusan = K(keputusan)
        self.permohonan = permohonan
        keep = FIELDS_BY_OUTCOME[self.keputusan]
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        self.fields["uraian_informasi"].label = URAIAN_LABEL[self.keputusan]
        if self.keputusan == K.DIBERIKAN_SEBAGIAN:
            # Pasal 2(4): the part blacked out is tested as a refusal is.
            self.fields[
                "konsekuensi"
            ].label = "Uji konsekuensi bagian yang dihitamkan (akibat apabila bagian itu dibuka)"
        if self.keputusan == K.DITOLAK:
            self.fields["uraian_informasi"].required = False
        if "tanggal_tersedia" in self.fields:
            self.fields["tanggal_tersedia"].required = True
        if "perkiraan_tarif" in self.fields:
            self.fields["perkiraan_tarif"].queryset = Tarif.objects.berlaku(today())
        self.helper = FormHelper()
        self.helper.add_input(Submit("simpan", submit_label))

    def clean(self):
        cleaned = super().clean()
        if "pasal17" in self.fields:
            if not cleaned.get("pasal17") and not (cleaned.get("undang_undang_lain") or ""):
                self.add_error(
                    "pasal17", f"Pilih huruf {hukum.pasal('17')} dan/atau isi undang-undang lain."
                )
        tersedia = cleaned.get("tanggal_tersedia")
        if tersedia is not None and tersedia < today():
            self.add_error("tanggal_tersedia", "Tanggal ini tidak boleh sebelum hari ini.")
        elif tersedia is not None and self.permohonan is not None:
            # The action checks it again on the locked row (registrasi.alur).
            melewati = tersedia_melewati_tenggat(self.permohonan, tersedia, today())
            if melewati:
                self.add_error("tanggal_tersedia", melewati)
        if cleaned.get("perkiraan_halaman") and not cleaned.get("perkiraan_tarif"):
            self.add_error("perkiraan_tarif", "Pilih tarif untuk halaman yang akan disalin.")
        return cleaned

    def to_putusan(self) -> Putusan:
        c = self.cleaned_data
        return Putusan(
            keputusan=self.keputusan,
            uraian_informasi=c.get("uraian_informasi", ""),
            bagian_dihitamkan=c.get("bagian_dihitamkan", ""),
            pasal17=list(c.get("pasal17") or []),
            undang_undang_lain=c.get("undang_undang_lain", ""),
            konsekuensi=c.get("konsekuensi", ""),
            penguasa_informasi=c.get("penguasa_informasi", ""),
            perkiraan_halaman=c.get("perkiraan_halaman"),
            perkiraan_tarif=c.get("perkiraan_tarif"),
            perkiraan_biaya_kirim=c.get("perkiraan_biaya_kirim") or Decimal("0"),
            waktu_penyediaan=c.get("waktu_penyediaan", ""),
            bentuk_informasi=c.get("bentuk_informasi") or "",
            format_informasi=c.get("format_informasi", ""),
            cara_pembayaran=c.get("cara_pembayaran") or "",
            tanggal_tersedia=c.get("tanggal_tersedia"),
        )


# --- Extension, handover, notes ---------------------------------------------------------------


class PerpanjanganForm(forms.Form):
    alasan = forms.CharField(
        label="Alasan perpanjangan (dicetak pada pemberitahuan)",
        max_length=2000,
        widget=textarea(4, 2000),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(
            Submit(
                "simpan", f"Perpanjang {hukum.HK_PERPANJANGAN} hari kerja", css_class="btn-warning"
            )
        )


class PenyerahanForm(forms.Form):
    nama_penerima = forms.CharField(label="Nama penerima", max_length=150)
    cara = forms.ChoiceField(label="Cara penyerahan", choices=Permohonan.CaraSalinan.choices)
    jumlah_halaman = forms.IntegerField(
        label="Jumlah halaman/lembar salinan", min_value=0, max_value=100000, initial=0
    )
    tarif = forms.ModelChoiceField(
        label="Tarif", queryset=Tarif.objects.none(), required=False, empty_label="— tanpa tarif —"
    )
    biaya_pengiriman = forms.DecimalField(
        label="Biaya pengiriman (Rp)",
        min_value=Decimal("0"),
        max_value=Decimal("100000000"),
        decimal_places=0,
        initial=0,
    )
    cara_pembayaran = forms.ChoiceField(
        label="Cara pembayaran (bila ada biaya; kuitansi bernomor dicetak)",
        choices=Permohonan.CaraPembayaran.choices,
        initial=Permohonan.CaraPembayaran.TUNAI,
        required=False,
    )
    catatan = forms.CharField(
        label="Catatan", max_length=1000, required=False, widget=textarea(2, 1000)
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tarif"].queryset = Tarif.objects.berlaku(today())
        self.helper = FormHelper()
        self.helper.add_input(Submit("simpan", "Serahkan dan cetak tanda terima"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("jumlah_halaman") and not cleaned.get("tarif"):
            self.add_error("tarif", "Pilih tarif untuk halaman yang disalin.")
        return cleaned
