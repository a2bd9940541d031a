"""Issue 16: a tampered hidden field (the form's one-time `kunci`) is refused with a clear
Indonesian message on the form, nothing is saved, and the form can then be sent again."""

from __future__ import annotations

import re
import uuid

import pytest
from django.urls import reverse

from keberatan.forms import KeberatanForm
from ppid_manual.hidden_fields import PESAN
from registrasi.models import Permohonan

from .conftest import form_data

PESAN_KUNCI = PESAN.format(nama="kunci")


@pytest.mark.parametrize("kunci", ["bukan-uuid", "", "1' OR '1'='1"])
def test_a_tampered_key_is_refused_with_a_message(client, golden_day, petugas, kunci):
    client.force_login(petugas)
    response = client.post(reverse("registrasi:baru"), form_data(kunci=kunci))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Isian tersembunyi formulir ini (kunci) tidak valid" in html
    assert response.context["form"].non_field_errors() == [PESAN_KUNCI]
    assert not Permohonan.objects.exists()
    # The form comes back with a fresh key: sent again, it registers once.
    fresh = re.search(r'name="kunci" value="([0-9a-f-]{36})"', html).group(1)
    assert uuid.UUID(fresh)
    again = client.post(reverse("registrasi:baru"), form_data(kunci=fresh))
    assert again.status_code == 302
    assert Permohonan.objects.get().kunci_idempotensi == uuid.UUID(fresh)


def test_the_keberatan_form_says_so_too(db):
    form = KeberatanForm({"kunci": "dirusak"})
    assert not form.is_valid()
    assert PESAN_KUNCI in form.non_field_errors()
    assert "kunci" not in form.errors
