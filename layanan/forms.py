"""The forms of the services across the processes: the Laporan's period and narrative, the
hand-back export, a long register's period."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from layanan.models import CetakanRegister, LaporanLayanan
from ppid_manual.models import Unit


class LaporanPilihForm(forms.Form):
    tahun = forms.IntegerField(
        label="Tahun",
        min_value=2000,
        max_value=2100,
        error_messages={
            "invalid": "Isi tahun dengan angka.",
            "required": "Tahun wajib diisi.",
            "min_value": "Tahun paling awal 2000.",
            "max_value": "Tahun paling akhir 2100.",
        },
    )
    periode = forms.ChoiceField(label="Periode", choices=LaporanLayanan.Periode.choices)
    unit = forms.ModelChoiceField(
        label="Cakupan",
        queryset=Unit.objects.filter(aktif=True),
        required=False,
        empty_label="Pemerintah Provinsi Bali (seluruh OPD)",
    )

    def __init__(self, *args, unit_tetap: Unit | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if unit_tetap is not None:
            # A PPID Pelaksana reports on its own OPD only.
            self.fields["unit"].queryset = Unit.objects.filter(pk=unit_tetap.pk)
            self.fields["unit"].empty_label = None
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_class = "row g-2 align-items-end"
        self.helper.field_class = ""
        self.helper.add_input(Submit("tampil", "Tampilkan"))


class LaporanNarasiForm(forms.ModelForm):
    class Meta:
        model = LaporanLayanan
        # In the order the Perki lists the parts (hukum.LAPORAN_BAGIAN).
        fields = [
            "gambaran_umum",
            "sarana_prasarana",
            "sumber_daya_manusia",
            "anggaran",
            "pelaksanaan_keberatan",
            "pelaksanaan_sengketa",
            "pelaksanaan_putusan_pengadilan",
            "kendala",
            "rekomendasi",
        ]
        widgets = {f: forms.Textarea(attrs={"rows": 4}) for f in fields}
        help_texts = {
            f: "Pelaksanaan setiap hasil dicatat bersama hasilnya di berkas keberatan dan tercetak "
            "di tabel sengketa; isian ini keterangan tambahan untuk periode (boleh kosong)."
            for f in ("pelaksanaan_sengketa", "pelaksanaan_putusan_pengadilan")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("simpan", "Simpan uraian"))


class PengantarLaporanForm(forms.Form):
    """The date of the surat pengantar that sends the report (layanan/actions.py)."""

    tanggal = forms.DateField(
        label="Tanggal surat pengantar",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Tanggal tidak valid.", "required": "Tanggal wajib diisi."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_class = "row g-2 align-items-end"
        self.helper.add_input(Submit("terbitkan_pengantar", "Terbitkan surat pengantar"))


class EksporOnlineForm(forms.Form):
    dari = forms.DateField(
        label="Dari tanggal",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Tanggal tidak valid.", "required": "Tanggal awal wajib diisi."},
    )
    sampai = forms.DateField(
        label="Sampai tanggal",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "invalid": "Tanggal tidak valid.",
            "required": "Tanggal akhir wajib diisi.",
        },
    )
    lengkap = forms.BooleanField(
        label="Ekspor lengkap dengan data pribadi pemohon (hanya untuk sistem online PPID)",
        required=False,
    )
    semua = forms.BooleanField(
        label="Sertakan juga rekaman yang sudah pernah diekspor", required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("ekspor", "Buat berkas ekspor"))

    def clean(self):
        cleaned = super().clean()
        dari, sampai = cleaned.get("dari"), cleaned.get("sampai")
        if dari and sampai and dari > sampai:
            self.add_error("sampai", "Tanggal akhir tidak boleh sebelum tanggal awal.")
        return cleaned


class CetakRegisterForm(forms.Form):
    """Which register, which period: a register too long to print within the request
    (layanan/cetak_latar.py)."""

    jenis = forms.ChoiceField(choices=CetakanRegister.Jenis.choices)
    dari = forms.DateField()
    sampai = forms.DateField()

    def clean(self):
        data = super().clean()
        if data.get("dari") and data.get("sampai") and data["sampai"] < data["dari"]:
            raise forms.ValidationError("Tanggal akhir tidak boleh sebelum tanggal awal.")
        return data
