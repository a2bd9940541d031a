"""One search for the whole desk (the navbar's box): any number the app issues, a name, a NIK,
a phone number or words of the requested information, across permohonan, keberatan and the DIP,
whatever the tab or the status.

Every result is read through the same `for_user` querysets as the record pages, so a search
never shows a case the user could not open (a PPID Pelaksana does not learn that another OPD's
request exists). An exact number that leads to one case opens it directly; this is also how a
receipt's code read by a USB barcode scanner (it types the code and Enter) opens the case.

    hasil = cari(user, "0001/REG-PPID/XII/2026")
    hasil.langsung      # the URL of the one case the number names, else ""
    hasil.permohonan, hasil.keberatan, hasil.dip   # lists of rows, at most BATAS each
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import reduce
from operator import and_

from django.db.models import Q
from django.urls import reverse

from pemohon import kasus
from ppid_manual import kode
from ppid_manual.postgres import key_in

#: What a person may type or a scanner may send: longer input is cut (never an error).
PANJANG_MAKS = 200
#: Rows shown per kind of record; the page says when there are more.
BATAS = 50
#: Shorter text is looked up only as an exact number: one or two letters match everyone.
MIN_TEKS = 3
# A phone number or a NIK typed with separators: "0812-3456 7890", "+62 812 ...".
ANGKA = re.compile(r"^\+?[0-9 ().\-]+$")


def bersihkan(text: str) -> str:
    """The query as searched: control characters (a NUL byte is refused by PostgreSQL) dropped,
    spaces collapsed, at most PANJANG_MAKS characters, a receipt's check code removed."""
    text = "".join(ch for ch in (text or "") if unicodedata.category(ch)[0] != "C" or ch == " ")
    text = " ".join(text.split())[:PANJANG_MAKS].strip()
    # The receipt's code (ppid_manual/kode.py, printed and QR-encoded on the pemohon's copy):
    # its number is what identifies the case.
    return kode.baca_kode(text) or text


@dataclass
class Hasil:
    q: str
    langsung: str = ""
    permohonan: list = field(default_factory=list)
    keberatan: list = field(default_factory=list)
    dip: list = field(default_factory=list)
    lebih: dict[str, bool] = field(default_factory=dict)
    # A receipt's code whose check characters do not match (kode.PESAN_SALAH): not searched.
    kode_salah: str = ""

    @property
    def jumlah(self) -> int:
        return len(self.permohonan) + len(self.keberatan) + len(self.dip)


def _nomor(q: str) -> list[str]:
    """The forms an issued number may be typed in: as printed (upper case) or as typed."""
    return sorted({q, q.upper()})


def permohonan_bernomor(user, q: str):
    """The requests a number issued on them names exactly: the registration, the extension,
    the notice, the SK penolakan, a surat permintaan to an OPD, a tanda terima penyerahan."""
    from registrasi.models import Penyerahan, Permohonan, SuratPermintaan

    v = _nomor(q)
    pks = set(
        Permohonan.objects.filter(
            Q(nomor_pendaftaran__in=v)
            | Q(nomor_perpanjangan__in=v)
            | Q(nomor_pemberitahuan__in=v)
            | Q(nomor_sk_penolakan__in=v)
        ).values_list("pk", flat=True)
    )
    pks.update(SuratPermintaan.objects.filter(nomor__in=v).values_list("permohonan_id", flat=True))
    pks.update(Penyerahan.objects.filter(nomor__in=v).values_list("permohonan_id", flat=True))
    if not pks:
        return Permohonan.objects.none()
    return Permohonan.objects.for_user(user).filter(pk__in=pks)


def keberatan_bernomor(user, q: str):
    from keberatan.models import Keberatan

    v = _nomor(q)
    return Keberatan.objects.for_user(user).filter(
        Q(nomor_registrasi__in=v) | Q(nomor_tanggapan__in=v)
    )


def edisi_bernomor(user, q: str):
    from dip.models import DipEdisi

    v = _nomor(q)
    return DipEdisi.objects.for_user(user).filter(Q(nomor_sk__in=v) | Q(nomor_pengantar__in=v))


def _telepon(digits: str) -> str:
    """A phone number as typed, in any notation: its digits with any separators between them
    (stored "0812 3456 7890", "0812-3456-7890" or "+62 812 3456 7890" all match "081234567890"
    and "+62 812-3456-7890"). A full number loses its trunk or country prefix first."""
    core = digits
    if len(digits) >= 9:
        core = digits[2:] if digits.startswith("62") else digits.lstrip("0") or digits
    return "[^0-9]*".join(core)


def _identitas_kasus(q: str) -> Q:
    """The cases whose own identity (the names and phones given on that case) matches: a
    pemohon who came back with a new name is found by the old one too."""
    from pemohon.models import identitas_kasus_cocok

    digits = "".join(ch for ch in q if ch.isdigit())
    if len(digits) >= 6 and ANGKA.match(q):
        return identitas_kasus_cocok(nama=q, nik=digits, telepon_regex=_telepon(digits))
    return identitas_kasus_cocok(nama=q)


def _kata(q: str, column: str) -> Q:
    """Every word of the query appears in `column` (case-insensitive)."""
    return reduce(and_, (Q(**{f"{column}__icontains": w}) for w in q.split()[:10]))


def cari(user, text: str) -> Hasil:
    from dip.models import DipEdisi, InformasiPublik
    from keberatan.models import Keberatan
    from registrasi.models import Permohonan

    q = bersihkan(text)
    hasil = Hasil(q=q)
    if not q:
        return hasil
    if kode.kode_salah(q):
        hasil.kode_salah = kode.pesan_salah(q)
        return hasil

    # An issued number names one case: open it (the desk's "scan the receipt, see the case").
    tepat: set[str] = set()
    for url_name, qs in (
        ("registrasi:detail", permohonan_bernomor(user, q)),
        ("keberatan:detail", keberatan_bernomor(user, q)),
        ("dip:edisi", edisi_bernomor(user, q)),
    ):
        tepat.update(reverse(url_name, args=[pk]) for pk in qs.values_list("pk", flat=True)[:2])
    if len(tepat) == 1:
        hasil.langsung = tepat.pop()
        return hasil

    if len(q) < MIN_TEKS:
        return hasil
    S = Permohonan.Status
    # The pemohon found by a name, NIK or phone one of their cases this user may see was given
    # (never the shared record: DESIGN.md section 7), and their other cases here.
    identitas = _identitas_kasus(q)
    pemohon = kasus.pemohon_dikenal(user, identitas, Permohonan.objects.db)
    p_qs = (
        Permohonan.objects.for_user(user)
        .exclude(status=S.BARU)
        .filter(
            Q(nomor_pendaftaran__icontains=q) | pemohon | identitas | _kata(q, "rincian_informasi")
        )
        .select_related("pemohon", "unit_registrasi", "unit_tujuan")
        .order_by("-pk")
    )
    nomor_permohonan = Permohonan.objects.filter(nomor_pendaftaran__icontains=q).values("pk")
    k_qs = (
        Keberatan.objects.for_user(user)
        .registered()
        .filter(
            Q(nomor_registrasi__icontains=q)
            | Q(nomor_tanggapan__icontains=q)
            | key_in("permohonan_id", nomor_permohonan, Keberatan.objects.db)
            | pemohon
            | identitas
            | Q(kuasa_nama__icontains=q)
            | _kata(q, "informasi_diminta")
        )
        .select_related("pemohon", "permohonan")
        .order_by("-pk")
    )
    edisi = DipEdisi.objects.for_user(user).values("pk")
    d_qs = (
        InformasiPublik.objects.filter(edisi__in=edisi)
        .filter(_kata(q, "ringkasan") | Q(edisi__nomor_sk__icontains=q))
        .select_related("edisi", "edisi__unit")
        .order_by("-edisi__tahun", "edisi__unit__nama", "nomor", "pk")
    )
    for name, qs in (("permohonan", p_qs), ("keberatan", k_qs), ("dip", d_qs)):
        rows = list(qs[: BATAS + 1])
        hasil.lebih[name] = len(rows) > BATAS
        setattr(hasil, name, rows[:BATAS])
    return hasil
