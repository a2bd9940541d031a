from django.urls import path

from registrasi import views

app_name = "registrasi"

urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("baru/", views.baru, name="baru"),
    path("register/", views.register, name="register"),
    path("identitas-berbeda/", views.identitas_berbeda, name="identitas_berbeda"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/identitas/", views.identitas, name="identitas"),
    path("<int:pk>/langkah/<slug:step>/", views.langkah, name="langkah"),
    path("<int:pk>/cetak/<slug:dokumen>/", views.cetak, name="cetak"),
    path("<int:pk>/cetak/surat-permintaan/<int:surat_pk>/", views.cetak_surat, name="cetak_surat"),
    path("<int:pk>/cetak/ralat/<int:ralat_pk>/", views.cetak_ralat, name="cetak_ralat"),
    path(
        "<int:pk>/cetak/tanda-terima/<int:penyerahan_pk>/",
        views.cetak_tanda_terima,
        name="cetak_tanda_terima",
    ),
    path(
        "<int:pk>/cetak/kuitansi/<int:penyerahan_pk>/",
        views.cetak_kuitansi,
        name="cetak_kuitansi",
    ),
]
