"""One pemohon identity component for permohonan and keberatan, one scan check with per-use
limits (issue 14 §4)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from keberatan.forms import KeberatanForm
from pemohon import identitas as identitas
from pemohon.forms import IdentitasPemohonForm
from pemohon.models import Pemohon
from ppid_manual.pindaian import SCAN_IDENTITAS, SCAN_SK, ScanDitolak
from registrasi.forms import PermohonanForm

PDF = b"%PDF-1.4\n" + b"0" * 100
PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 100
MB = 1024 * 1024

DATA = {
    "jenis": Pemohon.Jenis.PERORANGAN,
    "nama": "Ni Luh Putu Ayu",
    "nik": "5171014107900001",
    "alamat": "Jl. Melati 1, Denpasar",
    "pekerjaan": "Wiraswasta",
    "telepon": "0812 3456 789",
}


def test_it_gives_both_intake_forms_the_same_identity_fields():
    for name, field in IdentitasPemohonForm.base_fields.items():
        assert KeberatanForm.base_fields[name].label == field.label
        assert PermohonanForm.base_fields[name].label == field.label


@pytest.mark.django_db
def test_it_reuses_a_returning_pemohon_and_reports_what_changed():
    first, changes, *_ = identitas.save_pemohon(DATA)
    assert changes == {}
    again, changes, *_ = identitas.save_pemohon({**DATA, "telepon": "0361 123456"})
    assert again.pk == first.pk
    assert changes == {"telepon": ["0812 3456 789", "0361 123456"]}
    assert Pemohon.objects.count() == 1
    assert identitas.find_pemohon({**DATA, "nik": "5171014107900002"}) is None


def test_an_id_scan_is_refused_above_5_mb_with_its_size():
    big = SimpleUploadedFile("ktp.pdf", PDF + b"0" * (5 * MB))
    with pytest.raises(ScanDitolak, match=r"Ukuran berkas 5\.0 MB; paling besar 5 MB\."):
        SCAN_IDENTITAS.periksa(big, "identitas")


def test_an_sk_scan_may_be_larger_than_an_id_scan():
    six = SimpleUploadedFile("sk.pdf", PDF + b"0" * (6 * MB))
    assert SCAN_SK.periksa(six) == ("application/pdf", "pdf")
    with pytest.raises(ScanDitolak, match="paling besar 10 MB"):
        SCAN_SK.periksa(SimpleUploadedFile("sk.pdf", PDF + b"0" * (10 * MB)))


def test_a_scan_is_known_by_its_content_not_its_name():
    assert SCAN_IDENTITAS.periksa(SimpleUploadedFile("ktp.pdf", PNG), "identitas") == (
        "image/png",
        "png",
    )
    with pytest.raises(ScanDitolak, match="Pindai ulang surat kuasa ke salah satu format itu"):
        SCAN_IDENTITAS.periksa(SimpleUploadedFile("kuasa.pdf", b"bukan pindaian"), "surat kuasa")
    with pytest.raises(ScanDitolak, match="Berkas pindaian kosong"):
        SCAN_SK.periksa(SimpleUploadedFile("sk.pdf", b""))
