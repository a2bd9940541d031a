"""The request list's deadline column reads the step the case waits on: the notice's deadline
while its clock runs; after the notice, the handover's own date (the SOP's 1-hk target, or the
date a "belum didokumentasikan" notice promised), named, with the working days left of it."""

from __future__ import annotations

import re

from django.urls import reverse

from registrasi import actions as reg
from registrasi.models import Permohonan
from tests.helpers import D, at, page
from tests.keberatan.helpers import buat_permohonan


def baris(html: str, nomor: str) -> str:
    start = html.index(nomor)
    return html[start : html.index("</tr>", start)]


def test_a_request_waiting_for_its_handover_shows_the_handover_date(client, desk, holidays_2026):
    menunggu = buat_permohonan(desk, D(2026, 4, 6))
    berjalan = buat_permohonan(desk, D(2026, 4, 6), nik="5171014107900002")
    with at(D(2026, 4, 8)):
        menunggu = reg.issue_decision(
            menunggu,
            reg.Putusan(keputusan=Permohonan.Keputusan.DIBERIKAN_SELURUHNYA),
            by=desk.ppid,
        )
    # Granted Wednesday 8 April: the handover is due Thursday 9 April (SOP 1 hk); the notice's
    # deadline (20 April) was met and is no longer the date the case waits on.
    assert (menunggu.target_penyerahan, menunggu.tenggat) == (D(2026, 4, 9), D(2026, 4, 20))
    with at(D(2026, 4, 8)):
        client.force_login(desk.petugas)
        html = page(client.get(reverse("registrasi:daftar"), {"tab": "semua"}))
    row = baris(html, menunggu.nomor_pendaftaran)
    assert "Penyerahan:" in row and "9 April 2026" in row and "1 hk lagi" in row
    assert "20 April 2026" not in row and "None" not in row
    row = baris(html, berjalan.nomor_pendaftaran)
    assert "20 April 2026" in row and "Penyerahan:" not in row
    assert re.search(r"8 hk lagi", row)


def test_the_handover_lands_on_its_tanda_terima_to_print(client, desk, holidays_2026):
    p = buat_permohonan(desk, D(2026, 4, 6))
    with at(D(2026, 4, 8)):
        p = reg.issue_decision(
            p, reg.Putusan(keputusan=Permohonan.Keputusan.DIBERIKAN_SELURUHNYA), by=desk.ppid
        )
        client.force_login(desk.petugas)
        response = client.post(
            reverse("registrasi:langkah", args=[p.pk, "serahkan"]),
            {
                "nama_penerima": "Ni Made Ayu Lestari",
                "cara": Permohonan.CaraSalinan.EMAIL,
                "jumlah_halaman": "0",
                "biaya_pengiriman": "0",
            },
            follow=True,
        )
    t = p.penyerahan.get()
    assert response.redirect_chain[-1][0] == f"/permohonan/{p.pk}/?diserahkan={t.pk}"
    html = page(response)
    link = reverse("registrasi:cetak_tanda_terima", args=[p.pk, t.pk])
    assert (
        f'href="{link}" target="_blank" rel="noopener" autofocus>Cetak tanda terima {t.nomor}'
        in html
    )
