"""The DIP in the admin: read-only. Every write goes through the desk pages and
`dip.actions`, so that the step order, the freeze of adopted editions and the event log hold."""

from django.contrib import admin

from dip.models import (
    CatatanKoreksi,
    DipEdisi,
    InformasiDikecualikan,
    InformasiPublik,
    PenetapanDik,
    Publikasi,
)
from ppid_manual.admin import ReadOnlyAdmin


@admin.register(DipEdisi)
class DipEdisiAdmin(ReadOnlyAdmin):
    list_display = ["tahun", "unit", "status", "nomor_sk", "tanggal_sk"]
    list_filter = ["status", "tahun"]
    search_fields = ["unit__nama", "nomor_sk"]


@admin.register(InformasiPublik)
class InformasiPublikAdmin(ReadOnlyAdmin):
    list_display = ["ringkasan", "opd", "edisi", "jenis", "bentuk"]
    list_filter = ["jenis", "bentuk", "edisi__tahun"]
    search_fields = ["ringkasan", "uid"]


@admin.register(CatatanKoreksi)
class CatatanKoreksiAdmin(ReadOnlyAdmin):
    list_display = ["dibuat_pada", "edisi", "peran", "catatan", "ditindaklanjuti_pada"]
    list_filter = ["peran"]


@admin.register(Publikasi)
class PublikasiAdmin(ReadOnlyAdmin):
    list_display = ["edisi", "kanal", "tanggal", "url"]
    list_filter = ["kanal"]


@admin.register(InformasiDikecualikan)
class InformasiDikecualikanAdmin(ReadOnlyAdmin):
    list_display = ["informasi", "opd", "pasal17", "jangka_waktu", "ditetapkan_pada", "aktif"]
    list_filter = ["aktif"]
    search_fields = ["informasi", "konsekuensi"]


@admin.register(PenetapanDik)
class PenetapanDikAdmin(ReadOnlyAdmin):
    list_display = ["nomor", "tanggal", "penandatangan"]
