"""`manage.py check --deploy`: the master data a production database must not print from
(issue 26). Demo officials, a demo tariff, the demo lambang, a unit that signs letters without
its own kop lines or lambang, a PPID Utama's kop without its laman or surat elektronik: each is
named, so that no letter leaves the desk with "Tarif demo" or a demo signer on it.

Demo officials, tariffs and the lambang are errors (`check --deploy` exits non-zero); a kop
that lacks a line, and a keputusan signed as or for the Gubernur (whose kop, with the lambang
negara, the app does not print), are warnings. Only `--deploy` runs these (they read the
database); a database that cannot be read is left to /healthz and `migrate`."""

from __future__ import annotations

from django.core import checks
from django.db import DatabaseError
from django.utils import timezone


def _demo_nip() -> set[str]:
    from layanan import demo

    return set(demo.NIP_DEMO)


@checks.register(checks.Tags.compatibility, deploy=True)
def master_data_produksi(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    try:
        return list(_periksa())
    except DatabaseError:
        return []


def _periksa():
    from ppid_manual import lambang
    from ppid_manual.models import DasarHukum, Pejabat, Unit
    from registrasi.models import Tarif

    # Who signs a keputusan: the SK DIP (the Atasan PPID, an OPD's head), the SK penolakan and
    # the penetapan DIK (the PPID), the keputusan amending them (their signers).
    PERAN_KEPUTUSAN = (Pejabat.Peran.ATASAN_PPID, Pejabat.Peran.KEPALA_OPD, Pejabat.Peran.PPID)

    today = timezone.localdate()
    demo_nip = _demo_nip()
    for p in Pejabat.objects.valid_on(today).select_related("unit"):
        if "demo" in p.nama.lower() or p.nip in demo_nip:
            yield checks.Error(
                f"Pejabat {p.nama} ({p.get_peran_display()}, {p.unit.nama}, NIP {p.nip or '-'}) "
                "adalah data demo.",
                hint="Ganti dengan pejabat yang menjabat di menu Admin > Pejabat.",
                id="ppid.E001",
            )
    # A keputusan of the Gubernur (or signed on the Gubernur's behalf) heads with the kop of
    # the Gubernur, the lambang negara Garuda Pancasila and "GUBERNUR BALI" (Permendagri
    # 1/2023). The app has no such kop: every keputusan prints its signer's unit kop.
    for p in Pejabat.objects.valid_on(today).filter(peran__in=PERAN_KEPUTUSAN):
        if "gubernur" in f"{p.jabatan} {p.atas_nama}".lower():
            yield checks.Warning(
                f"Pejabat {p.nama} ({p.get_peran_display()}) menandatangani keputusan sebagai "
                f"atau atas nama Gubernur ({' '.join(filter(None, [p.atas_nama, p.jabatan]))}); "
                "kop Gubernur dengan lambang negara tidak tersedia, keputusan dicetak dengan "
                f"kop {p.unit.nama}.",
                hint="Catat penanda tangan keputusan dengan jabatannya sendiri, misalnya "
                "Sekretaris Daerah Provinsi Bali selaku Atasan PPID.",
                id="ppid.W005",
            )
    for t in Tarif.objects.berlaku(today):
        if "demo" in (t.dasar_hukum or "").lower() or "demo" in t.nama.lower():
            yield checks.Error(
                f'Tarif {t.nama} berdasarkan "{t.dasar_hukum}" adalah data demo.',
                hint="Isi tarif dan dasar hukumnya dari SK/Pergub yang berlaku di menu Admin.",
                id="ppid.E002",
            )
    penanda_tangan = set(Pejabat.objects.valid_on(today).values_list("unit_id", flat=True))
    sidik_contoh = lambang.sidik(lambang.contoh())
    for unit in Unit.objects.filter(aktif=True).order_by("nama"):
        if unit.pk not in penanda_tangan and unit.jenis != Unit.Jenis.PPID_UTAMA:
            continue  # prints no letter of its own
        isi, _ = unit.lambang_kop()
        if isi and lambang.sidik(isi) == sidik_contoh:
            yield checks.Error(
                f"Kop {unit.nama} memakai lambang contoh (data demo).",
                hint="Unggah lambang daerah (PNG atau SVG) di menu Admin > Perangkat daerah.",
                id="ppid.E003",
            )
        elif not isi:
            yield checks.Warning(
                f"Kop {unit.nama} belum memiliki lambang.",
                hint="Unggah lambang daerah (PNG atau SVG) di menu Admin > Perangkat daerah.",
                id="ppid.W001",
            )
        if not unit.kop.strip():
            yield checks.Warning(
                f"Kop {unit.nama} belum diisi; surat dicetak dengan kop bawaan.",
                hint="Isi baris kop surat di menu Admin > Perangkat daerah.",
                id="ppid.W002",
            )
        if unit.jenis == Unit.Jenis.PPID_UTAMA:
            teks = " ".join(unit.kop_baris()).lower()
            kurang = [
                nama
                for nama, ada in (
                    ("laman", "laman" in teks),
                    ("surat elektronik", "surat elektronik" in teks or "@" in teks),
                )
                if not ada
            ]
            if kurang:
                yield checks.Warning(
                    f"Kop PPID Utama ({unit.nama}) tanpa {' dan '.join(kurang)}.",
                    hint="Lengkapi baris kop: Telepon … · Laman … · Surat elektronik ….",
                    id="ppid.W003",
                )
    # The Mengingat of the keputusan (ppid_manual.DasarHukum): no demo row, and the SK DIP
    # resting on the Governor's decision that appoints the PPID.
    dasar = DasarHukum.objects.valid_on(today)
    for d in dasar.filter(teks__icontains="demo"):
        yield checks.Error(
            f'Dasar hukum (Mengingat) {d.get_keputusan_display()}: "{d.teks}" adalah data demo.',
            hint="Ganti dengan nomor dan tanggal yang berlaku di menu Admin > Dasar hukum.",
            id="ppid.E004",
        )
    sk_dip = dasar.filter(keputusan=DasarHukum.Keputusan.SK_DIP)
    if not sk_dip.filter(teks__icontains="Keputusan Gubernur").exists():
        yield checks.Warning(
            "Mengingat Keputusan tentang Daftar Informasi Publik tanpa Keputusan Gubernur "
            "tentang penunjukan PPID.",
            hint="Tambahkan Keputusan Gubernur Bali tentang PPID di menu Admin > Dasar hukum.",
            id="ppid.W004",
        )
