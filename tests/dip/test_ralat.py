"""Issue 15, item 4 for the DIP: a ralat of the SK DIP (its lampiran) or of the surat pengantar
is a new numbered letter that names the letter and why; the corrected fact goes through the
edition's step table; the corrected letter stays stored, marked superseded on the edition page
and in the list of DIP; bad input is refused with nothing written and no number taken (the
shared mechanism: ppid_manual/workflow/ralat.py)."""

from __future__ import annotations

import subprocess

import pytest
from django.urls import reverse

from dip import actions
from dip.models import DipEdisi, InformasiPublik
from ppid_manual.models import DokumenTerbit, Event, NomorTerbit, PenghitungNomor, Ralat
from ppid_manual.workflow.engine import StepRefused
from tests.dip.conftest import HARI_INI, sampai_ditetapkan
from tests.helpers import events, messages_of

# The letters each step issues are rendered and stored at the step (tests/conftest.py).
pytestmark = pytest.mark.dokumen_di_langkah

S = DipEdisi.Status
NOMOR = "0001/RALAT-PPID/III/2026"
# A keputusan is corrected by a keputusan (perubahan), numbered in the SK DIP's series.
NOMOR_SK = "002/SK-DIP/Setda/2026"


def teks(pdf: bytes) -> str:
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(out.stdout.decode().split())


def stored(edisi, jenis):
    return DokumenTerbit.objects.for_object(edisi).get(jenis=jenis)


def nothing_written():
    return (
        Event.objects.count(),
        NomorTerbit.objects.count(),
        list(PenghitungNomor.objects.order_by("pk").values_list("berikutnya", flat=True)),
        Ralat.objects.count(),
        DokumenTerbit.objects.filter(jenis="ralat").count(),
        list(InformasiPublik.objects.order_by("pk").values_list("ringkasan", flat=True)),
    )


@pytest.fixture
def edisi(dunia):
    sampai_ditetapkan(dunia)
    actions.issue_pengantar(
        dunia.provinsi, by=dunia.ppid, tanggal=HARI_INI, tujuan="Kepala Bidang IKP"
    )
    return DipEdisi.objects.get(pk=dunia.provinsi.pk)


def entri_kunci(edisi, ringkasan: str) -> tuple[str, InformasiPublik]:
    info = edisi.semua_informasi().get(ringkasan=ringkasan)
    return f"entri-{info.pk}-ringkasan", info


def test_the_atasan_corrects_an_entry_of_the_sk_dip_lampiran(client, dunia, edisi):
    sk = stored(edisi, "sk-dip")
    original = bytes(sk.berkas)
    kunci, info = entri_kunci(edisi, "Profil Kesehatan Provinsi Bali 2025")
    ralat = actions.ralat_surat(
        edisi,
        dokumen=sk,
        fakta=kunci,
        nilai="Profil Kesehatan Provinsi Bali 2024",
        alasan="tahun profil salah ketik pada lampiran.",
        by=dunia.atasan,
    )
    assert ralat.nomor == NOMOR_SK
    edisi.refresh_from_db()
    # Through the edition's table: state kept, one event with the old and new values.
    assert edisi.status == S.DITETAPKAN and edisi.beku
    info.refresh_from_db()
    assert info.ringkasan == "Profil Kesehatan Provinsi Bali 2024"
    e = events(edisi)[-1]
    assert (e.step, e.from_state, e.to_state, e.actor) == (
        "ralat",
        S.DITETAPKAN,
        S.DITETAPKAN,
        dunia.atasan,
    )
    assert e.data["perubahan"] == {
        kunci: ["Profil Kesehatan Provinsi Bali 2025", "Profil Kesehatan Provinsi Bali 2024"]
    }
    assert e.note == "tahun profil salah ketik pada lampiran."
    # The SK stays stored as issued, superseded by the stored ralat letter.
    sk.refresh_from_db()
    assert bytes(sk.berkas) == original and sk.utuh
    assert sk.digantikan_oleh == stored(edisi, "ralat")
    client.force_login(dunia.ppid)
    assert client.get(reverse("dip:cetak_sk", args=[edisi.pk])).content == original
    pdf = client.get(reverse("dip:cetak_ralat", args=[edisi.pk, ralat.pk])).content
    assert pdf == bytes(stored(edisi, "ralat").berkas)
    text = teks(pdf)
    # A keputusan corrected by a keputusan (Tata Naskah Dinas), not by a letter "RALAT".
    assert "RALAT" not in text
    assert (
        f"KEPUTUSAN SEKRETARIS DAERAH PROVINSI BALI SELAKU ATASAN PPID NOMOR {NOMOR_SK} TENTANG "
        "PERUBAHAN ATAS KEPUTUSAN SEKRETARIS DAERAH PROVINSI BALI SELAKU ATASAN PPID NOMOR "
        f"{sk.nomor} TENTANG DAFTAR INFORMASI PUBLIK PEMERINTAH PROVINSI BALI TAHUN 2026"
    ) in text
    assert "terdapat kekeliruan, yaitu tahun profil salah ketik pada lampiran, sehingga" in text
    assert f"Provinsi Bali selaku Atasan PPID Nomor {sk.nomor} tentang Daftar" in text
    assert "MEMUTUSKAN:" in text and "KESATU" in text and "KETIGA" in text
    assert "Lampiran nomor" in text and "Provinsi Bali 2025" in text and "Bali 2024" in text
    assert "Ditetapkan di Denpasar" in text
    assert "Salinan Keputusan ini disampaikan kepada Yth.:" in text
    # Signed by the Atasan PPID, who signed the SK.
    assert "I Wayan Sekda, S.H." in text
    # Marked on the edition page and in the list of DIP.
    page = client.get(reverse("dip:edisi", args=[edisi.pk])).content.decode()
    assert f"digantikan ralat {ralat.nomor}" in page
    assert reverse("dip:cetak_ralat", args=[edisi.pk, ralat.pk]) in page
    daftar = client.get(reverse("dip:daftar")).content.decode()
    assert f"{sk.nomor} diralat dengan Ralat {ralat.nomor}" in daftar


def test_the_ppid_corrects_the_surat_pengantar(dunia, edisi):
    pengantar = stored(edisi, "pengantar-dip")
    actions.ralat_surat(
        edisi,
        dokumen=pengantar,
        fakta="tujuan_pengantar",
        nilai="Kepala Bidang Informasi dan Komunikasi Publik",
        alasan="nama bidang ditulis singkatan.",
        by=dunia.ppid,
    )
    edisi.refresh_from_db()
    assert edisi.tujuan_pengantar == "Kepala Bidang Informasi dan Komunikasi Publik"
    ralat = stored(edisi, "ralat")
    assert stored(edisi, "pengantar-dip").digantikan_oleh == ralat
    text = teks(bytes(ralat.berkas))
    # Signed by the PPID, who signed the pengantar, and addressed as the corrected letter.
    assert "Gede Pramana" in text and "Kepala Bidang Informasi dan Komunikasi Publik" in text


@pytest.mark.parametrize(
    "case, message",
    [
        ("no_reason", "Ralat wajib disertai alasan."),
        ("never_issued", "tidak pernah diterbitkan untuk DIP ini"),
        ("superseded", f"sudah digantikan ralat {NOMOR_SK}"),
        ("role_ppid", "Peran Anda tidak berwenang menerbitkan Keputusan tentang Daftar"),
        ("role_petugas", "Peran Anda tidak berwenang"),
        ("opd_pelaksana", "Peran Anda tidak berwenang"),
    ],
)
def test_a_bad_ralat_is_refused_with_nothing_written(dunia, edisi, case, message):
    kunci, _ = entri_kunci(edisi, "Profil Kesehatan Provinsi Bali 2025")
    kwargs = {
        "dokumen": stored(edisi, "sk-dip"),
        "fakta": kunci,
        "nilai": "Profil Kesehatan Provinsi Bali 2024",
        "alasan": "salah ketik.",
    }
    by = dunia.atasan
    if case == "no_reason":
        kwargs["alasan"] = ""
    elif case == "never_issued":
        # The OPD's own edition has issued nothing yet; a letter of another case is not its.
        kwargs["dokumen"] = stored(edisi, "sk-dip")
        edisi = DipEdisi.objects.get(pk=dunia.dinkes.pk)
    elif case == "superseded":
        actions.ralat_surat(edisi, by=dunia.atasan, **kwargs)
        kwargs["nilai"] = "Profil Kesehatan 2024"
    elif case == "role_ppid":
        by = dunia.ppid  # the PPID issues the pengantar, not the SK
    elif case == "role_petugas":
        by = dunia.petugas
    elif case == "opd_pelaksana":
        by = dunia.pelaksana_dinkes  # a PPID Pelaksana corrects only its OPD's edition
    status = DipEdisi.objects.get(pk=edisi.pk).status
    before = nothing_written()
    with pytest.raises(StepRefused, match=message):
        actions.ralat_surat(edisi, by=by, **kwargs)
    assert nothing_written() == before
    assert DipEdisi.objects.get(pk=edisi.pk).status == status


def test_the_ralat_page_konsep_then_issue(client, dunia, edisi):
    sk = stored(edisi, "sk-dip")
    kunci, _ = entri_kunci(edisi, "Rencana Strategis Dinas Kesehatan 2024–2026")
    url = reverse("dip:langkah", args=[edisi.pk, "ralat"])
    client.force_login(dunia.atasan)
    page = client.get(url).content.decode()
    assert "Lihat KONSEP surat ralat" in page and sk.nomor in page and "Lampiran nomor 1" in page
    data = {"dokumen": sk.pk, "fakta": kunci, "nilai": "Renstra Dinas Kesehatan", "alasan": ""}
    before = nothing_written()
    response = client.post(url, data)
    assert response.status_code == 200 and response.context["form"].errors["alasan"]
    assert nothing_written() == before
    data["alasan"] = "judul dokumen disingkat."
    konsep = client.post(url, {**data, "aksi": "konsep"})
    assert konsep["Content-Type"] == "application/pdf"
    text = teks(konsep.content)
    assert "K O N S E P" in text and "NOMOR …" in text and sk.nomor in text
    assert nothing_written() == before
    response = client.post(url, data, follow=True)
    # The surat pengantar prints the same lampiran entry: it is named for its own ralat.
    [pesan] = messages_of(response)
    assert pesan.startswith(f"Ralat {NOMOR_SK} diterbitkan. Surat yang masih memuat data sebelum")
    assert "Surat Pengantar" in pesan and "(Lampiran nomor 1, ringkasan isi informasi)" in pesan
    assert stored(edisi, "sk-dip").digantikan_oleh.nomor == NOMOR_SK
