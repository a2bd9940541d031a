from __future__ import annotations

import datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.auth.forms import AuthenticationForm


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


class KalenderForm(forms.Form):
    mulai = forms.DateField(
        label="Tanggal mulai (hari ke-0)",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Tanggal tidak valid.", "required": "Tanggal wajib diisi."},
    )
    hari = forms.IntegerField(
        label="Jumlah hari kerja",
        min_value=0,
        max_value=365,
        initial=10,
        error_messages={
            "invalid": "Isi dengan bilangan bulat.",
            "required": "Jumlah hari kerja wajib diisi.",
            "min_value": "Tidak boleh negatif.",
            "max_value": "Paling banyak 365 hari kerja.",
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
