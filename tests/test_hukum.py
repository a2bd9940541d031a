"""The legal vocabulary lives once (issue 14): ppid_manual/hukum.py."""

import pytest

from dip import models as dip_models
from keberatan import alur as keberatan_alur
from keberatan.models import Keberatan
from ppid_manual import hukum
from registrasi import alur as registrasi_alur
from registrasi.models import Permohonan


def test_it_gives_refusals_and_the_dik_the_same_pasal_17():
    assert Permohonan.Pasal17 is hukum.Pasal17
    assert dip_models.Pasal17 is hukum.Pasal17
    assert hukum.Pasal17.values == list("abcdefghij")
    assert set(hukum.PASAL_17_BUNYI) == set(hukum.Pasal17.values)


def test_it_gives_keberatan_the_reasons_of_pasal_35_1():
    assert Keberatan.Alasan is hukum.Pasal35Ayat1
    assert hukum.Pasal35Ayat1.values == list("abcdefg")


def test_the_act_lengths_are_the_apps_lengths():
    assert registrasi_alur.HK_PEMBERITAHUAN == hukum.HK_PEMBERITAHUAN == 10
    assert registrasi_alur.HK_PERPANJANGAN == hukum.HK_PERPANJANGAN == 7
    assert registrasi_alur.HK_KEBERATAN == keberatan_alur.HK_PENGAJUAN == hukum.HK_KEBERATAN == 30
    assert keberatan_alur.HK_TANGGAPAN == hukum.HK_TANGGAPAN == 30
    assert keberatan_alur.HK_SENGKETA == hukum.HK_SENGKETA == 14


@pytest.mark.parametrize("keputusan", Permohonan.Keputusan)
def test_every_outcome_cites_huruf_of_pasal_22_7_that_exist(keputusan):
    huruf = Permohonan(keputusan=keputusan).pasal22_huruf
    assert huruf and huruf[0] == "a"
    assert set(huruf) <= set(hukum.PASAL_22_AYAT_7)


def test_the_sk_cites_the_gist_and_the_dik_the_acts_words():
    assert Permohonan(pasal17=["h"]).pasal17_uraian() == [("h", "mengungkap rahasia pribadi")]
    dik = dip_models.InformasiDikecualikan(pasal17="h")
    assert dik.pasal17_uraian == [
        "huruf h — Informasi Publik yang apabila dibuka dan diberikan kepada Pemohon Informasi "
        "Publik dapat mengungkap rahasia pribadi"
    ]
