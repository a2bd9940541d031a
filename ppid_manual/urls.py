from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from ppid_manual import healthz, views
from ppid_manual.forms import LoginForm
from ppid_manual.layanan import views as layanan

urlpatterns = [
    path("", layanan.home, name="home"),
    path("masuk/", auth_views.LoginView.as_view(authentication_form=LoginForm), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("cari/", layanan.cari, name="cari"),
    path("jatuh-tempo/", layanan.jatuh_tempo, name="jatuh_tempo"),
    path("kalender/", views.kalender, name="kalender"),
    path("kalender/hari-libur/", views.hari_libur, name="hari_libur"),
    path("laporan/", layanan.laporan, name="laporan"),
    path("ekspor-online/", layanan.ekspor_online, name="ekspor_online"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("formulir-kertas/", views.formulir_kertas, name="formulir_kertas"),
    path("healthz", healthz.healthz, name="healthz"),
    path("cetak-register/", layanan.cetak_register_mulai, name="cetak_register_mulai"),
    path("cetak-register/<uuid:pk>/", layanan.cetak_register, name="cetak_register"),
    path("permohonan/", include("registrasi.urls")),
    path("keberatan/", include("keberatan.urls")),
    path("dip/", include("dip.urls")),
    path("admin/", admin.site.urls),
]

# A database error raised anywhere (a middleware included) becomes the 503 page, not the 500.
handler500 = "ppid_manual.views.server_error"
