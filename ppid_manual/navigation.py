"""The navigation menu, by role: one list, so every page is reachable from the menu and a new
page is added in one place."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from ppid_manual import izin
from ppid_manual.roles import ALL_DESK, Role


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    roles: tuple[str, ...]
    icon: str = ""
    group: str = ""
    # An item whose roles are the permission table's (ppid_manual/izin.py), read at each call.
    aksi: str = ""

    def peran(self) -> tuple[str, ...]:
        return izin.peran(self.aksi) if self.aksi else self.roles


NAV: list[NavItem] = [
    NavItem("Beranda", "home", ALL_DESK, "house"),
    NavItem("Permohonan", "registrasi:daftar", ALL_DESK, "inbox", "Permohonan"),
    NavItem(
        "Daftarkan permohonan",
        "registrasi:baru",
        (),
        "file-earmark-plus",
        "Permohonan",
        aksi=izin.Aksi.DAFTAR_PERMOHONAN,
    ),
    NavItem(
        "Register permohonan",
        "registrasi:register",
        (),
        "journal-text",
        "Permohonan",
        aksi=izin.Aksi.REGISTER_PERMOHONAN,
    ),
    NavItem(
        "Identitas berbeda",
        "registrasi:identitas_berbeda",
        (Role.PPID,),
        "people",
        "Permohonan",
    ),
    # The paper fallback (SOP: service when the system is down): static files, so the same
    # link works while the database is away.
    NavItem("Formulir kertas kosong", "formulir_kertas", ALL_DESK, "printer", "Permohonan"),
    NavItem("Keberatan", "keberatan:daftar", ALL_DESK, "exclamation-diamond", "Keberatan"),
    NavItem(
        "Daftarkan keberatan",
        "keberatan:baru",
        (),
        "file-earmark-plus",
        "Keberatan",
        aksi=izin.Aksi.DAFTAR_KEBERATAN,
    ),
    NavItem(
        "Register keberatan",
        "keberatan:register",
        (),
        "journal-text",
        "Keberatan",
        aksi=izin.Aksi.REGISTER_KEBERATAN,
    ),
    NavItem("Daftar Informasi Publik", "dip:daftar", ALL_DESK, "list-check", "DIP"),
    NavItem("Informasi dikecualikan", "dip:dik_daftar", ALL_DESK, "shield-lock", "DIP"),
    NavItem("Cari DIP/DIK", "dip:cari", ALL_DESK, "search", "DIP"),
    # Grouped under "Laporan" so the navbar fits one line at 1366 px for every role.
    NavItem(
        "Laporan layanan",
        "laporan",
        (Role.PPID, Role.ATASAN, Role.PELAKSANA, Role.ADMIN),
        "bar-chart",
        "Laporan",
    ),
    NavItem("Ekspor ke sistem online", "ekspor_online", (Role.PPID,), "cloud-upload", "Laporan"),
    NavItem("Hitung tenggat", "kalender", ALL_DESK, "calendar3", "Kalender"),
    NavItem("Hari libur", "hari_libur", ALL_DESK, "calendar-x", "Kalender"),
    NavItem("Data induk", "admin:index", (Role.ADMIN,), "gear"),
]


def items_for(user) -> list[dict[str, str]]:
    if not getattr(user, "is_authenticated", False):
        return []
    items = []
    for item in NAV:
        roles = item.peran()
        if not (user.has_role(*roles) or (user.is_superuser and Role.ADMIN in roles)):
            continue
        items.append(
            {
                "label": item.label,
                "url": reverse(item.url_name),
                "icon": item.icon,
                "group": item.group,
            }
        )
    return items
