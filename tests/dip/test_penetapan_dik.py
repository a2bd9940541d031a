"""The DIK adopted by a numbered keputusan of the PPID, signed by the PPID in office on its
date (the officials table, not the account), its list numbered, no app footer; and the
lembar uji konsekuensi with the public-interest weighing (UU 14/2008 Pasal 2(4)) signed by
every participant."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dip import actions
from dip.documents import DaftarDik, KeputusanDik, UjiKonsekuensi
from dip.models import InformasiDikecualikan, PenetapanDik
from ppid_manual import rantai
from ppid_manual.models import DokumenTerbit, Event, NomorTerbit, Pejabat
from ppid_manual.workflow.engine import StepRefused
from tests.dip.conftest import HARI_INI
from tests.dip.test_dik import dik_data
from tests.dip.test_ralat import teks
from tests.helpers import D, page, teks_surat


def _dik(ppid, units, **overrides) -> InformasiDikecualikan:
    data = {
        "informasi": "Rekam medis pasien RSUD",
        "opd": units["dinkes"],
        "pasal17": "h",
        "konsekuensi": "Membuka rekam medis mengungkap rahasia pribadi pasien.",
        "kepentingan_publik": "Tidak ada kepentingan umum atas rekam medis seseorang.",
        "jangka_waktu": "Selama pasien hidup",
        "ditetapkan_pada": D(2026, 3, 2),
        "aktif": True,
    }
    data.update(overrides)
    return actions.establish_dik(by=ppid, data=data)


@pytest.fixture
def ppid(ppid):
    """The account that presses the button, named so that a page printing it would show."""
    ppid.first_name, ppid.last_name = "Akun", "Operator Meja"
    ppid.save()
    return ppid


@pytest.fixture
def pelaksana_pejabat(units):
    return Pejabat.objects.create(
        nama="Ni Made Pelaksana, S.Kom.",
        nip="19800101 200501 2 001",
        jabatan="Sekretaris Dinas Kesehatan Provinsi Bali",
        selaku="selaku PPID Pelaksana",
        unit=units["dinkes"],
        peran=Pejabat.Peran.PPID_PELAKSANA,
        berlaku_dari=D(2026, 1, 1),
    )


@pytest.mark.dokumen_di_langkah
def test_it_adopts_the_dik_by_a_numbered_keputusan_of_the_ppid_in_office(
    client, units, ppid, pejabat
):
    _dik(ppid, units)
    _dik(ppid, units, informasi="Dokumen pengadaan dengan rahasia dagang", pasal17="b")
    # The PPID changed on 6 March: a keputusan of 5 March is signed by the one before.
    lama = pejabat["ppid"]
    lama.berlaku_sampai = D(2026, 3, 5)
    lama.save()
    Pejabat.objects.create(
        nama="Dr. Baru PPID, M.Si.",
        nip="19750101 200003 1 001",
        jabatan="Kepala Dinas Kominfos Provinsi Bali selaku PPID",
        unit=units["utama"],
        peran=Pejabat.Peran.PPID,
        berlaku_dari=D(2026, 3, 6),
    )
    client.force_login(ppid)

    response = client.post(reverse("dip:dik_penetapan"), {"tanggal": "2026-03-05"})

    assert response.status_code == 302
    penetapan = PenetapanDik.objects.get()
    assert penetapan.nomor == "001/KEP-PPID/DIK/2026"
    assert penetapan.penandatangan == lama
    assert penetapan.informasi.count() == 2
    (event,) = Event.objects.for_object(penetapan)
    assert event.step == "dik_penetapan" and event.actor == ppid
    stored = DokumenTerbit.objects.for_object(penetapan).get()
    assert stored.nomor == penetapan.nomor and event.data["dokumen_terbit"][0]["sha256"]
    assert not rantai.periksa_semua().putus  # verify_records: chain and stored keputusan whole

    html = KeputusanDik(penetapan).render_html()
    text = teks_surat(html)
    assert "KEPUTUSAN PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI" in text
    assert "NOMOR 001/KEP-PPID/DIK/2026" in text
    assert "sebanyak 2 (dua) informasi" in text
    assert "Ditetapkan di" in text and "5 Maret 2026" in text
    assert lama.nama in text and "Dr. Baru PPID" not in text
    assert "Akun Operator Meja" not in text and "PPID Manual" not in text
    assert '<td class="no">1</td>' in html and '<td class="no">2</td>' in html
    assert "Salinan Keputusan ini disampaikan kepada Yth.:" in text
    assert '@bottom-left { content: ""' in html  # no app footer on the signed keputusan

    response = client.get(reverse("dip:dik_cetak_penetapan", args=[penetapan.pk]))
    assert response.content.startswith(b"%PDF")
    assert response["X-Dokumen-SHA256"] == stored.sha256
    # Each entry's page names the keputusan that adopted it; the list page, every keputusan.
    dik = penetapan.informasi.first()
    assert "Keputusan PPID Nomor 001/KEP-PPID/DIK/2026" in page(
        client.get(reverse("dip:dik_detail", args=[dik.pk]))
    )
    assert "001/KEP-PPID/DIK/2026" in page(client.get(reverse("dip:dik_penetapan")))


def test_an_exempt_item_whose_weighing_opened_it_is_not_adopted(client, units, ppid, pejabat):
    _dik(ppid, units)
    _dik(
        ppid,
        units,
        informasi="Rekap belanja alat kesehatan",
        kesimpulan_kepentingan_publik="dibuka",
    )
    penetapan = actions.issue_penetapan_dik(by=ppid, tanggal=HARI_INI)
    assert [d.informasi for d in penetapan.daftar()] == ["Rekam medis pasien RSUD"]
    # The working list agrees.
    html = DaftarDik().render_html()
    assert "Rekam medis pasien RSUD" in html and "Rekap belanja alat kesehatan" not in html


@pytest.mark.parametrize(
    "siapkan, tanggal, message",
    [
        (lambda ppid, units, pejabat: None, "2026-03-10", "Belum ada informasi yang dikecualikan"),
        (
            lambda ppid, units, pejabat: InformasiDikecualikan.objects.create(
                informasi="Entri lama tanpa pertimbangan",
                opd=units["dinkes"],
                pasal17="h",
                konsekuensi="Akibat.",
                jangka_waktu="2 tahun",
                ditetapkan_pada=D(2026, 3, 2),
                ditetapkan_oleh=ppid,
            ),
            "2026-03-10",
            "belum memuat pertimbangan kepatutan dan kepentingan umum",
        ),
        (
            lambda ppid, units, pejabat: (_dik(ppid, units), pejabat["ppid"].delete()),
            "2026-03-10",
            "Tidak ada pejabat PPID yang berlaku pada 10-03-2026",
        ),
        (lambda ppid, units, pejabat: _dik(ppid, units), "2026-03-11", "tidak boleh setelah"),
    ],
)
def test_a_refused_penetapan_writes_nothing(
    client, units, ppid, pejabat, siapkan, tanggal, message
):
    siapkan(ppid, units, pejabat)
    events = Event.objects.count()
    client.force_login(ppid)
    response = client.post(reverse("dip:dik_penetapan"), {"tanggal": tanggal})
    assert response.status_code == 200
    assert message in page(response)
    assert not PenetapanDik.objects.exists()
    assert not NomorTerbit.objects.filter(jenis="penetapandik").exists()
    assert Event.objects.count() == events


def test_only_the_ppid_adopts_the_dik(client, units, ppid, petugas, pejabat):
    _dik(ppid, units)
    client.force_login(petugas)
    assert client.get(reverse("dip:dik_penetapan")).status_code == 200
    assert client.post(reverse("dip:dik_penetapan"), {"tanggal": "2026-03-10"}).status_code == 403
    with pytest.raises(StepRefused, match="ditetapkan oleh PPID"):
        actions.issue_penetapan_dik(by=petugas, tanggal=HARI_INI)
    assert not PenetapanDik.objects.exists()


def test_the_lembar_uji_weighs_the_public_interest_and_every_participant_signs(
    client, units, ppid, pejabat, pelaksana_pejabat
):
    client.force_login(ppid)
    data = dik_data(units, peserta_uji=[pelaksana_pejabat.pk])
    response = client.post(reverse("dip:dik_tambah"), data)
    assert response.status_code == 302, response.context["form"].errors
    dik = InformasiDikecualikan.objects.get()
    assert list(dik.peserta_uji.all()) == [pelaksana_pejabat]
    assert Event.objects.for_object(dik).get().data["peserta_uji"] == [pelaksana_pejabat.pk]

    html = UjiKonsekuensi(dik).render_html()
    text = teks_surat(html)
    assert "Akibat apabila informasi dibuka (uji konsekuensi)" in text
    assert "Kepentingan umum yang terlayani apabila informasi dibuka" in text
    assert "Publik berkepentingan mengawasi harga pengadaan." in text
    assert "menutup informasi tersebut melindungi kepentingan yang lebih besar" in text
    # The PPID of the day, who performs it, signs first; each participant signs after.
    assert text.index("Yang melakukan uji konsekuensi,") < text.index(pejabat["ppid"].nama)
    assert text.index(pejabat["ppid"].nama) < text.index("Peserta uji konsekuensi:")
    assert text.index("Peserta uji konsekuensi:") < text.index(pelaksana_pejabat.nama)
    assert html.count('class="ruang-ttd"') == 1
    assert "Akun Operator Meja" not in text


def test_a_participant_not_in_office_on_the_uji_date_is_refused(
    client, units, ppid, pejabat, pelaksana_pejabat
):
    client.force_login(ppid)
    data = dik_data(units, peserta_uji=[pelaksana_pejabat.pk], ditetapkan_pada="2025-12-31")
    response = client.post(reverse("dip:dik_tambah"), data)
    assert response.status_code == 200
    assert "Tidak menjabat pada tanggal uji 31-12-2025: Ni Made Pelaksana" in page(response)
    assert not InformasiDikecualikan.objects.exists() and not Event.objects.exists()


def test_the_action_refuses_an_uji_without_the_public_interest(units, ppid):
    with pytest.raises(StepRefused, match="pertimbangan kepatutan dan kepentingan umum"):
        _dik(ppid, units, kepentingan_publik=" ")
    assert not InformasiDikecualikan.objects.exists()


@pytest.mark.dokumen_di_langkah
def test_the_keputusan_is_seen_as_a_konsep_first_and_nothing_is_written(
    client, units, ppid, pejabat
):
    _dik(ppid, units)
    client.force_login(ppid)
    page_html = client.get(reverse("dip:dik_penetapan")).content.decode()
    assert 'form="form-penetapan-dik" name="aksi" value="konsep"' in page_html
    before = (
        PenetapanDik.objects.count(),
        NomorTerbit.objects.count(),
        DokumenTerbit.objects.count(),
        Event.objects.count(),
    )

    response = client.post(
        reverse("dip:dik_penetapan"), {"tanggal": "2026-03-05", "aksi": "konsep"}
    )

    assert response["Content-Type"] == "application/pdf"
    text = teks(response.content)
    assert "K O N S E P" in text and "NOMOR …" in text.upper(), text[:600]
    assert "Rekam medis pasien RSUD" in text
    after = (
        PenetapanDik.objects.count(),
        NomorTerbit.objects.count(),
        DokumenTerbit.objects.count(),
        Event.objects.count(),
    )
    assert after == before
    # Nothing to adopt on that day: said plainly on the page, no PDF.
    refused = client.post(
        reverse("dip:dik_penetapan"), {"tanggal": "2026-01-05", "aksi": "konsep"}, follow=True
    )
    assert "Belum ada informasi yang dikecualikan per 05-01-2026" in refused.content.decode()
