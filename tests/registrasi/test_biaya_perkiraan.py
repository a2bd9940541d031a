"""The notice states its cost as a perkiraan (Pasal 22(7) huruf g); a handover that charges
another amount says why on its tanda terima (issue 26)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from registrasi import actions
from registrasi.documents import Pemberitahuan, TandaTerimaPenyerahan
from registrasi.models import Permohonan
from tests.registrasi.conftest import register

K = Permohonan.Keputusan


def teks(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("\u00a0", " ").split())


@pytest.fixture
def p(golden_day, petugas, ppid, tarif, pejabat):
    p = register(petugas)
    actions.issue_decision(
        p,
        actions.Putusan(
            keputusan=K.DIBERIKAN_SELURUHNYA,
            perkiraan_halaman=1250,
            perkiraan_tarif=tarif,
            perkiraan_biaya_kirim=Decimal("10000"),
        ),
        by=ppid,
    )
    p.refresh_from_db()
    return p


def test_the_notice_calls_its_amount_an_estimate_with_figures_and_words(p):
    html = teks(Pemberitahuan(p).render_html())
    assert "Perkiraan biaya dan cara pembayaran" in html
    assert "1.250 lembar" in html
    assert (
        "Perkiraan biaya yang ditanggung Saudara sebesar Rp635.000,00 (enam ratus tiga puluh "
        "lima ribu rupiah)"
    ) in html
    assert "dihitung pada saat penyerahan" in html


def test_a_handover_charging_another_amount_says_why(p, petugas, tarif):
    t = actions.hand_over(
        p,
        by=petugas,
        nama_penerima="I Made Kurir",
        cara="kurir",
        jumlah_halaman=1300,
        tarif=tarif,
        biaya_pengiriman=Decimal("15000"),
    )
    html = teks(TandaTerimaPenyerahan(p, penyerahan=t).render_html())
    assert (
        "Jumlah ini berbeda dari perkiraan biaya dalam pemberitahuan tertulis (Rp635.000,00) "
        "karena banyaknya salinan yang diserahkan 1.300 lembar, diperkirakan 1.250 lembar; "
        "biaya pengiriman Rp15.000,00, diperkirakan Rp10.000,00."
    ) in html


def test_a_handover_charging_the_estimate_needs_no_explanation(p, petugas, tarif):
    t = actions.hand_over(
        p,
        by=petugas,
        nama_penerima="I Made Kurir",
        cara="kurir",
        jumlah_halaman=1250,
        tarif=tarif,
        biaya_pengiriman=Decimal("10000"),
    )
    html = teks(TandaTerimaPenyerahan(p, penyerahan=t).render_html())
    assert "Rp635.000,00 (enam ratus tiga puluh lima ribu rupiah)" in html
    assert "berbeda dari perkiraan" not in html


def test_the_clerk_who_handed_over_signs_the_receipt_and_the_kuitansi(p, petugas, tarif):
    from registrasi.documents import Kuitansi

    petugas.first_name, petugas.last_name = "Ni Luh Putu", "Sari"
    petugas.nip = "19900505 201503 2 006"
    petugas.save()
    t = actions.hand_over(
        p, by=petugas, nama_penerima="I Made Kurir", cara="kurir", jumlah_halaman=2, tarif=tarif
    )
    assert t.petugas == petugas
    for dokumen in (TandaTerimaPenyerahan(p, penyerahan=t), Kuitansi(p, penyerahan=t)):
        html = teks(dokumen.render_html())
        # The name and the NIP, as a signature names its signer (Tata Naskah Dinas).
        assert "Petugas pelayanan informasi (Ni Luh Putu Sari) NIP 19900505 201503 2 006" in html
        assert "(....." not in html


def test_a_clerk_with_no_nip_signs_with_the_name_alone(p, petugas, tarif):
    from registrasi.documents import Kuitansi

    petugas.first_name, petugas.last_name, petugas.nip = "I Made", "Honorer", ""
    petugas.save()
    t = actions.hand_over(
        p, by=petugas, nama_penerima="I Made Kurir", cara="kurir", jumlah_halaman=2, tarif=tarif
    )
    html = teks(Kuitansi(p, penyerahan=t).render_html())
    assert "Petugas pelayanan informasi (I Made Honorer)" in html
    assert "NIP" not in html.split("(I Made Honorer)")[1]
