"""A sengketa to its end: each outcome (mediasi berhasil / gagal; putusan ajudikasi dikabulkan
seluruhnya / sebagian / ditolak; keberatan ke PTUN and its ruling; kasasi ke Mahkamah Agung and
its ruling; dicabut) moves
the keberatan to its own state, in order; the list, the case page, the Register Keberatan and
the Laporan show it; the timeline names the outcome and the Komisi Informasi's number. The
draft offers only the answers that may follow it."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.urls import reverse

from keberatan import actions
from keberatan.documents import register_rows
from keberatan.forms import DrafForm
from keberatan.models import Keberatan
from layanan import laporan
from layanan.documents import LaporanLayananDokumen
from layanan.models import LaporanLayanan
from ppid_manual.models import Event
from tests.helpers import D, at, events, transition
from tests.keberatan.helpers import (
    buat_permohonan,
    daftarkan,
    langkah,
    sampai,
    step_url,
    tolak_permohonan,
)

S = Keberatan.Status
H = Keberatan.HasilSengketa
NOMOR_KI = "012/IV/KI-Bali-PS/2026"

pytestmark = pytest.mark.usefixtures("holidays_2026")


@pytest.fixture
def k(client, desk):
    k = sampai(desk, daftarkan(desk, D(2026, 4, 6)), S.DITANGGAPI, D(2026, 4, 7))
    return langkah(
        client, desk.petugas, k, "catat_sengketa",
        {"tanggal_sengketa": "2026-04-10", "nomor_register": NOMOR_KI, "diketahui_dari": ""},
        D(2026, 4, 13), to=S.SENGKETA,
    )  # fmt: skip


def hasil(client, desk, k, h, tanggal, to, day):
    with at(day):
        transition(
            client, desk.petugas, k, step_url(k, "catat_hasil_sengketa"),
            {"hasil": h, "tanggal_hasil": tanggal, "catatan": ""},
            step=f"hasil_{h}", to=to,
        )  # fmt: skip
    k.refresh_from_db()
    return k


def test_mediation_fails_then_the_komisi_refuses_then_the_ptun_then_kasasi(client, desk, k):
    k = hasil(client, desk, k, H.MEDIASI_GAGAL, "2026-05-04", S.KI_MEDIASI_GAGAL, D(2026, 5, 4))
    k = hasil(client, desk, k, H.DITOLAK, "2026-06-15", S.KI_DITOLAK, D(2026, 6, 16))
    # The timeline names the outcome and the Komisi's number.
    last = events(k)[-1]
    assert "Putusan ajudikasi: ditolak" in last.note and NOMOR_KI in last.note
    client.force_login(desk.ppid)
    page = client.get(reverse("keberatan:detail", args=[k.pk])).content.decode()
    assert "Hasil sengketa: Putusan ajudikasi: ditolak" in page  # the timeline's label
    assert "Sengketa diputus: ditolak" in page  # the state
    listing = client.get(reverse("keberatan:daftar"), {"tab": "semua"}).content.decode()
    assert "Sengketa diputus: ditolak" in listing
    [row] = register_rows(Keberatan.objects.filter(pk=k.pk))
    assert "Sengketa diputus: ditolak (15 Juni 2026)" in row["tanggapan_pemohon"]
    k = hasil(client, desk, k, H.KEBERATAN_PTUN, "2026-07-01", S.KI_PTUN, D(2026, 7, 1))
    k = hasil(client, desk, k, H.KASASI, "2026-09-01", S.KI_KASASI, D(2026, 9, 1))
    with at(D(2026, 12, 1)):
        angka = laporan.compute(2026, "semester1")
    # Each outcome the case reached counts once, the courts' in their own table; the list
    # names every outcome with its date.
    assert dict(angka.sengketa_pengadilan) == {H.KEBERATAN_PTUN.label: 1, H.KASASI.label: 1}
    ki = dict(angka.sengketa_hasil)
    assert (ki[H.MEDIASI_GAGAL.label], ki[H.DITOLAK.label], ki[H.MEDIASI_BERHASIL.label]) == (
        1,
        1,
        0,
    )
    assert H.KASASI.label not in ki and angka.sengketa_belum_ada_hasil == 0
    [baris] = angka.sengketa_daftar
    assert baris.nomor_register_ki == NOMOR_KI
    assert [(t.label, t.tanggal) for t in baris.tahapan] == [
        (H.MEDIASI_GAGAL.label, D(2026, 5, 4)),
        (H.DITOLAK.label, D(2026, 6, 15)),
        (H.KEBERATAN_PTUN.label, D(2026, 7, 1)),
        (H.KASASI.label, D(2026, 9, 1)),
    ]
    # The page, the PDF and the XLSX show the same list, from the same figures.
    client.force_login(desk.ppid)
    with at(D(2026, 12, 1)):
        layar = client.get(reverse("laporan"), {"tahun": "2026", "periode": "semester1"})
        xlsx = client.get(
            reverse("laporan"), {"tahun": "2026", "periode": "semester1", "format": "xlsx"}
        )
    cetak = LaporanLayananDokumen(
        angka=angka, narasi=LaporanLayanan(tahun=2026, periode="semester1"), grafik={}
    ).render_html()
    for html in (layar.content.decode(), cetak):
        assert NOMOR_KI in html
        assert "Kasasi ke Mahkamah Agung atas putusan PTUN (<span" in html
    assert xlsx["Content-Disposition"].endswith('laporan-layanan-semester1-2026-provinsi.xlsx"')
    book = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    [baris] = list(book["Daftar sengketa"].iter_rows(min_row=2, values_only=True))
    assert baris[1] == NOMOR_KI and baris[3].endswith(f"{H.KASASI.label} (2026-09-01)")
    pengadilan = dict(book["Pengadilan"].iter_rows(min_row=2, values_only=True))
    assert pengadilan == dict(angka.sengketa_pengadilan)
    # The Mahkamah Agung's ruling ends it; the Laporan counts it with the courts' rulings.
    k = hasil(client, desk, k, H.MA_DITOLAK, "2026-11-02", S.KI_MA_DITOLAK, D(2026, 11, 2))
    assert "catat_hasil_sengketa" not in {s.name for s in actions.ALUR.from_state(k.status)}
    with at(D(2026, 12, 1)):
        angka = laporan.compute(2026, "semester1")
    assert dict(angka.putusan_pengadilan) == {
        H.PTUN_MENGUATKAN.label: 0,
        H.PTUN_MEMBATALKAN.label: 0,
        H.MA_DITOLAK.label: 1,
        H.MA_DIKABULKAN.label: 0,
    }


def test_the_ptun_rules_then_a_kasasi_then_the_mahkamah_agung(client, desk, k):
    k = hasil(
        client, desk, k, H.DIKABULKAN_SELURUHNYA, "2026-05-04", S.KI_DIKABULKAN, D(2026, 5, 4)
    )
    k = hasil(client, desk, k, H.KEBERATAN_PTUN, "2026-05-20", S.KI_PTUN, D(2026, 5, 20))
    k = hasil(
        client, desk, k, H.PTUN_MEMBATALKAN, "2026-08-03", S.KI_PTUN_MEMBATALKAN, D(2026, 8, 3)
    )
    k = hasil(client, desk, k, H.KASASI, "2026-08-17", S.KI_KASASI, D(2026, 8, 18))
    k = hasil(client, desk, k, H.MA_DIKABULKAN, "2026-11-16", S.KI_MA_DIKABULKAN, D(2026, 11, 16))
    assert "catat_hasil_sengketa" not in {s.name for s in actions.ALUR.from_state(k.status)}
    with at(D(2026, 12, 1)):
        angka = laporan.compute(2026, "tahunan")
    putusan = dict(angka.putusan_pengadilan)
    assert (putusan[H.PTUN_MEMBATALKAN.label], putusan[H.MA_DIKABULKAN.label]) == (1, 1)
    assert dict(angka.sengketa_hasil)[H.DIKABULKAN_SELURUHNYA.label] == 1
    assert [t.label for t in angka.sengketa_daftar[0].tahapan][-2:] == [
        H.KASASI.label,
        H.MA_DIKABULKAN.label,
    ]


@pytest.mark.parametrize(
    "h, to",
    [
        (H.MEDIASI_BERHASIL, S.KI_MEDIASI_BERHASIL),
        (H.DIKABULKAN_SELURUHNYA, S.KI_DIKABULKAN),
        (H.DIKABULKAN_SEBAGIAN, S.KI_SEBAGIAN),
        (H.DICABUT, S.KI_DICABUT),
    ],
)
def test_each_first_outcome_is_its_own_state(client, desk, k, h, to):
    k = hasil(client, desk, k, h, "2026-05-04", to, D(2026, 5, 4))
    assert k.status == to and k.hasil_sengketa == h


def test_an_outcome_out_of_order_is_refused_and_nothing_is_written(client, desk, k):
    # A PTUN objection before any putusan; a kasasi before the PTUN.
    for h in (H.KEBERATAN_PTUN, H.KASASI):
        with at(D(2026, 5, 4)):
            with pytest.raises(actions.StepRefused, match="tidak sesuai urutan sengketa"):
                actions.record_hasil_sengketa(
                    k, by=desk.petugas, hasil=h, tanggal_hasil=D(2026, 5, 4)
                )
    k = hasil(
        client, desk, k, H.MEDIASI_BERHASIL, "2026-05-04", S.KI_MEDIASI_BERHASIL, D(2026, 5, 4)
    )
    before = Event.objects.count()
    with at(D(2026, 5, 5)):
        with pytest.raises(actions.StepRefused, match="tidak sesuai urutan sengketa"):
            actions.record_hasil_sengketa(
                k, by=desk.petugas, hasil=H.DITOLAK, tanggal_hasil=D(2026, 5, 5)
            )
    k.refresh_from_db()
    assert (k.status, k.hasil_sengketa, Event.objects.count()) == (
        S.KI_MEDIASI_BERHASIL,
        H.MEDIASI_BERHASIL,
        before,
    )


def test_the_form_offers_only_the_outcomes_that_may_follow(client, desk, k):
    client.force_login(desk.petugas)
    with at(D(2026, 5, 4)):
        form = client.get(step_url(k, "catat_hasil_sengketa")).context["form"]
    offered = {v for v, _ in form.fields["hasil"].choices}
    assert offered == {
        H.MEDIASI_BERHASIL, H.MEDIASI_GAGAL, H.DIKABULKAN_SELURUHNYA, H.DIKABULKAN_SEBAGIAN,
        H.DITOLAK, H.DICABUT,
    }  # fmt: skip
    with at(D(2026, 5, 4)):
        response = client.post(
            step_url(k, "catat_hasil_sengketa"),
            {"hasil": H.KEBERATAN_PTUN, "tanggal_hasil": "2026-05-04", "catatan": ""},
        )
    assert "hasil" in response.context["form"].errors
    k.refresh_from_db()
    assert k.status == S.SENGKETA


def test_the_draft_offers_only_answers_that_can_follow_it(desk):
    # Reason a (a refusal under Pasal 17): no musyawarah (Pasal 35(2)); no request: no
    # partial grant nor correction.
    p = tolak_permohonan(desk, buat_permohonan(desk, D(2026, 4, 6)), D(2026, 4, 7))
    a = daftarkan(desk, D(2026, 4, 8), p, alasan=[Keberatan.Alasan.A])
    draft = DrafForm(keberatan=a, submit_label="Ajukan")
    offered = {v for v, _ in draft.fields["keputusan"].widget.choices}
    assert Keberatan.Keputusan.MUSYAWARAH not in offered
    b = daftarkan(desk, D(2026, 4, 6))
    assert Keberatan.Keputusan.MUSYAWARAH in {
        v
        for v, _ in DrafForm(keberatan=b, submit_label="Ajukan").fields["keputusan"].widget.choices
    }
    assert not {Keberatan.Keputusan.SEBAGIAN, Keberatan.Keputusan.BIAYA} & {
        v
        for v, _ in DrafForm(keberatan=b, submit_label="Ajukan").fields["keputusan"].widget.choices
    }


def test_each_outcome_records_how_it_was_carried_out_and_the_laporan_prints_it(client, desk, k):
    """Perki 1/2021 asks the Laporan for each outcome "dan pelaksanaannya oleh Badan Publik":
    entered with the outcome on its step's form, kept with that outcome (a later one never
    rewrites it), printed in the table of each sengketa on the page, the PDF and the XLSX."""
    with at(D(2026, 6, 16)):
        transition(
            client, desk.petugas, k, step_url(k, "catat_hasil_sengketa"),
            {"hasil": H.DIKABULKAN_SEBAGIAN, "tanggal_hasil": "2026-06-15",
             "pelaksanaan": "Informasi diserahkan 22 Juni 2026, tanda terima 051/TT/2026.",
             "catatan": ""},
            step="hasil_sebagian", to=S.KI_SEBAGIAN,
        )  # fmt: skip
    k.refresh_from_db()
    assert k.pelaksanaan_hasil_sengketa.startswith("Informasi diserahkan 22 Juni 2026")
    assert events(k)[-1].data["pelaksanaan"] == k.pelaksanaan_hasil_sengketa
    # A later outcome with nothing carried out yet: the earlier one keeps its own.
    k = hasil(client, desk, k, H.KEBERATAN_PTUN, "2026-07-01", S.KI_PTUN, D(2026, 7, 1))
    k = hasil(client, desk, k, H.PTUN_MENGUATKAN, "2026-09-01", S.KI_PTUN_MENGUATKAN, D(2026, 9, 1))
    assert k.pelaksanaan_hasil_sengketa == ""
    with at(D(2026, 12, 1)):
        angka = laporan.compute(2026, "tahunan")
    [baris] = angka.sengketa_daftar
    assert [(t.label, t.pelaksanaan) for t in baris.dilaksanakan] == [
        (
            H.DIKABULKAN_SEBAGIAN.label,
            "Informasi diserahkan 22 Juni 2026, tanda terima 051/TT/2026.",
        ),
        (H.PTUN_MENGUATKAN.label, ""),
    ]
    client.force_login(desk.ppid)
    with at(D(2026, 12, 1)):
        layar = client.get(reverse("laporan"), {"tahun": "2026", "periode": "tahunan"})
        xlsx = client.get(
            reverse("laporan"), {"tahun": "2026", "periode": "tahunan", "format": "xlsx"}
        )
    cetak = LaporanLayananDokumen(
        angka=angka, narasi=LaporanLayanan(tahun=2026, periode="tahunan"), grafik={}
    ).render_html()
    for html in (layar.content.decode(), cetak):
        assert "<th>Hasil, tanggal dan pelaksanaannya oleh badan publik</th>" in html
        assert "{#" not in html and "{%" not in html  # no template comment printed
        assert (
            f'{H.DIKABULKAN_SEBAGIAN.label} (<span class="nomor">15 Juni 2026</span>). '
            "Pelaksanaan: Informasi diserahkan 22 Juni 2026, tanda terima 051/TT/2026.</div>"
        ) in html
        assert (
            f'{H.PTUN_MENGUATKAN.label} (<span class="nomor">1 September 2026</span>). '
            "Pelaksanaan: belum dicatat</div>"
        ) in html
        # Not the filing with the PTUN: nothing of it to carry out.
        assert (f'{H.KEBERATAN_PTUN.label} (<span class="nomor">1 Juli 2026</span>)</div>') in html
    book = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    [row] = list(book["Daftar sengketa"].iter_rows(min_row=2, values_only=True))
    assert row[4] == (
        f"{H.DIKABULKAN_SEBAGIAN.label}: Informasi diserahkan 22 Juni 2026, tanda terima "
        f"051/TT/2026.; {H.PTUN_MENGUATKAN.label}: belum dicatat"
    )


def test_a_pelaksanaan_for_an_outcome_with_nothing_to_carry_out_is_refused(client, desk, k):
    client.force_login(desk.petugas)
    before = Event.objects.count()
    with at(D(2026, 5, 4)):
        response = client.post(
            step_url(k, "catat_hasil_sengketa"),
            {"hasil": H.MEDIASI_GAGAL, "tanggal_hasil": "2026-05-04",
             "pelaksanaan": "Dilaksanakan.", "catatan": ""},
        )  # fmt: skip
    assert "tidak dilaksanakan oleh badan publik" in str(response.context["form"].errors)
    k.refresh_from_db()
    assert (k.status, k.hasil_sengketa, Event.objects.count()) == (S.SENGKETA, "", before)
    # The action refuses it too, whoever calls it.
    with at(D(2026, 5, 4)), pytest.raises(actions.StepRefused, match="kosongkan"):
        actions.record_hasil_sengketa(
            k, by=desk.petugas, hasil=H.DICABUT, tanggal_hasil=D(2026, 5, 4), pelaksanaan="x"
        )
    k.refresh_from_db()
    assert (k.status, Event.objects.count()) == (S.SENGKETA, before)
