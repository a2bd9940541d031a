"""The PPID's decision is a fact of record: the Atasan PPID's answer on a keberatan is a fact
of the keberatan, and reopening the request for the handover is a new fact with its own
event. The case page, the Register Permohonan, the Laporan and the hand-back export show both;
requests rewritten before are repaired from their events (registrasi migration 0015)."""

from __future__ import annotations

import importlib
import io
import json
import zipfile

import pytest
from django.apps import apps
from django.urls import reverse

from keberatan.models import Keberatan
from layanan import handback, laporan
from ppid_manual.models import Event
from registrasi import actions as reg
from registrasi.documents import TandaTerimaPenyerahan
from registrasi.models import Permohonan
from registrasi.register import register_rows
from tests.helpers import D, at
from tests.keberatan.helpers import buat_permohonan, daftarkan, langkah, sampai, tolak_permohonan

S = Keberatan.Status
K = Permohonan.Keputusan

pytestmark = pytest.mark.usefixtures("holidays_2026")


@pytest.fixture
def diserahkan(client, desk):
    """Refused by the PPID on Pasal 17 h; granted in part by the Atasan PPID; handed over."""
    p = tolak_permohonan(desk, buat_permohonan(desk, D(2026, 4, 6)), D(2026, 4, 7))
    k = daftarkan(desk, D(2026, 4, 8), p, alasan=[Keberatan.Alasan.A])
    k = sampai(desk, k, S.DRAF_DISETUJUI, D(2026, 4, 9))
    k = langkah(
        client, desk.atasan, k, "tanggapi_sebagian",
        {
            "informasi_diberikan": "Jumlah penerima bantuan per kabupaten",
            "informasi_tertutup": "Nama dan NIK penerima",
            "pasal17": ["h"],
            "pertimbangan": "Data agregat terbuka; data pribadi tetap dikecualikan.",
        },
        D(2026, 4, 10), to=S.DITANGGAPI, elsewhere=1,
    )  # fmt: skip
    with at(D(2026, 4, 13)):
        t = reg.hand_over(
            Permohonan.objects.get(pk=p.pk), by=desk.petugas, nama_penerima="Ni Made",
            cara="langsung",
        )  # fmt: skip
    k.refresh_from_db()
    return Permohonan.objects.get(pk=p.pk), k, t


def test_the_answer_reopens_the_request_and_leaves_the_refusal_as_decided(diserahkan):
    p, k, t = diserahkan
    assert (p.status, p.keputusan, p.klasifikasi, p.pasal17) == (
        Permohonan.Status.SELESAI,
        K.DITOLAK,
        Permohonan.Klasifikasi.DIKECUALIKAN,
        ["h"],
    )
    assert p.nomor_sk_penolakan
    reopen = Event.objects.for_object(p).get(step="buka_kembali")
    assert reopen.data["keputusan_ppid"] == K.DITOLAK
    assert reopen.data["keberatan"] == k.nomor_registrasi
    assert reopen.data["keputusan_atasan"] == Keberatan.Keputusan.SEBAGIAN
    assert reopen.data["informasi_tertutup"] == "Nama dan NIK penerima"
    # The handover's receipt gives what the Atasan granted and names his answer.
    with at(D(2026, 4, 13)):
        html = TandaTerimaPenyerahan(p, penyerahan=t).render_html()
    assert "Jumlah penerima bantuan per kabupaten" in html
    assert k.nomor_tanggapan in html


def test_the_case_page_shows_the_ppids_decision_then_the_atasans(client, desk, diserahkan):
    p, k, _ = diserahkan
    client.force_login(desk.ppid)
    html = client.get(reverse("registrasi:detail", args=[p.pk])).content.decode()
    ppid = html.index("Ditolak (informasi dikecualikan)")
    atasan = html.index("Keberatan diterima sebagian: sebagian informasi diberikan")
    assert ppid < atasan
    assert k.nomor_tanggapan in html
    assert "Nama dan NIK penerima" in html


def test_the_register_keeps_the_refusal_and_shows_the_later_handover(diserahkan):
    p, k, t = diserahkan
    [row] = [r for r in register_rows(Permohonan.objects.register(D(2026, 4, 1), D(2026, 4, 30)))]
    assert row["keputusan"].startswith("Ditolak (informasi dikecualikan)")
    assert f"Keberatan {k.nomor_registrasi}: Keberatan diterima sebagian" in row["keputusan"]
    assert f"diserahkan 13 April 2026 (tanda terima {t.nomor})" in row["keputusan"]
    assert row["alasan_penolakan"] == "Pasal 17 huruf h UU 14/2008"


def test_the_laporan_counts_the_refusal_and_the_keberatan_outcome_apart(diserahkan):
    angka = laporan.compute(2026, "semester1")
    assert angka.jumlah_keputusan(K.DITOLAK) == 1
    assert angka.jumlah_keputusan(K.DIBERIKAN_SEBAGIAN) == 0
    assert dict(angka.keberatan_putusan)[Keberatan.Keputusan.SEBAGIAN.label] == 1


def test_the_export_carries_both_decisions(diserahkan):
    p, k, _ = diserahkan
    with at(D(2026, 4, 14)):
        archive, _ = handback.build(D(2026, 4, 1), D(2026, 4, 30), lengkap=False)
    with zipfile.ZipFile(io.BytesIO(archive)) as zf:
        data = json.loads(zf.read("data.json"))
    [rec] = [r for r in data["permohonan"] if r["id"] == p.pk]
    assert rec["keputusan"] == K.DITOLAK
    assert rec["putusan_keberatan"]["keputusan"] == Keberatan.Keputusan.SEBAGIAN
    assert rec["putusan_keberatan"]["nomor_tanggapan"] == k.nomor_tanggapan
    assert rec["putusan_keberatan"]["pasal17"] == ["h"]


# --- The repair of requests rewritten before (registrasi migration 0015) -------------------


def _ditulis_ulang(desk):
    """A request refused on Pasal 17 h and reopened the old way: its decision rewritten to
    the Atasan's partial grant, the event holding only the previous decision."""
    p = tolak_permohonan(desk, buat_permohonan(desk, D(2026, 4, 6)), D(2026, 4, 7))
    Event.objects.create(
        subject=p,
        step="buka_kembali",
        from_state=p.status,
        to_state=Permohonan.Status.DIBUKA_KEMBALI,
        note="Keberatan: diterima sebagian.",
        data={"keputusan_sebelumnya": "ditolak", "status_sebelumnya": "selesai", "sebagian": True},
    )
    Permohonan.objects.filter(pk=p.pk).update(
        status=Permohonan.Status.DIBUKA_KEMBALI,
        keputusan=K.DIBERIKAN_SEBAGIAN,
        klasifikasi=Permohonan.Klasifikasi.TERBUKA,
        uraian_informasi="Jumlah per kabupaten",
        bagian_dihitamkan="Nama dan NIK",
        pasal17=["h", "i"],
    )
    return p


def _pulihkan():
    migration = importlib.import_module("registrasi.migrations.0015_keputusan_ppid_dipulihkan")
    migration.pulihkan(apps, None)


def test_the_repair_restores_the_ppids_decision_from_the_events(desk):
    p = _ditulis_ulang(desk)
    _pulihkan()
    p.refresh_from_db()
    assert (p.keputusan, p.klasifikasi, p.pasal17, p.bagian_dihitamkan, p.uraian_informasi) == (
        K.DITOLAK,
        Permohonan.Klasifikasi.DIKECUALIKAN,
        ["h"],
        "",
        "",
    )
    assert p.status == Permohonan.Status.DIBUKA_KEMBALI  # the reopening itself stands
    repair = Event.objects.for_object(p).get(step="keputusan_dipulihkan")
    assert repair.data["sebelumnya"]["keputusan"] == K.DIBERIKAN_SEBAGIAN
    assert repair.data["dipulihkan"]["pasal17"] == ["h"]
    assert repair.data["tidak_terpulihkan"] == ["uraian_informasi"]
    # Run again: nothing more to repair, no second event.
    _pulihkan()
    assert Event.objects.for_object(p).filter(step="keputusan_dipulihkan").count() == 1


def test_the_repair_leaves_a_request_reopened_the_new_way_alone(diserahkan):
    p, _, _ = diserahkan
    before = Event.objects.count()
    _pulihkan()
    p.refresh_from_db()
    assert (p.keputusan, Event.objects.count()) == (K.DITOLAK, before)
