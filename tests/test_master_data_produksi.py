"""`manage.py check --deploy` names the master data a production database must not print from
(layanan/checks.py): demo officials, a demo tariff, the demo lambang, a kop without its
lines or lambang, the PPID Utama's kop without laman or surat elektronik."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from layanan.checks import master_data_produksi
from ppid_manual import lambang
from ppid_manual.models import DasarHukum, Pejabat, Unit
from registrasi.models import Tarif


def ids(messages) -> list[str]:
    return sorted(m.id for m in messages)


@pytest.mark.django_db
def test_the_demo_data_is_named_one_by_one(holidays_2026):
    from layanan import demo

    demo.load(stdout=io.StringIO())
    messages = master_data_produksi()
    text = "\n".join(m.msg for m in messages)
    # Every demo official who signs, every demo tariff, every unit printing the demo lambang.
    assert "Ni Luh Putu Sekretaris Diskes Demo, S.K.M., M.Kes." in text
    assert "I Wayan Sekda Demo, S.H., M.Si." in text
    assert 'Tarif Fotokopi A4/F4 hitam-putih berdasarkan "Tarif demo' in text
    assert "Kop Sekretariat Daerah memakai lambang contoh (data demo)." in text
    # The demo Keputusan Gubernur appointing the PPID in the SK DIP's Mengingat.
    assert "Keputusan Gubernur Bali Nomor 000/0000/HK/2025" in text
    assert {"ppid.E001", "ppid.E002", "ppid.E003", "ppid.E004"} <= set(ids(messages))
    # ... and the command refuses (errors, not warnings).
    with pytest.raises(SystemCheckError, match="ppid.E001"):
        call_command("check", "--deploy", stdout=io.StringIO(), stderr=io.StringIO())


@pytest.mark.django_db
def test_real_master_data_passes(units, pejabat):
    from layanan import demo

    Pejabat.objects.filter(nip__in=demo.NIP_DEMO).update(nip="19800101 200501 1 009")
    for unit in Unit.objects.all():
        unit.kop = (
            f"PEMERINTAH PROVINSI BALI\n{unit.nama.upper()}\nJalan Basuki Rahmat, Denpasar 80235\n"
            "Telepon (0361) 222412 · Laman ppid.baliprov.go.id · "
            "Surat elektronik ppid@baliprov.go.id"
        )
        unit.lambang = b"\x89PNG\r\n\x1a\nlambang"
        unit.lambang_jenis = lambang.PNG
        unit.save()
    DasarHukum.objects.create(
        keputusan=DasarHukum.Keputusan.SK_DIP,
        urutan=80,
        teks="Keputusan Gubernur Bali Nomor 100/2025 tentang PPID Pemerintah Provinsi Bali",
        berlaku_dari=datetime.date(2025, 1, 1),
    )
    assert master_data_produksi() == []


@pytest.mark.django_db
def test_an_sk_dip_on_no_decision_appointing_the_ppid_is_a_warning(units):
    # The migration's rows: the laws, not the province's own decision.
    [message] = [m for m in master_data_produksi() if m.id == "ppid.W004"]
    assert "tanpa Keputusan Gubernur tentang penunjukan PPID" in message.msg


@pytest.mark.django_db
def test_a_kop_without_lambang_laman_or_surat_elektronik_is_a_warning(units, pejabat):
    utama = Unit.utama()
    utama.kop = "PEMERINTAH PROVINSI BALI\nDINAS KOMINFOS\nTelepon (0361) 229696"
    utama.save()
    messages = [m for m in master_data_produksi() if m.obj is None and utama.nama in m.msg]
    assert "ppid.W001" in ids(messages)  # no lambang
    assert any(
        m.id == "ppid.W003" and "tanpa laman dan surat elektronik" in m.msg for m in messages
    )
    assert all(m.level < 40 for m in messages)  # warnings only


@pytest.mark.django_db
def test_a_unit_that_signs_nothing_is_not_asked_for_a_kop(units):
    Pejabat.objects.all().delete()
    Tarif.objects.all().delete()
    named = "\n".join(m.msg for m in master_data_produksi())
    assert units["dinkes"].nama not in named
    assert Unit.utama().nama in named  # the PPID Utama always prints letters


@pytest.mark.django_db
@pytest.mark.parametrize(
    "jabatan, atas_nama",
    [("Gubernur Bali", ""), ("Sekretaris Daerah Provinsi Bali", "a.n. Gubernur Bali")],
)
def test_a_keputusan_signed_as_or_for_the_gubernur_is_a_warning(units, pejabat, jabatan, atas_nama):
    """The Gubernur's keputusan heads with the Gubernur's kop (lambang negara, GUBERNUR BALI);
    the app prints only the units' kop, so such a signer is named."""
    atasan = pejabat["atasan"]
    atasan.jabatan, atasan.atas_nama = jabatan, atas_nama
    atasan.save()
    [message] = [m for m in master_data_produksi() if m.id == "ppid.W005"]
    assert atasan.nama in message.msg and "kop Gubernur dengan lambang negara" in message.msg
    assert f"kop {units['setda'].nama}" in message.msg and message.level < 40
    # A letter of the PPID names no Gubernur: nothing to say.
    atasan.jabatan, atasan.atas_nama = "Sekretaris Daerah Provinsi Bali", ""
    atasan.save()
    assert "ppid.W005" not in ids(master_data_produksi())
