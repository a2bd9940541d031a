from django.urls import path

from dip import views

app_name = "dip"

urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("edisi/baru/", views.edisi_baru, name="edisi_baru"),
    path("edisi/<int:pk>/", views.edisi_detail, name="edisi"),
    path("edisi/<int:pk>/langkah/<slug:step>/", views.langkah, name="langkah"),
    path("edisi/<int:pk>/informasi/tambah/", views.informasi_tambah, name="informasi_tambah"),
    path("edisi/<int:pk>/impor/", views.impor, name="impor"),
    path("edisi/<int:pk>/templat.<str:fmt>", views.templat_impor, name="templat_impor"),
    path("edisi/<int:pk>/ekspor.<str:fmt>", views.ekspor, name="ekspor"),
    path("edisi/<int:pk>/cetak/rekap/", views.cetak_rekap, name="cetak_rekap"),
    path("edisi/<int:pk>/cetak/koreksi/", views.cetak_koreksi, name="cetak_koreksi"),
    path("edisi/<int:pk>/cetak/sk/", views.cetak_sk, name="cetak_sk"),
    path("edisi/<int:pk>/cetak/pengantar/", views.cetak_pengantar, name="cetak_pengantar"),
    path("edisi/<int:pk>/cetak/ralat/<int:ralat_pk>/", views.cetak_ralat, name="cetak_ralat"),
    path("edisi/<int:pk>/scan-sk/", views.scan_sk, name="scan_sk"),
    path("informasi/<int:pk>/ubah/", views.informasi_ubah, name="informasi_ubah"),
    path("informasi/<int:pk>/hapus/", views.informasi_hapus, name="informasi_hapus"),
    path("informasi/<int:pk>/koreksi/", views.informasi_koreksi, name="informasi_koreksi"),
    path("dik/", views.dik_daftar, name="dik_daftar"),
    path("dik/tambah/", views.dik_tambah, name="dik_tambah"),
    path("dik/cetak/", views.dik_cetak, name="dik_cetak"),
    path("dik/penetapan/", views.dik_penetapan, name="dik_penetapan"),
    path("dik/penetapan/<int:pk>/cetak/", views.dik_cetak_penetapan, name="dik_cetak_penetapan"),
    path("dik/<int:pk>/", views.dik_detail, name="dik_detail"),
    path("dik/<int:pk>/ubah/", views.dik_ubah, name="dik_ubah"),
    path("dik/<int:pk>/cetak/", views.dik_cetak_uji, name="dik_cetak_uji"),
    path("cari/", views.cari, name="cari"),
]
