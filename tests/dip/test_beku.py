"""An adopted edition is frozen: every edit is refused with a clear message, by the pages, by
the actions and by the model itself; nothing changes and no event is written."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

from dip import actions
from dip.models import DipEdisi, EdisiBeku, InformasiPublik
from ppid_manual.models import Event
from tests.dip.conftest import entri, sampai_ditetapkan, tambah
from tests.helpers import page

PESAN_PROVINSI = (
    "DIP Pemerintah Provinsi Bali Tahun 2026 sudah ditetapkan dengan SK Nomor "
    "001/SK-DIP/Setda/2026 dan dibekukan: isinya tidak dapat diubah."
)
PESAN_LAMPIRAN = (
    "DIP Dinas Kesehatan Tahun 2026 sudah menjadi lampiran DIP Pemerintah Provinsi Bali Tahun "
    "2026 yang telah ditetapkan dengan SK Nomor 001/SK-DIP/Setda/2026"
)


@pytest.fixture
def beku(dunia):
    own = tambah(dunia.provinsi, dunia.petugas, ringkasan="Profil PPID Provinsi Bali")
    sampai_ditetapkan(dunia)
    dunia.own = own
    dunia.info = dunia.dinkes.informasi.first()
    return dunia


def _csv() -> io.BytesIO:
    upload = io.BytesIO(
        b"ringkasan_isi_informasi,pejabat_unit_penguasa,penanggung_jawab,waktu_pembuatan,"
        b"tempat_pembuatan,bentuk_informasi,jangka_waktu_penyimpanan,jenis_informasi\r\n"
        b"Baru,Bidang,Kepala,2026,Denpasar,Softcopy,1 tahun,Berkala\r\n"
    )
    upload.name = "baru.csv"
    return upload


@pytest.mark.parametrize(
    "who, target, action, message",
    [
        ("pelaksana_dinkes", "info", "ubah", PESAN_LAMPIRAN),
        ("pelaksana_dinkes", "info", "hapus", PESAN_LAMPIRAN),
        ("pelaksana_dinkes", "dinkes", "tambah", PESAN_LAMPIRAN),
        ("pelaksana_dinkes", "dinkes", "impor", PESAN_LAMPIRAN),
        ("petugas", "own", "ubah", PESAN_PROVINSI),
        ("petugas", "own", "hapus", PESAN_PROVINSI),
        ("petugas", "provinsi", "tambah", PESAN_PROVINSI),
        ("petugas", "provinsi", "impor", PESAN_PROVINSI),
    ],
)
def test_the_pages_refuse_every_edit(client, beku, who, target, action, message):
    client.force_login(getattr(beku, who))
    obj = getattr(beku, target)
    rows = list(InformasiPublik.objects.order_by("pk").values())
    before = Event.objects.count()

    if action == "ubah":
        url, data = reverse("dip:informasi_ubah", args=[obj.pk]), entri(ringkasan="Diubah")
        if target == "own":
            data["opd"] = beku.units["utama"].pk
    elif action == "hapus":
        url, data = reverse("dip:informasi_hapus", args=[obj.pk]), {}
    elif action == "tambah":
        url, data = reverse("dip:informasi_tambah", args=[obj.pk]), entri()
        if target == "provinsi":
            data["opd"] = beku.units["utama"].pk
    else:
        url, data = reverse("dip:impor", args=[obj.pk]), {"berkas": _csv()}
    response = client.post(url, data, follow=True)

    assert response.status_code == 200
    assert message in page(response)
    assert list(InformasiPublik.objects.order_by("pk").values()) == rows
    assert Event.objects.count() == before


def test_the_form_pages_do_not_open_on_a_frozen_edition(client, beku):
    client.force_login(beku.pelaksana_dinkes)
    response = client.get(reverse("dip:informasi_ubah", args=[beku.info.pk]), follow=True)
    assert PESAN_LAMPIRAN in page(response)
    assert response.redirect_chain[-1][0] == reverse("dip:edisi", args=[beku.dinkes.pk])


def test_the_actions_refuse_every_edit(beku):
    with pytest.raises(EdisiBeku, match="dibekukan"):
        actions.update_informasi(beku.own, by=beku.petugas, data={**entri(), "opd": beku.own.opd})
    with pytest.raises(EdisiBeku, match="sudah menjadi lampiran"):
        actions.delete_informasi(beku.info, by=beku.pelaksana_dinkes)
    with pytest.raises(EdisiBeku, match="sudah menjadi lampiran"):
        actions.add_informasi(beku.dinkes, by=beku.pelaksana_dinkes, data=entri())


def test_the_model_refuses_every_edit(beku):
    beku.info.ringkasan = "Diubah lewat shell"
    with pytest.raises(EdisiBeku):
        beku.info.save()
    with pytest.raises(EdisiBeku):
        beku.own.delete()
    with pytest.raises(EdisiBeku):
        InformasiPublik.objects.filter(pk=beku.info.pk).update(ringkasan="x")
    with pytest.raises(EdisiBeku):
        InformasiPublik.objects.filter(edisi=beku.provinsi).delete()
    with pytest.raises(EdisiBeku):
        InformasiPublik(edisi=beku.provinsi, opd=beku.units["utama"], **entri()).save()
    beku.info.refresh_from_db()
    assert beku.info.ringkasan == "Rencana Strategis Dinas Kesehatan 2024–2026"


def test_the_decree_fields_of_an_adopted_edition_never_change(beku):
    provinsi = DipEdisi.objects.get(pk=beku.provinsi.pk)
    provinsi.nomor_sk = "999/SK-DIP/Setda/2026"
    with pytest.raises(EdisiBeku):
        provinsi.save()
    with pytest.raises(EdisiBeku):
        DipEdisi.objects.get(pk=beku.provinsi.pk).delete()
    with pytest.raises(EdisiBeku, match="sudah menjadi lampiran"):
        DipEdisi.objects.get(pk=beku.dinkes.pk).delete()
    assert beku.dinkes.informasi.count() == 2
    provinsi.refresh_from_db()
    assert provinsi.nomor_sk == "001/SK-DIP/Setda/2026"


def test_entries_of_a_draft_still_change(dunia):
    info = dunia.dinkes.informasi.first()
    assert actions.update_informasi(
        info, by=dunia.pelaksana_dinkes, data=entri(ringkasan="Renstra baru")
    )
    info.refresh_from_db()
    assert info.ringkasan == "Renstra baru"
    event = Event.objects.for_object(dunia.dinkes).last()
    assert event.step == "ubah_informasi"
    assert event.data["perubahan"]["ringkasan"] == [
        "Rencana Strategis Dinas Kesehatan 2024–2026",
        "Renstra baru",
    ]
    # No change: no write, no event.
    before = Event.objects.count()
    assert not actions.update_informasi(
        info, by=dunia.pelaksana_dinkes, data=entri(ringkasan="Renstra baru")
    )
    assert Event.objects.count() == before
