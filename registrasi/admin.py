from django.contrib import admin

from ppid_manual.admin import RoleAdmin
from registrasi.models import Tarif


@admin.register(Tarif)
class TarifAdmin(RoleAdmin):
    """Copy and media costs with their legal source (UU 14/2008 Pasal 21: reasonable costs).
    A tariff in use is kept (handovers copy its price); end it with 'berlaku sampai'."""

    list_display = ["nama", "jenis", "harga", "satuan", "dasar_hukum", "berlaku_dari", "aktif"]
    list_filter = ["jenis", "aktif"]
    search_fields = ["nama", "dasar_hukum"]

    def has_delete_permission(self, request, obj=None):
        # Handovers and notices point at their tariff (PROTECT); end it instead of deleting.
        return False
