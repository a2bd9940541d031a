"""The kop and its lambang as master data (issue 26): the admin uploads a unit's lambang (PNG
or SVG, checked: ppid_manual/lambang.py), it is stored with the unit, and every letter and
register of that unit prints it."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from ppid_manual import lambang
from ppid_manual.models import Unit
from ppid_manual.workflow.tabel_pdf import KolomTabel, render_tabel_pdf

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    b'<circle cx="5" cy="5" r="4" fill="#000"/></svg>'
)


def png() -> bytes:
    """A valid 1x1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00\x00\x00"))
        + chunk(b"IEND", b"")
    )


def test_a_png_and_a_plain_svg_are_accepted():
    assert lambang.periksa(png()) == lambang.PNG
    assert lambang.periksa(SVG) == lambang.SVG
    assert lambang.periksa(lambang.contoh()) == lambang.SVG


@pytest.mark.parametrize(
    "isi, pesan",
    [
        (b"", "kosong"),
        (b"\xff\xd8\xff\xe0JFIF", "PNG atau SVG"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "script"),
        (b'<svg xmlns="http://www.w3.org/2000/svg" onload="x()"></svg>', "peristiwa"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
            b'<image xlink:href="http://example.org/a.png"/></svg>',
            "merujuk berkas lain",
        ),
        (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "b">]><svg>&a;</svg>', "DOCTYPE"),
        (b"<svg", "tidak dapat dibaca"),
        (b"\x89PNG\r\n\x1a\n" + b"0" * lambang.BATAS_BYTE, "512 KB"),
    ],
)
def test_anything_else_is_refused_with_a_reason(isi, pesan):
    with pytest.raises(ValidationError, match=pesan):
        lambang.periksa(isi)


def test_the_admin_uploads_a_lambang_and_it_is_stored_with_the_unit(client, admin_user, units):
    unit = units["utama"]
    client.force_login(admin_user)
    url = reverse("admin:ppid_manual_unit_change", args=[unit.pk])
    data = {
        "kode": unit.kode,
        "nama": unit.nama,
        "singkatan": unit.singkatan,
        "jenis": unit.jenis,
        "alamat": unit.alamat,
        "aktif": "on",
        "kop": "PEMERINTAH PROVINSI BALI\nDINAS KOMINFOS",
    }
    bad = client.post(url, {**data, "berkas_lambang": SimpleUploadedFile("l.svg", b"<svg")})
    assert bad.status_code == 200
    assert "tidak dapat dibaca" in bad.content.decode()
    unit.refresh_from_db()
    assert bytes(unit.lambang) == b""

    response = client.post(url, {**data, "berkas_lambang": SimpleUploadedFile("l.png", png())})
    assert response.status_code == 302
    unit.refresh_from_db()
    assert bytes(unit.lambang) == png()
    assert unit.lambang_jenis == lambang.PNG
    # Saved again without a file: the stored lambang stays.
    assert client.post(url, data).status_code == 302
    unit.refresh_from_db()
    assert bytes(unit.lambang) == png()


def test_a_letter_prints_its_units_lambang(units, pejabat):
    from ppid_manual.documents import PerhitunganTenggat
    from tests.helpers import D

    unit = Unit.utama()
    unit.lambang, unit.lambang_jenis = SVG, lambang.SVG
    unit.save()
    html = PerhitunganTenggat(mulai=D(2026, 3, 16), hari=10, tenggat=D(2026, 3, 30)).render_html()
    assert lambang.data_url(SVG, lambang.SVG) in html


@pytest.mark.parametrize("isi, jenis", [(png(), lambang.PNG), (SVG, lambang.SVG)])
def test_a_register_prints_the_ppid_utamas_lambang(units, isi, jenis):
    unit = Unit.utama()
    unit.lambang, unit.lambang_jenis = isi, jenis
    unit.save()
    pdf = render_tabel_pdf(
        judul="REGISTER",
        subjudul="Periode",
        kolom=[KolomTabel("No.", 1)],
        baris=[["1"]],
        jumlah=1,
        penutup="Jumlah baris: 1.",
        kaki="kaki",
    )
    first = PdfReader(io.BytesIO(pdf)).pages[0]
    resources = first["/Resources"]
    # The lambang is drawn on the first page: an image (PNG) or the SVG's drawing laid over.
    assert "/XObject" in resources


def test_a_register_without_a_lambang_draws_none(units):
    pdf = render_tabel_pdf(
        judul="REGISTER",
        subjudul="Periode",
        kolom=[KolomTabel("No.", 1)],
        baris=[["1"]],
        jumlah=1,
        penutup="Jumlah baris: 1.",
        kaki="kaki",
    )
    assert "/XObject" not in PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]
