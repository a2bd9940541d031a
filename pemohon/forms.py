"""The pemohon's identity as the desk types it: the NIK rule, the telephone, the identity
fields that the Formulir Permohonan and the Formulir Keberatan share, and the look-up box.
Nothing is saved here: the process's action calls pemohon.identitas.save_pemohon."""

from __future__ import annotations

import datetime
import re

from django import forms
from stdnum.id import nik as stdnum_nik

from pemohon import wilayah
from pemohon.identitas import (
    NAMA_BERBEDA_TANPA_ALASAN,
    PEMOHON_FIELDS,
    find_pemohon,
    identitas_di_meja,
    meja_memegang_catatan,
    nama_berbeda,
    pemohon_terlihat,
)
from pemohon.identitas import perbedaan as perbedaan_identitas
from pemohon.models import Pemohon
from ppid_manual.workflow.calendar import today

TELEPON_RE = re.compile(r"^\+?[0-9][0-9 ()\-]{5,28}$")


def clean_nik(value: str, *, hari_ini: datetime.date | None = None) -> str:
    """A NIK: 16 digits PPRRSSDDMMYYXXXX (UU 24/2013 Pasal 13; Permendagri 137/2017). The
    province (PP) and the regency/city (PPRR) must be in the Kemendagri list shipped with the
    app (pemohon/data/wilayah_kemendagri.csv, earlier editions included: a NIK keeps the
    code of the regency that issued it); the birth date (DDMMYY, women +40 on the day) must be
    a real date, not after today; the district (SS) and the sequence (XXXX) may not be zero.
    Each message says which part is wrong. A region outside Bali is fine: anyone may request
    information (UU 14/2008 Pasal 4)."""
    nik = stdnum_nik.compact(value or "")
    if not nik:
        raise forms.ValidationError("NIK wajib diisi.")
    if not nik.isdigit():
        raise forms.ValidationError("NIK hanya boleh berisi angka (16 digit).")
    if len(nik) != 16:
        raise forms.ValidationError(f"NIK harus 16 digit; yang diisi {len(nik)} digit.")
    if not (wilayah.provinsi_dikenal(nik[:2]) and wilayah.kabupaten_kota_dikenal(nik[:4])):
        raise forms.ValidationError(
            f"Kode provinsi/kabupaten/kota pada 4 digit pertama NIK ({nik[:4]}) tidak dikenal."
        )
    if nik[4:6] == "00":
        raise forms.ValidationError("Digit ke-5 dan ke-6 NIK (kode kecamatan) tidak boleh 00.")
    _check_birth_date(nik, hari_ini or today())
    if nik[12:] == "0000":
        raise forms.ValidationError("Empat digit terakhir NIK (nomor urut) tidak boleh 0000.")
    return nik


def _check_birth_date(nik: str, hari_ini: datetime.date) -> None:
    """DDMMYY: the day 01–31 (men) or 41–71 (women, +40); the year is 19YY or 20YY, whichever
    makes a real date that is not after today (the later one first)."""
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    if 41 <= day <= 71:
        day -= 40
    elif not 1 <= day <= 31:
        day = 0
    dates = []
    for century in (2000, 1900):
        try:
            dates.append(datetime.date(century + yy, month, day))
        except ValueError:
            continue
    if not dates:
        raise forms.ValidationError(
            f"Digit ke-7 sampai ke-12 NIK ({nik[6:12]}) bukan tanggal lahir yang sah "
            "(format TTBBTT; untuk perempuan tanggal ditambah 40)."
        )
    if all(d > hari_ini for d in dates):
        raise forms.ValidationError(
            f"Tanggal lahir pada NIK (digit ke-7 sampai ke-12: {nik[6:12]}) jatuh sesudah hari ini."
        )


def clean_telepon(value: str) -> str:
    value = (value or "").strip()
    if value and not TELEPON_RE.match(value):
        raise forms.ValidationError(
            "Nomor telepon hanya boleh berisi angka, spasi, tanda +, - dan kurung (6–30 karakter)."
        )
    return value


class IdentitasPemohonForm(forms.Form):
    """The identity fields of the Formulir Permohonan and the Formulir Keberatan (Perki
    1/2021), one definition for both, with the person acting for a badan hukum or a
    kelompok. Each form lays them out and adds its own (the keberatan's kuasa); NIK rules are
    in their clean()."""

    jenis = forms.ChoiceField(
        label="Jenis pemohon", choices=Pemohon.Jenis.choices, widget=forms.RadioSelect
    )
    nama = forms.CharField(label="Nama pemohon / badan hukum / kelompok", max_length=150)
    nik = forms.CharField(
        label="NIK",
        max_length=20,
        required=False,
        help_text="Perorangan: NIK pemohon; kelompok: NIK penanggung jawab. 16 digit.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    nomor_akta = forms.CharField(
        label="Nomor akta/registrasi badan hukum", max_length=100, required=False
    )
    penanggung_jawab = forms.CharField(
        label="Nama yang bertindak untuk badan hukum/kelompok",
        max_length=150,
        required=False,
        help_text="Badan hukum: pengurus atau yang diberi kuasa; kelompok: penanggung jawab.",
    )
    alamat = forms.CharField(label="Alamat", max_length=300)
    pekerjaan = forms.CharField(label="Pekerjaan", max_length=100)
    telepon = forms.CharField(label="Nomor telepon", max_length=30)
    email = forms.EmailField(label="E-mail", max_length=254, required=False)
    # Shown only when what is typed differs from the pemohon recorded under this NIK/akta
    # (issue 15; DESIGN.md §7): see periksa_identitas().
    SAMA, LAIN = "sama", "lain"
    KONFIRMASI = ("identitas_pilihan", "identitas_alasan")
    identitas_pilihan = forms.ChoiceField(
        label="Data yang diketik berbeda dengan data pemohon tercatat",
        choices=[
            (SAMA, "Orang yang sama dengan data baru: perbarui data pemohon"),
            (LAIN, "Orang lain: NIK/nomor akta salah ketik, akan saya perbaiki"),
        ],
        required=False,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    identitas_alasan = forms.CharField(
        label="Alasan nama berbeda pada NIK/nomor akta yang sama",
        max_length=500,
        required=False,
        help_text="Misalnya: ganti nama sesuai KTP baru; salah eja pada kunjungan lalu.",
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.beda_identitas: list[tuple[str, str, str]] = []
        self.beda_nama = False

    def clean_nama(self) -> str:
        return self.cleaned_data["nama"].strip()

    def periksa_identitas(self, cleaned: dict) -> None:
        """A returning pemohon found by NIK/akta whose record differs from what is typed: the
        form shows both side by side (`beda_identitas`) and the clerk chooses. The same
        person with new details: the record is updated (pemohon.identitas.save_pemohon writes the
        events); another person: the NIK is mistyped and must be corrected. Another name on
        the same NIK needs a reason. Only a desk that may already see a case of this pemohon
        is asked (UU 27/2022 PDP Pasal 16; cari_kembali): any other desk gets the same answer
        as for a new NIK, and the difference goes to the PPID's list."""
        data = {k: cleaned.get(k) or "" for k in PEMOHON_FIELDS}
        found = find_pemohon(data)
        if found is None:
            return
        user = getattr(self, "user", None)
        if user is not None:
            if not pemohon_terlihat(user, found):
                # No oracle: a desk that may see no case of this pemohon gets what a new NIK
                # gets (the case keeps what was typed; the PPID reconciles,
                # identitas.save_pemohon).
                return
            if not meja_memegang_catatan(user, found):
                # Compared with what this desk's own cases show, never with details another
                # desk gave the shared record.
                found = identitas_di_meja(user, found)
        changes = perbedaan_identitas(found, data)
        if not changes:
            return
        self.beda_identitas = [
            (str(Pemohon._meta.get_field(name).verbose_name).capitalize(), old, new)
            for name, (old, new) in changes.items()
        ]
        self.beda_nama = nama_berbeda(found, data)
        pilihan = cleaned.get("identitas_pilihan")
        kunci = "nomor_akta" if data["jenis"] == Pemohon.Jenis.BADAN_HUKUM else "nik"
        if not pilihan:
            self.add_error(
                "identitas_pilihan",
                "Data yang diketik berbeda dengan data pemohon tercatat untuk NIK/nomor akta "
                "ini: bandingkan keduanya, lalu pilih.",
            )
        elif pilihan == self.LAIN:
            self.add_error(
                kunci,
                "NIK/nomor akta ini tercatat untuk pemohon lain: perbaiki sesuai KTP/akta.",
            )
        elif self.beda_nama and not (cleaned.get("identitas_alasan") or "").strip():
            self.add_error("identitas_alasan", NAMA_BERBEDA_TANPA_ALASAN)

    def clean_telepon(self) -> str:
        return clean_telepon(self.cleaned_data.get("telepon", ""))


class CariPemohonForm(forms.Form):
    """A returning pemohon, found by NIK (or akta number) to pre-fill the intake form."""

    # The POST field that tells the look-up from the intake form itself (registrasi.views.baru).
    TANDA = "cari_pemohon"

    cari = forms.CharField(
        label="Pemohon lama? Cari dengan NIK, nomor akta atau nama lengkap",
        max_length=100,
        required=False,
    )
