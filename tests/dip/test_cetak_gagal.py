"""A DIP document that cannot be made is handled as every case's (ppid_manual/workflow/pages.py:
print_response): a missing signer or a failed rendering comes back to the edition's page with
"Dokumen tidak dapat dicetak: …", never to the page the browser came from."""

from __future__ import annotations

from django.urls import reverse

from ppid_manual.models import Pejabat
from ppid_manual.workflow import pdf
from tests.helpers import messages_of

ELSEWHERE = "http://testserver/somewhere-else/"


def test_no_signer_goes_back_to_the_list_not_the_referer(client, dunia):
    # The DIK is signed by the PPID of the day it is printed: with none, nothing is printed.
    Pejabat.objects.all().delete()
    client.force_login(dunia.ppid)
    response = client.get(reverse("dip:dik_cetak"), HTTP_REFERER=ELSEWHERE)
    assert response.status_code == 302
    assert response["Location"] == reverse("dip:dik_daftar")
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
