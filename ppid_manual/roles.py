"""The five desk roles. Each is a Django group of the same name (created by a migration)."""

from django.db import models


class Role(models.TextChoices):
    PETUGAS = "petugas", "Petugas pelayanan"
    PPID = "ppid", "PPID"
    PELAKSANA = "pelaksana", "PPID Pelaksana"
    ATASAN = "atasan", "Atasan PPID"
    ADMIN = "admin", "Admin"


# Every role that works at a desk (all but the anonymous public): the pages every one of them
# may open. One tuple for the navigation, the lists and the registers.
ALL_DESK = (Role.PETUGAS, Role.PPID, Role.PELAKSANA, Role.ATASAN, Role.ADMIN)
