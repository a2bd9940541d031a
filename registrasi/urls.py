from django.urls import path

from registrasi import views

app_name = "registrasi"

urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("baru/", views.baru, name="baru"),
    path("register/", views.register, name="register"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/identitas/", views.identitas, name="identitas"),
    path("<int:pk>/surat-permintaan/", views.minta_opd, name="minta_opd"),
    path("<int:pk>/jawaban-opd/", views.jawab_opd, name="jawab_opd"),
    path("<int:pk>/teruskan-ppid/", views.teruskan, name="teruskan"),
    path("<int:pk>/jawab-langsung/", views.jawab_langsung, name="jawab_langsung"),
    path("<int:pk>/putusan/<str:keputusan>/", views.putuskan, name="putuskan"),
    path("<int:pk>/perpanjangan/", views.perpanjang, name="perpanjang"),
    path("<int:pk>/penyerahan/", views.serahkan, name="serahkan"),
    path("<int:pk>/penarikan/", views.tarik, name="tarik"),
    path("<int:pk>/buka-kembali/", views.buka_kembali, name="buka_kembali"),
    path("<int:pk>/cetak/<slug:dokumen>/", views.cetak, name="cetak"),
    path("<int:pk>/cetak/surat-permintaan/<int:surat_pk>/", views.cetak_surat, name="cetak_surat"),
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
