"""One case in every state a case can be in, built through the project's own actions.

`buat_semua_keadaan(desk)` takes the `desk` fixture of tests/conftest.py and builds, dated today
(the crawl runs on real today with this year's and next year's holidays loaded):

- a permohonan in every Permohonan.Status an action can leave it in (the reopened one through
  the Atasan PPID's answer to a keberatan, as the keberatan app does it);
- a keberatan in every Keberatan.Status an action can leave it in, the sengketa outcomes
  reached in the order Keberatan.HASIL_SENGKETA_ALUR gives them;
- a DIP edition in every DipEdisi.Status (province and OPD editions of four years: one province
  edition per year, and the OPD states depend on the state of their year's province edition).

It returns {"permohonan": {status: pk}, "keberatan": {...}, "dip": {...}}. The states no action
leaves a case in are in TIDAK_TERCAPAI (tests/test_semua_keadaan.py checks that the two
together are exactly each model's states). Nothing here writes a status: every change is a
step of registrasi.actions, keberatan.actions or dip.actions.
"""

from __future__ import annotations

import uuid
from collections import deque
from collections.abc import Callable

from django.utils import timezone

from dip import actions as dip
from dip.models import DipEdisi, InformasiPublik
from keberatan import actions as kb
from keberatan.models import Keberatan
from registrasi import actions as reg
from registrasi.models import Permohonan, SuratPermintaan

P, K, E = Permohonan.Status, Keberatan.Status, DipEdisi.Status
KP = Keberatan.Keputusan

TIDAK_TERCAPAI: dict[str, set[str]] = {
    # Only the unsaved form's default: registration (daftar) or return (kembalikan) saves it
    # already out of it, and no step of registrasi.alur.ALUR leads back to it.
    "permohonan": {P.BARU.value},
    # Only the unsaved form's default: registration (daftarkan) saves it already registered,
    # and no step of keberatan.alur.ALUR leads back to it.
    "keberatan": {K.BARU.value},
    # Every state of both step tables (dip.alur) is reached.
    "dip": set(),
}

#: One pemohon for every case: a known NIK must come with the same details.
PEMOHON = {
    "jenis": "perorangan",
    "nama": "Ni Made Ayu Lestari",
    "nik": "5171014107900001",
    "alamat": "Jl. Gatot Subroto No. 5, Denpasar",
    "pekerjaan": "Wartawan",
    "telepon": "081234567890",
    "email": "ayu@example.id",
}


def _permohonan(desk, rincian: str, *, lengkap: bool = True) -> Permohonan:
    """A walk-in request at the PPID Utama desk today: registered, or returned incomplete."""
    intake = reg.Intake(
        pemohon=PEMOHON,
        rincian_informasi=rincian,
        tujuan_penggunaan="Bahan liputan",
        cara_memperoleh=Permohonan.CaraMemperoleh.HARDCOPY,
        cara_salinan=Permohonan.CaraSalinan.MENGAMBIL,
        formulir_lengkap=lengkap,
        identitas_diterima=lengkap,
        tanggal=timezone.localdate(),
        kunci=uuid.uuid4(),
    )
    act = reg.register_permohonan if lengkap else reg.return_incomplete
    return act(intake, by=desk.petugas)


def _jalankan(model, obj, langkah: list[Callable]) -> int:
    """Take each step on a fresh copy of the row (a step locks and reads it again anyway)."""
    for step in langkah:
        step(model.objects.get(pk=obj.pk))
    return obj.pk


def _buat_permohonan(desk) -> dict[str, int]:
    today = timezone.localdate()

    def minta(p):
        reg.route_to_opd(p, by=desk.ppid, unit=desk.units["dinkes"])

    def jawab(p):
        reg.record_opd_answer(
            p,
            by=desk.dinkes,
            jawaban=SuratPermintaan.Jawaban.DIKECUALIKAN,
            klasifikasi=Permohonan.Klasifikasi.DIKECUALIKAN,
            isi_jawaban="Memuat data pribadi penerima bantuan.",
            tanggal_jawaban=today,
        )

    def beri(p):
        reg.issue_decision(
            p, reg.Putusan(keputusan=Permohonan.Keputusan.DIBERIKAN_SELURUHNYA), by=desk.ppid
        )

    def tolak(p):
        putusan = reg.Putusan(
            keputusan=Permohonan.Keputusan.DITOLAK,
            pasal17=["h"],
            konsekuensi="Membuka rahasia pribadi penerima bantuan.",
        )
        reg.issue_decision(p, putusan, by=desk.ppid)

    def tarik(p):
        reg.withdraw(p, by=desk.petugas, note="Pemohon menarik permohonannya.")

    # status: the steps after registration (SELESAI: refused, the ground of the keberatan).
    jalur = {
        P.TERDAFTAR: [],
        P.DIMINTAKAN_KE_OPD: [minta],
        P.SIAP_DIPUTUS: [minta, jawab],
        P.MENUNGGU_PENYERAHAN: [beri],
        P.SELESAI: [minta, jawab, tolak],
        P.DITARIK: [tarik],
    }
    hasil = {
        status.value: _jalankan(Permohonan, _permohonan(desk, f"Data {status.label}"), langkah)
        for status, langkah in jalur.items()
    }
    kembali = _permohonan(desk, "Data penerima bantuan (berkas kurang)", lengkap=False)
    hasil[P.DIKEMBALIKAN.value] = kembali.pk  # returned incomplete: no number, no clock
    # DIBUKA_KEMBALI: refused, then the Atasan PPID grants it on a keberatan (_buat_keberatan).
    hasil[P.DIBUKA_KEMBALI.value] = _jalankan(
        Permohonan, _permohonan(desk, "Data penerima bantuan 2025"), [minta, jawab, tolak]
    )
    return hasil


def jalur_sengketa() -> dict[Keberatan.Status, list[Keberatan.HasilSengketa]]:
    """For SENGKETA and each state a sengketa outcome leads to, the shortest sequence of
    outcomes from SENGKETA that reaches it, read from Keberatan.HASIL_SENGKETA_ALUR (breadth
    first)."""
    jalur: dict[Keberatan.Status, list[Keberatan.HasilSengketa]] = {K.SENGKETA: []}
    antrean = deque([K.SENGKETA])
    while antrean:
        dari = antrean.popleft()
        for hasil, (ke, sumber) in Keberatan.HASIL_SENGKETA_ALUR.items():
            if dari in sumber and ke not in jalur:
                jalur[ke] = [*jalur[dari], hasil]
                antrean.append(ke)
    return jalur


def _buat_keberatan(desk, ditolak: Permohonan, dibuka: Permohonan) -> dict[str, int]:
    """Keberatan on refused requests (reason a); the one answered DIBERIKAN reopens `dibuka`."""
    today = timezone.localdate()

    def daftar(permohonan: Permohonan) -> Keberatan:
        return kb.register_keberatan(
            kb.Pengajuan(
                tanggal_diterima=today,
                alasan=[Keberatan.Alasan.A],
                kasus_posisi="Permohonan ditolak; pemohon keberatan atas penolakan itu.",
                tujuan_penggunaan="Bahan liputan",
                permohonan=permohonan,
                identitas_diterima=True,
                kunci=uuid.uuid4(),
            ),
            by=desk.petugas,
        )

    def disposisi(k):
        kb.record_disposisi(
            k,
            by=desk.atasan,
            unit=desk.units["utama"],
            isi="Siapkan draf tanggapan.",
            sifat="biasa",
        )

    def ajukan(keputusan):
        return lambda k: kb.submit_draft(
            k, by=desk.ppid, keputusan=keputusan, pertimbangan="Putusan PPID sudah tepat."
        )

    def kembalikan(k):
        kb.return_draft(k, by=desk.atasan, catatan="Lengkapi uji konsekuensi.")

    def setujui(k):
        kb.approve_draft(k, by=desk.atasan)

    def tanggapi(keputusan):
        return lambda k: kb.answer_keberatan(
            k, by=desk.atasan, keputusan=keputusan, pertimbangan="Sesuai draf yang disetujui."
        )

    def terima(k):
        kb.record_acceptance(k, by=desk.petugas, tanggal_sikap=today)

    def sengketa(k):
        kb.record_sengketa(
            k, by=desk.petugas, tanggal_sengketa=today, diketahui_dari="Pemohon memberi tahu."
        )

    def hasil_ki(hasil):
        return lambda k: kb.record_hasil_sengketa(
            k, by=desk.petugas, hasil=hasil, tanggal_hasil=today
        )

    diajukan = [disposisi, ajukan(KP.DITOLAK)]
    disetujui = [*diajukan, setujui]
    ditanggapi = [*disetujui, tanggapi(KP.DITOLAK)]
    # status: (the request objected to, the steps after registration)
    jalur = {
        K.TERDAFTAR: (ditolak, []),
        K.DIDISPOSISI: (ditolak, [disposisi]),
        K.DRAF_DIAJUKAN: (ditolak, diajukan),
        K.DRAF_DIKEMBALIKAN: (ditolak, [*diajukan, kembalikan]),
        K.DRAF_DISETUJUI: (ditolak, disetujui),
        # The Atasan grants the information: the request reopens (Permohonan DIBUKA_KEMBALI).
        K.DITANGGAPI: (dibuka, [disposisi, ajukan(KP.DIBERIKAN), setujui, tanggapi(KP.DIBERIKAN)]),
        K.SELESAI: (ditolak, [*ditanggapi, terima]),
        **{
            status: (ditolak, [*ditanggapi, sengketa, *map(hasil_ki, urutan)])
            for status, urutan in jalur_sengketa().items()
        },
    }
    return {
        status.value: _jalankan(Keberatan, daftar(permohonan), langkah)
        for status, (permohonan, langkah) in jalur.items()
    }


def _buat_dip(desk) -> dict[str, int]:
    """One province edition per year (four years around this one), and the OPD editions whose
    states need their year's province edition in a given state."""
    tahun = timezone.localdate().year
    petugas = desk.petugas

    def buka(unit: str, user, th: int) -> tuple[DipEdisi, InformasiPublik]:
        edisi = dip.create_edisi(unit=desk.units[unit], tahun=th, by=user)
        info = dip.add_informasi(
            edisi,
            by=user,
            data={
                "ringkasan": f"Rencana Strategis {desk.units[unit].nama} {th}",
                "pejabat_penguasa": "Sekretaris / Subbagian Program",
                "penanggung_jawab": f"Kepala {desk.units[unit].nama}",
                "waktu_pembuatan": str(th - 1),
                "tempat_pembuatan": "Denpasar",
                "bentuk": InformasiPublik.Bentuk.KEDUANYA,
                "jangka_waktu_penyimpanan": "5 tahun",
                "jenis": InformasiPublik.Jenis.SETIAP_SAAT,
                "opd": desk.units[unit],
            },
        )
        return edisi, info

    def lagi(edisi: DipEdisi) -> DipEdisi:
        return DipEdisi.objects.get(pk=edisi.pk)

    # This year: both OPDs recapped, the recap with the PPID, who returns one OPD's entry.
    provinsi, _ = buka("utama", petugas, tahun)
    dinkes, info_dinkes = buka("dinkes", desk.dinkes, tahun)
    dishub, _ = buka("dishub", desk.dishub, tahun)
    for opd, user in ((dinkes, desk.dinkes), (dishub, desk.dishub)):
        dip.submit_edisi(opd, by=user)
        dip.recap_edisi(lagi(opd), by=petugas)
    dip.submit_to_ppid(lagi(provinsi), by=petugas)
    dip.return_informasi(info_dinkes, by=desk.ppid, catatan="Lengkapi jangka waktu penyimpanan.")
    hasil = {E.DIAJUKAN_PPID: provinsi, E.DIKOREKSI: dinkes, E.DIREKAP: dishub}

    # Next year: still being compiled; one OPD submitted, the other's returned incomplete.
    provinsi, _ = buka("utama", petugas, tahun + 1)
    dinkes, _ = buka("dinkes", desk.dinkes, tahun + 1)
    dishub, _ = buka("dishub", desk.dishub, tahun + 1)
    dip.submit_edisi(dinkes, by=desk.dinkes)
    dip.submit_edisi(dishub, by=desk.dishub)
    dip.return_incomplete_edisi(lagi(dishub), by=petugas, catatan="Lampiran SK belum ada.")
    hasil |= {E.DISUSUN: provinsi, E.DIAJUKAN: dinkes, E.PERBAIKAN: dishub}

    # Last year's edition adopted (the SK dated today: cek_tanggal_sk allows the year after);
    # the year before, the edition still with the Atasan PPID.
    for th, sampai in ((tahun - 1, E.DITETAPKAN), (tahun - 2, E.DIAJUKAN_ATASAN)):
        provinsi, _ = buka("utama", petugas, th)
        dip.submit_to_ppid(provinsi, by=petugas)
        dip.submit_to_atasan(lagi(provinsi), by=desk.ppid)
        if sampai == E.DITETAPKAN:
            dip.establish_edisi(lagi(provinsi), by=desk.atasan, tanggal_sk=timezone.localdate())
        hasil[sampai] = provinsi
    return {status.value: edisi.pk for status, edisi in hasil.items()}


def buat_semua_keadaan(desk) -> dict[str, dict[str, int]]:
    """Build, through the actions and dated today, one case in every state an action can leave
    a case in, for the three processes; return {"permohonan"|"keberatan"|"dip": {status: pk}}.
    Needs the holidays of this year and next (the deadlines are counted across them)."""
    permohonan = _buat_permohonan(desk)
    ditolak = Permohonan.objects.get(pk=permohonan[P.SELESAI])
    dibuka = Permohonan.objects.get(pk=permohonan[P.DIBUKA_KEMBALI])
    return {
        "permohonan": permohonan,
        "keberatan": _buat_keberatan(desk, ditolak, dibuka),
        "dip": _buat_dip(desk),
    }
