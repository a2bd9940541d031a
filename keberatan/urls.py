from django.urls import path

from keberatan import views

app_name = "keberatan"

urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("baru/", views.baru, name="baru"),
    path("register/", views.register, name="register"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/langkah/<slug:step>/", views.langkah, name="langkah"),
    path("<int:pk>/cetak/formulir/", views.cetak_formulir, name="cetak_formulir"),
    path("<int:pk>/cetak/disposisi/", views.cetak_disposisi, name="cetak_disposisi"),
    path("<int:pk>/cetak/tanggapan/", views.cetak_tanggapan, name="cetak_tanggapan"),
    path("<int:pk>/cetak/ralat/<int:ralat_pk>/", views.cetak_ralat, name="cetak_ralat"),
    path("<int:pk>/berkas/<slug:jenis>/", views.berkas, name="berkas"),
]
