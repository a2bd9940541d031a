"""Who may do what: one table of the actions that depend on a role, read by the views
(`role_required(*izin.peran(...))`), the navigation, the templates (`user|boleh:"lihat_nik"`)
and the actions (`izin.boleh(user, ...)`).

Which case a role may open (its own OPD's, its desk's) is each process's `for_user`; this table
says which roles may take the action at all."""

from __future__ import annotations

from django.db import models

from ppid_manual.roles import ALL_DESK, Role


class Aksi(models.TextChoices):
    DAFTAR_PERMOHONAN = "daftar_permohonan", "Mendaftarkan permohonan"
    DAFTAR_KEBERATAN = "daftar_keberatan", "Mendaftarkan keberatan"
    LIHAT_NIK = "lihat_nik", "Melihat NIK utuh dan pindaian identitas"
    REGISTER_PERMOHONAN = "register_permohonan", "Membuka Register Permohonan"
    REGISTER_KEBERATAN = "register_keberatan", "Membuka Register Keberatan"
    CETAK_SURAT = "cetak_surat", "Mencetak surat"


IZIN: dict[str, tuple[str, ...]] = {
    # The desk that takes the paper: the petugas pelayanan, or the PPID Pelaksana at its OPD's
    # desk (SOP permohonan langkah 1); a keberatan only at the petugas' desk (SOP keberatan 2).
    Aksi.DAFTAR_PERMOHONAN: (Role.PETUGAS, Role.PELAKSANA),
    Aksi.DAFTAR_KEBERATAN: (Role.PETUGAS,),
    # Personal data (UU 27/2022 PDP; DESIGN.md: "only to roles that need them"): the desks
    # that take the file with its NIK copy (petugas, PPID Pelaksana) and the PPID and Atasan
    # PPID who decide on it. Everyone else sees the NIK masked.
    Aksi.LIHAT_NIK: (Role.PETUGAS, Role.PPID, Role.PELAKSANA, Role.ATASAN),
    # Both registers to every desk role, the Admin too (one rule for the two registers).
    Aksi.REGISTER_PERMOHONAN: ALL_DESK,
    Aksi.REGISTER_KEBERATAN: ALL_DESK,
    # Every desk role prints the letters of the cases it may open.
    Aksi.CETAK_SURAT: ALL_DESK,
}


def peran(aksi: str) -> tuple[str, ...]:
    """The roles that may take `aksi` (for role_required and the navigation)."""
    return IZIN[Aksi(aksi)]


def boleh(user, aksi: str) -> bool:
    """May this user take `aksi`? A superuser may see a NIK (the Django admin shows it anyway);
    every other action needs a role of the table."""
    if not getattr(user, "is_authenticated", False):
        return False
    if aksi == Aksi.LIHAT_NIK and user.is_superuser:
        return True
    return user.has_role(*peran(aksi))
