"""The whole chain through the test client, on the real 2026 calendar (Nyepi, Idul Fitri and
their cuti bersama in March): linked and unlinked; upheld, granted, musyawarah; a draft sent
back once; a late filing warned."""

from __future__ import annotations

import uuid

from django.contrib.messages import get_messages
from django.urls import reverse

from keberatan.models import Keberatan
from ppid_manual.models import Event
from registrasi.models import Permohonan
from tests.helpers import D, at, events
from tests.keberatan.helpers import buat_permohonan, langkah, tolak_permohonan

S = Keberatan.Status
A = Keberatan.Alasan


def intake_data(**overrides) -> dict:
    data = {
        "kunci": str(uuid.uuid4()),
        "nomor_pendaftaran": "",
        "tanggal_diterima": "",
        "tanggal_dasar": "",
        "tujuan_penggunaan": "Bahan liputan tentang bantuan kesehatan",
        "alasan": [A.A],
        "kasus_posisi": "PPID menolak seluruh permohonan; sebagian data bukan data pribadi.",
        "kuasa_nama": "",
        "kuasa_alamat": "",
        "kuasa_telepon": "",
        "identitas_diterima": "on",
    }
    data.update(overrides)
    return data


def test_it_runs_a_linked_keberatan_upheld_with_a_draft_sent_back_once(client, desk, holidays_2026):
    p = buat_permohonan(desk, D(2026, 3, 2))
    p = tolak_permohonan(desk, p, D(2026, 3, 10))

    # SOP 1–2: the desk finds the request by its number and registers the keberatan.
    with at(D(2026, 3, 16)):
        client.force_login(desk.petugas)
        page = client.get(reverse("keberatan:baru"), {"nomor": p.nomor_pendaftaran})
        assert page.status_code == 200
        html = page.content.decode()
        assert p.nomor_pendaftaran in html
        assert "Selasa, 10 Maret 2026" in html  # the notice: day 0 of the filing window
        assert "Rabu, 29 April 2026" in html  # 30 hk later, across Nyepi and Idul Fitri
        response = client.post(
            reverse("keberatan:baru"),
            intake_data(nomor_pendaftaran=p.nomor_pendaftaran, tanggal_diterima="2026-03-16"),
        )
    assert response.status_code == 302
    k = Keberatan.objects.get()
    assert response["Location"] == reverse("keberatan:detail", args=[k.pk]) + "?baru=1"
    assert k.status == S.TERDAFTAR
    assert k.nomor_registrasi == "0001/KEB-PPID/III/2026"
    assert k.permohonan == p and k.pemohon == p.pemohon
    assert k.alasan == [A.A]
    assert k.informasi_diminta == p.rincian_informasi
    assert (k.tanggal_dasar, k.tenggat_pengajuan, k.terlambat) == (
        D(2026, 3, 10),
        D(2026, 4, 29),
        False,
    )
    # Pasal 36(2): 30 hk from receipt (here the registration day too); the SOP targets; the
    # sengketa window if unanswered.
    assert k.tenggat_tanggapan == D(2026, 5, 6)
    assert k.target_registrasi == D(2026, 3, 17)
    assert k.target_pemeriksaan == D(2026, 3, 30)
    assert k.tenggat_sengketa == D(2026, 6, 2)
    assert k.tenggat_terdekat == D(2026, 3, 30)
    [daftar] = events(k)
    assert (daftar.step, daftar.from_state, daftar.to_state) == ("daftarkan", S.BARU, S.TERDAFTAR)
    assert daftar.actor == desk.petugas

    # SOP 3: the Atasan examines and disposes to the PPID Pelaksana of the OPD.
    k = langkah(
        client,
        desk.atasan,
        k,
        "disposisi",
        {"unit": desk.units["dinkes"].pk, "sifat": "segera", "isi": "Kaji ulang pengecualian."},
        D(2026, 3, 17),
        to=S.DIDISPOSISI,
    )
    assert k.unit_disposisi == desk.units["dinkes"]
    assert k.pejabat_disposisi == desk.pejabat["atasan"]
    assert k.target_draf == D(2026, 3, 26)  # 2 hk: 18–24 March are days off

    # SOP 4: the PPID Pelaksana drafts; the Atasan sends it back once with notes.
    draf = {"keputusan": "ditolak", "pertimbangan": "Data memuat NIK penerima bantuan."}
    k = langkah(client, desk.dinkes, k, "ajukan_draf", draf, D(2026, 3, 25), to=S.DRAF_DIAJUKAN)
    assert k.target_jawaban == D(2026, 3, 26)
    catatan = "Uraikan uji konsekuensi per jenis data."
    k = langkah(
        client,
        desk.atasan,
        k,
        "kembalikan_draf",
        {"catatan": catatan},
        D(2026, 3, 26),
        to=S.DRAF_DIKEMBALIKAN,
    )
    assert (k.jumlah_revisi, k.catatan_revisi, k.target_draf) == (1, catatan, D(2026, 3, 30))
    draf["pertimbangan"] = "Uji konsekuensi: NIK, alamat dan diagnosis adalah rahasia pribadi."
    k = langkah(client, desk.ppid, k, "ajukan_draf", draf, D(2026, 3, 27), to=S.DRAF_DIAJUKAN)
    k = langkah(
        client, desk.atasan, k, "setujui_draf", {"catatan": ""}, D(2026, 3, 30), to=S.DRAF_DISETUJUI
    )

    # SOP 5: the Atasan upholds the decision with written reasons (Pasal 36(3)).
    alasan_tertulis = "Putusan PPID dikuatkan: <b>data pribadi</b> dikecualikan Pasal 17 huruf h."
    k = langkah(
        client,
        desk.atasan,
        k,
        "tanggapi_ditolak",
        {"pertimbangan": alasan_tertulis},
        D(2026, 3, 30),
        to=S.DITANGGAPI,
    )
    assert k.keputusan == Keberatan.Keputusan.DITOLAK
    assert k.pertimbangan == alasan_tertulis  # stored as typed
    assert k.nomor_tanggapan == "480/0001/ATASAN-PPID/III/2026"
    assert k.tanggal_tanggapan == D(2026, 3, 30)
    assert k.pejabat_tanggapan == desk.pejabat["atasan"]
    assert k.tenggat_sengketa == D(2026, 4, 20)  # Pasal 37(2): 14 hk, skipping 3 April
    assert Permohonan.objects.get(pk=p.pk).status == Permohonan.Status.SELESAI  # untouched

    # After: the pemohon files a sengketa with the Komisi Informasi.
    k = langkah(
        client,
        desk.petugas,
        k,
        "catat_sengketa",
        {"tanggal_sengketa": "2026-04-02", "nomor_register": "012/IV/KI-Bali-PS-A/2026"},
        D(2026, 4, 2),
        to=S.SENGKETA,
    )
    assert (k.sikap_pemohon, k.tanggal_sengketa, k.nomor_register_ki) == (
        Keberatan.SikapPemohon.SENGKETA,
        D(2026, 4, 2),
        "012/IV/KI-Bali-PS-A/2026",
    )
    assert k.tenggat_terdekat is None

    # The timeline keeps the loop: both drafts and the notes of the send-back.
    steps = [e.step for e in events(k)]
    assert steps == [
        "daftarkan",
        "disposisi",
        "ajukan_draf",
        "kembalikan_draf",
        "ajukan_draf",
        "setujui_draf",
        "tanggapi_ditolak",
        "catat_sengketa",
    ]
    with at(D(2026, 4, 2)):
        client.force_login(desk.ppid)
        html = client.get(reverse("keberatan:detail", args=[k.pk])).content.decode()
    assert catatan in html
    assert "&lt;b&gt;data pribadi&lt;/b&gt;" in html and "<b>data pribadi</b>" not in html


def test_it_grants_the_information_and_reopens_the_request_for_handover(
    client, desk, holidays_2026
):
    # A request registered Monday 2 March 2026, due Monday 16 March, never answered.
    p = buat_permohonan(desk, D(2026, 3, 2))
    assert p.tenggat == D(2026, 3, 16)

    with at(D(2026, 3, 25)):
        client.force_login(desk.petugas)
        page = client.get(reverse("keberatan:baru"), {"nomor": p.nomor_pendaftaran})
        form = page.context["form"]
        # Suggested: c (not answered) and g (beyond the time the law allows), explained.
        assert form.initial["alasan"] == [A.C, A.G]
        html = page.content.decode()
        assert "Saran alasan c dan g" in html
        assert "Senin, 16 Maret 2026" in html  # the deadline that passed: day 0
        response = client.post(
            reverse("keberatan:baru"),
            intake_data(
                nomor_pendaftaran=p.nomor_pendaftaran,
                tanggal_diterima="2026-03-25",
                alasan=[A.C, A.G],
                kasus_posisi="Permohonan tidak dijawab sampai tenggat.",
            ),
        )
    assert response.status_code == 302
    k = Keberatan.objects.get()
    assert (k.tanggal_dasar, k.terlambat) == (D(2026, 3, 16), False)
    assert "tanpa jawaban" in k.dasar_keterangan
    assert k.tenggat_tanggapan == D(2026, 5, 8)

    k = langkah(
        client,
        desk.atasan,
        k,
        "disposisi",
        {"unit": desk.units["utama"].pk, "sifat": "sangat_segera", "isi": "Segera jawab."},
        D(2026, 3, 26),
        to=S.DIDISPOSISI,
    )
    k = langkah(
        client,
        desk.ppid,
        k,
        "ajukan_draf",
        {"keputusan": "diberikan", "pertimbangan": "Data agregat per kabupaten terbuka."},
        D(2026, 3, 27),
        to=S.DRAF_DIAJUKAN,
    )
    k = langkah(
        client,
        desk.atasan,
        k,
        "setujui_draf",
        {"catatan": "OK"},
        D(2026, 3, 30),
        to=S.DRAF_DISETUJUI,
    )
    # The answer form is pre-filled with the approved draft of the same outcome.
    with at(D(2026, 3, 30)):
        client.force_login(desk.atasan)
        page = client.get(reverse("keberatan:langkah", args=[k.pk, "tanggapi_diberikan"]))
    assert page.context["form"].initial["pertimbangan"] == "Data agregat per kabupaten terbuka."

    permohonan_events = len(events(p))
    k = langkah(
        client,
        desk.atasan,
        k,
        "tanggapi_diberikan",
        {"pertimbangan": "Data agregat diberikan dalam bentuk softcopy."},
        D(2026, 3, 30),
        to=S.DITANGGAPI,
        elsewhere=1,  # the reopened request's event, checked below
    )
    assert k.keputusan == Keberatan.Keputusan.DIBERIKAN
    # The request reopened for the handover, by registrasi's own step, in the same transaction.
    p.refresh_from_db()
    assert p.status == Permohonan.Status.DIBUKA_KEMBALI
    [reopen] = events(p)[permohonan_events:]
    assert (reopen.step, reopen.from_state, reopen.to_state) == (
        "buka_kembali",
        Permohonan.Status.TERDAFTAR,
        Permohonan.Status.DIBUKA_KEMBALI,
    )
    assert reopen.actor == desk.atasan
    assert k.nomor_registrasi in reopen.note and k.nomor_tanggapan in reopen.note

    k = langkah(
        client,
        desk.petugas,
        k,
        "catat_diterima",
        {"tanggal_sikap": "2026-04-01", "catatan": "Pemohon puas."},
        D(2026, 4, 1),
        to=S.SELESAI,
    )
    assert (k.sikap_pemohon, k.tanggal_sikap) == (Keberatan.SikapPemohon.MENERIMA, D(2026, 4, 1))


def test_it_settles_an_unlinked_keberatan_by_musyawarah(client, desk, holidays_2026):
    """Reason b needs no earlier request: the identity is typed at the desk."""
    with at(D(2026, 4, 6)):
        client.force_login(desk.petugas)
        page = client.get(reverse("keberatan:baru"), {"tanpa": "1"})
        assert page.status_code == 200
        assert page.context["form"].initial["alasan"] == [A.B]
        response = client.post(
            reverse("keberatan:baru"),
            intake_data(
                tanggal_diterima="2026-04-06",
                tanggal_dasar="2026-04-01",
                alasan=[A.B],
                jenis="perorangan",
                nama="I Ketut Warga",
                nik="5103 0245 0685 0002",
                alamat="Br. Tengah, Mengwi",
                pekerjaan="Petani",
                telepon="0819 9988 8777",
                email="",
                informasi_diminta="Laporan keuangan tahunan Dinas Kesehatan 2025",
                kuasa_nama="Made Advokat, S.H.",
                kuasa_alamat="Jl. Hayam Wuruk 5, Denpasar",
                kuasa_telepon="0361 123456",
                surat_kuasa_diterima="on",
            ),
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    k = Keberatan.objects.get()
    assert k.permohonan is None
    assert (k.pemohon.nama, k.pemohon.nik) == ("I Ketut Warga", "5103024506850002")
    assert k.kuasa_nama == "Made Advokat, S.H." and k.surat_kuasa_diterima
    assert (k.tanggal_dasar, k.tenggat_pengajuan) == (D(2026, 4, 1), D(2026, 5, 19))

    k = langkah(
        client,
        desk.atasan,
        k,
        "disposisi",
        {"unit": desk.units["dinkes"].pk, "sifat": "biasa", "isi": "Ajak pemohon bermusyawarah."},
        D(2026, 4, 7),
        to=S.DIDISPOSISI,
    )
    k = langkah(
        client,
        desk.dinkes,
        k,
        "ajukan_draf",
        {
            "keputusan": "musyawarah",
            "pertimbangan": "Laporan diumumkan di situs paling lambat 30 April.",
        },
        D(2026, 4, 8),
        to=S.DRAF_DIAJUKAN,
    )
    k = langkah(
        client, desk.atasan, k, "setujui_draf", {"catatan": ""}, D(2026, 4, 9), to=S.DRAF_DISETUJUI
    )
    k = langkah(
        client,
        desk.atasan,
        k,
        "tanggapi_musyawarah",
        {"pertimbangan": "Disepakati: laporan diumumkan 30 April 2026."},
        D(2026, 4, 9),
        to=S.DITANGGAPI,
    )
    assert k.keputusan == Keberatan.Keputusan.MUSYAWARAH
    k = langkah(
        client,
        desk.ppid,
        k,
        "catat_diterima",
        {"tanggal_sikap": "2026-04-10", "catatan": ""},
        D(2026, 4, 10),
        to=S.SELESAI,
    )


def test_a_late_filing_is_registered_with_a_visible_warning_and_a_note(client, desk, holidays_2026):
    from ppid_manual.workflow.penyampaian import Cara, Penyampaian
    from registrasi import actions as reg

    p = tolak_permohonan(desk, buat_permohonan(desk, D(2026, 3, 2)), D(2026, 3, 10))
    # The SK penolakan handed over at the desk the same day: the pemohon's receipt is known
    # (a window counted from an estimate would call nothing late).
    with at(D(2026, 3, 10)):
        p = reg.record_penyampaian(
            p, Penyampaian(Cara.LOKET, D(2026, 3, 10)), by=desk.petugas, surat="sk_penolakan"
        )
    # 30 hk from Tuesday 10 March 2026 end on Wednesday 29 April; Thursday 30 April is late.
    with at(D(2026, 4, 30)):
        client.force_login(desk.petugas)
        page = client.get(reverse("keberatan:baru"), {"nomor": p.nomor_pendaftaran})
        assert "Pengajuan hari ini melewati batas itu" in page.content.decode()
        response = client.post(
            reverse("keberatan:baru"),
            intake_data(nomor_pendaftaran=p.nomor_pendaftaran, tanggal_diterima="2026-04-30"),
            follow=True,
        )
        html = response.content.decode()
    k = Keberatan.objects.get()
    assert k.status == S.TERDAFTAR  # registered all the same
    assert (k.tenggat_pengajuan, k.terlambat) == (D(2026, 4, 29), True)
    shown = [str(m) for m in get_messages(response.wsgi_request)] or [html]
    assert any("melewati batas 30 hari kerja" in m for m in shown + [html])
    assert 'id="peringatan-terlambat"' in html
    assert "Rabu, 29 April 2026" in html
    [daftar] = events(k)
    assert daftar.note.startswith("PERINGATAN: keberatan diajukan 30 April 2026, 1 hari kerja")
    assert daftar.data["terlambat"] is True


def test_a_sengketa_can_be_recorded_without_an_answer_after_the_30_hk(client, desk, holidays_2026):
    from tests.keberatan.helpers import daftarkan, tolak_langkah

    k = daftarkan(desk, D(2026, 3, 16))
    assert k.tenggat_tanggapan == D(2026, 5, 6)
    data = {"tanggal_sengketa": "2026-05-07", "nomor_register": "020/V/KI-Bali/2026"}
    # Before the 30 hk lapse the step is refused by its guard ...
    tolak_langkah(
        client,
        desk.petugas,
        k,
        "catat_sengketa_tanpa_tanggapan",
        data,
        D(2026, 5, 6),
        message="baru dapat dicatat sesudah tenggat tanggapan",
    )
    # ... after it, the pemohon may go to the Komisi Informasi without an answer.
    k = langkah(
        client,
        desk.petugas,
        k,
        "catat_sengketa_tanpa_tanggapan",
        data,
        D(2026, 5, 7),
        to=S.SENGKETA,
    )
    assert Event.objects.for_object(k).last().from_state == S.TERDAFTAR
