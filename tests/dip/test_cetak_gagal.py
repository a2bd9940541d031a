"""A DIP document that cannot be made is handled as every case's (ppid_manual/workflow/pages.py:
print_response): a missing signer or a failed rendering comes back to the edition's page with
"Dokumen tidak dapat dicetak: …", never to the page the browser came from."""

from __future__ import annotations

from django.urls import reverse

from dip.models import InformasiDikecualikan
from ppid_manual.models import Pejabat
from ppid_manual.workflow import pdf
from tests.dip.conftest import HARI_INI
from tests.helpers import messages_of

ELSEWHERE = "http://testserver/somewhere-else/"


def test_no_signer_goes_back_to_the_entry_not_the_referer(client, dunia):
    # The lembar uji is signed by the PPID of the day of the uji: with none, nothing is
    # printed. (The DIK list itself is an unsigned working list; the signed DIK is the
    # Keputusan PPID, stored when issued.)
    dik = InformasiDikecualikan.objects.create(
        informasi="Rekam medis pasien",
        opd=dunia.units["dinkes"],
        pasal17="h",
        konsekuensi="Membuka rahasia pribadi.",
        kepentingan_publik="Tidak ada kepentingan umum yang lebih besar.",
        jangka_waktu="Selama pasien hidup",
        ditetapkan_pada=HARI_INI,
        ditetapkan_oleh=dunia.ppid,
    )
    Pejabat.objects.all().delete()
    client.force_login(dunia.ppid)
    response = client.get(reverse("dip:dik_cetak_uji", args=[dik.pk]), HTTP_REFERER=ELSEWHERE)
    assert response.status_code == 302
    assert response["Location"] == reverse("dip:dik_detail", args=[dik.pk])
    assert any(m.startswith("Dokumen tidak dapat dicetak: ") for m in messages_of(response))


def test_a_failed_rendering_is_caught_with_a_message(client, dunia, monkeypatch):
    def broken(html: str) -> bytes:
        raise pdf.PdfError("WeasyPrint tidak menghasilkan PDF.")

    monkeypatch.setattr(pdf, "render_pdf", broken)
    client.force_login(dunia.petugas)
    response = client.get(
        reverse("dip:cetak_rekap", args=[dunia.provinsi.pk]), HTTP_REFERER=ELSEWHERE
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("dip:edisi", args=[dunia.provinsi.pk])
    assert messages_of(response) == [
        "Dokumen tidak dapat dicetak: WeasyPrint tidak menghasilkan PDF."
    ]
