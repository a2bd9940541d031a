"""The Laporan goes with a numbered surat pengantar to the Atasan PPID, copied to the Komisi
Informasi Provinsi Bali: numbered through the number formats, stored as issued, once."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from layanan import actions, laporan
from layanan.documents import LaporanPengantarDokumen
from layanan.models import LaporanLayanan
from ppid_manual.models import DokumenTerbit, NomorTerbit
from ppid_manual.workflow.engine import StepRefused
from tests.helpers import D, at, events, messages_of

URL = reverse("laporan")
Q = "?tahun=2026&periode=tahunan&unit="

pytestmark = pytest.mark.usefixtures("holidays_2026")


def test_it_issues_the_numbered_letter_and_serves_the_stored_bytes(client, desk):
    client.force_login(desk.ppid)
    with at(D(2026, 12, 7)):
        response = client.post(
            URL + Q, {"tanggal": "2026-12-07", "terbitkan_pengantar": "Terbitkan"}
        )
        assert response.status_code == 302
        narasi = LaporanLayanan.objects.get(tahun=2026, periode="tahunan", unit=None)
        assert re.fullmatch(r"480/0001/LAP-PPID/XII/2026", narasi.nomor_pengantar)
        assert narasi.tanggal_pengantar == D(2026, 12, 7)
        assert narasi.penandatangan_pengantar == desk.pejabat["ppid"]
        [event] = events(narasi)
        assert event.step == actions.LANGKAH_PENGANTAR and event.actor == desk.ppid
        stored = DokumenTerbit.objects.for_object(narasi).get()
        assert stored.nomor == narasi.nomor_pengantar
        printed = client.get(URL + Q + "&format=pengantar")
    assert printed.content == bytes(stored.berkas)
    assert printed.content.startswith(b"%PDF")
    with at(D(2026, 12, 7)):
        html = LaporanPengantarDokumen(
            narasi=narasi, angka=laporan.compute(2026, "tahunan")
        ).render_html()
    assert narasi.nomor_pengantar in html
    # The one addressee style (print/_yth.html): "di -" and the city, never "di Tempat".
    assert "Yth. Sekretaris Daerah Provinsi Bali selaku Atasan PPID<br>di -<br>Denpasar" in html
    assert "Tembusan:" in html and "<li>Komisi Informasi Provinsi Bali.</li>" in html
    assert "Penyampaian Laporan Layanan Informasi Publik Tahunan 2026" in html
    assert "1 (satu) berkas" in html
    # A Tahunan 2026 sent on 7 December says the report is provisional.
    assert "bersifat sementara" in html
    assert "K O N S E P" not in html


def test_a_second_issue_is_refused_and_changes_nothing(desk):
    with at(D(2027, 1, 4)):
        angka = laporan.compute(2026, "tahunan")
        narasi = actions.issue_pengantar_laporan(
            LaporanLayanan(tahun=2026, periode="tahunan"),
            angka,
            by=desk.ppid,
            tanggal=D(2027, 1, 4),
        )
        nomor, n_nomor = narasi.nomor_pengantar, NomorTerbit.objects.count()
        with pytest.raises(StepRefused, match="sudah diterbitkan"):
            actions.issue_pengantar_laporan(narasi, angka, by=desk.ppid, tanggal=D(2027, 1, 4))
    narasi.refresh_from_db()
    assert narasi.nomor_pengantar == nomor and NomorTerbit.objects.count() == n_nomor
    assert len(events(narasi)) == 1
    # After the period, the letter does not call the report provisional.
    html = LaporanPengantarDokumen(narasi=narasi, angka=angka).render_html()
    assert "sementara" not in html


def test_the_konsep_takes_no_number(client, desk):
    client.force_login(desk.ppid)
    with at(D(2026, 12, 7)):
        response = client.get(URL + Q + "&format=pengantar")
        html = LaporanPengantarDokumen(
            narasi=LaporanLayanan(tahun=2026, periode="tahunan"),
            angka=laporan.compute(2026, "tahunan"),
        ).render_html()
    assert response.content.startswith(b"%PDF")
    assert NomorTerbit.objects.count() == 0 and LaporanLayanan.objects.count() == 0
    assert "K O N S E P" in html and "…" in html


def test_the_atasan_may_not_issue_it(client, desk):
    client.force_login(desk.atasan)
    with at(D(2026, 12, 7)):
        response = client.post(
            URL + Q, {"tanggal": "2026-12-07", "terbitkan_pengantar": "Terbitkan"}
        )
    assert response.status_code == 403
    assert NomorTerbit.objects.count() == 0 and not LaporanLayanan.objects.exists()


def test_a_date_in_the_future_is_refused(client, desk):
    client.force_login(desk.ppid)
    with at(D(2026, 12, 7)):
        response = client.post(
            URL + Q, {"tanggal": "2026-12-08", "terbitkan_pengantar": "Terbitkan"}
        )
    assert response.status_code == 200
    assert "Tanggal surat pengantar tidak boleh di masa depan." in messages_of(response)
    assert NomorTerbit.objects.count() == 0


def test_an_opds_letter_is_signed_by_its_ppid_pelaksana_and_copied_to_the_ppid(client, desk):
    """A PPID Pelaksana sends its OPD's report: its own signer (and kop), the number from
    the same format, the PPID copied before the Komisi Informasi."""
    import datetime

    from ppid_manual.models import Pejabat

    dinkes = desk.units["dinkes"]
    pelaksana = Pejabat.objects.create(
        nama="dr. Ni Made Contoh",
        nip="19800101 200501 2 001",
        jabatan="Sekretaris Dinas Kesehatan Provinsi Bali selaku PPID Pelaksana",
        unit=dinkes,
        peran=Pejabat.Peran.PPID_PELAKSANA,
        berlaku_dari=datetime.date(2023, 1, 1),
    )
    with at(D(2027, 1, 4)):
        client.force_login(desk.dinkes)
        response = client.post(
            f"{URL}?tahun=2026&periode=tahunan&unit={dinkes.pk}",
            {"tanggal": "2027-01-04", "terbitkan_pengantar": "Terbitkan"},
        )
        assert response.status_code == 302
        narasi = LaporanLayanan.objects.get(tahun=2026, periode="tahunan", unit=dinkes)
        html = LaporanPengantarDokumen(
            narasi=narasi, angka=laporan.compute(2026, "tahunan", dinkes)
        ).render_html()
    assert narasi.penandatangan_pengantar == pelaksana
    assert narasi.nomor_pengantar.endswith("/LAP-PPID/I/2027")
    assert pelaksana.nama in html and "Dinas Kesehatan" in html
    assert (
        "<li>Kepala Dinas Kominfos Provinsi Bali selaku PPID;</li>"
        "<li>Komisi Informasi Provinsi Bali.</li>" in html.replace("\n", "")
    )
    assert "sementara" not in html
