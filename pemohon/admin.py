from django.contrib import admin

from pemohon.models import PencarianIdentitas
from ppid_manual.admin import ReadOnlyAdmin


@admin.register(PencarianIdentitas)
class PencarianIdentitasAdmin(ReadOnlyAdmin):
    """Who looked a pemohon up by NIK or akta, and when (UU 27/2022 PDP): the Admin's list."""

    list_display = ["waktu", "pengguna", "laman", "jenis", "sha256", "ditampilkan"]
    list_filter = ["jenis", "ditampilkan", "laman"]
    search_fields = ["sha256", "pengguna__username"]
    date_hierarchy = "waktu"
