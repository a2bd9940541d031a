"""Synthetic, consistent PPID data at scale: `python -m tests.bench.generate N` fills the
(migrated, empty) database that DATABASE_URL names with N permohonan over ten years.

What "realistic" means here:
- requests on working days of the last ten years, more each year and by season, at the PPID
  Utama desk and every OPD's desk, from returning pemohon (found by NIK or akta) and new ones;
- each request lived through the real step order (registrasi/alur.py) up to today: letters to
  an OPD and its answer, a re-routing now and then, one extension (Pasal 22(8)), the notice on
  time or late, every outcome, the handover with its fee, a withdrawal; the recent ones are
  still running (some overdue);
- keberatan on a share of the decided requests (more on refusals and late notices) and a few
  without a request (reason b), through every step: disposisi, drafts sent back, the answer,
  acceptance or a sengketa; a granted keberatan reopens its request for the handover;
- every deadline counted by the calendar engine (`calendar.add_working_days`, pure, over the
  holiday table that `sync_holidays` filled for those years); `hk_pemberitahuan` stored;
- every number in the app's format (the FormatNomor templates), issued in date order per year,
  recorded in NomorTerbit, and the year's counters set after them;
- an event row per step for the requests of the last two years (the app went live then; older
  rows came from the paper register without a history).

Rows are written with bulk_create in batches; a 100,000-request database takes a few minutes.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import io
import random
import sys
import time
import uuid
from decimal import Decimal
from zoneinfo import ZoneInfo

from tests.bench.common import emit, setup_django

GENERATOR_VERSION = "6"
BATCH = 2000
WITA = ZoneInfo("Asia/Makassar")

GIVEN = (
    "Suartini Suarjana Sudiarta Wirawan Arsana Mahendra Pramana Astawa Widiastuti Sukerti "
    "Purnama Yasa Adnyana Darmawan Setiawan Budiarta Sudarsana Artawan Merta Suparta Wiguna "
    "Antara Parwati Sulastri Kusuma Ariani Lestari Dewi Sari Wulandari Pertiwi Suryani Murni "
    "Rai Sukadana Mardika Ardana Gunawan Sanjaya Wijaya Saputra Putra Ananta Dharma Santika "
    "Wiratama Surya Candra Wirya Kertiyasa Sumerta Puspita Ratnadi Juliantari Apriliani "
    "Sugiarta Widana Sedana Suweta Rudita Subagia Mustika Jayanti Rahayu Anggreni Mertayasa "
    "Sujana Semara Wardana Sutama Suadnyana Sukarta Gita Indrawati Kartika Permana Diana "
    "Sudana Wisnawa Yudiana Adi Bagus Ari Eka Dwi Tri Agus Hendra Yoga Krisna Bayu Dimas "
    "Rina Ayu Nanda Citra Wahyuni Handayani Astuti Fitriani Sutrisno Hidayat Nugroho Rahman"
).split()
NAMA_DEPAN = ("I Wayan", "I Made", "I Nyoman", "I Ketut", "I Putu", "I Gede", "I Kadek")
NAMA_DEPAN_P = ("Ni Wayan", "Ni Made", "Ni Nyoman", "Ni Ketut", "Ni Putu", "Ni Luh", "Ni Kadek")
BADAN = (
    "Yayasan {} Lestari",
    "Lembaga Bantuan Hukum {}",
    "PT {} Bali Mandiri",
    "CV {} Jaya",
    "Perkumpulan Jurnalis {}",
    "Koperasi {} Sejahtera",
)
KELOMPOK = ("Kelompok Tani {}", "Sekaa Teruna {}", "Forum Warga Banjar {}", "Subak {}")
KABUPATEN = (
    ("5171", "Denpasar"),
    ("5103", "Badung"),
    ("5104", "Gianyar"),
    ("5102", "Tabanan"),
    ("5108", "Buleleng"),
    ("5105", "Klungkung"),
    ("5106", "Bangli"),
    ("5107", "Karangasem"),
    ("5101", "Jembrana"),
)
PEKERJAAN = (
    "Wartawan",
    "Mahasiswa",
    "Dosen",
    "Peneliti",
    "Wiraswasta",
    "Petani",
    "Pegawai swasta",
    "Advokat",
    "Guru",
    "Aktivis LSM",
    "Ibu rumah tangga",
)
TOPIK = (
    "Data cakupan imunisasi dasar lengkap per kabupaten",
    "Anggaran dan realisasi belanja hibah",
    "Dokumen AMDAL rencana pembangunan jalan",
    "Daftar penerima bantuan sosial",
    "Laporan keuangan tahunan yang telah diaudit",
    "Rencana kerja dan anggaran dinas",
    "Data jumlah kunjungan wisatawan mancanegara per bulan",
    "Izin usaha dan lokasi pembangunan hotel",
    "Data kualitas air sungai dan pantai",
    "Jadwal dan rute angkutan umum Trans Metro Dewata",
    "Kontrak pengadaan barang dan jasa",
    "Data alih fungsi lahan sawah",
    "Hasil seleksi penerimaan pegawai",
    "Data kasus demam berdarah per kecamatan",
    "Rekapitulasi pengaduan masyarakat",
)
TUJUAN = (
    "Bahan liputan",
    "Penelitian skripsi",
    "Kajian kebijakan publik",
    "Advokasi masyarakat",
    "Kepentingan usaha",
    "Bahan tesis",
    "Pengawasan anggaran",
)


class Sim:
    """The whole generated data set, built in memory, then written in batches."""

    def __init__(self, n: int, seed: int) -> None:
        from django.utils import timezone

        from ppid_manual.workflow import calendar

        self.n = n
        self.rng = random.Random(seed)
        self.today = timezone.localdate()
        self.first_year = self.today.year - 9
        self.events_from = datetime.date(self.today.year - 1, 1, 1)
        self.days_off = calendar.days_off_between(
            datetime.date(self.first_year - 1, 1, 1), datetime.date(self.today.year + 1, 12, 31)
        )
        days_off = self.days_off
        add = calendar.add_working_days
        # Pure and repeated with the same arguments: one computation per (start, n).
        self.wd = functools.lru_cache(maxsize=None)(lambda start, k: add(start, k, days_off))
        self.wd_between = functools.lru_cache(maxsize=None)(
            lambda a, b: calendar.working_days_between(a, b, days_off)
        )
        self.numbers: list[tuple] = []  # (jenis, date, seq, obj, attr)
        self.seq = 0
        self.pemohon: list = []
        self.permohonan: list = []
        self.surat: list = []
        self.penyerahan: list = []
        self.keberatan: list = []
        self.niks: set[str] = set()
        self.aktas: set[str] = set()

    # --- helpers --------------------------------------------------------------------------

    def number(self, jenis: str, day: datetime.date, obj, attr: str) -> None:
        self.seq += 1
        self.numbers.append((jenis, day, self.seq, obj, attr))

    def moment(self, day: datetime.date, k: int = 0) -> datetime.datetime:
        minutes = 8 * 60 + min(k, 20) * 20 + self.rng.randint(0, 15)
        return datetime.datetime.combine(day, datetime.time(0), WITA) + datetime.timedelta(
            minutes=minutes
        )

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def nik(self, female: bool) -> str:
        rng = self.rng
        while True:
            kab = rng.choice(KABUPATEN)[0]
            born = datetime.date(1950, 1, 1) + datetime.timedelta(days=rng.randint(0, 19000))
            day = born.day + (40 if female else 0)
            value = f"{kab}{rng.randint(1, 9):02d}{day:02d}{born:%m%y}{rng.randint(1, 9999):04d}"
            if value not in self.niks:
                self.niks.add(value)
                return value

    # --- the setting: units, officials, holidays, users, tariffs ---------------------------

    def setting(self) -> None:
        from django.contrib.auth.models import Group

        from ppid_manual.models import Pejabat, Unit, User
        from ppid_manual.roles import Role
        from registrasi.models import Tarif

        self.units = {u.kode: u for u in Unit.objects.all()}
        self.utama = Unit.utama()
        self.opd = [u for u in self.units.values() if u.pk != self.utama.pk]
        old = datetime.date(self.first_year - 1, 1, 1)
        new = datetime.date(2023, 1, 1)
        Pejabat.objects.get_or_create(
            nip="19620315 198803 1 004",
            peran=Pejabat.Peran.PPID,
            defaults={
                "nama": "Drs. I Nyoman Sujaya, M.Si.",
                "pangkat": "Pembina Utama Muda (IV/c)",
                "jabatan": "Kepala Dinas Kominfos Provinsi Bali selaku PPID",
                "unit": self.utama,
                "berlaku_dari": old,
                "berlaku_sampai": new - datetime.timedelta(days=1),
            },
        )
        Pejabat.objects.get_or_create(
            nip="19600101 198503 1 009",
            peran=Pejabat.Peran.ATASAN_PPID,
            defaults={
                "nama": "Drs. Dewa Made Indra, M.Si.",
                "jabatan": "Sekretaris Daerah Provinsi Bali selaku Atasan PPID",
                "unit": self.units["SETDA"],
                "berlaku_dari": old,
                "berlaku_sampai": new - datetime.timedelta(days=1),
            },
        )
        atasan = list(Pejabat.objects.filter(peran=Pejabat.Peran.ATASAN_PPID))
        self.atasan_on = functools.lru_cache(maxsize=None)(
            lambda day: next(
                a
                for a in atasan
                if a.berlaku_dari <= day and (a.berlaku_sampai is None or day <= a.berlaku_sampai)
            )
        )
        self.tarif_lama = Tarif.objects.create(
            nama="Fotokopi A4 hitam putih",
            jenis=Tarif.Jenis.PENYALINAN,
            harga=Decimal("300"),
            satuan="lembar",
            dasar_hukum="Keputusan Gubernur Bali tentang Standar Biaya (data bench)",
            berlaku_dari=old,
            berlaku_sampai=datetime.date(2021, 6, 30),
            aktif=True,
        )
        self.tarif_baru = Tarif.objects.create(
            nama="Fotokopi A4 hitam putih",
            jenis=Tarif.Jenis.PENYALINAN,
            harga=Decimal("500"),
            satuan="lembar",
            dasar_hukum="Peraturan Gubernur Bali Nomor 37 Tahun 2021 tentang Satuan Biaya",
            berlaku_dari=datetime.date(2021, 7, 1),
        )
        # Desk users: 16 petugas at the PPID Utama desk (the registration benchmark's clients)
        # and one PPID Pelaksana per OPD, all with the demo password (hashed once).
        template = User.objects.get(username="petugas")
        groups = {g.name: g for g in Group.objects.all()}
        made = []
        for i in range(1, 17):
            made.append((f"meja{i:02d}", Role.PETUGAS, self.utama))
        for unit in self.opd:
            made.append((f"pl_{unit.kode.lower()}", Role.PELAKSANA, unit))
        for username, role, unit in made:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={"password": template.password, "unit": unit, "first_name": username},
            )
            if created:
                user.groups.add(groups[role])
        users = {u.username: u for u in User.objects.all()}
        self.petugas = [users["petugas"]] + [users[f"meja{i:02d}"] for i in range(1, 17)]
        self.ppid = users["ppid"]
        self.atasan = users["atasan"]
        self.pelaksana = {u.unit_id: u for u in users.values() if u.username.startswith("pl_")}

    # --- dates ---------------------------------------------------------------------------

    def registration_days(self) -> list[datetime.date]:
        """N working days, more each year (x5.5 over ten years) and by season."""
        season = (0.8, 0.9, 1.0, 1.1, 1.0, 0.9, 1.0, 1.2, 1.1, 1.2, 1.0, 0.7)
        days, weights = [], []
        day = datetime.date(self.first_year, 1, 1)
        while day < self.today:
            if day.weekday() < 5 and day not in self.days_off:
                days.append(day)
                weights.append((0.6 + 0.3 * (day.year - self.first_year)) * season[day.month - 1])
            day += datetime.timedelta(days=1)
        return sorted(self.rng.choices(days, weights=weights, k=self.n))

    # --- pemohon ---------------------------------------------------------------------------

    def pemohon_for(self, first_day: datetime.date):
        from pemohon.models import Pemohon

        rng = self.rng
        if self.pemohon and rng.random() < 0.22:
            return rng.choice(self.pemohon)  # a returning pemohon, found by NIK or akta
        r = rng.random()
        kab, kota = rng.choice(KABUPATEN)
        common = {
            "alamat": f"Jl. {rng.choice(GIVEN)} No. {rng.randint(1, 200)}, {kota}, Bali",
            "pekerjaan": rng.choice(PEKERJAAN),
            "telepon": f"08{rng.randint(11, 99)}{rng.randint(10_000_000, 99_999_999)}",
            "email": f"pemohon{len(self.pemohon)}@contoh.id" if rng.random() < 0.5 else "",
        }
        if r < 0.82:
            female = rng.random() < 0.45
            depan = rng.choice(NAMA_DEPAN_P if female else NAMA_DEPAN)
            nama = f"{depan} {rng.choice(GIVEN)}"
            if rng.random() < 0.5:
                nama += f" {rng.choice(GIVEN)}"
            p = Pemohon(jenis=Pemohon.Jenis.PERORANGAN, nama=nama, nik=self.nik(female), **common)
        elif r < 0.92:
            while True:
                akta = f"AHU-{rng.randint(1000, 99999):05d}.AH.01.{rng.randint(1, 12):02d}"
                if akta not in self.aktas:
                    self.aktas.add(akta)
                    break
            common["pekerjaan"] = ""
            p = Pemohon(
                jenis=Pemohon.Jenis.BADAN_HUKUM,
                nama=rng.choice(BADAN).format(rng.choice(GIVEN)),
                nomor_akta=akta,
                **common,
            )
        else:
            p = Pemohon(
                jenis=Pemohon.Jenis.KELOMPOK,
                nama=rng.choice(KELOMPOK).format(rng.choice(GIVEN)),
                nik=self.nik(rng.random() < 0.5),
                **common,
            )
        p.dibuat = p.diubah = self.moment(first_day)
        self.pemohon.append(p)
        return p

    # --- one request's life -------------------------------------------------------------

    def request(self, day: datetime.date) -> None:
        from registrasi.models import Permohonan

        rng = self.rng
        S = Permohonan.Status
        pemohon = self.pemohon_for(day)
        utama_desk = rng.random() < 0.7
        unit_reg = self.utama if utama_desk else rng.choice(self.opd)
        desk_user = rng.choice(self.petugas) if utama_desk else self.pelaksana[unit_reg.pk]
        cara = rng.choices(list(Permohonan.CaraMemperoleh.values), weights=(15, 40, 45), k=1)[0]
        salinan = ""
        if cara == Permohonan.CaraMemperoleh.HARDCOPY:
            salinan = rng.choice(("mengambil", "mengambil", "kurir", "pos"))
        elif cara == Permohonan.CaraMemperoleh.SOFTCOPY:
            salinan = rng.choice(("email", "email", "mengambil", "faksimili"))
        topik = rng.choice(TOPIK)
        p = Permohonan(
            pemohon=pemohon,
            unit_registrasi=unit_reg,
            didaftarkan_oleh=desk_user,
            cara_pengajuan=rng.choices(list(Permohonan.CaraPengajuan.values), (70, 15, 13, 2))[0],
            rincian_informasi=f"{topik} tahun {day.year - rng.randint(0, 2)}",
            tujuan_penggunaan=rng.choice(TUJUAN),
            cara_memperoleh=cara,
            cara_salinan=salinan,
            formulir_lengkap=True,
            identitas_diterima=True,
            pasal17=[],
        )
        p.dibuat = self.moment(day)
        p._pemohon = pemohon
        p._timeline = []
        p._surat = []
        p._penyerahan = []
        with_history = day >= self.events_from
        if with_history:
            p.kunci_idempotensi = self.uuid()
        self.permohonan.append(p)

        if rng.random() < 0.04:
            # SOP step 2: an incomplete file handed back (no number, no clock).
            p.status = S.DIKEMBALIKAN
            p.identitas_diterima = False
            p.catatan_kekurangan = "Fotokopi KTP belum dilampirkan."
            p._timeline.append((day, "kembalikan", S.BARU, S.DIKEMBALIKAN, desk_user, {}))
            return

        # SOP step 2: registered, day 0 of the 10 hk (UU 14/2008 Pasal 22(7)).
        p.status = S.TERDAFTAR
        p.tanggal_daftar = day
        p.tenggat_awal = p.tenggat = self.wd(day, 10)
        self.number("permohonan", day, p, "nomor_pendaftaran")
        p._timeline.append((day, "daftar", S.BARU, S.TERDAFTAR, desk_user, {}))

        K = Permohonan.Keputusan
        outcome = rng.choices(list(K.values), weights=(55, 12, 8, 15, 7))[0]
        late = rng.random() < 0.03
        extend = not late and rng.random() < 0.08
        if extend:
            ext_lag, notice_lag = rng.randint(6, 10), rng.randint(11, 17)
        elif late:
            ext_lag, notice_lag = None, rng.randint(11, 16)
        else:
            ext_lag, notice_lag = None, rng.choice((2, 3, 4, 5, 5, 6, 6, 7, 7, 7, 8, 8, 9, 10))
        if utama_desk:
            mode = "surat" if rng.random() < 0.85 else "ppid"
        elif outcome == K.DIBERIKAN_SELURUHNYA and rng.random() < 0.6:
            mode = "langsung"
        else:
            mode = "teruskan"
        withdraw_lag = rng.randint(1, notice_lag - 1) if rng.random() < 0.03 else None

        milestones: list[tuple] = []  # (date, order, handler)

        def at(lag: int, order: int, fn) -> None:
            milestones.append((self.wd(day, lag) if lag else day, order, fn))

        opd = rng.choice(self.opd) if mode != "langsung" else None
        # The letter goes out before the notice is due, and the OPD answers before it.
        surat_lag = rng.randint(0, min(2, notice_lag - 1))
        if mode == "teruskan":
            at(max(surat_lag - 1, 0), 1, lambda d: self.teruskan(p, d))
        if mode in ("surat", "teruskan"):
            at(surat_lag, 2, lambda d: self.surat_baru(p, d, opd, "minta_opd"))
            answer_lag = rng.randint(min(surat_lag + 1, notice_lag), notice_lag)
            if rng.random() < 0.03 and answer_lag - surat_lag >= 2:
                other = rng.choice([u for u in self.opd if u.pk != opd.pk])
                at(answer_lag - 1, 3, lambda d: self.surat_baru(p, d, other, "alihkan_opd"))
            at(answer_lag, 4, lambda d: self.jawab(p, d, outcome))
        if ext_lag is not None:
            at(ext_lag, 5, lambda d: self.perpanjang(p, d))
        if withdraw_lag is not None:
            at(withdraw_lag, 6, lambda d: self.tarik(p, d, desk_user))
        at(notice_lag, 7, lambda d: self.putus(p, d, outcome, mode))
        for when, _order, fn in sorted(milestones, key=lambda m: (m[0], m[1])):
            if when > self.today or p.status in (S.DITARIK,):
                break
            fn(when)
        if p.tanggal_pemberitahuan is None:
            return
        notice = p.tanggal_pemberitahuan
        if p.status == S.MENUNGGU_PENYERAHAN:
            r = rng.random()
            if r < 0.95:
                self.later(notice, rng.randint(1, 8), lambda d: self.serahkan(p, d, desk_user))
            elif r < 0.995:
                # Never collected: the desk records the withdrawal after a few weeks.
                self.later(notice, rng.randint(15, 60), lambda d: self.tarik(p, d, desk_user))
        chance = {
            K.DITOLAK: 0.30,
            K.DIBERIKAN_SEBAGIAN: 0.15,
            K.TIDAK_DIKUASAI: 0.04,
            K.BELUM_DIDOKUMENTASIKAN: 0.08,
            K.DIBERIKAN_SELURUHNYA: 0.01,
        }[outcome]
        if notice > p.tenggat_awal and not p.diperpanjang:
            chance = max(chance, 0.25)
        if p.status != S.DITARIK and rng.random() < chance:
            self.keberatan_atas(p, outcome)

    def later(self, start: datetime.date, lag: int, fn) -> None:
        when = self.wd(start, lag)
        if when <= self.today:
            fn(when)

    def event(self, obj, day, step, frm, to, actor, data=None) -> None:
        obj._timeline.append((day, step, frm, to, actor, data or {}))

    def teruskan(self, p, day) -> None:
        p.diteruskan_ke_ppid = True
        actor = self.pelaksana[p.unit_registrasi_id]
        self.event(p, day, "teruskan_ppid", p.status, p.status, actor)

    def surat_baru(self, p, day, unit, step) -> None:
        from registrasi.models import Permohonan, SuratPermintaan

        if p.status not in p.CLOCK_RUNNING:
            return
        for old in p._surat:
            old.dialihkan = True
        s = SuratPermintaan(
            permohonan=p,
            unit=unit,
            tanggal=day,
            tenggat_jawaban=min(self.wd(day, 5), p.tenggat),
            catatan="Mohon informasi disiapkan sesuai permohonan.",
        )
        s.dibuat = self.moment(day, 1)
        self.number("permintaan", day, s, "nomor")
        p._surat.append(s)
        self.surat.append(s)
        p.unit_tujuan = unit
        frm = p.status
        p.status = Permohonan.Status.DIMINTAKAN_KE_OPD
        self.event(p, day, step, frm, p.status, self.ppid, {"opd": unit.kode})

    def jawab(self, p, day, outcome) -> None:
        from registrasi.models import Permohonan, SuratPermintaan

        J, K = SuratPermintaan.Jawaban, Permohonan.Keputusan
        if p.status != Permohonan.Status.DIMINTAKAN_KE_OPD:
            return
        s = p._surat[-1]
        s.jawaban = {
            K.DIBERIKAN_SELURUHNYA: J.TERSEDIA,
            K.DIBERIKAN_SEBAGIAN: J.SEBAGIAN,
            K.DITOLAK: J.DIKECUALIKAN,
            K.TIDAK_DIKUASAI: J.TIDAK_DIKUASAI,
            K.BELUM_DIDOKUMENTASIKAN: J.BELUM_DIDOKUMENTASIKAN,
        }[outcome]
        s.klasifikasi = (
            Permohonan.Klasifikasi.DIKECUALIKAN
            if outcome == K.DITOLAK
            else Permohonan.Klasifikasi.TERBUKA
            if outcome in (K.DIBERIKAN_SELURUHNYA, K.DIBERIKAN_SEBAGIAN)
            else ""
        )
        s.tanggal_jawaban = day
        s.nomor_surat_jawaban = f"{self.rng.randint(1, 999):03d}/{s.unit.kode}/{day.year}"
        s.isi_jawaban = "Informasi yang diminta disampaikan terlampir."
        frm = p.status
        p.status = Permohonan.Status.SIAP_DIPUTUS
        actor = self.pelaksana.get(s.unit_id, self.ppid)
        self.event(p, day, "jawab_opd", frm, p.status, actor, {"jawaban": s.jawaban})

    def perpanjang(self, p, day) -> None:
        if p.status not in p.CLOCK_RUNNING:
            return
        p.diperpanjang = True
        p.tanggal_perpanjangan = day
        p.alasan_perpanjangan = "Informasi masih dihimpun dari beberapa bidang di OPD."
        old = p.tenggat
        p.tenggat = self.wd(p.tenggat_awal, 7)  # Pasal 22(8): 7 hk after the original one
        self.number("perpanjangan", day, p, "nomor_perpanjangan")
        self.event(
            p,
            day,
            "perpanjang",
            p.status,
            p.status,
            self.ppid,
            {"tenggat_lama": old.isoformat(), "tenggat_baru": p.tenggat.isoformat()},
        )

    def tarik(self, p, day, actor) -> None:
        from registrasi.models import Permohonan

        if p.status not in (*p.CLOCK_RUNNING, Permohonan.Status.MENUNGGU_PENYERAHAN):
            return
        frm = p.status
        p.status = Permohonan.Status.DITARIK
        p.tanggal_ditutup = day
        self.event(p, day, "tarik", frm, p.status, actor)

    def putus(self, p, day, outcome, mode) -> None:
        from registrasi.alur import LANGKAH_KEPUTUSAN
        from registrasi.models import Permohonan

        K, S = Permohonan.Keputusan, Permohonan.Status
        if p.status not in p.CLOCK_RUNNING:
            return
        rng = self.rng
        p.keputusan = outcome
        p.tanggal_pemberitahuan = day
        p.hk_pemberitahuan = self.wd_between(p.tanggal_daftar, day)
        self.number("pemberitahuan", day, p, "nomor_pemberitahuan")
        given = outcome in (K.DIBERIKAN_SELURUHNYA, K.DIBERIKAN_SEBAGIAN)
        p.uraian_informasi = "Informasi disampaikan sesuai permohonan."
        if outcome == K.DITOLAK:
            p.klasifikasi = Permohonan.Klasifikasi.DIKECUALIKAN
            p.pasal17 = sorted(set(rng.choices("abhij", k=rng.randint(1, 2))))
            if rng.random() < 0.2:
                p.undang_undang_lain = "UU 27/2022 tentang Pelindungan Data Pribadi"
            p.konsekuensi = "Membuka informasi ini dapat merugikan kepentingan yang dilindungi."
            self.number("penolakan", day, p, "nomor_sk_penolakan")
        elif given:
            p.klasifikasi = Permohonan.Klasifikasi.TERBUKA
            if outcome == K.DIBERIKAN_SEBAGIAN:
                p.pasal17 = ["h"]
                p.bagian_dihitamkan = "Nama dan NIK penerima."
            if p.cara_memperoleh == Permohonan.CaraMemperoleh.HARDCOPY:
                p.perkiraan_halaman = rng.randint(1, 120)
                p.perkiraan_tarif = self.tarif_on(day)
            p.waktu_penyediaan = "3 hari kerja"
        elif outcome == K.TIDAK_DIKUASAI:
            p.penguasa_informasi = "Badan Pusat Statistik Provinsi Bali"
        if not given:
            p.tanggal_ditutup = day
        step = "jawab_langsung" if mode == "langsung" else LANGKAH_KEPUTUSAN[K(outcome)]
        actor = self.pelaksana[p.unit_registrasi_id] if mode == "langsung" else self.ppid
        frm = p.status
        p.status = S.MENUNGGU_PENYERAHAN if given else S.SELESAI
        self.event(p, day, step, frm, p.status, actor, {"keputusan": outcome})

    def tarif_on(self, day):
        return self.tarif_baru if day >= self.tarif_baru.berlaku_dari else self.tarif_lama

    def serahkan(self, p, day, actor) -> None:
        from registrasi.models import Penyerahan, Permohonan

        S = Permohonan.Status
        if p.status not in (S.MENUNGGU_PENYERAHAN, S.DIBUKA_KEMBALI):
            return
        tarif = self.tarif_on(day) if p.cara_memperoleh == "hardcopy" else None
        pages = p.perkiraan_halaman or (self.rng.randint(1, 60) if tarif else 0)
        harga = tarif.harga if tarif else Decimal("0")
        kirim = (
            Decimal(self.rng.choice((10000, 15000, 25000)))
            if p.cara_salinan
            in (
                "kurir",
                "pos",
            )
            else Decimal("0")
        )
        t = Penyerahan(
            permohonan=p,
            tanggal=day,
            nama_penerima=p._pemohon.nama,
            cara=p.cara_salinan or "mengambil",
            jumlah_halaman=pages,
            tarif=tarif,
            harga_satuan=harga,
            biaya_salinan=harga * pages,
            biaya_pengiriman=kirim,
            total=harga * pages + kirim,
        )
        t.dibuat = self.moment(day, 2)
        self.number("penyerahan", day, t, "nomor")
        p._penyerahan.append(t)
        self.penyerahan.append(t)
        frm = p.status
        p.status = S.SELESAI
        p.tanggal_ditutup = day
        self.event(p, day, "serahkan", frm, p.status, actor, {"total": str(t.total)})

    # --- keberatan ---------------------------------------------------------------------------

    def keberatan_atas(self, p, outcome) -> None:
        from registrasi.models import Permohonan

        K = Permohonan.Keputusan
        rng = self.rng
        alasan = {
            K.DITOLAK: ["a"] if rng.random() < 0.8 else ["a", "e"],
            K.DIBERIKAN_SEBAGIAN: ["a", "d"] if rng.random() < 0.5 else ["d"],
            K.TIDAK_DIKUASAI: ["e"],
            K.BELUM_DIDOKUMENTASIKAN: ["e"],
            K.DIBERIKAN_SELURUHNYA: ["f"] if rng.random() < 0.5 else ["d"],
        }[outcome]
        if p.tanggal_pemberitahuan > p.tenggat:
            alasan = sorted(set(alasan) | {"g"})
        self.keberatan_baru(p._pemohon, p.tanggal_pemberitahuan, alasan, permohonan=p)

    def keberatan_tanpa_permohonan(self) -> None:
        rng = self.rng
        dasar = self.wd(datetime.date(self.first_year, 1, 2), rng.randint(0, 2450))
        if dasar >= self.today:
            return
        pemohon = self.pemohon_for(dasar)
        self.keberatan_baru(pemohon, dasar, ["b"], permohonan=None)

    def keberatan_baru(self, pemohon, dasar, alasan, *, permohonan) -> None:
        from keberatan.models import Keberatan

        rng = self.rng
        S, KP = Keberatan.Status, Keberatan.Keputusan
        f = rng.randint(31, 40) if rng.random() < 0.05 else rng.randint(2, 25)
        diterima = self.wd(dasar, f)
        if diterima > self.today:
            return
        desk = rng.choice(self.petugas)
        k = Keberatan(
            permohonan=permohonan,
            pemohon=pemohon,
            unit_registrasi=self.utama,
            didaftarkan_oleh=desk,
            informasi_diminta=(
                permohonan.rincian_informasi
                if permohonan is not None
                else "Laporan keuangan tahunan (informasi berkala)"
            ),
            tujuan_penggunaan=rng.choice(TUJUAN),
            alasan=alasan,
            kasus_posisi="Pemohon keberatan atas tanggapan atas permohonannya.",
            identitas_diterima=True,
            tanggal_diterima=diterima,
            mulai_tanggapan=diterima,  # Pasal 36(2): received in writing, complete
            tanggal_dasar=dasar,
            dasar_keterangan="Tanggal pemberitahuan tertulis" if permohonan else "Diisi petugas",
            tenggat_pengajuan=self.wd(dasar, 30),  # Pasal 36(1)
        )
        k.terlambat = diterima > k.tenggat_pengajuan
        if k.terlambat:
            k.penilaian_pengajuan = Keberatan.Pengajuan.TERLAMBAT
        k._timeline = []
        k._pemohon = pemohon
        k.dibuat = self.moment(diterima, 3)
        if diterima >= self.events_from:
            k.kunci_idempotensi = self.uuid()
        self.keberatan.append(k)
        reg = diterima if rng.random() < 0.85 else self.wd(diterima, 1)
        if reg > self.today:
            reg = diterima
        k.status = S.TERDAFTAR
        k.tanggal_registrasi = reg
        self.number("keberatan", reg, k, "nomor_registrasi")
        k.target_registrasi = self.wd(diterima, 1)
        k.target_pemeriksaan = self.wd(reg, 5)
        k.tenggat_tanggapan = self.wd(diterima, 30)  # Pasal 36(2): from the written receipt
        k.tenggat_sengketa = self.wd(k.tenggat_tanggapan, 14)  # Pasal 37(2)
        self.event(k, reg, "daftarkan", S.BARU, S.TERDAFTAR, desk)

        if rng.random() < 0.03:
            # The Atasan never answered: a sengketa after the 30 hk lapsed.
            self.later(k.tenggat_tanggapan, rng.randint(1, 10), lambda d: self.sengketa(k, d, desk))
            return
        # The outcomes of a full answer (the partial, fee and time corrections of issue 18
        # need their own terms and are not generated).
        keputusan = rng.choices([KP.DIBERIKAN, KP.DITOLAK, KP.MUSYAWARAH], weights=(30, 55, 15))[0]
        if keputusan == KP.MUSYAWARAH and "a" in alasan:
            keputusan = KP.DITOLAK  # Pasal 35(2): no musyawarah on reason a
        day = self.wd(reg, rng.randint(1, 6))
        if day > self.today:
            return
        k.status = S.DIDISPOSISI
        k.tanggal_disposisi = day
        k.unit_disposisi = (
            permohonan.unit_tujuan
            if permohonan is not None and permohonan.unit_tujuan and rng.random() < 0.3
            else self.utama
        )
        k.sifat_disposisi = rng.choice(list(Keberatan.Sifat.values))
        k.isi_disposisi = "Siapkan draf tanggapan atas keberatan ini."
        k.pejabat_disposisi = self.atasan_on(day)
        k.mulai_draf = day
        k.target_draf = self.wd(day, 2)
        self.event(k, day, "disposisi", S.TERDAFTAR, S.DIDISPOSISI, self.atasan)
        rounds = 1 + (rng.random() < 0.15)
        for i in range(rounds):
            day = self.wd(day, rng.randint(1, 3))
            if day > self.today:
                return
            frm = k.status
            k.status = S.DRAF_DIAJUKAN
            k.draf_keputusan = keputusan
            k.draf_pertimbangan = "Pertimbangan hukum atas keberatan pemohon."
            k.tanggal_draf = day
            k.target_jawaban = self.wd(day, 1)
            self.event(k, day, "ajukan_draf", frm, k.status, self.ppid)
            if i + 1 < rounds:
                day = self.wd(day, 1)
                if day > self.today:
                    return
                k.status = S.DRAF_DIKEMBALIKAN
                k.jumlah_revisi += 1
                k.catatan_revisi = "Lengkapi dasar hukum pertimbangan."
                k.mulai_draf = day
                k.target_draf = self.wd(day, 2)
                self.event(k, day, "kembalikan_draf", S.DRAF_DIAJUKAN, k.status, self.atasan)
        day = self.wd(day, rng.randint(0, 1))
        if day > self.today:
            return
        k.status = S.DRAF_DISETUJUI
        k.tanggal_persetujuan = day
        self.event(k, day, "setujui_draf", S.DRAF_DIAJUKAN, k.status, self.atasan)
        day = self.wd(day, rng.randint(0, 2))
        if day > self.today:
            return
        k.status = S.DITANGGAPI
        k.keputusan = keputusan
        k.pertimbangan = "Tanggapan Atasan PPID atas keberatan."
        k.tanggal_tanggapan = day
        k.pejabat_tanggapan = self.atasan_on(day)
        self.number("tanggapan", day, k, "nomor_tanggapan")
        k.tenggat_sengketa = self.wd(day, 14)
        from keberatan.alur import LANGKAH_TANGGAPAN

        step = LANGKAH_TANGGAPAN[KP(keputusan)]
        self.event(k, day, step, S.DRAF_DISETUJUI, k.status, self.atasan)
        if keputusan == KP.DIBERIKAN and permohonan is not None:
            self.buka_kembali(permohonan, day, desk)
        if rng.random() < 0.8:
            self.later(day, rng.randint(1, 14), lambda d: self.diterima(k, d, desk))
        else:
            self.later(day, rng.randint(1, 14), lambda d: self.sengketa(k, d, desk))

    def buka_kembali(self, p, day, desk) -> None:
        from registrasi.models import Permohonan

        S = Permohonan.Status
        if p.status not in (*p.CLOCK_RUNNING, S.MENUNGGU_PENYERAHAN, S.SELESAI):
            return
        frm = p.status
        p.status = S.DIBUKA_KEMBALI
        p.tanggal_ditutup = None
        self.event(p, day, "buka_kembali", frm, p.status, self.atasan)
        if self.rng.random() < 0.9:
            self.later(day, self.rng.randint(1, 8), lambda d: self.serahkan(p, d, desk))

    def diterima(self, k, day, desk) -> None:
        from keberatan.models import Keberatan

        k.status = Keberatan.Status.SELESAI
        k.sikap_pemohon = Keberatan.SikapPemohon.MENERIMA
        k.tanggal_sikap = day
        self.event(k, day, "catat_diterima", Keberatan.Status.DITANGGAPI, k.status, desk)

    def sengketa(self, k, day, desk) -> None:
        from keberatan.models import Keberatan

        step = "catat_sengketa" if k.tanggal_tanggapan else "catat_sengketa_tanpa_tanggapan"
        frm = k.status
        k.status = Keberatan.Status.SENGKETA
        k.sikap_pemohon = Keberatan.SikapPemohon.SENGKETA
        k.tanggal_sikap = day
        k.tanggal_sengketa = day
        k.nomor_register_ki = f"{self.rng.randint(1, 300):03d}/REG-PSI/{day:%m}/{day.year}"
        self.event(k, day, step, frm, k.status, desk)

    # --- numbers -----------------------------------------------------------------------------

    def assign_numbers(self) -> list:
        """Issue every number in date order per (type, year), as the counters would have."""
        from ppid_manual.models import FormatNomor, NomorTerbit, PenghitungNomor
        from ppid_manual.workflow.numbering import format_number

        formats = {f.jenis: f for f in FormatNomor.objects.all()}
        sentinel = 987654321
        templates: dict[tuple, tuple[str, str, int]] = {}

        def render(jenis: str, day: datetime.date, urut: int) -> str:
            key = (jenis, day.year, day.month)
            if key not in templates:
                fmt = formats[jenis]
                whole = format_number(
                    fmt.pola, urut=sentinel, unit="", kode=fmt.kode_klasifikasi, day=day
                )
                head, _, tail = whole.partition(str(sentinel))
                width = int(m) if (m := _urut_width(fmt.pola)) else 0
                templates[key] = (head, tail, width)
            head, tail, width = templates[key]
            return f"{head}{str(urut).zfill(width)}{tail}"

        self.numbers.sort(key=lambda x: (x[0], x[1], x[2]))
        issued, counters = [], {}
        for jenis, day, _seq, obj, attr in self.numbers:
            urut = counters.get((jenis, day.year), 0) + 1
            counters[(jenis, day.year)] = urut
            nomor = render(jenis, day, urut)
            setattr(obj, attr, nomor)
            issued.append(
                NomorTerbit(
                    jenis=jenis,
                    unit_kode="",
                    tahun=day.year,
                    urut=urut,
                    nomor=nomor,
                    created_at=self.moment(day),
                )
            )
        # The app's own formatter agrees with the fast one on a sample.
        for n in issued[:: max(1, len(issued) // 50)]:
            fmt = formats[n.jenis]
            day = datetime.date(n.tahun, _roman_month(n.nomor), 1)
            expected = format_number(
                fmt.pola, urut=n.urut, unit="", kode=fmt.kode_klasifikasi, day=day
            )
            assert expected == n.nomor, (expected, n.nomor)
        self.counters = [
            PenghitungNomor(
                format=formats[jenis],
                unit_kode="",
                tahun=tahun,
                berikutnya=last + 1,
                terakhir_terbit=last,
            )
            for (jenis, tahun), last in sorted(counters.items())
        ]
        return issued

    # --- writing -----------------------------------------------------------------------------

    def write(self) -> dict[str, int]:
        from django.contrib.contenttypes.models import ContentType
        from django.db import transaction

        from keberatan.models import Keberatan
        from pemohon.kasus import pemohon_beragam
        from pemohon.models import Pemohon
        from ppid_manual.models import Event, NomorTerbit, PenghitungNomor
        from registrasi.models import Penyerahan, Permohonan, SuratPermintaan

        issued = self.assign_numbers()
        with transaction.atomic(), keep_given_timestamps():
            Pemohon.objects.bulk_create(self.pemohon, batch_size=BATCH)
            seen: set[int] = set()
            for i, p in enumerate(self.permohonan):
                p.pemohon_id = p._pemohon.pk
                # What IdentitasKasus.save() keeps (issue 15): the identity given for the case.
                p.identitas_pemohon = p._pemohon.salinan()
                if p.pemohon_id in seen and i % 10 == 0:
                    # Some returning pemohon give another phone number than the record's.
                    p.identitas_pemohon["telepon"] = f"0813{i:08d}"
                seen.add(p.pemohon_id)
            for k in self.keberatan:
                k.pemohon_id = k._pemohon.pk
                k.identitas_pemohon = k._pemohon.salinan()
            # What IdentitasKasus.save() marks (pemohon.kasus.catat_identitas): the cases of a
            # pemohon given more than one identity.
            beragam = pemohon_beragam(
                (c.pemohon_id, c.identitas_pemohon) for c in [*self.permohonan, *self.keberatan]
            )
            for c in [*self.permohonan, *self.keberatan]:
                c.identitas_beragam = c.pemohon_id in beragam
            Permohonan.objects.bulk_create(self.permohonan, batch_size=BATCH)
            for s in self.surat:
                s.permohonan_id = s.permohonan.pk
            SuratPermintaan.objects.bulk_create(self.surat, batch_size=BATCH)
            for t in self.penyerahan:
                t.permohonan_id = t.permohonan.pk
            Penyerahan.objects.bulk_create(self.penyerahan, batch_size=BATCH)
            for k in self.keberatan:
                if k.permohonan is not None:
                    k.permohonan_id = k.permohonan.pk
                # What Keberatan.save() keeps; bulk_create does not call save().
                k.tenggat_terdekat = k.hitung_tenggat_terdekat()
                k.diubah = k.dibuat
            Keberatan.objects.bulk_create(self.keberatan, batch_size=BATCH)
            NomorTerbit.objects.bulk_create(issued, batch_size=5000)
            PenghitungNomor.objects.bulk_create(self.counters)
            ct_p = ContentType.objects.get_for_model(Permohonan)
            ct_k = ContentType.objects.get_for_model(Keberatan)
            events = []
            for obj, ct, start in [
                *((p, ct_p, p.tanggal_daftar or p.dibuat.date()) for p in self.permohonan),
                *((k, ct_k, k.tanggal_diterima) for k in self.keberatan),
            ]:
                if start < self.events_from:
                    continue
                for i, (day, step, frm, to, actor, data) in enumerate(
                    sorted(obj._timeline, key=lambda e: e[0])
                ):
                    if step in ("daftar", "daftarkan"):
                        data = {
                            "pemohon": obj._pemohon.pk,
                            "nomor": obj.nomor_pendaftaran
                            if step == "daftar"
                            else obj.nomor_registrasi,
                        }
                    events.append(
                        Event(
                            actor=actor,
                            created_at=self.moment(day, i + 4),
                            content_type=ct,
                            object_id=obj.pk,
                            step=step,
                            from_state=frm,
                            to_state=to,
                            data=data,
                        )
                    )
            chain_events(events)
            Event.objects.bulk_create(events, batch_size=5000)
        return {
            "pemohon": len(self.pemohon),
            "permohonan": len(self.permohonan),
            "surat_permintaan": len(self.surat),
            "penyerahan": len(self.penyerahan),
            "keberatan": len(self.keberatan),
            "nomor_terbit": len(issued),
            "event": len(events),
        }


def chain_events(events: list) -> None:
    """Give the generated events their places in the hash chain after what the database
    holds (issue 25: bulk_create does not call Event.save), in the order they are written."""
    from ppid_manual import rantai
    from ppid_manual.models import KepalaRantai

    head, _ = KepalaRantai.objects.select_for_update().get_or_create(
        pk=rantai.HEAD_PK, defaults={"urut": 0, "hash": rantai.GENESIS}
    )
    urut, prev = head.urut, head.hash
    for event in events:
        urut += 1
        event.urut, event.hash_sebelum = urut, prev
        event.hash = prev = rantai.hitung_hash(event)
    KepalaRantai.objects.filter(pk=rantai.HEAD_PK).update(urut=urut, hash=prev)


def log(message: str) -> None:
    print(f"[generate] {message}", file=sys.stderr, flush=True)


def _urut_width(pola: str) -> str | None:
    import re

    m = re.search(r"\{urut(?::(\d+))?\}", pola)
    return m.group(1) if m else None


def _roman_month(nomor: str) -> int:
    from ppid_manual.workflow.numbering import ROMAN_MONTHS

    for part in nomor.split("/"):
        if part in ROMAN_MONTHS:
            return ROMAN_MONTHS.index(part) + 1
    raise ValueError(nomor)


@contextlib.contextmanager
def keep_given_timestamps():
    """bulk_create stamps auto_now/auto_now_add fields with now(); history needs its dates."""
    from django.apps import apps

    changed = []
    for model in apps.get_models():
        for f in model._meta.concrete_fields:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                changed.append((f, f.auto_now, f.auto_now_add))
                f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, now, now_add in changed:
            f.auto_now, f.auto_now_add = now, now_add


def load_calendar_and_units() -> None:
    """The demo's OPDs, officials and users, and the holidays of the ten years (and the years
    around them, for deadlines across a year end) through the app's own command."""
    from django.core.management import call_command
    from django.utils import timezone

    from layanan import demo

    this_year = timezone.localdate().year
    demo.load(stdout=io.StringIO())
    years = [f"--year={y}" for y in range(this_year - 10, this_year + 2)]
    call_command("sync_holidays", *years, stdout=io.StringIO())


def generate(n: int, seed: int) -> dict:
    started = time.perf_counter()
    load_calendar_and_units()
    log(f"calendar and units loaded ({time.perf_counter() - started:.1f} s)")
    sim = Sim(n, seed)
    sim.setting()
    for day in sim.registration_days():
        sim.request(day)
    for _ in range(max(1, n * 3 // 1000)):
        sim.keberatan_tanpa_permohonan()
    planned = time.perf_counter() - started
    log(f"{n} requests planned ({planned:.1f} s); writing")
    counts = sim.write()
    counts["seconds_plan"] = round(planned, 1)
    counts["seconds_total"] = round(time.perf_counter() - started, 1)
    return counts


def main() -> None:
    setup_django()
    n = int(sys.argv[1])
    result = generate(n, seed=n)
    result["version"] = GENERATOR_VERSION
    emit(result)


if __name__ == "__main__":
    main()
