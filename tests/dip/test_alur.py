"""The SOP Pendokumentasian DIP through the test client: compilation by two OPDs, the recap,
the PPID's correction, the resubmission, adoption by the Atasan PPID and by the head of an
OPD, and the publication export. Then every step as a transition (response, new state,
exactly one event with the right from/to) and the refusals (message, unchanged state, no
event)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.urls import reverse

from dip import actions
from dip.models import CatatanKoreksi, DipEdisi, InformasiPublik, Publikasi
from ppid_manual.models import Event
from tests.dip.conftest import (
    HARI_INI,
    TAHUN,
    entri,
    langkah,
    sampai_atasan,
    sampai_direkap,
    sampai_ditetapkan,
    sampai_ppid,
    tambah,
)
from tests.helpers import events, page

S = DipEdisi.Status


def test_it_runs_the_whole_sop_through_the_pages(
    client, units, petugas, ppid, pelaksana_dinkes, pelaksana_dishub, atasan, pejabat, kepala
):
    # The petugas opens the province edition of the year.
    client.force_login(petugas)
    response = client.post(reverse("dip:edisi_baru"), {"tahun": TAHUN})
    provinsi = DipEdisi.objects.get(unit=units["utama"], tahun=TAHUN)
    assert response.status_code == 302
    assert response["Location"] == reverse("dip:edisi", args=[provinsi.pk])

    # Dinas Kesehatan compiles its DIP entry by entry.
    client.force_login(pelaksana_dinkes)
    client.post(reverse("dip:edisi_baru"), {"tahun": TAHUN})
    dinkes = DipEdisi.objects.get(unit=units["dinkes"], tahun=TAHUN)
    url = reverse("dip:informasi_tambah", args=[dinkes.pk])
    assert client.post(url, entri()).status_code == 302
    assert client.post(url, entri(ringkasan="Profil Kesehatan 2025")).status_code == 302
    assert dinkes.informasi.count() == 2
    assert langkah(client, dinkes, "ajukan").status_code == 302

    # Dinas Perhubungan imports its DIP from a CSV file.
    client.force_login(pelaksana_dishub)
    client.post(reverse("dip:edisi_baru"), {"tahun": TAHUN})
    dishub = DipEdisi.objects.get(unit=units["dishub"], tahun=TAHUN)
    csv_text = (
        "id,ringkasan_isi_informasi,pejabat_unit_penguasa,penanggung_jawab,waktu_pembuatan,"
        "tempat_pembuatan,bentuk_informasi,jangka_waktu_penyimpanan,jenis_informasi,"
        "kode_perangkat_daerah,perangkat_daerah\r\n"
        ",Jadwal penyeberangan Gilimanuk,Bidang Angkutan,Kepala Dinas Perhubungan,2026,"
        "Denpasar,Softcopy,1 tahun,Serta-merta,DISHUB,Dinas Perhubungan\r\n"
    )
    upload = io.BytesIO(csv_text.encode())
    upload.name = "dip-dishub.csv"
    response = client.post(reverse("dip:impor", args=[dishub.pk]), {"berkas": upload})
    assert response.status_code == 302
    assert dishub.informasi.get().jenis == InformasiPublik.Jenis.SERTA_MERTA
    langkah(client, dishub, "ajukan")

    # The petugas recaps both submissions into the province edition and submits it.
    client.force_login(petugas)
    for edisi in (dinkes, dishub):
        langkah(client, edisi, "rekap")
    langkah(client, provinsi, "ajukan_ppid")
    provinsi.refresh_from_db()
    assert provinsi.status == S.DIAJUKAN_PPID
    detail = page(client.get(reverse("dip:edisi", args=[provinsi.pk])))
    assert "Jadwal penyeberangan Gilimanuk" in detail and "Profil Kesehatan 2025" in detail

    # The PPID returns one Dinkes entry with a note: no submission to the Atasan yet.
    client.force_login(ppid)
    salah = dinkes.informasi.get(ringkasan="Profil Kesehatan 2025")
    response = client.post(
        reverse("dip:informasi_koreksi", args=[salah.pk]),
        {"catatan": "Sebutkan tahun data dan bidang yang menguasai."},
    )
    assert response.status_code == 302
    response = langkah(client, provinsi, "ajukan_atasan", follow=True)
    assert "Masih ada koreksi untuk Dinas Kesehatan" in page(response)
    langkah(client, provinsi, "kembalikan_ke_petugas", {"catatan": ""})

    # The petugas forwards the correction to the PPID Pelaksana of Dinkes.
    client.force_login(petugas)
    langkah(client, dinkes, "teruskan")
    dinkes.refresh_from_db()
    assert dinkes.status == S.PERBAIKAN

    # Dinkes sees the note, corrects the entry and submits again.
    client.force_login(pelaksana_dinkes)
    detail = page(client.get(reverse("dip:edisi", args=[dinkes.pk])))
    assert "Sebutkan tahun data dan bidang yang menguasai." in detail
    response = client.post(
        reverse("dip:informasi_ubah", args=[salah.pk]),
        entri(ringkasan="Profil Kesehatan Provinsi Bali Tahun 2025", pejabat_penguasa="Bidang P2P"),
    )
    assert response.status_code == 302
    langkah(client, dinkes, "ajukan")
    assert not dinkes.catatan_terbuka().exists()

    # Recap again; the PPID has no more corrections and submits to the Atasan PPID.
    client.force_login(petugas)
    langkah(client, dinkes, "rekap")
    langkah(client, provinsi, "ajukan_ppid")
    client.force_login(ppid)
    langkah(client, provinsi, "ajukan_atasan")
    provinsi.refresh_from_db()
    assert provinsi.status == S.DIAJUKAN_ATASAN

    # Only the Atasan PPID adopts the province edition.
    response = langkah(client, provinsi, "tetapkan", {"tanggal_sk": "2026-03-10"}, follow=True)
    assert "Peran Anda tidak berwenang" in page(response)
    client.force_login(atasan)
    assert client.get(reverse("dip:langkah", args=[provinsi.pk, "tetapkan"])).status_code == 200
    response = langkah(client, provinsi, "tetapkan", {"tanggal_sk": "2026-03-10"})
    assert response.status_code == 302
    provinsi.refresh_from_db()
    assert provinsi.status == S.DITETAPKAN
    assert provinsi.nomor_sk == "001/SK-DIP/Setda/2026"
    assert provinsi.penandatangan_sk == pejabat["atasan"]

    # Frozen: the PPID Pelaksana can no longer change its entries.
    client.force_login(pelaksana_dinkes)
    response = client.post(
        reverse("dip:informasi_ubah", args=[salah.pk]), entri(ringkasan="Diubah"), follow=True
    )
    assert "tidak dapat diubah" in page(response)
    salah.refresh_from_db()
    assert salah.ringkasan == "Profil Kesehatan Provinsi Bali Tahun 2025"

    # The head of Dinkes adopts its own DIP (recorded by its PPID Pelaksana).
    langkah(client, dinkes, "tetapkan", {"tanggal_sk": "2026-03-10"})
    dinkes.refresh_from_db()
    assert dinkes.status == S.DITETAPKAN
    assert dinkes.nomor_sk == "001/SK-DIP/Diskes/2026"
    assert dinkes.penandatangan_sk == kepala["dinkes"]

    # The PPID issues the surat pengantar, publishes and records where.
    client.force_login(ppid)
    langkah(
        client,
        provinsi,
        "terbitkan_pengantar",
        {"tanggal": "2026-03-10", "tujuan": "Pengelola Website PPID Provinsi Bali"},
    )
    provinsi.refresh_from_db()
    assert provinsi.nomor_pengantar == "480/0001/DIP/III/2026"
    langkah(
        client,
        provinsi,
        "catat_publikasi",
        {"kanal": "ppid", "tanggal": "2026-03-10", "url": "https://ppid.baliprov.go.id/dip-2026"},
    )
    assert Publikasi.objects.get().url == "https://ppid.baliprov.go.id/dip-2026"

    exported = client.get(reverse("dip:ekspor", args=[provinsi.pk, "csv"]))
    assert exported.status_code == 200
    rows = list(csv.DictReader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert [r["ringkasan_isi_informasi"] for r in rows] == [
        "Rencana Strategis Dinas Kesehatan 2024–2026",
        "Profil Kesehatan Provinsi Bali Tahun 2025",
        "Jadwal penyeberangan Gilimanuk",
    ]
    data = json.loads(client.get(reverse("dip:ekspor", args=[provinsi.pk, "json"])).content)
    assert data["dip"]["nomor_sk"] == "001/SK-DIP/Setda/2026"
    assert len(data["informasi"]) == 3
    xlsx = client.get(reverse("dip:ekspor", args=[provinsi.pk, "xlsx"]))
    assert xlsx.content.startswith(b"PK\x03\x04")

    # The timeline of the province edition tells the story, step by step.
    assert [e.step for e in events(provinsi)] == [
        "buat",
        "ajukan_ppid",
        "kembalikan_ke_petugas",
        "ajukan_ppid",
        "ajukan_atasan",
        "tetapkan",
        "terbitkan_pengantar",
        "catat_publikasi",
    ]
    assert [e.step for e in events(dinkes) if e.from_state != e.to_state] == [
        "buat",
        "ajukan",
        "rekap",
        "koreksi",
        "teruskan",
        "ajukan",
        "rekap",
        "tetapkan",
    ]


# --- transitions ---------------------------------------------------------------------------


def _siap_diajukan(w):
    actions.submit_edisi(w.dinkes, by=w.pelaksana_dinkes)
    return w.dinkes


def _siap_direkap(w):
    sampai_direkap(w)
    return w.dinkes


def _siap_dikoreksi(w):
    sampai_ppid(w)
    actions.return_pengajuan(w.dinkes, by=w.ppid, catatan="Lengkapi retensi.")
    actions.return_to_petugas(w.provinsi, by=w.ppid)
    return w.dinkes


def _siap_provinsi_direkap(w):
    sampai_direkap(w)
    return w.provinsi


def _siap_opd_di_ppid(w):
    sampai_ppid(w)
    return w.dinkes


def _siap_provinsi_di_ppid(w):
    sampai_ppid(w)
    return w.provinsi


def _siap_provinsi_di_atasan(w):
    sampai_atasan(w)
    return w.provinsi


def _siap_provinsi_ditetapkan(w):
    sampai_ditetapkan(w)
    return w.provinsi


def _siap_opd_setelah_provinsi(w):
    sampai_ditetapkan(w)
    return w.dinkes


TRANSISI = [
    # (prepare, user, step, data, from, to)
    (lambda w: w.dinkes, "pelaksana_dinkes", "ajukan", {}, S.DISUSUN, S.DIAJUKAN),
    (
        _siap_diajukan,
        "petugas",
        "kembalikan_tidak_lengkap",
        {"catatan": "Kolom retensi kosong."},
        S.DIAJUKAN,
        S.PERBAIKAN,
    ),
    (_siap_diajukan, "petugas", "rekap", {}, S.DIAJUKAN, S.DIREKAP),
    (_siap_provinsi_direkap, "petugas", "ajukan_ppid", {}, S.DISUSUN, S.DIAJUKAN_PPID),
    (
        _siap_opd_di_ppid,
        "ppid",
        "koreksi",
        {"catatan": "Pisahkan Renstra dan Renja."},
        S.DIREKAP,
        S.DIKOREKSI,
    ),
    (
        _siap_provinsi_di_ppid,
        "ppid",
        "kembalikan_ke_petugas",
        {"catatan": "Periksa ejaan."},
        S.DIAJUKAN_PPID,
        S.DISUSUN,
    ),
    (_siap_dikoreksi, "petugas", "teruskan", {}, S.DIKOREKSI, S.PERBAIKAN),
    (_siap_provinsi_di_ppid, "ppid", "ajukan_atasan", {}, S.DIAJUKAN_PPID, S.DIAJUKAN_ATASAN),
    (
        _siap_provinsi_di_atasan,
        "atasan",
        "kembalikan_ke_ppid",
        {"catatan": "Tambahkan DIP Setda."},
        S.DIAJUKAN_ATASAN,
        S.DIAJUKAN_PPID,
    ),
    (
        _siap_provinsi_di_atasan,
        "atasan",
        "tetapkan",
        {"tanggal_sk": "2026-03-10"},
        S.DIAJUKAN_ATASAN,
        S.DITETAPKAN,
    ),
    (
        _siap_opd_setelah_provinsi,
        "pelaksana_dinkes",
        "tetapkan",
        {"tanggal_sk": "2026-03-10"},
        S.DIREKAP,
        S.DITETAPKAN,
    ),
    (
        _siap_provinsi_ditetapkan,
        "ppid",
        "terbitkan_pengantar",
        {"tanggal": "2026-03-10", "tujuan": "Pengelola Website PPID"},
        S.DITETAPKAN,
        S.DITETAPKAN,
    ),
    (
        _siap_provinsi_ditetapkan,
        "petugas",
        "catat_publikasi",
        {"kanal": "balisatudata", "tanggal": "2026-03-10", "url": "https://balisatudata.id/x"},
        S.DITETAPKAN,
        S.DITETAPKAN,
    ),
]


@pytest.mark.parametrize(
    "prepare, user, step, data, from_state, to_state",
    TRANSISI,
    ids=[f"{t[2]}:{t[4]}->{t[5]}" for t in TRANSISI],
)
def test_it_takes_each_step(client, dunia, prepare, user, step, data, from_state, to_state):
    obj = prepare(dunia)
    obj.refresh_from_db()
    assert obj.status == from_state
    before = Event.objects.count()
    client.force_login(getattr(dunia, user))

    response = langkah(client, obj, step, data)

    assert response.status_code == 302
    obj.refresh_from_db()
    assert obj.status == to_state
    assert Event.objects.count() == before + 1
    event = events(obj)[-1]
    assert (event.step, event.from_state, event.to_state) == (step, from_state, to_state)
    assert event.actor == getattr(dunia, user)


def test_returning_one_entry_sends_the_submission_back(client, dunia):
    sampai_ppid(dunia)
    info = dunia.dinkes.informasi.first()
    client.force_login(dunia.ppid)
    before = Event.objects.count()

    response = client.post(
        reverse("dip:informasi_koreksi", args=[info.pk]), {"catatan": "Judul kurang jelas."}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("dip:edisi", args=[dunia.provinsi.pk])
    dunia.dinkes.refresh_from_db()
    assert dunia.dinkes.status == S.DIKOREKSI
    assert Event.objects.count() == before + 1
    event = events(dunia.dinkes)[-1]
    assert (event.step, event.from_state, event.to_state) == ("koreksi", S.DIREKAP, S.DIKOREKSI)
    assert event.data["informasi"] == str(info.uid)
    note = CatatanKoreksi.objects.get()
    assert (note.informasi, note.catatan, note.dibuat_oleh) == (
        info,
        "Judul kurang jelas.",
        dunia.ppid,
    )
    assert note.ringkasan_informasi == info.ringkasan and note.terbuka


def test_returning_an_entry_typed_by_the_petugas_stays_on_the_province(client, dunia):
    own = tambah(dunia.provinsi, dunia.petugas, ringkasan="Profil PPID Provinsi Bali")
    sampai_ppid(dunia)
    client.force_login(dunia.ppid)
    before = Event.objects.count()

    response = client.post(
        reverse("dip:informasi_koreksi", args=[own.pk]), {"catatan": "Tambahkan tahun."}
    )

    assert response.status_code == 302
    dunia.provinsi.refresh_from_db()
    assert dunia.provinsi.status == S.DIAJUKAN_PPID
    assert Event.objects.count() == before + 1
    event = events(dunia.provinsi)[-1]
    assert (event.step, event.from_state, event.to_state) == (
        "catat_koreksi",
        S.DIAJUKAN_PPID,
        S.DIAJUKAN_PPID,
    )
    # An open note on an own entry blocks the submission to the Atasan PPID.
    with pytest.raises(actions.StepRefused, match="catatan koreksi atas entri DIP Provinsi"):
        actions.submit_to_atasan(dunia.provinsi, by=dunia.ppid)


def test_resubmission_closes_the_notes_and_keeps_the_history(dunia):
    sampai_ppid(dunia)
    info = dunia.dinkes.informasi.first()
    actions.return_informasi(info, by=dunia.ppid, catatan="Perbaiki ringkasan.")
    actions.return_to_petugas(dunia.provinsi, by=dunia.ppid)
    actions.forward_koreksi(dunia.dinkes, by=dunia.petugas)
    actions.update_informasi(
        info, by=dunia.pelaksana_dinkes, data={**entri(ringkasan="Renstra 2024–2026")}
    )
    actions.submit_edisi(dunia.dinkes, by=dunia.pelaksana_dinkes)

    note = CatatanKoreksi.objects.get()
    assert note.ditindaklanjuti_pada is not None
    assert note.ringkasan_informasi == "Rencana Strategis Dinas Kesehatan 2024–2026"
    last = events(dunia.dinkes)[-1]
    assert last.step == "ajukan" and last.data == {"catatan_ditindaklanjuti": 1}
    assert last.from_state == S.PERBAIKAN


# --- refusals ------------------------------------------------------------------------------


def _tanpa_entri(w):
    edisi = w.dinkes
    for info in edisi.informasi.all():
        actions.delete_informasi(info, by=w.pelaksana_dinkes)
    return edisi


def _opd_tanpa_provinsi(w):
    w.provinsi.delete()
    return w.dinkes


def _rekap_saat_ppid(w):
    sampai_ppid(w)
    late = actions.create_edisi(unit=w.units["setda"], tahun=TAHUN, by=_pelaksana_setda(w))
    tambah(late, _pelaksana_setda(w))
    actions.submit_edisi(late, by=_pelaksana_setda(w))
    return late


def _pelaksana_setda(w):
    from django.contrib.auth.models import Group

    from ppid_manual.models import User

    user, created = User.objects.get_or_create(username="pelaksana_setda", unit=w.units["setda"])
    if created:
        user.groups.add(Group.objects.get(name="pelaksana"))
    return User.objects.get(pk=user.pk)


def _provinsi_dengan_koreksi(w):
    sampai_ppid(w)
    actions.return_pengajuan(w.dinkes, by=w.ppid, catatan="Lengkapi.")
    return w.provinsi


def _koreksi_belum_diteruskan(w):
    _provinsi_dengan_koreksi(w)
    actions.return_to_petugas(w.provinsi, by=w.ppid)
    return w.provinsi


def _teruskan_saat_ppid(w):
    sampai_ppid(w)
    actions.return_pengajuan(w.dinkes, by=w.ppid, catatan="Lengkapi.")
    return w.dinkes


def _opd_sebelum_provinsi(w):
    sampai_atasan(w)
    return w.dinkes


def _pengantar_kedua(w):
    sampai_ditetapkan(w)
    actions.issue_pengantar(w.provinsi, by=w.ppid, tanggal=HARI_INI, tujuan="Website PPID")
    return w.provinsi


PENOLAKAN = [
    # (prepare, user, step, data, message)
    (
        _siap_provinsi_di_atasan,
        "ppid",
        "tetapkan",
        {"tanggal_sk": "2026-03-10"},
        "Peran Anda tidak berwenang melakukan langkah “Tetapkan dengan SK Atasan PPID”.",
    ),
    (
        _siap_provinsi_di_atasan,
        "petugas",
        "tetapkan",
        {"tanggal_sk": "2026-03-10"},
        "Peran Anda tidak berwenang melakukan langkah “Tetapkan dengan SK Atasan PPID”.",
    ),
    (
        _siap_provinsi_di_ppid,
        "atasan",
        "tetapkan",
        {"tanggal_sk": "2026-03-10"},
        "tidak dapat dilakukan pada status “Diajukan ke PPID”",
    ),
    (_tanpa_entri, "pelaksana_dinkes", "ajukan", {}, "belum memuat satu pun informasi publik"),
    (
        _opd_tanpa_provinsi,
        "pelaksana_dinkes",
        "ajukan",
        {},
        "DIP Pemerintah Provinsi Bali tahun 2026 belum dibuka",
    ),
    (_rekap_saat_ppid, "petugas", "rekap", {}, "Rekap hanya dapat dilakukan saat DIP Provinsi"),
    (
        _provinsi_dengan_koreksi,
        "ppid",
        "ajukan_atasan",
        {},
        "Masih ada koreksi untuk Dinas Kesehatan",
    ),
    (
        _koreksi_belum_diteruskan,
        "petugas",
        "ajukan_ppid",
        {},
        "Masih ada pengajuan yang belum direkap atau belum diteruskan: Dinas Kesehatan.",
    ),
    (_teruskan_saat_ppid, "petugas", "teruskan", {}, "Rekap DIP Provinsi masih diperiksa PPID"),
    (
        _opd_sebelum_provinsi,
        "pelaksana_dinkes",
        "tetapkan",
        {"tanggal_sk": "2026-03-10"},
        "setelah DIP Provinsi tahun 2026 ditetapkan Atasan PPID",
    ),
    (
        _pengantar_kedua,
        "ppid",
        "terbitkan_pengantar",
        {"tanggal": "2026-03-10", "tujuan": "Website PPID"},
        "Surat pengantar sudah diterbitkan dengan nomor 480/0001/DIP/III/2026.",
    ),
    (
        _siap_provinsi_di_ppid,
        "ppid",
        "kembalikan_ke_petugas",
        {"catatan": ""},
        "Tuliskan catatan koreksi, atau kembalikan entri/pengajuan tertentu lebih dahulu.",
    ),
    (
        _siap_diajukan,
        "pelaksana_dinkes",
        "ajukan",
        {},
        "Langkah “Ajukan ke petugas pelayanan” tidak dapat dilakukan pada status “Diajukan ke "
        "petugas”.",
    ),
]


@pytest.mark.parametrize(
    "prepare, user, step, data, message", PENOLAKAN, ids=[f"{t[2]}-{t[1]}" for t in PENOLAKAN]
)
def test_it_refuses_a_step(client, dunia, prepare, user, step, data, message):
    obj = prepare(dunia)
    obj.refresh_from_db()
    state = obj.status
    before = Event.objects.count()
    client.force_login(getattr(dunia, user))

    response = langkah(client, obj, step, data, follow=True)

    assert response.status_code == 200
    assert message in page(response)
    obj.refresh_from_db()
    assert obj.status == state
    assert Event.objects.count() == before


def test_a_step_form_with_errors_saves_nothing(client, dunia):
    sampai_atasan(dunia)
    client.force_login(dunia.atasan)
    before = Event.objects.count()

    future = langkah(client, dunia.provinsi, "tetapkan", {"tanggal_sk": "2026-03-11"})
    empty_note = langkah(client, dunia.provinsi, "kembalikan_ke_ppid", {"catatan": " "})

    assert future.status_code == 200
    assert "Tanggal SK tidak boleh setelah hari ini." in page(future)
    assert empty_note.status_code == 200
    assert "Wajib diisi." in page(empty_note)
    dunia.provinsi.refresh_from_db()
    assert dunia.provinsi.status == S.DIAJUKAN_ATASAN and dunia.provinsi.nomor_sk == ""
    assert Event.objects.count() == before


def test_adoption_without_a_signer_is_refused_and_takes_no_number(client, dunia):
    sampai_atasan(dunia)
    dunia.pejabat["atasan"].delete()
    client.force_login(dunia.atasan)
    before = Event.objects.count()

    data = {"tanggal_sk": "2026-03-10"}
    response = langkah(client, dunia.provinsi, "tetapkan", data, follow=True)

    assert "Tidak ada pejabat Atasan PPID yang berlaku pada 10-03-2026" in page(response)
    dunia.provinsi.refresh_from_db()
    assert dunia.provinsi.status == S.DIAJUKAN_ATASAN
    assert Event.objects.count() == before
    from ppid_manual.models import NomorTerbit

    assert not NomorTerbit.objects.exists()


def test_a_state_change_is_post_only(client, dunia):
    client.force_login(dunia.pelaksana_dinkes)
    response = client.get(reverse("dip:langkah", args=[dunia.dinkes.pk, "ajukan"]))
    assert response.status_code == 302
    dunia.dinkes.refresh_from_db()
    assert dunia.dinkes.status == S.DISUSUN


def test_the_detail_page_shows_steps_buttons_and_why_one_is_disabled(client, dunia):
    sampai_ppid(dunia)
    actions.return_pengajuan(dunia.dinkes, by=dunia.ppid, catatan="Lengkapi.")
    client.force_login(dunia.ppid)
    html = page(client.get(reverse("dip:edisi", args=[dunia.provinsi.pk])))
    assert "Koreksi PPID" in html and "(sekarang)" in html and "(selesai)" in html
    assert "Kembalikan ke petugas untuk koreksi" in html
    assert "disabled>Tidak ada koreksi: ajukan ke Atasan PPID" in html
    assert "Masih ada koreksi untuk Dinas Kesehatan" in html
    assert "Lengkapi." in html  # the history of notes
    assert "Rekap DIP untuk koreksi" in html


def test_the_timeline_names_each_step_of_its_own_table(client, dunia):
    sampai_ditetapkan(dunia)
    client.force_login(dunia.atasan)
    html = page(client.get(reverse("dip:edisi", args=[dunia.provinsi.pk])))
    assert "Tetapkan dengan SK Atasan PPID</strong> · Diajukan ke Atasan PPID → Ditetapkan" in html
    assert "Catat penetapan oleh Kepala Perangkat Daerah" not in html
    assert "001/SK-DIP/Setda/2026" in html and "SK DIP dengan lampiran (PDF)" in html


def test_an_entry_is_returned_only_while_the_ppid_reviews(client, dunia):
    info = dunia.dinkes.informasi.first()
    client.force_login(dunia.ppid)
    response = client.get(reverse("dip:informasi_koreksi", args=[info.pk]), follow=True)
    assert "tidak dapat dilakukan pada status “Penyusunan”" in page(response)
    sampai_ppid(dunia)
    assert client.get(reverse("dip:informasi_koreksi", args=[info.pk])).status_code == 200


def test_a_publication_needs_a_web_address(dunia):
    sampai_ditetapkan(dunia)
    before = Event.objects.count()
    with pytest.raises(actions.StepRefused, match="Alamat URL publikasi tidak valid."):
        actions.record_publikasi(
            dunia.provinsi, by=dunia.ppid, kanal="ppid", tanggal=HARI_INI, url="javascript:x"
        )
    assert Event.objects.count() == before and not Publikasi.objects.exists()
