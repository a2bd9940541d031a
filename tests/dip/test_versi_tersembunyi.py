"""Issue 16: a tampered `versi` (the version an edit form was opened on) is refused with a
clear Indonesian message on the form; the entry is unchanged and no event is written."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ppid_manual.hidden_fields import PESAN
from ppid_manual.models import Event

from .conftest import entri


@pytest.mark.parametrize("versi", ["dua", "-1", "0"])
def test_a_tampered_version_is_refused_with_a_message(client, dinkes, pelaksana_dinkes, versi):
    info = dinkes.informasi.order_by("nomor").first()
    before = (info.ringkasan, info.versi, Event.objects.count())
    client.force_login(pelaksana_dinkes)
    url = reverse("dip:informasi_ubah", args=[info.pk])
    response = client.post(url, entri(ringkasan="Diubah dengan versi palsu", versi=versi))
    assert response.status_code == 200
    assert PESAN.format(nama="versi") in response.context["form"].non_field_errors()
    assert "Isian tersembunyi formulir ini (versi) tidak valid" in response.content.decode()
    info.refresh_from_db()
    assert (info.ringkasan, info.versi, Event.objects.count()) == before
    assert f'name="versi" value="{info.versi}"' in response.content.decode()
