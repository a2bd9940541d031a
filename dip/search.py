"""Look up the DIP in force and the DIK while deciding a request (DESIGN.md 2.2: "Staff look
both up while deciding a request").

    from dip.search import search_informasi
    for hasil in search_informasi("anggaran kesehatan"):
        hasil.jenis       # Hasil.DIP or Hasil.DIK
        hasil.objek       # the InformasiPublik or InformasiDikecualikan row
        hasil.uid         # its stable public id (to link from a permohonan)
        hasil.judul, hasil.opd, hasil.keterangan
        # DIK only: what a refusal needs
        hasil.pasal17_huruf, hasil.undang_undang_lain, hasil.konsekuensi, hasil.jangka_waktu

Every word of the query must appear (case-insensitive) in one of the searched columns. The DIP
part covers the entries of the latest adopted edition of each unit (`berlaku()`; a draft or a
superseded edition is not the DIP); the DIK part covers the items still exempt. DIK results
come first: an exempt item decides a request before an open one.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_

from django.db.models import Q

from dip.models import InformasiDikecualikan, InformasiPublik
from ppid_manual.models import Unit

KOLOM_DIP = (
    "ringkasan",
    "pejabat_penguasa",
    "penanggung_jawab",
    "tempat_pembuatan",
    "opd__nama",
    "opd__singkatan",
)
KOLOM_DIK = (
    "informasi",
    "konsekuensi",
    "undang_undang_lain",
    "dasar_penetapan",
    "opd__nama",
    "opd__singkatan",
)


@dataclass(frozen=True)
class Hasil:
    DIP = "dip"
    DIK = "dik"

    jenis: str
    objek: InformasiPublik | InformasiDikecualikan
    uid: uuid.UUID
    judul: str
    opd: Unit
    keterangan: str
    pasal17_huruf: list[str] = field(default_factory=list)
    undang_undang_lain: str = ""
    konsekuensi: str = ""
    jangka_waktu: str = ""

    @property
    def is_dik(self) -> bool:
        return self.jenis == self.DIK


def _cocok(kata: list[str], kolom: tuple[str, ...]) -> Q:
    return reduce(and_, (reduce(or_, (Q(**{f"{k}__icontains": w}) for k in kolom)) for w in kata))


def search_informasi(query: str, *, limit: int = 50) -> list[Hasil]:
    """Search the DIP in force and the active DIK for `query`; [] for an empty query."""
    kata = [w for w in (query or "").split() if w][:10]
    if not kata:
        return []
    hasil: list[Hasil] = []
    dik_rows = (
        InformasiDikecualikan.objects.aktif()
        .filter(_cocok(kata, KOLOM_DIK))
        .select_related("opd")
        .order_by("-ditetapkan_pada", "-pk")[:limit]
    )
    for dik in dik_rows:
        hasil.append(
            Hasil(
                jenis=Hasil.DIK,
                objek=dik,
                uid=dik.uid,
                judul=dik.informasi,
                opd=dik.opd,
                keterangan=f"Dikecualikan: {dik.dasar_singkat}. Jangka waktu: {dik.jangka_waktu}.",
                pasal17_huruf=dik.pasal17_huruf,
                undang_undang_lain=dik.undang_undang_lain,
                konsekuensi=dik.konsekuensi,
                jangka_waktu=dik.jangka_waktu,
            )
        )
    dip_rows = (
        InformasiPublik.objects.berlaku()
        .filter(_cocok(kata, KOLOM_DIP))
        .select_related("opd", "edisi", "edisi__unit", "edisi__provinsi")
        .order_by("opd__nama", "nomor", "pk")[: max(limit - len(hasil), 0)]
    )
    for info in dip_rows:
        sk = info.edisi if info.edisi.ditetapkan else info.edisi.provinsi
        hasil.append(
            Hasil(
                jenis=Hasil.DIP,
                objek=info,
                uid=info.uid,
                judul=info.ringkasan,
                opd=info.opd,
                keterangan=(
                    f"DIP {info.edisi.tahun} · {info.get_jenis_display()} · "
                    f"{info.get_bentuk_display()} · SK {sk.nomor_sk}"
                ),
            )
        )
    return hasil
