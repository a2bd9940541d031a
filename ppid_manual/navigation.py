"""The navigation menu, by role: one list, so every page is reachable from the menu and a new
page is added in one place."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from ppid_manual.roles import ALL_DESK, Role


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    roles: tuple[str, ...]
    icon: str = ""
    group: str = ""


NAV: list[NavItem] = [
    NavItem("Beranda", "home", ALL_DESK, "house"),
    NavItem("Permohonan", "registrasi:daftar", ALL_DESK, "inbox", "Permohonan"),
    NavItem(
        "Daftarkan permohonan",
        "registrasi:baru",
        (Role.PETUGAS, Role.PELAKSANA),
        "file-earmark-plus",
        "Permohonan",
    ),
    NavItem(
        "Register permohonan",
        "registrasi:register",
        ALL_DESK,
        "journal-text",
        "Permohonan",
    ),
    # The paper fallback (SOP: service when the system is down): static files, so the same
    # link works while the database is away.
    NavItem("Formulir kertas kosong", "formulir_kertas", ALL_DESK, "printer", "Permohonan"),
    NavItem("Keberatan", "keberatan:daftar", ALL_DESK, "exclamation-diamond", "Keberatan"),
    NavItem(
        "Daftarkan keberatan",
        "keberatan:baru",
        (Role.PETUGAS,),
        "file-earmark-plus",
        "Keberatan",
    ),
    NavItem("Register keberatan", "keberatan:register", ALL_DESK, "journal-text", "Keberatan"),
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
        if not (user.has_role(*item.roles) or (user.is_superuser and Role.ADMIN in item.roles)):
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
