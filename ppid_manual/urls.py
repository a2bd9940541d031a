from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from ppid_manual import healthz, views
from ppid_manual.forms import LoginForm

# The root URLconf is the project's wiring: it names the apps' URLconfs by string, so that the
# kernel imports no app (tests/test_lapisan.py).
urlpatterns = [
    path("", include("layanan.urls")),
    path("masuk/", auth_views.LoginView.as_view(authentication_form=LoginForm), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("kalender/", views.kalender, name="kalender"),
    path("kalender/hari-libur/", views.hari_libur, name="hari_libur"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("formulir-kertas/", views.formulir_kertas, name="formulir_kertas"),
    path("healthz", healthz.healthz, name="healthz"),
    path("permohonan/", include("registrasi.urls")),
    path("keberatan/", include("keberatan.urls")),
    path("dip/", include("dip.urls")),
    path("admin/", admin.site.urls),
]

# A database error raised anywhere (a middleware included) becomes the 503 page, not the 500.
handler500 = "ppid_manual.views.server_error"
