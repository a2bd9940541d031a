"""The home page's figures per role, each linking to the list that shows the same rows."""

from __future__ import annotations

import pytest
from django.urls import reverse

from layanan.dashboard import panels_for
from registrasi import actions as reg
from registrasi.models import Permohonan
from tests.helpers import D, at
from tests.keberatan.helpers import buat_permohonan

pytestmark = pytest.mark.usefixtures("holidays_2026")


def figures(panel):
    return {a.label: a for a in panel["sorotan"]}


def test_figures_per_role_and_their_links(client, desk):
    old = buat_permohonan(desk, D(2026, 10, 1), nik="5171014107900011")  # overdue by 28 Nov
    near = buat_permohonan(desk, D(2026, 11, 17), nik="5171014107900012")  # due 1 Dec
    routed = buat_permohonan(desk, D(2026, 11, 20), nik="5171014107900013")
    with at(D(2026, 11, 20)):
        reg.route_to_opd(routed, by=desk.ppid, unit=desk.units["dinkes"])
    with at(D(2026, 11, 28)):
        panel = panels_for(desk.ppid, D(2026, 11, 28))[0]
        f = figures(panel)
        assert f["Melewati tenggat"].nilai == 1
        assert f["Jatuh tempo ≤ 2 hari kerja"].nilai == 1
        assert f["Masuk bulan ini (11/2026)"].nilai == 2
        assert f["Masuk bulan lalu (10/2026)"].nilai == 1
        per_tahap = {a.label: a for a in panel["per_tahap"]}
        assert per_tahap[Permohonan.Status.TERDAFTAR.label].nilai == 2
        assert per_tahap[Permohonan.Status.DIMINTAKAN_KE_OPD.label].nilai == 1

        client.force_login(desk.ppid)
        home = client.get(reverse("home")).content.decode()
        assert f["Melewati tenggat"].url.replace("&", "&amp;") in home
        listed = client.get(f["Melewati tenggat"].url).context["rows"]
        assert [p.pk for p in listed] == [old.pk]
        listed = client.get(f["Jatuh tempo ≤ 2 hari kerja"].url).context["rows"]
        assert [p.pk for p in listed] == [near.pk]
        listed = client.get(f["Masuk bulan ini (11/2026)"].url).context["rows"]
        assert sorted(p.pk for p in listed) == sorted([near.pk, routed.pk])
        url = per_tahap[Permohonan.Status.DIMINTAKAN_KE_OPD.label].url
        assert [p.pk for p in client.get(url).context["rows"]] == [routed.pk]

        # A PPID Pelaksana counts only its own OPD's requests.
        own = figures(panels_for(desk.dinkes, D(2026, 11, 28))[0])
        other = figures(panels_for(desk.dishub, D(2026, 11, 28))[0])
    assert own["Masuk bulan ini (11/2026)"].nilai == 1
    assert other["Masuk bulan ini (11/2026)"].nilai == 0


def test_paging_a_figures_list_keeps_its_filter(client, desk, monkeypatch):
    monkeypatch.setattr("registrasi.views.PER_HALAMAN", 1)
    this_month = [
        buat_permohonan(desk, D(2026, 11, day), nik=f"51710141079000{day}") for day in (17, 18)
    ]
    buat_permohonan(desk, D(2026, 10, 1), nik="5171014107900011")  # last month: filtered out
    with at(D(2026, 11, 28)):
        url = figures(panels_for(desk.ppid, D(2026, 11, 28))[0])["Masuk bulan ini (11/2026)"].url
        client.force_login(desk.ppid)
        first = client.get(url)
        link = first.context["page"].next_page_number()
        html = first.content.decode()
        assert "bulan=2026-11" in html and f"halaman={link}" in html
        next_url = html.split('<a class="page-link" href="')[1].split('"')[0].replace("&amp;", "&")
        second = client.get(reverse("registrasi:daftar") + next_url)
    assert second.context["page"].paginator.count == 2
    shown = [first.context["rows"][0].pk, second.context["rows"][0].pk]
    assert sorted(shown) == sorted(p.pk for p in this_month)
