"""The five desk roles. Each is a Django group of the same name (created by a migration)."""

from django.db import models


class Role(models.TextChoices):
    PETUGAS = "petugas", "Petugas pelayanan"
    PPID = "ppid", "PPID"
    PELAKSANA = "pelaksana", "PPID Pelaksana"
    ATASAN = "atasan", "Atasan PPID"
    ADMIN = "admin", "Admin"
