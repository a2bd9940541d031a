"""Helpers shared by the keberatan tests: frozen days, requests made through the registrasi
actions, keberatan at any step through keberatan.actions, and the transition and refusal
assertions STYLE.md asks for."""

from __future__ import annotations

import datetime
import uuid

from django.urls import reverse

from keberatan import actions
from keberatan.models import Keberatan
from registrasi import actions as reg
from registrasi.models import Permohonan, SuratPermintaan
from tests.helpers import at, refused, transition

NIK = "5171010101900001"


def buat_permohonan(
    desk, day: datetime.date, *, nik: str = NIK, nama: str = "Ni Made Ayu Lestari"
) -> Permohonan:
    """A request registered at the PPID Utama desk on `day` (registrasi's own action)."""
    with at(day):
        return reg.register_permohonan(
            reg.Intake(
                pemohon={
                    "jenis": "perorangan",
                    "nama": nama,
                    "nik": nik,
                    "alamat": "Jl. Gatot Subroto No. 1, Denpasar",
                    "pekerjaan": "Wartawan",
                    "telepon": "081234567890",
                },
                rincian_informasi="Data penerima bantuan kesehatan 2025 per kabupaten",
                tujuan_penggunaan="Bahan liputan",
                cara_memperoleh=Permohonan.CaraMemperoleh.SOFTCOPY,
                cara_salinan=Permohonan.CaraSalinan.EMAIL,
                formulir_lengkap=True,
                identitas_diterima=True,
                tanggal=day,
                kunci=uuid.uuid4(),
            ),
            by=desk.petugas,
        )


def tolak_permohonan(desk, p: Permohonan, day: datetime.date) -> Permohonan:
    """The PPID refuses the request under Pasal 17 huruf h (registrasi's own actions)."""
    with at(day):
        reg.route_to_opd(p, by=desk.ppid, unit=desk.units["dinkes"])
        p = Permohonan.objects.get(pk=p.pk)
        reg.record_opd_answer(
            p,
            by=desk.dinkes,
            jawaban=SuratPermintaan.Jawaban.DIKECUALIKAN,
            klasifikasi=Permohonan.Klasifikasi.DIKECUALIKAN,
            isi_jawaban="Memuat data pribadi penerima bantuan.",
            tanggal_jawaban=day,
        )
        p = Permohonan.objects.get(pk=p.pk)
        return reg.issue_decision(
            p,
            reg.Putusan(
                keputusan=Permohonan.Keputusan.DITOLAK,
                pasal17=["h"],
                konsekuensi="Membuka rahasia pribadi penerima bantuan.",
            ),
            by=desk.ppid,
        )


def daftarkan(
    desk,
    day: datetime.date,
    permohonan: Permohonan | None = None,
    *,
    alasan: list[str] | None = None,
    **extra,
) -> Keberatan:
    """A keberatan registered through the action (setup for tests of later steps)."""
    if permohonan is None:
        extra.setdefault(
            "pemohon",
            {
                "jenis": "perorangan",
                "nama": "I Ketut Warga",
                "nik": "5103024506850002",
                "alamat": "Br. Tengah, Mengwi",
                "pekerjaan": "Petani",
                "telepon": "081999888777",
            },
        )
        extra.setdefault("informasi_diminta", "Laporan keuangan tahunan 2025 (informasi berkala)")
        extra.setdefault("tanggal_dasar", day)
    with at(day):
        return actions.register_keberatan(
            actions.Pengajuan(
                tanggal_diterima=day,
                alasan=alasan or ([Keberatan.Alasan.A] if permohonan else [Keberatan.Alasan.B]),
                kasus_posisi="Pemohon keberatan atas jawaban PPID.",
                tujuan_penggunaan="Bahan liputan",
                permohonan=permohonan,
                identitas_diterima=True,
                **extra,
            ),
            by=desk.petugas,
        )


def sampai(desk, k: Keberatan, status: str, day: datetime.date, **kw) -> Keberatan:
    """Take the next steps (through the actions) until `k` is in `status`, all on `day`."""
    S = Keberatan.Status
    keputusan = kw.get("keputusan", Keberatan.Keputusan.DITOLAK)
    with at(day):
        k = Keberatan.objects.get(pk=k.pk)
        while k.status != status:
            if k.status == S.TERDAFTAR:
                actions.record_disposisi(
                    k,
                    by=desk.atasan,
                    unit=kw.get("unit", desk.units["utama"]),
                    isi="Siapkan draf tanggapan.",
                    sifat=Keberatan.Sifat.SEGERA,
                )
            elif k.status in (S.DIDISPOSISI, S.DRAF_DIKEMBALIKAN):
                actions.submit_draft(
                    k,
                    by=desk.ppid,
                    keputusan=keputusan,
                    pertimbangan="Informasi memuat data pribadi (Pasal 17 huruf h).",
                )
            elif k.status == S.DRAF_DIAJUKAN:
                actions.approve_draft(k, by=desk.atasan)
            elif k.status == S.DRAF_DISETUJUI:
                actions.answer_keberatan(
                    k, by=desk.atasan, keputusan=keputusan, pertimbangan="Putusan PPID sudah tepat."
                )
            else:
                raise AssertionError(f"no step from {k.status} towards {status}")
            k = Keberatan.objects.get(pk=k.pk)
    return k


def step_url(k: Keberatan, step: str) -> str:
    return reverse("keberatan:langkah", args=[k.pk, step])


def langkah(
    client,
    user,
    k: Keberatan,
    step: str,
    data: dict,
    day: datetime.date,
    *,
    to: str,
    elsewhere: int = 0,
) -> Keberatan:
    """POST the step on `day` and check the transition (tests.helpers.transition); returns the
    refreshed keberatan."""
    with at(day):
        transition(client, user, k, step_url(k, step), data, step=step, to=to, elsewhere=elsewhere)
    return k


def tolak_langkah(
    client, user, k: Keberatan, step: str, data: dict, day: datetime.date, *, message: str
) -> None:
    """POST the step on `day` and check the refusal (tests.helpers.refused)."""
    with at(day):
        refused(client, user, k, step_url(k, step), data, message=message)
