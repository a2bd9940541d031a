"""Issue 16: a DIP entry's ringkasan has a limit (2,000 characters) in the model and the form;
10,000 characters are refused with an Indonesian message and nothing is saved."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from dip.models import InformasiPublik

from .conftest import entri


def test_a_dip_summary_of_ten_thousand_characters_is_refused(client, dinkes, pelaksana_dinkes):
    client.force_login(pelaksana_dinkes)
    before = InformasiPublik.objects.count()
    response = client.post(
        reverse("dip:informasi_tambah", args=[dinkes.pk]), entri(ringkasan="x" * 10_000)
    )
    assert response.status_code == 200
    assert response.context["form"].errors["ringkasan"] == [
        "Pastikan nilai ini mengandung paling banyak 2000 karakter (sekarang 10000 karakter)."
    ]
    assert InformasiPublik.objects.count() == before
    textarea = re.search(r'<textarea[^>]*name="ringkasan"[^>]*>', response.content.decode())
    assert 'maxlength="2000"' in textarea.group(0)  # the browser stops typing there too


@pytest.mark.parametrize("n, ok", [(2000, True), (2001, False)])
def test_the_limit_is_exact(client, dinkes, pelaksana_dinkes, n, ok):
    client.force_login(pelaksana_dinkes)
    before = InformasiPublik.objects.count()
    client.post(reverse("dip:informasi_tambah", args=[dinkes.pk]), entri(ringkasan="y" * n))
    assert InformasiPublik.objects.count() == before + (1 if ok else 0)
