"""The Register Permohonan Informasi Publik: what each column holds (Perki 1/2021, lampiran:
the register's format and its notes), one function per column.

The PDF, the XLSX and the register page all print these values; the README's table "Register
Permohonan: kolom dan isinya" is this module in words. A column whose source changes (a new
field on the PPID's decision or the handover: penguasaan, bentuk informasi, cara pembayaran) is
changed here, in its one function.

Each function takes a request read by `PermohonanQuerySet.register()` (the pemohon joined; the
OPD's latest answer annotated as `jawaban_opd`) after `siapkan()` has put its handovers, its
OPD and its copying tariff on it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ppid_manual import hukum
from ppid_manual.format import NBSP, banyaknya, hari_tanggal, rupiah, tanggal
from ppid_manual.models import Unit
from ppid_manual.workflow import susulan
from ppid_manual.workflow.ralat import catatan_register, ralat_per_kasus
from registrasi.models import Penyerahan, Permohonan, SuratPermintaan, Tarif

K = Permohonan.Keputusan
S = Permohonan.Status
CM = Permohonan.CaraMemperoleh
J = SuratPermintaan.Jawaban

# The decisions that give the information, wholly or in part (Pasal 22(7) c-d).
DIBERIKAN = (K.DIBERIKAN_SELURUHNYA, K.DIBERIKAN_SEBAGIAN)


def _unit(p: Permohonan) -> str:
    """The OPD that holds what was asked: the one the request was sent to, else the desk's
    own (a PPID Pelaksana answering directly); `siapkan` looked it up."""
    unit = p.unit_register
    return unit.singkatan or unit.nama


# --- one function per column ----------------------------------------------------------------


def nomor_pendaftaran(p: Permohonan) -> str:
    return p.nomor_pendaftaran or ""


def tanggal_permohonan(p: Permohonan) -> datetime.date | None:
    return p.tanggal_daftar


def nama(p: Permohonan) -> str:
    return p.pemohon_kasus.nama


def alamat(p: Permohonan) -> str:
    return p.pemohon_kasus.alamat


def kontak(p: Permohonan) -> str:
    """Telephone and e-mail, one a line: neither is ever cut by a hyphen (issue 17)."""
    return "\n".join(x for x in (p.pemohon_kasus.telepon, p.pemohon_kasus.email) if x)


def pekerjaan(p: Permohonan) -> str:
    return p.pemohon_kasus.pekerjaan


def informasi_diminta(p: Permohonan) -> str:
    return p.rincian_informasi


def tujuan_penggunaan(p: Permohonan) -> str:
    return p.tujuan_penggunaan


def status_informasi(p: Permohonan) -> str:
    """Penguasaan (UU 14/2008 Pasal 22(7) a-b): di bawah penguasaan / tidak di bawah
    penguasaan, naming the body that holds it when known / belum didokumentasikan.

    From the PPID's decision; before it, from the OPD's answer to the surat permintaan (marked
    as the OPD's); before that, not yet known. A refused (exempt) request is held: refusing
    needs the information in hand (Pasal 17)."""
    keputusan = p.keputusan
    if not keputusan:
        jawaban = getattr(p, "jawaban_opd", "") or ""
        keputusan = {
            J.TERSEDIA: K.DIBERIKAN_SELURUHNYA,
            J.SEBAGIAN: K.DIBERIKAN_SEBAGIAN,
            J.DIKECUALIKAN: K.DITOLAK,
            J.TIDAK_DIKUASAI: K.TIDAK_DIKUASAI,
            J.BELUM_DIDOKUMENTASIKAN: K.BELUM_DIDOKUMENTASIKAN,
        }.get(jawaban, "")
        if not keputusan:
            return "Belum diketahui (dalam proses)"
        sumber = " menurut jawaban OPD"
    else:
        sumber = ""
    if keputusan == K.TIDAK_DIKUASAI:
        teks = "Tidak di bawah penguasaan"
        if p.penguasa_informasi:
            teks += f"; dikuasai oleh {p.penguasa_informasi}"
        return teks + sumber
    if keputusan == K.BELUM_DIDOKUMENTASIKAN:
        teks = "Belum didokumentasikan"
        if p.keputusan and p.waktu_penyediaan:
            teks += f"; tersedia {p.waktu_penyediaan}"
        return teks + sumber
    return f"Di bawah penguasaan ({_unit(p)})" + sumber


BENTUK = {
    Permohonan.BentukInformasi.HARDCOPY: "Hardcopy",
    Permohonan.BentukInformasi.SOFTCOPY: "Softcopy",
    Permohonan.BentukInformasi.KEDUANYA: "Hardcopy dan softcopy",
}


def bentuk_informasi(p: Permohonan) -> str:
    """Bentuk informasi yang dikuasai: softcopy / hardcopy, as decided and handed over.

    The PPID's decision states it (Pasal 22(7) huruf f: `bentuk_informasi`); a decision that
    left it blank gives the salinan the pemohon asked for (the decision form's "sesuai cara
    memperoleh"). A request only to see the information, decided with no bentuk, takes it
    from its handover: by surat elektronik it was a softcopy. Not decided, an outcome that
    gives nothing, or nothing to read it from: unknown ("—"), not guessed."""
    if p.keputusan not in DIBERIKAN and p.putusan_keberatan is None:
        return "—"
    if p.bentuk_informasi:
        return BENTUK[p.bentuk_informasi]
    if p.cara_memperoleh in BENTUK:
        return BENTUK[p.cara_memperoleh]
    if any(s.cara == Permohonan.CaraSalinan.EMAIL for s in p.penyerahan_register):
        return BENTUK[Permohonan.BentukInformasi.SOFTCOPY]
    return "—"


def jenis_permohonan(p: Permohonan) -> str:
    """Melihat/mengetahui, or meminta salinan (the formulir's cara memperoleh informasi)."""
    jenis = "Melihat/mengetahui" if p.cara_memperoleh == CM.MELIHAT else "Meminta salinan"
    # A late entry of a paper form is flagged here, with how it came in (issue 18).
    return "\n".join(x for x in (jenis, susulan.keterangan(p)) if x)


def keputusan(p: Permohonan) -> str:
    """The outcome as the pemberitahuan tertulis states it (Permohonan.Keputusan, which the
    notice prints from); a withdrawn or pending request says so."""
    if p.status == S.DITARIK:
        return "Ditarik pemohon"
    if p.keputusan:
        return K(p.keputusan).label + _diralat(p) + _putusan_keberatan(p)
    if p.tenggat:
        return f"Belum diputuskan (tenggat {tanggal(p.tenggat)})"
    return "Belum diputuskan"


def _putusan_keberatan(p: Permohonan) -> str:
    """The later fact, under the PPID's decision it leaves standing: the Atasan PPID's answer
    on a keberatan that reopened the request, and the handover that followed it."""
    k = p.putusan_keberatan
    if k is None:
        return ""
    teks = (
        f"\nKeberatan {k.nomor_registrasi}: {k.get_keputusan_display()} "
        f"(tanggapan {k.nomor_tanggapan}, {tanggal(k.tanggal_tanggapan)})"
    )
    serah = [s for s in p.penyerahan_register if s.tanggal >= k.tanggal_tanggapan]
    if serah:
        teks += f"; diserahkan {tanggal(serah[-1].tanggal)} (tanda terima {serah[-1].nomor})"
    else:
        teks += "; belum diserahkan"
    return teks


def _diralat(p: Permohonan) -> str:
    """Issue 15: a letter superseded by a ralat is marked in the register too."""
    return catatan_register(getattr(p, "ralat_register", []))


def alasan_penolakan(p: Permohonan) -> str:
    """The grounds of a refusal or of the parts withheld: Pasal 17 huruf … UU 14/2008 and any
    other law."""
    if p.keputusan not in (K.DITOLAK, K.DIBERIKAN_SEBAGIAN):
        return ""
    dasar = []
    if p.pasal17:
        huruf = ", ".join(p.pasal17)
        dasar.append(f"{hukum.pasal('17')} huruf {huruf} UU 14/2008")
    if p.undang_undang_lain:
        dasar.append(p.undang_undang_lain)
    return "; ".join(dasar)


def tanggal_pemberitahuan(p: Permohonan) -> datetime.date | None:
    """Hari dan tanggal of the pemberitahuan tertulis (printed "Senin, 16 Maret 2026")."""
    return p.tanggal_pemberitahuan


def tanggal_pemberian(p: Permohonan) -> datetime.date | None:
    """Hari dan tanggal pemberian informasi (Perki 1/2021 register: "Pemberian Informasi"):
    the day the information was handed over, as its tanda terima is dated. A request handed
    over again after a keberatan keeps its first handover here; the Keputusan column names
    the later one. None while nothing was handed over."""
    serah = p.penyerahan_register
    return serah[0].tanggal if serah else None


def jumlah_biaya(p: Permohonan) -> Decimal:
    """What the pemohon paid, all handovers together (the XLSX's number column)."""
    return sum((s.total for s in p.penyerahan_register), Decimal("0"))


def _rincian(halaman: int, satuan: str, harga, salinan, kirim) -> str:
    """ "penyalinan 4 lembar × Rp500,00 = Rp2.000,00; pengiriman Rp10.000,00" (the letters'
    format: ppid_manual/format.py), each product held on one line."""
    parts = []
    if salinan:
        kali = f"×{NBSP}{rupiah(harga)} ={NBSP}{rupiah(salinan)}"
        parts.append(f"penyalinan {banyaknya(halaman, satuan)} {kali}")
    if kirim:
        parts.append(f"pengiriman {rupiah(kirim)}")
    return "; ".join(parts)


def biaya_dan_cara_pembayaran(p: Permohonan) -> str:
    """Biaya dan cara pembayaran, with its breakdown (UU 14/2008 Pasal 21; Pasal 22(7) g).

    Paid: per handover, copies × unit price + delivery = total, and how it was paid as the
    handover recorded it (its tanda terima and kuitansi named). Decided but not yet handed
    over: the notice's estimate and the way of paying it gave, not yet paid. Nothing due:
    "Tanpa biaya"."""
    serah = p.penyerahan_register
    if serah:
        parts = []
        for s in serah:
            if not s.total:
                parts.append(f"Tanpa biaya (tanda terima {s.nomor})")
                continue
            satuan = s.tarif.satuan if s.tarif_id and s.tarif else "lembar"
            rincian = _rincian(
                s.jumlah_halaman, satuan, s.harga_satuan, s.biaya_salinan, s.biaya_pengiriman
            )
            # How it was paid, as the handover recorded it; a handover recorded before the
            # way of paying was kept says so rather than guessing.
            cara = s.get_cara_pembayaran_display() or "Cara pembayaran tidak dicatat"
            bukti = f"tanda terima {s.nomor}" + (
                f", kuitansi {s.nomor_kuitansi}" if s.nomor_kuitansi else ""
            )
            parts.append(f"{rupiah(s.total)}: {rincian}. {cara} ({bukti}).")
        return "\n".join(parts)
    if p.keputusan in DIBERIKAN and p.status != S.DITARIK:
        total = p.perkiraan_biaya_total
        if not total:
            return "Tanpa biaya"
        tarif = p.perkiraan_tarif
        rincian = _rincian(
            p.perkiraan_halaman or 0,
            tarif.satuan if tarif else "lembar",
            tarif.harga if tarif else Decimal("0"),
            p.perkiraan_biaya_salinan,
            p.perkiraan_biaya_kirim,
        )
        cara = p.get_cara_pembayaran_display() or "Cara pembayaran belum ditetapkan"
        return f"Perkiraan {rupiah(total)}: {rincian}. {cara}; belum dibayar."
    if p.keputusan or p.status == S.DITARIK:
        return "Tanpa biaya"
    return ""


# --- the columns ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Kolom:
    kunci: str  # the row dict's key (the register page reads r.<kunci>)
    judul: str  # the heading, as the Perki's format
    nilai: Callable[[Permohonan], Any]
    lebar: float  # share of the printed table's width
    lebar_xlsx: int
    utuh: bool = False  # spaces do not break (numbers)
    miring: bool = False  # foreign words (softcopy/hardcopy), italic as the Perki prints them
    rata: str = "kiri"
    min_teks: str = ""  # the printed column is at least this wide (tabel_pdf.KolomTabel)


KOLOM = (
    Kolom(
        "nomor",
        "Nomor pendaftaran",
        nomor_pendaftaran,
        24,
        24,
        utuh=True,
        min_teks="0000/REG-PPID/XII/2026",
    ),
    Kolom("tanggal", "Tanggal permohonan", tanggal_permohonan, 15, 12),
    Kolom("nama", "Nama pemohon", nama, 19, 24),
    Kolom("alamat", "Alamat", alamat, 20, 30),
    Kolom(
        "kontak",
        "Nomor telepon / surat elektronik",
        kontak,
        27,
        26,
        utuh=True,
        min_teks="nama.pemohon@gmail.com",
    ),
    Kolom("pekerjaan", "Pekerjaan", pekerjaan, 15, 16, min_teks="Wiraswasta"),
    Kolom("informasi", "Informasi yang diminta", informasi_diminta, 25, 40),
    Kolom("tujuan", "Tujuan penggunaan informasi", tujuan_penggunaan, 20, 30),
    Kolom(
        "status_informasi",
        "Status informasi",
        status_informasi,
        19,
        26,
        min_teks="(Diskominfos)",
    ),
    Kolom("bentuk", "Bentuk informasi yang dikuasai", bentuk_informasi, 13, 14, miring=True),
    Kolom("jenis", "Jenis permohonan", jenis_permohonan, 14, 18),
    Kolom("keputusan", "Keputusan", keputusan, 18, 28, min_teks="dikecualikan)"),
    Kolom("alasan_penolakan", "Alasan penolakan", alasan_penolakan, 16, 24),
    Kolom(
        "tanggal_pemberitahuan",
        "Hari dan tanggal pemberitahuan tertulis",
        tanggal_pemberitahuan,
        14,
        22,
    ),
    Kolom(
        "tanggal_pemberian",
        "Hari dan tanggal pemberian informasi",
        tanggal_pemberian,
        14,
        22,
    ),
    Kolom("biaya", "Biaya dan cara pembayaran", biaya_dan_cara_pembayaran, 25, 40),
)
LEBAR_NO = 6  # the "No." column's share
REGISTER_COLUMNS = ("No.", *(k.judul for k in KOLOM))
DATE_COLUMNS = {
    "tanggal": tanggal,
    "tanggal_pemberitahuan": hari_tanggal,
    "tanggal_pemberian": hari_tanggal,
}


def siapkan(permohonan: list[Permohonan]) -> None:
    """What the columns read besides the request's own row: its handovers
    (`penyerahan_register`, read in batches by key: a year's register has ten thousand keys
    and SQLite takes at most 32,766 parameters a query), the OPD that holds the information
    (`unit_register`) and the notice's copying tariff (`perkiraan_tarif`). The OPDs and the
    tariffs are a few dozen rows, read once, not joined to every request (a year's register
    built 20,000 model objects for them)."""
    by_pk: dict[int, list[Penyerahan]] = {p.pk: [] for p in permohonan}
    keys = list(by_pk)
    for i in range(0, len(keys), 5000):
        batch = keys[i : i + 5000]
        for s in (
            Penyerahan.objects.filter(permohonan_id__in=batch)
            .select_related("tarif")
            .order_by("tanggal", "pk")
        ):
            by_pk[s.permohonan_id].append(s)
    ralat = ralat_per_kasus(Permohonan, keys)
    putusan = putusan_keberatan_per_kasus(keys)
    units = {u.pk: u for u in Unit.objects.only("nama", "singkatan")} if permohonan else {}
    tarifs = {t.pk: t for t in Tarif.objects.all()} if permohonan else {}
    for p in permohonan:
        p.penyerahan_register = by_pk[p.pk]
        p.ralat_register = ralat[p.pk]
        p.putusan_keberatan = putusan.get(p.pk)
        p.unit_register = units[p.unit_tujuan_id or p.unit_registrasi_id]
        if p.perkiraan_tarif_id:
            # Into the relation's cache: Permohonan.perkiraan_biaya_* read it.
            p.perkiraan_tarif = tarifs[p.perkiraan_tarif_id]


def putusan_keberatan_per_kasus(keys: list[int]) -> dict[int, Any]:
    """Permohonan.putusan_keberatan for many requests in a few queries: the latest answer
    that reopened each (most requests have none; keberatan answers it through
    ppid_manual.penghubung)."""
    from ppid_manual import penghubung

    return penghubung.PUTUSAN_KEBERATAN(keys)


def register_rows(permohonan: Iterable[Permohonan], start: int = 1) -> list[dict[str, Any]]:
    """One dict per request, keyed by KOLOM's keys plus "no" (numbered from `start`: a later
    page of the register on screen goes on counting) and "biaya_jumlah" (the XLSX's sum)."""
    items = list(permohonan)
    siapkan(items)
    rows = []
    for i, p in enumerate(items, start=start):
        row: dict[str, Any] = {"no": i}
        for k in KOLOM:
            row[k.kunci] = k.nilai(p)
        row["biaya_jumlah"] = jumlah_biaya(p)
        rows.append(row)
    return rows


def cells(row: dict[str, Any]) -> list[str]:
    """A row as the printed cells' text (dates in words)."""
    out = [str(row["no"])]
    for k in KOLOM:
        value = row[k.kunci]
        fmt = DATE_COLUMNS.get(k.kunci)
        out.append(fmt(value) if fmt else (value or ""))
    return out
