"""Every keputusan of the DIP opens with the kop naskah dinas of its signer's office (Tata
Naskah Dinas, Permendagri 1/2023; LETTERS.md): the province's SK DIP, signed by the
Sekretaris Daerah as Atasan PPID, and the keputusan that amends it on the Sekretariat Daerah's
kop; an OPD's on its own; the PPID's penetapan DIK on the PPID's (Diskominfos)."""

from __future__ import annotations

import pytest

from dip import actions
from dip.documents import KeputusanDik, RalatDip, SkDip
from dip.models import DipEdisi
from ppid_manual.models import DokumenTerbit
from tests.dip.conftest import HARI_INI, sampai_ditetapkan
from tests.helpers import D, teks_surat

SETDA = "SEKRETARIAT DAERAH"
DISKOMINFOS = "DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK"


def kop(html: str) -> str:
    """The kop's words; it heads the document, before the keputusan's title."""
    before, after = html.split('<table class="kop">', 1)
    assert "KEPUTUSAN" not in teks_surat(before)
    return teks_surat(after.split("</table>", 1)[0])


@pytest.fixture
def ditetapkan(dunia):
    sampai_ditetapkan(dunia)
    return DipEdisi.objects.get(pk=dunia.provinsi.pk)


def test_the_provinces_sk_dip_opens_with_the_sekretariat_daerahs_kop(ditetapkan):
    html = SkDip(ditetapkan).render_html()
    assert ditetapkan.penandatangan_sk.unit.kode == "SETDA"
    assert SETDA in kop(html) and DISKOMINFOS not in kop(html)


@pytest.mark.dokumen_di_langkah
def test_the_keputusan_amending_the_sk_dip_opens_with_its_signers_kop(dunia, ditetapkan):
    sk = DokumenTerbit.objects.for_object(ditetapkan).get(jenis="sk-dip")
    info = ditetapkan.semua_informasi().get(ringkasan="Profil Kesehatan Provinsi Bali 2025")
    ralat = actions.ralat_surat(
        ditetapkan,
        dokumen=sk,
        fakta=f"entri-{info.pk}-ringkasan",
        nilai="Profil Kesehatan Provinsi Bali 2024",
        alasan="tahun profil salah ketik pada lampiran.",
        by=dunia.atasan,
    )
    html = RalatDip(DipEdisi.objects.get(pk=ditetapkan.pk), ralat=ralat).render_html()
    assert "PERUBAHAN ATAS KEPUTUSAN" in html
    assert SETDA in kop(html) and DISKOMINFOS not in kop(html)
    # An OPD's: on its own kop, signed by its head.
    actions.establish_edisi(dunia.dinkes, by=dunia.pelaksana_dinkes, tanggal_sk=HARI_INI)
    dinkes = DipEdisi.objects.get(pk=dunia.dinkes.pk)
    sk = DokumenTerbit.objects.for_object(dinkes).get(jenis="sk-dip")
    info = dinkes.semua_informasi().first()
    ralat = actions.ralat_surat(
        dinkes,
        dokumen=sk,
        fakta=f"entri-{info.pk}-ringkasan",
        nilai=f"{info.ringkasan} (revisi)",
        alasan="judul tidak lengkap.",
        by=dunia.pelaksana_dinkes,
    )
    html = RalatDip(DipEdisi.objects.get(pk=dinkes.pk), ralat=ralat).render_html()
    assert "DINAS KESEHATAN" in kop(html) and SETDA not in kop(html)


def test_the_penetapan_dik_opens_with_the_ppids_kop(units, ppid, pejabat):
    actions.establish_dik(
        by=ppid,
        data={
            "informasi": "Rekam medis pasien RSUD",
            "opd": units["dinkes"],
            "pasal17": "h",
            "konsekuensi": "Membuka rekam medis mengungkap rahasia pribadi pasien.",
            "kepentingan_publik": "Tidak ada kepentingan umum atas rekam medis seseorang.",
            "jangka_waktu": "Selama pasien hidup",
            "ditetapkan_pada": D(2026, 3, 2),
            "aktif": True,
        },
    )
    penetapan = actions.issue_penetapan_dik(by=ppid, tanggal=D(2026, 3, 5))
    html = KeputusanDik(penetapan).render_html()
    assert penetapan.penandatangan.unit == units["utama"]
    assert DISKOMINFOS in kop(html) and SETDA not in kop(html)
