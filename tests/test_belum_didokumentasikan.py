"""UU 14/2008 Pasal 22(7) huruf c: "belum didokumentasikan" keeps the request open with the
date by which the information will be documented and provided; the notice states it, and the
work list shows it — near due and late by the one predicate (deadlines.is_near_due)."""

from __future__ import annotations

from django.urls import reverse

from layanan.tugas import tugas_for
from registrasi import actions as reg
from registrasi.documents import Pemberitahuan
from registrasi.models import Permohonan
from tests.helpers import D, at, page
from tests.keberatan.helpers import buat_permohonan

K = Permohonan.Keputusan


def belum_didokumentasikan(desk, tersedia):
    p = buat_permohonan(desk, D(2026, 4, 6))
    with at(D(2026, 4, 7)):
        return reg.issue_decision(
            p,
            reg.Putusan(
                keputusan=K.BELUM_DIDOKUMENTASIKAN,
                uraian_informasi="Rekap 2025 sedang disusun.",
                tanggal_tersedia=tersedia,
            ),
            by=desk.ppid,
        )


def test_the_request_stays_open_and_the_notice_states_the_date(desk, holidays_2026):
    p = belum_didokumentasikan(desk, D(2026, 4, 20))
    assert p.status == Permohonan.Status.MENUNGGU_PENYERAHAN
    assert p.tanggal_ditutup is None
    with at(D(2026, 4, 7)):
        html = Pemberitahuan(p).render_html()
    assert "belum didokumentasikan" in html
    assert "diberikan kepada Saudara paling lambat Senin, 20 April 2026</strong>" in html
    # Huruf c asks for acceptance or refusal: the notice states its decision and its basis:
    # not documented, the information cannot be given yet (UU 14/2008 Pasal 6(3) huruf e);
    # the body provides what is within its authority (Pasal 7(1)), so by a date.
    text = " ".join(html.replace("<strong>", "").replace("</strong>", "").split())
    assert "(huruf c): permohonan Saudara diterima." in text
    assert (
        "belum didokumentasikan, sehingga belum dapat diberikan pada saat ini (Pasal 6 ayat (3) "
        "huruf e UU 14/2008)."
    ) in text
    assert (
        "Berdasarkan Pasal 7 ayat (1) UU 14/2008, badan publik wajib menyediakan, memberikan "
        "dan/atau menerbitkan informasi publik yang berada di bawah kewenangannya;"
    ) in text


def test_the_work_list_shows_it_near_due_and_late(client, desk, holidays_2026):
    p = belum_didokumentasikan(desk, D(2026, 4, 20))
    [item] = [t for t in tugas_for(desk.petugas) if t.nomor == p.nomor_pendaftaran]
    assert item.tenggat == D(2026, 4, 20)
    assert "Dokumentasikan dan serahkan" in item.pekerjaan
    # Thursday 16 April: 2 hk left (17 and 20 April) — near due; 15 April: 3 hk — not yet.
    assert item.keadaan(D(2026, 4, 15)) == ""
    assert item.keadaan(D(2026, 4, 16)) == "dekat"
    assert item.keadaan(D(2026, 4, 20)) == "hari_ini"
    assert item.keadaan(D(2026, 4, 21)) == "terlambat"
    client.force_login(desk.petugas)
    with at(D(2026, 4, 16)):
        html = page(client.get(reverse("home")))
    assert p.nomor_pendaftaran in html
    assert "≤ 2 hari kerja" in html
    # Handed over: the request closes and leaves the list.
    with at(D(2026, 4, 17)):
        reg.hand_over(p, by=desk.petugas, nama_penerima="Ni Made", cara="email")
    p.refresh_from_db()
    assert p.status == Permohonan.Status.SELESAI
    assert not [t for t in tugas_for(desk.petugas) if t.nomor == p.nomor_pendaftaran]
