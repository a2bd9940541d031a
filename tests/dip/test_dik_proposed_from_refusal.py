"""UU 14/2008 Pasal 17 and Pasal 2(4): a refusal proposes its DIK entry (or shows the entry in
force it matches) for the PPID to confirm; the uji konsekuensi and the uji kepentingan publik
are recorded as text with the conclusion the PPID chooses, printed as chosen."""

from __future__ import annotations

from django.urls import reverse

from dip.documents import UjiKonsekuensi
from dip.models import InformasiDikecualikan
from tests.helpers import D, at, case_url, page
from tests.keberatan.helpers import buat_permohonan, tolak_permohonan


def test_a_refusal_proposes_its_dik_entry_and_the_ppid_confirms_it(client, desk, holidays_2026):
    p = tolak_permohonan(desk, buat_permohonan(desk, D(2026, 4, 6)), D(2026, 4, 7))
    with at(D(2026, 4, 8)):
        client.force_login(desk.ppid)
        html = page(client.get(case_url(p)))
        assert "Belum ada entri DIK yang berlaku" in html
        url = f"{reverse('dip:dik_tambah')}?permohonan={p.pk}"
        assert url in html
        form = client.get(url).context["form"]
        assert form.initial["pasal17"] == ["h"]
        assert form.initial["opd"] == desk.units["dinkes"].pk
        assert form.initial["konsekuensi"] == "Membuka rahasia pribadi penerima bantuan."
        response = client.post(
            url,
            {
                "versi": "",
                "informasi": "Nama dan NIK penerima bantuan iuran kesehatan",
                "opd": desk.units["dinkes"].pk,
                "pasal17": ["h"],
                "undang_undang_lain": "",
                "konsekuensi": "Membuka rahasia pribadi penerima bantuan.",
                "kesimpulan_konsekuensi": "ditutup",
                "kepentingan_publik": "Tidak ada kepentingan publik yang lebih besar.",
                "kesimpulan_kepentingan_publik": "ditutup",
                "jangka_waktu": "Selama penerima masih hidup",
                "dasar_penetapan": "",
                "ditetapkan_pada": "2026-04-08",
                "aktif": "on",
            },
        )
        assert response.status_code == 302, response.context["form"].errors
        dik = InformasiDikecualikan.objects.get()
        # The case now shows the entry in force it matches.
        assert dik.informasi in page(client.get(case_url(p)))
    assert (dik.kesimpulan_konsekuensi, dik.kesimpulan_kepentingan_publik) == ("ditutup", "ditutup")


def test_the_conclusion_printed_is_the_one_chosen(desk, holidays_2026):
    dik = InformasiDikecualikan.objects.create(
        informasi="Rekap anggaran pengadaan alat kesehatan",
        opd=desk.units["dinkes"],
        pasal17="b",
        konsekuensi="Dapat mengganggu persaingan usaha.",
        kesimpulan_konsekuensi="ditutup",
        kepentingan_publik="Publik berkepentingan mengawasi belanja kesehatan.",
        kesimpulan_kepentingan_publik="dibuka",
        jangka_waktu="2 tahun",
        ditetapkan_pada=D(2026, 4, 8),
        ditetapkan_oleh=desk.ppid,
    )
    html = UjiKonsekuensi(dik).render_html()
    assert "Publik berkepentingan mengawasi belanja kesehatan." in html
    assert "membuka informasi tersebut melindungi kepentingan yang lebih besar" in html
    assert "ditetapkan sebagai informasi yang dikecualikan" not in html
