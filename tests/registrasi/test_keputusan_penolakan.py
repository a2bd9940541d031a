"""The SK penolakan and the keputusan that amends it (a ralat of a keputusan is a keputusan):
each opens with the kop of its signer's office, the PPID's (Tata Naskah Dinas, Permendagri
1/2023), and closes with the salinan list every keputusan closes with (LETTERS.md): the Atasan
PPID from the officials table, the PPID Pelaksana asked for the information, the pemohon."""

from __future__ import annotations

import pytest

from ppid_manual.models import DokumenTerbit
from registrasi import actions
from registrasi.documents import RalatSurat, SkPenolakan
from registrasi.models import Permohonan
from tests.helpers import D, at, teks_surat
from tests.keberatan.helpers import buat_permohonan, tolak_permohonan

# The ralat corrects the SK as stored when it was issued (tests/conftest.py).
pytestmark = [pytest.mark.dokumen_di_langkah, pytest.mark.usefixtures("holidays_2026")]

SALINAN = (
    "Salinan Keputusan ini disampaikan kepada Yth.:\n<ol>"
    "<li>Sekretaris Daerah Provinsi Bali selaku Atasan PPID;</li>"
    "<li>PPID Pelaksana Dinas Kesehatan;</li>"
    "<li>Pemohon informasi publik ({nama}).</li></ol>"
)


@pytest.fixture
def p(desk):
    # The Sekretariat Daerah has a kop of its own: a keputusan of the PPID must not take it.
    setda = desk.units["setda"]
    setda.kop = "PEMERINTAH PROVINSI BALI\nSEKRETARIAT DAERAH\nJalan Basuki Rahmat, Denpasar"
    setda.save()
    return tolak_permohonan(desk, buat_permohonan(desk, D(2026, 4, 6)), D(2026, 4, 7))


def kop(html: str) -> str:
    head, _ = html.split('<table class="kop">', 1)[1].split("</table>", 1)
    assert "KEPUTUSAN" not in html.split('<table class="kop">', 1)[0]  # the kop comes first
    return teks_surat(head)


def test_the_sk_penolakan_opens_with_the_ppids_kop_and_closes_with_its_salinan(p):
    html = SkPenolakan(p).render_html()
    assert "DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK" in kop(html)
    assert "SEKRETARIAT DAERAH" not in kop(html)
    nama = p.pemohon_kasus.nama
    assert SALINAN.format(nama=nama) in html
    # After the signature block, never inside the box that keeps it with the last dikta.
    assert html.index("Ditetapkan di") < html.index("Salinan Keputusan ini")


def test_the_keputusan_perubahan_closes_with_the_sks_salinan_list(p, desk):
    sk = DokumenTerbit.objects.for_object(p).get(jenis="sk-penolakan")
    with at(D(2026, 4, 8)):
        ralat = actions.ralat_surat(
            p, dokumen=sk, fakta="alamat", nilai="Jl. Baru No. 1, Denpasar",
            alasan="alamat pemohon salah ketik.", by=desk.ppid,
        )  # fmt: skip
        html = RalatSurat(Permohonan.objects.get(pk=p.pk), ralat=ralat).render_html()
    assert "TENTANG<br>PERUBAHAN ATAS KEPUTUSAN" in html
    assert "DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK" in kop(html)
    assert "SEKRETARIAT DAERAH" not in kop(html)
    assert SALINAN.format(nama=p.pemohon_kasus.nama) in html
    assert html.index("pada tanggal 8 April 2026") < html.index("Salinan Keputusan ini")
    # The stored keputusan carries it too.
    pdf = DokumenTerbit.objects.for_object(p).get(jenis="ralat", kunci=ralat.nomor)
    assert pdf.judul.startswith("Keputusan PPID tentang Perubahan")
