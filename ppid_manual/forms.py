from __future__ import annotations

import datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Div, Layout, Submit
from django import forms
from django.contrib.auth.forms import AuthenticationForm

from ppid_manual.pindaian import BatasScan, ScanDitolak
from ppid_manual.workflow.calendar import today


def bersihkan_scan(upload, batas: BatasScan, *, apa: str, nama: str):
    """A form field's scan (ID, surat kuasa): checked by ppid_manual.pindaian, stored under
    our own name (`nama`.pdf|jpg|png), never the one the browser sent. None when none came."""
    if not upload:
        return None
    try:
        _mime, ext = batas.periksa(upload, apa)
    except ScanDitolak as exc:
        raise forms.ValidationError(str(exc)) from None
    upload.name = f"{nama}.{ext}"
    return upload


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Nama pengguna atau kata sandi salah.",
        "inactive": "Akun ini tidak aktif.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Nama pengguna"
        self.fields["password"].label = "Kata sandi"
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", "Masuk", css_class="w-100"))


# The longest span the calendar page counts (a year of working days and more).
HARI_KERJA_MAKS = 365


class KalenderForm(forms.Form):
    mulai = forms.DateField(
        label="Tanggal mulai (hari ke-0)",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Tanggal tidak valid.", "required": "Tanggal wajib diisi."},
    )
    hari = forms.IntegerField(
        label="Jumlah hari kerja",
        min_value=0,
        max_value=HARI_KERJA_MAKS,
        initial=10,
        error_messages={
            "invalid": "Isi dengan bilangan bulat.",
            "required": "Jumlah hari kerja wajib diisi.",
            "min_value": "Tidak boleh negatif.",
            "max_value": f"Paling banyak {HARI_KERJA_MAKS} hari kerja.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.add_input(Submit("hitung", "Hitung"))

    def clean_mulai(self) -> datetime.date:
        mulai = self.cleaned_data["mulai"]
        if not 2000 <= mulai.year <= 2100:
            raise forms.ValidationError("Tahun harus antara 2000 dan 2100.")
        return mulai


# --- Shared by the processes' forms ------------------------------------------------------


def not_future(value: datetime.date | None) -> datetime.date | None:
    if value and value > today():
        raise forms.ValidationError("Tanggal tidak boleh di masa depan.")
    return value


def date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def textarea(rows: int = 3, maxlength: int | None = None) -> forms.Textarea:
    attrs = {"rows": rows}
    if maxlength:
        attrs["maxlength"] = maxlength
    return forms.Textarea(attrs=attrs)


class RegisterForm(forms.Form):
    """The period of a register (Register Permohonan, Register Keberatan)."""

    dari = forms.DateField(label="Dari tanggal", widget=date_input())
    sampai = forms.DateField(label="Sampai tanggal", widget=date_input())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_class = "row g-2 align-items-end"
        self.helper.layout = Layout(
            Column("dari", css_class="col-auto"),
            Column("sampai", css_class="col-auto"),
            Div(
                HTML(
                    '<button class="btn btn-primary" type="submit">Tampilkan</button> '
                    '<button class="btn btn-outline-secondary" type="submit" name="format" '
                    'value="pdf"><i class="bi bi-file-earmark-pdf" aria-hidden="true"></i> PDF'
                    "</button> "
                    '<button class="btn btn-outline-success" type="submit" name="format" '
                    'value="xlsx"><i class="bi bi-file-earmark-excel" aria-hidden="true"></i> '
                    "XLSX</button>"
                ),
                css_class="col-auto mb-3",
            ),
        )

    def clean(self):
        cleaned = super().clean()
        dari, sampai = cleaned.get("dari"), cleaned.get("sampai")
        if dari and sampai:
            if sampai < dari:
                self.add_error("sampai", "Tanggal akhir tidak boleh sebelum tanggal awal.")
            elif (sampai - dari).days > 366:
                self.add_error("sampai", "Periode paling panjang satu tahun.")
        return cleaned
