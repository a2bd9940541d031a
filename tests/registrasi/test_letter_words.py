"""The words of the letters to the pemohon (LETTERS.md; issue 26, "Words"): one addressee
style ("di -" and the address, never "di Tempat" after it), no double full stop where a typed
value ends with its own, no capital after a semicolon where a label continues a sentence, no
internal SOP step on a page the pemohon reads. Read from each document's render_html."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from ppid_manual.format import awal_kecil
from ppid_manual.models import Pejabat
from registrasi import actions
from registrasi.documents import (
    FormulirPermohonan,
    Pemberitahuan,
    SuratPermintaanDokumen,
    TandaTerimaPenyerahan,
)
from registrasi.models import Permohonan
from tests.registrasi.conftest import register

K = Permohonan.Keputusan


def teks(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("\u00a0", " ").split())


@pytest.fixture
def sebagian(golden_day, petugas, ppid, tarif, pejabat):
    """A partial grant whose typed values end with their own full stops, as clerks type them."""
    p = register(petugas)
    actions.issue_decision(
        p,
        actions.Putusan(
            keputusan=K.DIBERIKAN_SEBAGIAN,
            uraian_informasi="Rekapitulasi cakupan imunisasi 2025.",
            bagian_dihitamkan="Nama, NIK dan alamat.",
            pasal17=["h"],
            undang_undang_lain="Undang-Undang Nomor 27 Tahun 2022.",
            konsekuensi="Membuka data pribadi anak.",
            format_informasi="PDF.",
            waktu_penyediaan="Dapat diambil di meja layanan PPID mulai 10 April 2026.",
            cara_pembayaran=Permohonan.CaraPembayaran.TRANSFER,
            perkiraan_halaman=4,
            perkiraan_tarif=tarif,
        ),
        by=ppid,
    )
    p.refresh_from_db()
    return p


def test_a_letter_to_the_pemohon_goes_to_the_address_after_di(sebagian):
    html = Pemberitahuan(sebagian).render_html()
    alamat = sebagian.pemohon_kasus.alamat
    assert f"Yth. {sebagian.pemohon_kasus.nama}<br>di -<br>{alamat}</div>" in html
    assert "di Tempat" not in html


def test_a_letter_to_an_official_goes_to_the_city(golden_day, petugas, ppid, units, pejabat):
    p = register(petugas)
    actions.route_to_opd(p, by=ppid, unit=units["dinkes"])
    surat = p.surat_permintaan.get()
    html = SuratPermintaanDokumen(p, surat=surat).render_html()
    assert re.search(r"Yth\. [^<]+ PPID Pelaksana<br>di -<br>Denpasar</div>", html)
    assert "di Tempat" not in html


def test_a_typed_value_ending_with_a_full_stop_is_not_given_another(sebagian):
    text = teks(Pemberitahuan(sebagian).render_html())
    body = text.split("Yth.")[1].split("Demikian")[0]  # not the signer's "S.E., M.T."
    assert ".." not in body and ".," not in body
    assert "Bagian informasi yang dihitamkan: Nama, NIK dan alamat. Bagian tersebut" in text
    assert "Undang-Undang Nomor 27 Tahun 2022, setelah dilakukan uji konsekuensi" in text
    # The time of delivery is its own sentence, not a capital after a semicolon.
    assert "format PDF; disampaikan dengan cara" in text
    assert ". Dapat diambil di meja layanan PPID mulai 10 April 2026." in text
    # (A citation and the pronoun of address keep their capitals: "; Pasal 21", "; Saudara".)
    assert not re.search(r"; (?!Pasal |Saudara )[A-Z][a-z]", body)


def test_the_way_of_paying_continues_the_sentence_in_lower_case_keeping_its_names(
    sebagian, petugas, tarif
):
    notice = teks(Pemberitahuan(sebagian).render_html())
    assert "dibayar dengan cara transfer ke Rekening Kas Umum Daerah Provinsi Bali." in notice
    t = actions.hand_over(
        sebagian,
        by=petugas,
        nama_penerima="I Made Kurir",
        cara="kurir",
        jumlah_halaman=4,
        tarif=tarif,
        biaya_pengiriman=Decimal("0"),
    )
    text = teks(TandaTerimaPenyerahan(sebagian, penyerahan=t).render_html())
    assert "cara pembayaran: transfer ke Rekening Kas Umum Daerah Provinsi Bali" in text
    assert "provinsi bali" not in text
    assert awal_kecil("Tunai di meja layanan PPID") == "tunai di meja layanan PPID"
    assert awal_kecil("PPID Utama") == "PPID Utama"
    assert awal_kecil("") == ""


def test_the_pemohons_rights_page_names_no_sop_step(golden_day, petugas, pejabat):
    # The Atasan PPID from the officials table, as in office on the request's date.
    Pejabat.objects.filter(peran=Pejabat.Peran.ATASAN_PPID).update(jabatan="Sekda Uji Provinsi")
    text = teks(FormulirPermohonan(register(petugas)).render_html())
    assert "HAK-HAK PEMOHON" in text.upper()
    assert "SOP langkah" not in text
    assert "kepada Atasan PPID (Sekda Uji Provinsi) paling lambat" in text
