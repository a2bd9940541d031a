"""The desk's intake form: registration, the incomplete file returned, the double click, the
returning pemohon, the ID scan, and bad input that saves nothing."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pemohon.models import Pemohon
from ppid_manual.models import Event, NomorTerbit
from registrasi.models import Permohonan
from tests.helpers import D, case_url, events, messages_of
from tests.registrasi.conftest import NIK, form_data

S = Permohonan.Status
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def post(client, user, **overrides):
    client.force_login(user)
    return client.post(reverse("registrasi:baru"), form_data(**overrides))


def assert_nothing_saved():
    assert not Permohonan.objects.exists()
    assert not Pemohon.objects.exists()
    assert not Event.objects.exists()
    assert not NomorTerbit.objects.exists()


def test_it_shows_the_form_with_a_one_time_key(client, petugas):
    client.force_login(petugas)
    page = client.get(reverse("registrasi:baru"))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="kunci"' in html
    assert "Daftarkan (berkas lengkap)" in html
    assert "Kembalikan (kurang lengkap)" in html
    assert re.search(r'<label\s+for="id_nik"', html)  # every field has its label
    other = client.get(reverse("registrasi:baru")).context["form"].initial["kunci"]
    assert other != page.context["form"].initial["kunci"]


def test_it_registers_a_complete_file(client, golden_day, petugas):
    response = post(client, petugas)
    p = Permohonan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == case_url(p) + "?baru=1"
    assert p.status == S.TERDAFTAR
    assert p.nomor_pendaftaran == "0001/REG-PPID/III/2026"
    assert p.tenggat == D(2026, 4, 7)
    assert p.pemohon.nik == NIK
    assert p.unit_registrasi == petugas.unit
    assert p.didaftarkan_oleh == petugas
    page = client.get(response["Location"]).content.decode()
    assert "Permohonan terdaftar dengan nomor 0001/REG-PPID/III/2026" in page
    assert "Cetak formulir dua lembar sekarang" in page
    assert reverse("registrasi:cetak", args=[p.pk, "formulir"]) in page


def test_a_double_clicked_submit_registers_one_request(client, golden_day, petugas):
    data = form_data()
    client.force_login(petugas)
    first = client.post(reverse("registrasi:baru"), data)
    second = client.post(reverse("registrasi:baru"), data, follow=True)
    p = Permohonan.objects.get()
    assert first["Location"].startswith(case_url(p))
    assert second.redirect_chain[-1][0] == case_url(p)
    assert "Formulir ini sudah dikirim; tidak didaftarkan dua kali." in messages_of(second)
    assert Permohonan.objects.count() == 1
    assert Event.objects.count() == 1
    assert NomorTerbit.objects.count() == 1


def test_two_forms_register_two_requests_for_one_returning_pemohon(client, golden_day, petugas):
    post(client, petugas)
    # Issue 15: the details differ from the record, so the clerk confirms "the same person".
    response = post(
        client,
        petugas,
        alamat="Jl. Baru No. 9, Denpasar",
        telepon="0361 222333",
        identitas_pilihan="sama",
    )
    assert response.status_code == 302
    assert Permohonan.objects.count() == 2
    pemohon = Pemohon.objects.get()  # not duplicated
    assert pemohon.alamat == "Jl. Baru No. 9, Denpasar"
    latest = Permohonan.objects.latest("pk")
    assert latest.nomor_pendaftaran == "0002/REG-PPID/III/2026"
    assert events(latest)[0].data["pemohon_diubah"]["alamat"] == [
        "Jl. Gatot Subroto No. 5, Denpasar",
        "Jl. Baru No. 9, Denpasar",
    ]


def test_it_finds_a_returning_pemohon_by_nik_and_prefills_the_form(client, golden_day, petugas):
    post(client, petugas)
    response = client.post(reverse("registrasi:baru"), {"cari": NIK, "cari_pemohon": "1"})
    form = response.context["form"]
    assert form.initial["nama"] == "Ni Made Ayu Lestari"
    assert form.initial["alamat"] == "Jl. Gatot Subroto No. 5, Denpasar"
    assert form.initial["nik"] == NIK
    assert any("Pemohon lama ditemukan: Ni Made Ayu Lestari" in m for m in messages_of(response))
    html = response.content.decode()
    assert 'value="Ni Made Ayu Lestari"' in html


def test_an_unknown_nik_prefills_only_the_nik(client, petugas):
    client.force_login(petugas)
    response = client.post(reverse("registrasi:baru"), {"cari": NIK, "cari_pemohon": "1"})
    assert response.context["form"].initial["nik"] == NIK
    assert "nama" not in response.context["form"].initial
    # Issue 16: the same words as for a pemohon known only at another desk (nothing leaks).
    assert messages_of(response) == ["NIK ini belum memiliki berkas di meja ini."]


def test_an_incomplete_file_is_returned_without_number_or_clock(client, golden_day, petugas):
    response = post(
        client,
        petugas,
        aksi="kembalikan",
        identitas_diterima=None,
        nik="",
        alamat="",
        catatan_kekurangan="Tanda tangan pemohon belum ada",
    )
    p = Permohonan.objects.get()
    assert response.status_code == 302
    assert p.status == S.DIKEMBALIKAN
    assert p.nomor_pendaftaran is None
    assert p.tanggal_daftar is None and p.tenggat is None
    assert not NomorTerbit.objects.exists()
    [event] = events(p)
    assert (event.step, event.from_state, event.to_state) == ("kembalikan", S.BARU, S.DIKEMBALIKAN)
    assert p.kekurangan() == [
        "Fotokopi identitas diri (KTP) pemohon belum dilampirkan.",
        "Tanda tangan pemohon belum ada",
    ]
    # Kept, but not in the register nor in the open work.
    assert not Permohonan.objects.registered().exists()
    assert not Permohonan.objects.open().exists()


def test_returning_a_complete_file_asks_what_is_missing(client, petugas):
    response = post(client, petugas, aksi="kembalikan")
    assert response.status_code == 200
    assert response.context["form"].errors["catatan_kekurangan"] == [
        "Tuliskan apa yang kurang, atau hilangkan centang kelengkapan yang belum ada."
    ]
    assert_nothing_saved()


def test_registering_needs_a_complete_file(client, petugas):
    response = post(client, petugas, identitas_diterima=None)
    assert response.context["form"].errors["identitas_diterima"] == [
        "Fotokopi identitas wajib ada (SOP langkah 1); jika belum, pilih “Kembalikan”."
    ]
    assert_nothing_saved()


@pytest.mark.parametrize(
    "nik, message",
    [
        ("", "NIK wajib diisi."),
        ("51710141079000", "NIK harus 16 digit; yang diisi 14 digit."),
        ("51710141079000011", "NIK harus 16 digit; yang diisi 17 digit."),
        ("5171O14107900001", "NIK hanya boleh berisi angka (16 digit)."),
        (
            "9971014107900001",
            "Kode provinsi/kabupaten/kota pada 4 digit pertama NIK (9971) tidak dikenal.",
        ),
        (
            "5171013213900001",
            "Digit ke-7 sampai ke-12 NIK (321390) bukan tanggal lahir yang sah "
            "(format TTBBTT; untuk perempuan tanggal ditambah 40).",
        ),
        ("5171004107900001", "Digit ke-5 dan ke-6 NIK (kode kecamatan) tidak boleh 00."),
        ("5171014107900000", "Empat digit terakhir NIK (nomor urut) tidak boleh 0000."),
    ],
)
def test_it_says_exactly_what_is_wrong_with_a_nik(client, petugas, nik, message):
    response = post(client, petugas, nik=nik)
    assert response.status_code == 200
    assert response.context["form"].errors["nik"] == [message]
    assert message in response.content.decode().replace("&quot;", '"')
    assert_nothing_saved()


def test_a_nik_from_outside_bali_is_fine_and_separators_are_dropped(client, golden_day, petugas):
    response = post(client, petugas, nik="3171.0117.0845.0001")
    assert response.status_code == 302
    assert Pemohon.objects.get().nik == "3171011708450001"


def test_a_badan_hukum_needs_its_akta_not_a_nik(client, golden_day, petugas):
    response = post(client, petugas, jenis="badan_hukum", nama="Yayasan Bali Sehat", nik="")
    assert response.context["form"].errors["nomor_akta"] == [
        "Nomor akta/registrasi badan hukum wajib diisi."
    ]
    assert_nothing_saved()
    response = post(
        client,
        petugas,
        jenis="badan_hukum",
        nama="Yayasan Bali Sehat",
        nik="",
        nomor_akta="AHU-0012345.AH.01.04.Tahun 2020",
    )
    assert response.status_code == 302
    pemohon = Pemohon.objects.get()
    assert (pemohon.jenis, pemohon.nik) == ("badan_hukum", "")


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"nama": ""}, "nama", "Bidang ini tidak boleh kosong."),
        ({"rincian_informasi": ""}, "rincian_informasi", "Bidang ini tidak boleh kosong."),
        ({"tujuan_penggunaan": "  "}, "tujuan_penggunaan", "Bidang ini tidak boleh kosong."),
        (
            {"tanggal": "2026-03-17"},
            "tanggal",
            "Tanggal tidak boleh di masa depan.",
        ),
        (
            {"tanggal": "2026-01-02"},
            "tanggal",
            "Tanggal lebih dari 30 hari yang lalu; periksa kembali tanggal pada formulir.",
        ),
        ({"tanggal": "2026-02-30"}, "tanggal", "Masukkan tanggal yang valid."),
        (
            {"nama": "x" * 151},
            "nama",
            "Pastikan nilai ini mengandung paling banyak 150 karakter (sekarang 151 karakter).",
        ),
        (
            {"rincian_informasi": "x" * 2001},
            "rincian_informasi",
            "Pastikan nilai ini mengandung paling banyak 2000 karakter (sekarang 2001 karakter).",
        ),
        ({"email": "bukan-email"}, "email", "Masukkan alamat email yang valid."),
        (
            {"telepon": "telp 0812"},
            "telepon",
            "Nomor telepon hanya boleh berisi angka, spasi, tanda +, - dan kurung (6–30 karakter).",
        ),
        ({"cara_salinan": ""}, "cara_salinan", "Pilih cara mendapatkan salinan."),
    ],
)
def test_bad_input_is_refused_next_to_its_field_and_nothing_is_saved(
    client, golden_day, petugas, overrides, field, message
):
    response = post(client, petugas, **overrides)
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    html = response.content.decode()
    assert f'id="error_1_id_{field}"' in html  # rendered next to its field by crispy
    assert_nothing_saved()


def test_an_id_scan_is_checked_by_content_and_stored_outside_static(
    client, golden_day, petugas, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    scan = SimpleUploadedFile("ktp ayu 5171014107900001.txt", PNG, content_type="text/plain")
    response = post(client, petugas, scan_identitas=scan)
    assert response.status_code == 302
    p = Permohonan.objects.get()
    stored = Path(p.scan_identitas.path)
    assert stored.is_relative_to(tmp_path)
    assert stored.suffix == ".png"  # named by its content, not by the uploaded name
    assert NIK not in stored.name
    assert stored.read_bytes() == PNG


@pytest.mark.parametrize(
    "content, message",
    [
        (
            b"MZ\x90\x00 this is a program",
            "Isi berkas bukan PDF, JPEG atau PNG. Pindai ulang identitas ke salah satu format itu.",
        ),
        (
            b"<html><script>alert(1)</script></html>",
            "Isi berkas bukan PDF, JPEG atau PNG. Pindai ulang identitas ke salah satu format itu.",
        ),
        (PDF + b"0" * (5 * 1024 * 1024), "Ukuran berkas 5.0 MB; paling besar 5 MB."),
    ],
)
def test_a_bad_id_scan_is_refused(client, petugas, settings, tmp_path, content, message):
    settings.MEDIA_ROOT = tmp_path
    scan = SimpleUploadedFile("ktp.pdf", content, content_type="application/pdf")
    response = post(client, petugas, scan_identitas=scan)
    assert response.status_code == 200
    assert response.context["form"].errors["scan_identitas"] == [message]
    assert_nothing_saved()
    assert not any(tmp_path.rglob("*.*"))


def test_a_pdf_scan_of_exactly_5_mb_is_accepted(client, golden_day, petugas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    content = PDF + b"0" * (5 * 1024 * 1024 - len(PDF))
    scan = SimpleUploadedFile("ktp.pdf", content, content_type="application/pdf")
    assert post(client, petugas, scan_identitas=scan).status_code == 302
    assert Permohonan.objects.get().scan_identitas.name.endswith(".pdf")


def test_html_typed_in_is_stored_as_typed_and_shown_escaped(client, golden_day, petugas):
    typed = '<script>alert("x")</script> & <b>tebal</b>'
    post(client, petugas, nama=typed, rincian_informasi=typed)
    p = Permohonan.objects.get()
    assert p.pemohon.nama == typed
    assert p.rincian_informasi == typed
    page = client.get(case_url(p)).content.decode()
    assert "<script>alert" not in page
    assert (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;tebal&lt;/b&gt;" in page
    )
    listing = client.get(reverse("registrasi:daftar"), {"tab": "semua"}).content.decode()
    assert "<script>alert" not in listing
    assert "&lt;script&gt;" in listing


def test_a_user_without_a_unit_cannot_register(client, golden_day, petugas):
    petugas.unit = None
    petugas.save()
    client.force_login(petugas)
    response = client.post(reverse("registrasi:baru"), form_data(), follow=True)
    assert "Akun Anda belum terhubung ke perangkat daerah; hubungi Admin." in messages_of(response)
    assert_nothing_saved()


def test_a_failed_registration_leaves_no_file_behind(
    client, golden_day, petugas, settings, tmp_path
):
    from ppid_manual.models import FormatNomor

    settings.MEDIA_ROOT = tmp_path
    FormatNomor.objects.filter(jenis=FormatNomor.Jenis.PERMOHONAN).delete()
    scan = SimpleUploadedFile("ktp.png", PNG, content_type="image/png")
    response = post(client, petugas, scan_identitas=io.BytesIO(PNG) and scan)
    assert response.status_code == 200
    assert any("Format nomor" in m for m in messages_of(response))
    assert_nothing_saved()
    assert not any(p.is_file() for p in tmp_path.rglob("*"))
