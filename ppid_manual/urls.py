from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from ppid_manual import views
from ppid_manual.forms import LoginForm

urlpatterns = [
    path("", views.home, name="home"),
    path("masuk/", auth_views.LoginView.as_view(authentication_form=LoginForm), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("cari/", views.cari, name="cari"),
    path("jatuh-tempo/", views.jatuh_tempo, name="jatuh_tempo"),
    path("kalender/", views.kalender, name="kalender"),
    path("kalender/hari-libur/", views.hari_libur, name="hari_libur"),
    path("laporan/", views.laporan, name="laporan"),
    path("ekspor-online/", views.ekspor_online, name="ekspor_online"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("healthz", views.healthz, name="healthz"),
    path("permohonan/", include("registrasi.urls")),
    path("keberatan/", include("keberatan.urls")),
    path("dip/", include("dip.urls")),
    path("admin/", admin.site.urls),
]
