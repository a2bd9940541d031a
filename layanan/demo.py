"""Demo data: the OPDs of Pemerintah Provinsi Bali (Perda 5/2021, Pergub 56/2021), officials,
holidays 2023–2027, and one user per role. Idempotent: running it again changes nothing."""

from __future__ import annotations

import datetime

from django.contrib.auth.models import Group
from django.core.management import call_command

from ppid_manual import lambang
from ppid_manual.models import (
    DasarHukum,
    FormatNomor,
    HariLibur,
    Pejabat,
    PolaNomorUnit,
    Unit,
    User,
)
from ppid_manual.roles import Role
from ppid_manual.workflow.hari_libur import add_hari_libur

DEMO_PASSWORD = "demo-ppid-2026"

UNITS = [
    # (kode, nama, singkatan)
    ("DISKOMINFOS", "Dinas Komunikasi, Informatika dan Statistik", "Diskominfos"),
    ("SETDA", "Sekretariat Daerah", "Setda"),
    ("SETWAN", "Sekretariat DPRD", "Setwan"),
    ("INSPEKTORAT", "Inspektorat", "Inspektorat"),
    ("DISDIKPORA", "Dinas Pendidikan, Kepemudaan dan Olahraga", "Disdikpora"),
    ("DISKES", "Dinas Kesehatan", "Diskes"),
    (
        "DPUPRKIM",
        "Dinas Pekerjaan Umum, Penataan Ruang, Perumahan dan Kawasan Permukiman",
        "DPUPRKIM",
    ),
    ("SATPOLPP", "Satuan Polisi Pamong Praja", "Satpol PP"),
    ("DINSOSP3A", "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak", "Dinsos P3A"),
    ("DISNAKERESDM", "Dinas Tenaga Kerja dan Energi Sumber Daya Mineral", "Disnaker ESDM"),
    ("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil"),
    ("DISPMA", "Dinas Pemajuan Masyarakat Adat", "Dinas PMA"),
    ("DISHUB", "Dinas Perhubungan", "Dishub"),
    ("DISKOPUKM", "Dinas Koperasi, Usaha Kecil dan Menengah", "Diskop UKM"),
    ("DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP"),
    ("DISBUD", "Dinas Kebudayaan", "Disbud"),
    ("DISARPUS", "Dinas Kearsipan dan Perpustakaan", "Disarpus"),
    ("DKP", "Dinas Kelautan dan Perikanan", "DKP"),
    ("DISPAR", "Dinas Pariwisata", "Dispar"),
    ("DISTANPANGAN", "Dinas Pertanian dan Ketahanan Pangan", "Distan Pangan"),
    ("DKLH", "Dinas Kehutanan dan Lingkungan Hidup", "DKLH"),
    ("DISPERINDAG", "Dinas Perindustrian dan Perdagangan", "Disperindag"),
    ("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", "Bappeda"),
    ("BPKAD", "Badan Pengelola Keuangan dan Aset Daerah", "BPKAD"),
    ("BAPENDA", "Badan Pendapatan Daerah", "Bapenda"),
    ("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM"),
    ("BRIDA", "Badan Riset dan Inovasi Daerah", "BRIDA"),
    ("BPBD", "Badan Penanggulangan Bencana Daerah", "BPBD"),
    ("KESBANGPOL", "Badan Kesatuan Bangsa dan Politik", "Kesbangpol"),
    ("RSBM", "Rumah Sakit Umum Daerah Bali Mandara", "RSUD Bali Mandara"),
    ("RSMATA", "Rumah Sakit Mata Bali Mandara", "RS Mata Bali Mandara"),
    ("RSJ", "Rumah Sakit Jiwa Provinsi Bali", "RSJ Prov. Bali"),
]

# The kop of the units that issue letters (Tata Naskah Dinas: the kop is the signer's unit).
# Demo lines: production enters each unit's own in /admin/. The PPID Utama's kop is PPID_KOP.
KOP = {
    "DISKOMINFOS": [
        "PEMERINTAH PROVINSI BALI",
        "DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK",
        "Jalan D.I. Panjaitan No. 7, Niti Mandala Renon, Denpasar 80235",
        "Telepon (0361) 229696 · Laman ppid.baliprov.go.id · Surat elektronik ppid@baliprov.go.id",
    ],
    "SETDA": [
        "PEMERINTAH PROVINSI BALI",
        "SEKRETARIAT DAERAH",
        "Jalan Basuki Rahmat, Niti Mandala Renon, Denpasar 80235",
        "Telepon (0361) 222412 · Laman setda.baliprov.go.id · "
        "Surat elektronik setda@baliprov.go.id",
    ],
    "DISKES": [
        "PEMERINTAH PROVINSI BALI",
        "DINAS KESEHATAN",
        "Jalan Melati No. 20, Denpasar 80233",
        "Telepon (0361) 222174 · Laman diskes.baliprov.go.id · "
        "Surat elektronik diskes@baliprov.go.id",
    ],
    "DISHUB": [
        "PEMERINTAH PROVINSI BALI",
        "DINAS PERHUBUNGAN",
        "Jalan Cok Agung Tresna, Niti Mandala Renon, Denpasar 80235",
        "Telepon (0361) 235066 · Laman dishub.baliprov.go.id · "
        "Surat elektronik dishub@baliprov.go.id",
    ],
}

# Each unit numbers its own letters (demo templates): the Sekda's tanggapan keberatan with the
# Sekretariat Daerah's code, an OPD's direct answer with its own.
POLA_UNIT = [
    # (jenis, unit, pola, kode klasifikasi)
    ("tanggapan", "SETDA", "{kode}/{urut:4}/Setda-PPID/{bulan}/{tahun}", "045.2"),
    ("pemberitahuan", "DISKES", "{kode}/{urut:4}/PB-PPID-{unit}/{bulan}/{tahun}", "480"),
    ("pemberitahuan", "DISHUB", "{kode}/{urut:4}/PB-PPID-{unit}/{bulan}/{tahun}", "480"),
    # A ralat carries the number series of the unit that signs it, like the letter it
    # corrects (issue 15): the Sekda's, or the OPD's for its own answer.
    ("ralat", "SETDA", "{kode}/{urut:4}/RALAT-Setda-PPID/{bulan}/{tahun}", "045.2"),
    ("ralat", "DISKES", "{kode}/{urut:4}/RALAT-PPID-{unit}/{bulan}/{tahun}", "480"),
    ("ralat", "DISHUB", "{kode}/{urut:4}/RALAT-PPID-{unit}/{bulan}/{tahun}", "480"),
]

# Bali's own days, by the decision behind them (demo rows; the real ones come from each
# year's Surat Edaran Gubernur): Galungan, Umanis Galungan, Kuningan, Saraswati and Pagerwesi
# are dispensation days (public services keep serving: recorded, the clocks run); a day the
# office is closed by a circular (its number and date) stops them. Both kinds, 2026 and 2027.
BALI_DISPENSASI = [
    (datetime.date(2026, 4, 4), "Hari Raya Saraswati"),
    (datetime.date(2026, 4, 8), "Hari Raya Pagerwesi"),
    (datetime.date(2026, 6, 17), "Hari Raya Galungan"),
    (datetime.date(2026, 6, 18), "Umanis Galungan"),
    (datetime.date(2026, 6, 27), "Hari Raya Kuningan"),
    (datetime.date(2027, 1, 13), "Hari Raya Galungan"),
    (datetime.date(2027, 1, 14), "Umanis Galungan"),
    (datetime.date(2027, 1, 23), "Hari Raya Kuningan"),
    (datetime.date(2027, 8, 11), "Hari Raya Galungan"),
    (datetime.date(2027, 8, 12), "Umanis Galungan"),
]
# (date, name, circular number, circular date): demo closures, marked as such.
BALI_PENUTUPAN = [
    (
        datetime.date(2026, 11, 4),
        "Kantor ditutup: upacara Hari Raya Pagerwesi (contoh data demo)",
        "000.8/0001/DEMO/2026",
        datetime.date(2026, 10, 20),
    ),
    (
        datetime.date(2027, 6, 2),
        "Kantor ditutup: upacara Hari Raya Pagerwesi (contoh data demo)",
        "000.8/0001/DEMO/2027",
        datetime.date(2027, 5, 17),
    ),
]
BALI_SOURCE = "Surat Edaran Gubernur Bali tentang Hari Suci dan Dispensasi {tahun} (data demo)"

USERS = [
    # (username, full name, role, unit code)
    ("petugas", "Ni Luh Putu Sari", Role.PETUGAS, "DISKOMINFOS"),
    ("ppid", "I Gede Pramana Putra", Role.PPID, "DISKOMINFOS"),
    ("pelaksana", "dr. Made Wirawan", Role.PELAKSANA, "DISKES"),
    ("pelaksana_dishub", "I Ketut Arsana", Role.PELAKSANA, "DISHUB"),
    ("atasan", "I Wayan Sekda Demo", Role.ATASAN, "SETDA"),
    ("admin", "Admin PPID", Role.ADMIN, "DISKOMINFOS"),
]
# The desk officer's NIP, printed under the name on the tanda terima and the kuitansi.
NIP_PETUGAS_DEMO = {"petugas": "19900505 201503 2 006"}

# The NIPs of the demo officials below (not the PPID, who is named in the SOP):
# `check --deploy` refuses a database that still lets one of them sign (layanan/checks.py).
NIP_DEMO = (
    "19700101 199503 1 001",
    "19720202 199803 1 003",
    "19750303 200003 2 004",
    "19760404 200112 1 005",
)

# The last of the SK DIP's Mengingat: the Governor's decision appointing the PPID. The
# province's own number and date are entered in the admin; `check --deploy` names this one.
KEPGUB_PPID_DEMO = (
    "Keputusan Gubernur Bali Nomor 000/0000/HK/2025 tentang Pejabat Pengelola Informasi dan "
    "Dokumentasi di Lingkungan Pemerintah Provinsi Bali (data demo)"
)

DEMO_TARIF = [
    ("Fotokopi A4/F4 hitam-putih", "penyalinan", 500, "lembar"),
    ("Cetak A4/F4 berwarna", "penyalinan", 1500, "lembar"),
    ("Cakram DVD-R", "media", 10000, "buah"),
]


def load(stdout=None) -> None:
    units = {}
    for kode, nama, singkatan in UNITS:
        jenis = Unit.Jenis.PPID_UTAMA if kode == "DISKOMINFOS" else Unit.Jenis.PPID_PELAKSANA
        units[kode], _ = Unit.objects.get_or_create(
            kode=kode,
            defaults={
                "nama": nama,
                "singkatan": singkatan,
                "jenis": jenis,
                "alamat": "Niti Mandala Renon, Denpasar",
                "kop": "\n".join(KOP.get(kode, [])),
                # The placeholder lambang (drawn "CONTOH"), for the units with a demo kop;
                # `check --deploy` names every unit that still prints it.
                "lambang": lambang.contoh() if kode in KOP else b"",
                "lambang_jenis": lambang.SVG if kode in KOP else "",
            },
        )
    for jenis, unit_kode, pola, kode in POLA_UNIT:
        fmt = FormatNomor.objects.filter(jenis=jenis).first()
        if fmt is not None:
            PolaNomorUnit.objects.get_or_create(
                format=fmt, unit=units[unit_kode], defaults={"pola": pola, "kode_klasifikasi": kode}
            )

    start = datetime.date(2023, 1, 1)
    Pejabat.objects.get_or_create(
        nip="19680531 199703 1 002",
        peran=Pejabat.Peran.PPID,
        defaults={
            "nama": "Gede Pramana, S.E., M.T.",
            "pangkat": "Pembina Utama Muda (IV/c)",
            "jabatan": "Kepala Dinas Komunikasi, Informatika dan Statistik Provinsi Bali",
            "selaku": "selaku PPID Pemerintah Provinsi Bali",
            "unit": units["DISKOMINFOS"],
            "berlaku_dari": start,
        },
    )
    Pejabat.objects.get_or_create(
        nip="19700101 199503 1 001",
        peran=Pejabat.Peran.ATASAN_PPID,
        defaults={
            "nama": "I Wayan Sekda Demo, S.H., M.Si.",
            "pangkat": "Pembina Utama Madya (IV/d)",
            "jabatan": "Sekretaris Daerah Provinsi Bali",
            "selaku": "selaku Atasan PPID",
            "unit": units["SETDA"],
            "berlaku_dari": start,
        },
    )
    Pejabat.objects.get_or_create(
        nip="19720202 199803 1 003",
        peran=Pejabat.Peran.KEPALA_OPD,
        defaults={
            "nama": "dr. Kepala Dinas Kesehatan Demo, M.Kes.",
            "pangkat": "Pembina Utama Muda (IV/c)",
            "jabatan": "Kepala Dinas Kesehatan Provinsi Bali",
            "unit": units["DISKES"],
            "berlaku_dari": start,
        },
    )
    # The PPID Pelaksana officials who sign their OPD's direct answers (demo names).
    for nip, nama, jabatan, unit_kode in (
        (
            "19750303 200003 2 004",
            "Ni Luh Putu Sekretaris Diskes Demo, S.K.M., M.Kes.",
            "Sekretaris Dinas Kesehatan Provinsi Bali",
            "DISKES",
        ),
        (
            "19760404 200112 1 005",
            "I Made Sekretaris Dishub Demo, S.T., M.T.",
            "Sekretaris Dinas Perhubungan Provinsi Bali",
            "DISHUB",
        ),
    ):
        Pejabat.objects.get_or_create(
            nip=nip,
            peran=Pejabat.Peran.PPID_PELAKSANA,
            defaults={
                "nama": nama,
                "pangkat": "Pembina (IV/a)",
                "jabatan": jabatan,
                "selaku": "selaku PPID Pelaksana",
                "unit": units[unit_kode],
                "berlaku_dari": start,
            },
        )

    DasarHukum.objects.get_or_create(
        keputusan=DasarHukum.Keputusan.SK_DIP,
        teks=KEPGUB_PPID_DEMO,
        defaults={"urutan": 80, "berlaku_dari": start},
    )

    call_command("sync_holidays", *[f"--year={y}" for y in range(2023, 2028)], stdout=stdout)
    bali = [
        HariLibur(
            tanggal=tanggal,
            nama=nama,
            jenis=HariLibur.Jenis.DISPENSASI_BALI,
            dasar_hukum=BALI_SOURCE.format(tahun=tanggal.year),
            libur=False,
            asal=HariLibur.Asal.ADMIN,
        )
        for tanggal, nama in BALI_DISPENSASI
    ] + [
        HariLibur(
            tanggal=tanggal,
            nama=nama,
            jenis=HariLibur.Jenis.PENUTUPAN,
            dasar_hukum=BALI_SOURCE.format(tahun=tanggal.year),
            nomor_surat=nomor,
            tanggal_surat=tanggal_surat,
            libur=True,
            asal=HariLibur.Asal.ADMIN,
        )
        for tanggal, nama, nomor, tanggal_surat in BALI_PENUTUPAN
    ]
    add_hari_libur(
        row
        for row in bali
        if not HariLibur.objects.filter(tanggal=row.tanggal, nama=row.nama).exists()
    )

    # Copy and media costs so that a handover can be charged in the demo (UU 14/2008 Pasal 21).
    # Demo figures: production enters the tariffs of the decree in force, in /admin/.
    from registrasi.models import Tarif

    for nama, jenis, harga, satuan in DEMO_TARIF:
        Tarif.objects.get_or_create(
            nama=nama,
            defaults={
                "jenis": jenis,
                "harga": harga,
                "satuan": satuan,
                "dasar_hukum": "Tarif demo: ganti dengan SK/Pergub tarif yang berlaku",
                "berlaku_dari": start,
            },
        )

    for username, full_name, role, unit_kode in USERS:
        first, _, last = full_name.rpartition(" ")
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first or last,
                "last_name": last if first else "",
                "unit": units[unit_kode],
                "nip": NIP_PETUGAS_DEMO.get(username, ""),
                "is_staff": role == Role.ADMIN,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            user.groups.add(Group.objects.get(name=role))
