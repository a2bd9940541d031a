"""Each outcome driven through the test client, from the desk to the close. Every transition
checks the response, the new state after refresh_from_db, and exactly one new event with the
right from/to."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from registrasi.alur import LANGKAH_KEPUTUSAN
from registrasi.models import Permohonan, SuratPermintaan
from tests.helpers import D, at, case_url, events, moment, transition
from tests.registrasi.conftest import form_data

S = Permohonan.Status
K = Permohonan.Keputusan


def register_at_desk(client, user, **overrides) -> Permohonan:
    client.force_login(user)
    response = client.post(reverse("registrasi:baru"), form_data(**overrides))
    assert response.status_code == 302
    p = Permohonan.objects.latest("pk")
    assert response["Location"] == case_url(p) + "?baru=1"
    return p


def route(client, ppid, p, unit):
    transition(
        client,
        ppid,
        p,
        reverse("registrasi:langkah", args=[p.pk, "minta_opd"]),
        {"unit": unit.pk, "catatan": "Mohon data per kabupaten."},
        step="minta_opd",
        from_state=S.TERDAFTAR,
        to=S.DIMINTAKAN_KE_OPD,
        message="Surat permintaan",
    )


def answer(client, pelaksana, p, jawaban, klasifikasi="terbuka", isi="Data terlampir 12 halaman"):
    transition(
        client,
        pelaksana,
        p,
        reverse("registrasi:langkah", args=[p.pk, "jawab_opd"]),
        {
            "jawaban": jawaban,
            "klasifikasi": klasifikasi,
            "isi_jawaban": isi,
            "nomor_surat_jawaban": "440/123/Diskes",
            "tanggal_jawaban": "2026-03-16",
        },
        step="jawab_opd",
        from_state=S.DIMINTAKAN_KE_OPD,
        to=S.SIAP_DIPUTUS,
        message="Jawaban OPD dicatat",
    )


def decide(client, ppid, p, keputusan, data, to_state):
    return transition(
        client,
        ppid,
        p,
        reverse("registrasi:langkah", args=[p.pk, LANGKAH_KEPUTUSAN[keputusan]]),
        data,
        step={
            K.DIBERIKAN_SELURUHNYA: "beri_seluruhnya",
            K.DIBERIKAN_SEBAGIAN: "beri_sebagian",
            K.DITOLAK: "tolak",
            K.TIDAK_DIKUASAI: "tidak_dikuasai",
            K.BELUM_DIDOKUMENTASIKAN: "belum_didokumentasikan",
        }[keputusan],
        from_state=p.status,
        to=to_state,
        message="Pemberitahuan tertulis",
    )


def hand_over(client, user, p, data, from_state=S.MENUNGGU_PENYERAHAN):
    return transition(
        client,
        user,
        p,
        reverse("registrasi:langkah", args=[p.pk, "serahkan"]),
        data,
        step="serahkan",
        from_state=from_state,
        to=S.SELESAI,
        message="Informasi diserahkan",
    )


def test_it_registers_routes_answers_notifies_and_hands_over(
    client, golden_day, petugas, ppid, pelaksana_dinkes, units, tarif, pejabat
):
    p = register_at_desk(client, petugas)
    assert p.status == S.TERDAFTAR
    assert p.nomor_pendaftaran == "0001/REG-PPID/III/2026"
    assert (p.tanggal_daftar, p.tenggat_awal, p.tenggat) == (
        D(2026, 3, 16),
        D(2026, 4, 7),
        D(2026, 4, 7),
    )
    [registered] = events(p)
    assert (registered.step, registered.from_state, registered.to_state) == (
        "daftar",
        S.BARU,
        S.TERDAFTAR,
    )
    assert registered.data["nomor"] == p.nomor_pendaftaran

    route(client, ppid, p, units["dinkes"])
    surat = SuratPermintaan.objects.get(permohonan=p)
    assert surat.unit == units["dinkes"]
    # Internal deadline: 5 hk from 16 March 2026 (17, 25, 26, 27, 30 March: Nyepi, Idul Fitri
    # and their cuti bersama are skipped), inside the legal 10 hk (7 April).
    assert surat.tenggat_jawaban == D(2026, 3, 30)
    assert p.unit_tujuan == units["dinkes"]

    answer(client, pelaksana_dinkes, p, SuratPermintaan.Jawaban.TERSEDIA)
    surat.refresh_from_db()
    assert surat.jawaban == SuratPermintaan.Jawaban.TERSEDIA
    assert surat.klasifikasi == Permohonan.Klasifikasi.TERBUKA

    decide(
        client,
        ppid,
        p,
        K.DIBERIKAN_SELURUHNYA,
        {
            "uraian_informasi": "Rekap cakupan imunisasi 2025 (12 halaman)",
            "perkiraan_halaman": "12",
            "perkiraan_tarif": tarif.pk,
            "perkiraan_biaya_kirim": "0",
            "waktu_penyediaan": "Dapat diambil mulai 18 Maret 2026",
        },
        S.MENUNGGU_PENYERAHAN,
    )
    assert p.keputusan == K.DIBERIKAN_SELURUHNYA
    assert p.nomor_pemberitahuan == "480/0001/PB-PPID/III/2026"
    assert p.tanggal_pemberitahuan == D(2026, 3, 16)
    assert p.perkiraan_biaya_total == Decimal("6000")

    hand_over(
        client,
        petugas,
        p,
        {
            "nama_penerima": "Ni Made Ayu Lestari",
            "cara": "mengambil",
            "jumlah_halaman": "12",
            "tarif": tarif.pk,
            "biaya_pengiriman": "0",
            "catatan": "",
        },
    )
    [penyerahan] = p.penyerahan.all()
    assert penyerahan.nomor == "0001/TT-PPID/III/2026"
    assert (penyerahan.harga_satuan, penyerahan.biaya_salinan, penyerahan.total) == (
        Decimal("500"),
        Decimal("6000"),
        Decimal("6000"),
    )
    assert p.tanggal_ditutup == D(2026, 3, 16)
    assert [e.step for e in events(p)] == [
        "daftar",
        "minta_opd",
        "jawab_opd",
        "beri_seluruhnya",
        "serahkan",
    ]


def test_it_refuses_with_an_sk_and_closes(
    client, golden_day, petugas, ppid, pelaksana_dinkes, units, pejabat
):
    p = register_at_desk(client, petugas)
    route(client, ppid, p, units["dinkes"])
    answer(
        client,
        pelaksana_dinkes,
        p,
        SuratPermintaan.Jawaban.DIKECUALIKAN,
        klasifikasi="",
        isi="Memuat rekam medis pasien",
    )
    decide(
        client,
        ppid,
        p,
        K.DITOLAK,
        {
            "uraian_informasi": "",
            "pasal17": ["h"],
            "undang_undang_lain": "UU 17/2023 tentang Kesehatan, Pasal 4",
            "konsekuensi": "Membuka rekam medis mengungkap rahasia pribadi pasien.",
        },
        S.SELESAI,
    )
    assert p.keputusan == K.DITOLAK
    assert p.klasifikasi == Permohonan.Klasifikasi.DIKECUALIKAN
    assert p.pasal17 == ["h"]
    assert p.nomor_sk_penolakan == "001/SK-PPID/III/2026"
    assert p.tanggal_ditutup == D(2026, 3, 16)
    assert events(p)[-1].data["nomor_sk_penolakan"] == p.nomor_sk_penolakan


def test_it_tells_the_pemohon_the_information_is_not_held(
    client, golden_day, petugas, ppid, pelaksana_dinkes, units, pejabat
):
    p = register_at_desk(client, petugas)
    route(client, ppid, p, units["dinkes"])
    answer(
        client,
        pelaksana_dinkes,
        p,
        SuratPermintaan.Jawaban.TIDAK_DIKUASAI,
        klasifikasi="",
        isi="Data dikelola Kementerian Kesehatan",
    )
    decide(
        client,
        ppid,
        p,
        K.TIDAK_DIKUASAI,
        {
            "uraian_informasi": "Data tidak dikuasai Pemerintah Provinsi Bali.",
            "penguasa_informasi": "Kementerian Kesehatan RI",
        },
        S.SELESAI,
    )
    assert p.keputusan == K.TIDAK_DIKUASAI
    assert p.penguasa_informasi == "Kementerian Kesehatan RI"
    assert not p.penyerahan.exists()


def test_it_tells_the_pemohon_the_information_is_not_yet_documented(
    client, golden_day, petugas, ppid, pejabat
):
    p = register_at_desk(client, petugas)
    # The PPID Utama decides directly (its own information), without a letter to an OPD.
    decide(
        client,
        ppid,
        p,
        K.BELUM_DIDOKUMENTASIKAN,
        {
            "uraian_informasi": "Rekap 2025 selesai disusun pada Juni 2026.",
            "tanggal_tersedia": "2026-04-07",
        },
        # Issue 18: the request stays open until the information is handed over.
        S.MENUNGGU_PENYERAHAN,
    )
    assert p.keputusan == K.BELUM_DIDOKUMENTASIKAN
    assert p.tanggal_tersedia == D(2026, 4, 7)
    assert p.tanggal_ditutup is None
    assert p.unit_tujuan is None


def test_it_gives_part_of_the_information(
    client, golden_day, petugas, ppid, pelaksana_dinkes, units, tarif, pejabat
):
    p = register_at_desk(client, petugas)
    route(client, ppid, p, units["dinkes"])
    answer(client, pelaksana_dinkes, p, SuratPermintaan.Jawaban.SEBAGIAN)
    decide(
        client,
        ppid,
        p,
        K.DIBERIKAN_SEBAGIAN,
        {
            "uraian_informasi": "Rekap cakupan imunisasi",
            "bagian_dihitamkan": "Nama dan alamat anak pada lampiran 3",
            "pasal17": ["h"],
            "undang_undang_lain": "",
            "konsekuensi": "Membuka data pribadi anak.",
            "perkiraan_halaman": "4",
            "perkiraan_tarif": tarif.pk,
            "perkiraan_biaya_kirim": "10000",
            "waktu_penyediaan": "",
        },
        S.MENUNGGU_PENYERAHAN,
    )
    assert p.keputusan == K.DIBERIKAN_SEBAGIAN
    assert p.bagian_dihitamkan.startswith("Nama dan alamat")
    hand_over(
        client,
        petugas,
        p,
        {
            "nama_penerima": "Ni Made Ayu Lestari",
            "cara": "pos",
            "jumlah_halaman": "4",
            "tarif": tarif.pk,
            "biaya_pengiriman": "10000",
        },
    )
    assert p.penyerahan.get().total == Decimal("12000")


@pytest.mark.dokumen_di_langkah
def test_it_extends_once_to_seven_working_days_after_the_original_deadline(
    client, golden_day, petugas, ppid, units, pejabat
):
    p = register_at_desk(client, petugas)
    route(client, ppid, p, units["dinkes"])
    golden_day.move_to(moment(D(2026, 4, 6)))
    transition(
        client,
        ppid,
        p,
        reverse("registrasi:langkah", args=[p.pk, "perpanjang"]),
        {"alasan": "Data masih direkap dari sembilan kabupaten/kota."},
        step="perpanjang",
        from_state=S.DIMINTAKAN_KE_OPD,
        to=S.DIMINTAKAN_KE_OPD,
        message="Tenggat diperpanjang",
    )
    assert p.diperpanjang
    assert p.tenggat_awal == D(2026, 4, 7)
    assert p.tenggat == D(2026, 4, 16)  # the golden example
    assert p.nomor_perpanjangan == "480/0001/PP-PPID/IV/2026"
    assert p.tanggal_perpanjangan == D(2026, 4, 6)
    data = events(p)[-1].data
    # The notice stored at this step is named on its event (issue 15; checked in
    # test_dokumen_terbit.py).
    assert [d["jenis"] for d in data.pop("dokumen_terbit")] == ["perpanjangan"]
    assert data == {
        "tenggat_lama": "2026-04-07",
        "tenggat_baru": "2026-04-16",
        "nomor": p.nomor_perpanjangan,
    }
    # After the original deadline, the extended request is still on time until 16 April.
    golden_day.move_to(moment(D(2026, 4, 15)))
    p.refresh_from_db()
    assert not p.is_overdue(D(2026, 4, 15))


def test_it_records_a_withdrawal(client, golden_day, petugas, ppid, units):
    p = register_at_desk(client, petugas)
    route(client, ppid, p, units["dinkes"])
    transition(
        client,
        petugas,
        p,
        reverse("registrasi:langkah", args=[p.pk, "tarik"]),
        {"catatan": "Pemohon menyatakan tidak lagi membutuhkan data (surat tertanggal 17 Maret)."},
        step="tarik",
        from_state=S.DIMINTAKAN_KE_OPD,
        to=S.DITARIK,
        message="ditarik",
    )
    assert p.tanggal_ditutup == D(2026, 3, 16)
    assert events(p)[-1].note.startswith("Pemohon menyatakan")
    assert not Permohonan.objects.open().filter(pk=p.pk).exists()


def test_a_ppid_pelaksana_answers_its_own_request_directly(
    client, golden_day, pelaksana_dinkes, units, tarif, pejabat
):
    p = register_at_desk(client, pelaksana_dinkes)
    assert p.unit_registrasi == units["dinkes"]
    transition(
        client,
        pelaksana_dinkes,
        p,
        reverse("registrasi:langkah", args=[p.pk, "jawab_langsung"]),
        {
            "uraian_informasi": "Profil Kesehatan Provinsi Bali 2025 (DIP Diskes)",
            "perkiraan_halaman": "",
            "perkiraan_biaya_kirim": "0",
            "waktu_penyediaan": "",
        },
        step="jawab_langsung",
        from_state=S.TERDAFTAR,
        to=S.MENUNGGU_PENYERAHAN,
        message="Pemberitahuan tertulis",
    )
    assert p.keputusan == K.DIBERIKAN_SELURUHNYA
    assert p.klasifikasi == Permohonan.Klasifikasi.TERBUKA
    assert not p.surat_permintaan.exists()
    hand_over(
        client,
        pelaksana_dinkes,
        p,
        {
            "nama_penerima": "Ni Made Ayu Lestari",
            "cara": "email",
            "jumlah_halaman": "0",
            "biaya_pengiriman": "0",
        },
    )
    assert p.penyerahan.get().tanpa_biaya


def test_a_ppid_pelaksana_forwards_what_it_does_not_hold(
    client, golden_day, pelaksana_dinkes, ppid, units
):
    p = register_at_desk(client, pelaksana_dinkes)
    transition(
        client,
        pelaksana_dinkes,
        p,
        reverse("registrasi:langkah", args=[p.pk, "teruskan_ppid"]),
        {"catatan": "Informasi dikuasai Dinas Perhubungan."},
        step="teruskan_ppid",
        from_state=S.TERDAFTAR,
        to=S.TERDAFTAR,
        message="diteruskan",
    )
    assert p.diteruskan_ke_ppid
    assert not Permohonan.objects.needs_action(pelaksana_dinkes).filter(pk=p.pk).exists()
    assert Permohonan.objects.needs_action(ppid).filter(pk=p.pk).exists()
    route(client, ppid, p, units["dishub"])


def test_it_reroutes_to_another_opd(
    client, golden_day, petugas, ppid, pelaksana_dinkes, pelaksana_dishub, units
):
    p = register_at_desk(client, petugas)
    route(client, ppid, p, units["dinkes"])
    transition(
        client,
        ppid,
        p,
        reverse("registrasi:langkah", args=[p.pk, "alihkan_opd"]),
        {"unit": units["dishub"].pk, "catatan": "Data angkutan ada di Dishub."},
        step="alihkan_opd",
        from_state=S.DIMINTAKAN_KE_OPD,
        to=S.DIMINTAKAN_KE_OPD,
    )
    first, second = p.surat_permintaan.order_by("pk")
    assert first.dialihkan and not second.dialihkan
    assert second.unit == units["dishub"]
    assert p.unit_tujuan == units["dishub"]
    assert events(p)[-1].data["opd_sebelumnya"] == "DISKES"
    # The OPD it was taken from no longer sees the request; the new one does.
    client.force_login(pelaksana_dinkes)
    assert client.get(case_url(p)).status_code == 404
    answer(client, pelaksana_dishub, p, SuratPermintaan.Jawaban.TERSEDIA)


def test_the_atasan_reopens_a_refused_request_for_handover(
    client, golden_day, petugas, ppid, atasan, tarif, pejabat
):
    p = register_at_desk(client, petugas)
    decide(
        client,
        ppid,
        p,
        K.DITOLAK,
        {"pasal17": ["i"], "konsekuensi": "Memorandum internal yang masih dibahas."},
        S.SELESAI,
    )
    transition(
        client,
        atasan,
        p,
        reverse("registrasi:langkah", args=[p.pk, "buka_kembali"]),
        {"catatan": "Tanggapan keberatan Atasan PPID Nomor 480/7/ATASAN-PPID/IV/2026"},
        step="buka_kembali",
        from_state=S.SELESAI,
        to=S.DIBUKA_KEMBALI,
        message="dibuka kembali",
    )
    assert p.tanggal_ditutup is None
    assert events(p)[-1].data["keputusan_ppid"] == K.DITOLAK
    p.refresh_from_db()
    assert p.keputusan == K.DITOLAK  # the PPID's decision stays of record
    hand_over(
        client,
        petugas,
        p,
        {
            "nama_penerima": "Ni Made Ayu Lestari",
            "cara": "mengambil",
            "jumlah_halaman": "2",
            "tarif": tarif.pk,
            "biaya_pengiriman": "0",
        },
        from_state=S.DIBUKA_KEMBALI,
    )


@pytest.mark.parametrize(
    "day, expected", [(D(2026, 3, 16), D(2026, 4, 7)), (D(2026, 2, 6), D(2026, 2, 24))]
)
def test_the_deadline_is_ten_working_days_from_registration(
    client, holidays_2026, petugas, day, expected
):
    with at(day):
        p = register_at_desk(client, petugas, tanggal=day.isoformat())
    assert p.tenggat == expected


def test_a_form_typed_in_late_counts_from_the_day_it_was_received(client, holidays_2026, petugas):
    with at(D(2026, 3, 17)):
        p = register_at_desk(client, petugas, tanggal="2026-03-16")
    assert p.tanggal_daftar == D(2026, 3, 16)
    assert p.tenggat == D(2026, 4, 7)
