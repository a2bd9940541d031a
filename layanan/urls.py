"""The pages across the three processes (the home page, search, deadlines, the Laporan, the
hand-back export, long registers in the background). Their URL names stay un-namespaced: every
process page links them by these names."""

from django.urls import path

from layanan import views

urlpatterns = [
    path("", views.home, name="home"),
    path("cari/", views.cari, name="cari"),
    path("jatuh-tempo/", views.jatuh_tempo, name="jatuh_tempo"),
    path("laporan/", views.laporan, name="laporan"),
    path("ekspor-online/", views.ekspor_online, name="ekspor_online"),
    path("cetak-register/tawar/", views.cetak_register_tawar, name="cetak_register_tawar"),
    path("cetak-register/", views.cetak_register_mulai, name="cetak_register_mulai"),
    path("cetak-register/<uuid:pk>/", views.cetak_register, name="cetak_register"),
    # Issue 25: the berkas perkara for the Komisi Informasi, beside each case's own pages.
    path(
        "permohonan/<int:pk>/berkas-perkara/",
        views.berkas_perkara_permohonan,
        name="berkas_perkara_permohonan",
    ),
    path(
        "keberatan/<int:pk>/berkas-perkara/",
        views.berkas_perkara_keberatan,
        name="berkas_perkara_keberatan",
    ),
]
