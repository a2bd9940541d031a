"""Fixtures for the keberatan tests: the desk personas with the officials, and a throwaway
MEDIA_ROOT for the scans."""

from __future__ import annotations

from types import SimpleNamespace

import pytest


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    # Scans go to a throwaway MEDIA_ROOT, never into the project's folder.
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def desk(units, petugas, ppid, pelaksana_dinkes, pelaksana_dishub, atasan, admin_user, pejabat):
    return SimpleNamespace(
        units=units,
        petugas=petugas,
        ppid=ppid,
        dinkes=pelaksana_dinkes,
        dishub=pelaksana_dishub,
        atasan=atasan,
        admin=admin_user,
        pejabat=pejabat,
    )


@pytest.fixture
def kalender(holidays_2026):
    return holidays_2026
