"""The printed documents of the DIP (DESIGN.md 5): the recap for review, the correction
sheets, the SK DIP with the DIP table as its lampiran, the surat pengantar, and the DIK with
its uji konsekuensi. One small class per document; every template extends the one letter
base (print/base_surat.html)."""

from __future__ import annotations

import datetime
from itertools import groupby
from typing import Any

from django.utils import timezone

from dip.models import CatatanKoreksi, DipEdisi, InformasiDikecualikan, PenetapanDik
from ppid_manual.models import DasarHukum, Pejabat
from ppid_manual.workflow.pdf import DokumenRalat, PrintDocument, slug_nomor
from ppid_manual.workflow.ralat import ralat_of


def kelompok_informasi(edisi: DipEdisi) -> list[dict[str, Any]]:
    """The entries grouped by OPD, numbered on through the whole table (as in the lampiran)."""
    groups = []
    nomor = 0
    for opd, rows in groupby(edisi.semua_informasi(), key=lambda i: i.opd):
        items = []
        for info in rows:
            nomor += 1
            items.append({"no": nomor, "info": info})
        groups.append({"opd": opd, "items": items})
    return groups


def pisah_akhir(groups: list[dict[str, Any]], n: int = 2):
    """The groups split so that the last `n` rows form a tail printed with the signature
    (a lampiran's signature never stands alone on a page). A group cut in two shows its
    heading once, in the head."""
    total = sum(len(g["items"]) for g in groups)
    if total <= n:
        return [], groups
    head: list[dict[str, Any]] = []
    tail: list[dict[str, Any]] = []
    left = total - n
    for g in groups:
        items = g["items"]
        if left >= len(items):
            head.append(g)
            left -= len(items)
        elif left > 0:
            head.append({**g, "items": items[:left]})
            tail.append({**g, "items": items[left:], "lanjutan": True})
            left = 0
        else:
            tail.append(g)
    return head, tail


class _DokumenEdisi(PrintDocument):
    def __init__(self, edisi: DipEdisi, request=None, **kwargs: Any) -> None:
        super().__init__(request, edisi=edisi, **kwargs)
        self.edisi = edisi

    def kasus(self) -> DipEdisi:
        return self.edisi

    def get_context(self) -> dict[str, Any]:
        groups = kelompok_informasi(self.edisi)
        return {
            **super().get_context(),
            "kelompok": groups,
            "jumlah": sum(len(g["items"]) for g in groups),
            "per_opd": self.edisi.is_provinsi,
        }

    def _nama(self, jenis: str) -> str:
        return f"{jenis}-{self.edisi.unit.kode.lower()}-{self.edisi.tahun}.pdf"


class RekapDip(_DokumenEdisi):
    """The recap the petugas hands to the PPID for review (SOP langkah 1), or the OPD's own
    list as submitted."""

    template_name = "dip/print/rekap.html"
    title = "Rekapitulasi Daftar Informasi Publik"
    landscape = True

    def get_context(self) -> dict[str, Any]:
        pengajuan = []
        if self.edisi.is_provinsi:
            pengajuan = list(
                DipEdisi.objects.opd()
                .filter(tahun=self.edisi.tahun)
                .select_related("unit")
                .order_by("unit__nama")
            )
        context = super().get_context()
        terbuka: dict[int, list[CatatanKoreksi]] = {}
        for note in CatatanKoreksi.objects.filter(
            informasi__in=self.edisi.semua_informasi(), ditindaklanjuti_pada__isnull=True
        ):
            terbuka.setdefault(note.informasi_id, []).append(note)
        for grup in context["kelompok"]:
            for item in grup["items"]:
                item["catatan"] = terbuka.get(item["info"].pk, [])
        return {**context, "pengajuan": pengajuan, "tampil_catatan": True}

    def filename(self) -> str:
        return self._nama("rekap-dip")


class LembarKoreksi(_DokumenEdisi):
    """The correction sheets: every note that sent this DIP (or its entries) back, with the
    date it was followed up (SOP langkah 2: keep the history of notes)."""

    template_name = "dip/print/koreksi.html"
    title = "Lembar Koreksi Daftar Informasi Publik"
    landscape = True

    def get_context(self) -> dict[str, Any]:
        edisi_ids = [self.edisi.pk]
        if self.edisi.is_provinsi:
            edisi_ids += list(self.edisi.pengajuan.values_list("pk", flat=True))
        notes = (
            CatatanKoreksi.objects.filter(edisi_id__in=edisi_ids)
            .select_related("edisi", "edisi__unit", "informasi", "dibuat_oleh")
            .order_by("edisi__unit__nama", "dibuat_pada", "pk")
        )
        bagian = [
            {"edisi": edisi, "catatan": list(rows)}
            for edisi, rows in groupby(notes, key=lambda n: n.edisi)
        ]
        return {**super().get_context(), "bagian": bagian}

    def filename(self) -> str:
        return self._nama("koreksi-dip")


class SkDip(_DokumenEdisi):
    """The SK that adopts the DIP, with the DIP table as its lampiran (on landscape pages)."""

    template_name = "dip/print/sk_dip.html"
    title = "Keputusan tentang Daftar Informasi Publik"
    jenis_terbit = "sk-dip"  # with its lampiran: one document

    def nomor_terbit(self) -> str:
        return self.edisi.nomor_sk

    def tanggal_terbit(self) -> datetime.date | None:
        return self.edisi.tanggal_sk

    def get_context(self) -> dict[str, Any]:
        context = super().get_context()
        awal, akhir = pisah_akhir(context["kelompok"])
        day = self.edisi.tanggal_sk or timezone.localdate()
        return {
            **context,
            "kelompok_awal": awal,
            "kelompok_akhir": akhir,
            "pejabat": self.edisi.penandatangan_sk,
            "tanggal_surat": self.edisi.tanggal_sk,
            "mengingat": DasarHukum.mengingat(DasarHukum.Keputusan.SK_DIP, day),
            "salinan": salinan_sk_dip(self.edisi, day),
        }

    def filename(self) -> str:
        return self._nama("sk-dip")


def _jabatan(peran: str, day: datetime.date, otherwise: str) -> str:
    """The jabatan of the official holding `peran` on `day` (the officials table), with its
    capacity; the role's own name when the table has nobody for it."""
    try:
        return Pejabat.signer(peran, day).jabatan_ttd
    except Pejabat.DoesNotExist:
        return otherwise


def salinan_sk_dip(edisi: DipEdisi, day: datetime.date) -> list[str]:
    """Who receives a copy of the SK DIP ("Salinan Keputusan ini disampaikan kepada Yth."):
    the province's, signed by the Atasan PPID, goes to the Governor, the PPID, the OPDs and
    the Komisi Informasi; an OPD's, signed by its head, to the Atasan PPID, the PPID and its
    own PPID Pelaksana. The officials' jabatan from the officials table of its date."""
    ppid = _jabatan(Pejabat.Peran.PPID, day, "PPID Pemerintah Provinsi Bali")
    if edisi.is_provinsi:
        return [
            "Gubernur Bali",
            ppid,
            "Kepala Perangkat Daerah di lingkungan Pemerintah Provinsi Bali",
            "Ketua Komisi Informasi Provinsi Bali",
        ]
    atasan = _jabatan(Pejabat.Peran.ATASAN_PPID, day, "Atasan PPID Pemerintah Provinsi Bali")
    return [atasan, ppid, f"PPID Pelaksana {edisi.unit.nama}"]


class SuratPengantarDip(_DokumenEdisi):
    """The covering letter that sends the adopted DIP to be published (SOP langkah 3)."""

    template_name = "dip/print/pengantar.html"
    title = "Surat Pengantar Daftar Informasi Publik"
    jenis_terbit = "pengantar-dip"

    def nomor_terbit(self) -> str:
        return self.edisi.nomor_pengantar

    def tanggal_terbit(self) -> datetime.date | None:
        return self.edisi.tanggal_pengantar

    def get_context(self) -> dict[str, Any]:
        return {
            **super().get_context(),
            "pejabat": self.edisi.penandatangan_pengantar,
            "tanggal_surat": self.edisi.tanggal_pengantar,
            "nomor_surat": self.edisi.nomor_pengantar,
            "lampiran": "1 (satu) berkas",
            "perihal": f"Penyampaian Daftar Informasi Publik {self.edisi.pemilik} "
            f"Tahun {self.edisi.tahun}",
        }

    def filename(self) -> str:
        return self._nama("pengantar-dip")


def penandatangan_ralat(edisi: DipEdisi, jenis: str, day: datetime.date) -> Pejabat:
    """Who signs the ralat of an edition's letter: whoever signs that letter, on the ralat's
    date (the province's SK: the Sekda as Atasan PPID; its surat pengantar: the PPID; an
    OPD's SK and surat pengantar: the head of the OPD)."""
    if not edisi.is_provinsi:
        return Pejabat.signer(Pejabat.Peran.KEPALA_OPD, day, unit=edisi.unit)
    peran = Pejabat.Peran.ATASAN_PPID if jenis == "sk-dip" else Pejabat.Peran.PPID
    return Pejabat.signer(peran, day)


class RalatDip(DokumenRalat, _DokumenEdisi):
    """A correction of the SK DIP (its lampiran) or of the surat pengantar (issue 15;
    ppid_manual/workflow/ralat.py), naming what it corrects, why, and each part as written and
    as it should read. The surat pengantar's is a letter "RALAT"; the SK DIP's is a keputusan
    (Tata Naskah Dinas: a keputusan is corrected by a keputusan, "tentang Perubahan atas
    Keputusan …"), numbered in the SK DIP's series (dip.actions.RALAT)."""

    perubahan = {
        SkDip.jenis_terbit: (
            "dip/print/sk_dip_perubahan.html",
            "Keputusan tentang Perubahan atas Keputusan tentang DIP",
            "sk-dip-perubahan",
        )
    }

    def get_context(self) -> dict[str, Any]:
        e, d = self.edisi, self.ralat.dokumen
        if self.is_perubahan:
            return self._perubahan()
        if d.jenis == "pengantar-dip" and e.tujuan_pengantar:
            yth = e.tujuan_pengantar
        elif e.is_provinsi:
            yth = "Pejabat Pengelola Informasi dan Dokumentasi Pemerintah Provinsi Bali"
        else:
            yth = f"PPID Pelaksana {e.unit.nama}"
        # Not the lampiran's table: the ralat names only what it corrects.
        return {
            "edisi": e,
            "ralat": self.ralat,
            "diralat": d,
            "perkara": f"Daftar Informasi Publik {e.pemilik} Tahun {e.tahun}",
            "nomor_surat": self.ralat.nomor,
            "tanggal_surat": self.ralat.tanggal,
            "perihal": f"Ralat {d.judul} Nomor {d.nomor}".strip(),
            "pejabat": penandatangan_ralat(e, d.jenis, self.ralat.tanggal),
            "yth_nama": yth,
            "yth_baris": [],
        }

    def _perubahan(self) -> dict[str, Any]:
        """The keputusan that amends the SK DIP: its own number and date, signed by whoever
        signs the SK on that date; the SK's Mengingat with the SK itself last; the parts of
        the lampiran as written and as they now read; the SK's salinan list."""
        e, d, day = self.edisi, self.ralat.dokumen, self.ralat.tanggal
        return {
            "edisi": e,
            "ralat": self.ralat,
            "diralat": d,
            "pejabat": penandatangan_ralat(e, d.jenis, day),
            "pejabat_sk": e.penandatangan_sk,
            "tanggal_surat": day,
            "nomor_surat": self.ralat.nomor,
            "ditetapkan": True,
            "jabatan_kapital": True,
            "mengingat": DasarHukum.mengingat(DasarHukum.Keputusan.SK_DIP, day),
            "salinan": salinan_sk_dip(e, day),
        }


def terbitan(edisi: DipEdisi) -> list[_DokumenEdisi]:
    """The numbered documents of a DIP edition issued so far (stored at issue by the engine:
    ppid_manual/workflow/terbit.py): the SK with its lampiran, the surat pengantar."""
    docs: list[_DokumenEdisi] = []
    if edisi.nomor_sk and edisi.tanggal_sk:
        docs.append(SkDip(edisi))
    if edisi.nomor_pengantar:
        docs.append(SuratPengantarDip(edisi))
    docs += [RalatDip(edisi, ralat=r) for r in ralat_of(edisi)]
    return docs


class DaftarDik(PrintDocument):
    """The DIK as it stands today, a working list (a live view, unsigned: the DIK is adopted
    by the PPID's numbered keputusan, `KeputusanDik`), its items numbered."""

    template_name = "dip/print/dik_daftar.html"
    title = "Daftar Informasi yang Dikecualikan"
    landscape = True

    def __init__(self, daftar=None, request=None, **kwargs: Any) -> None:
        # No list given (the page, the specimen book): what is exempt today, as a penetapan
        # of today would list it (an entry whose weighing concluded "dibuka" is not).
        if daftar is None:
            daftar = InformasiDikecualikan.objects.dikecualikan_pada(timezone.localdate())
        kwargs["daftar"] = daftar
        super().__init__(request, **kwargs)

    def get_context(self) -> dict[str, Any]:
        context = super().get_context()
        return {
            **context,
            "baris": list(enumerate(context["daftar"], start=1)),
            "penetapan": PenetapanDik.objects.first(),
        }

    def filename(self) -> str:
        return f"dik-{timezone.localdate():%Y%m%d}.pdf"


class KeputusanDik(PrintDocument):
    """The PPID's keputusan adopting the DIK (UU 14/2008 Pasal 19; Perki 1/2021), with the
    numbered list as its lampiran, signed by the PPID in office on its date. Issued once and
    stored (terbit.py); on landscape pages for the lampiran, like the SK DIP."""

    template_name = "dip/print/penetapan_dik.html"
    title = "Keputusan PPID tentang Penetapan Daftar Informasi yang Dikecualikan"
    jenis_terbit = "penetapan-dik"

    def __init__(self, penetapan: PenetapanDik, request=None, **kwargs: Any) -> None:
        super().__init__(request, penetapan=penetapan, **kwargs)
        self.penetapan = penetapan

    def kasus(self) -> PenetapanDik:
        return self.penetapan

    def nomor_terbit(self) -> str:
        return self.penetapan.nomor

    def tanggal_terbit(self) -> datetime.date | None:
        return self.penetapan.tanggal

    def get_context(self) -> dict[str, Any]:
        daftar = list(self.penetapan.daftar())
        # The last row prints with the signature, so that it never stands alone on a page
        # (as the SK DIP's lampiran: pisah_akhir). One row, not two: an item's text runs to
        # thousands of characters, and the box that never breaks must fit a page.
        n_awal = max(len(daftar) - 1, 0)
        opd = sorted({d.opd.nama for d in daftar})
        return {
            **super().get_context(),
            "daftar": daftar,
            "jumlah": len(daftar),
            "awal": list(enumerate(daftar[:n_awal], start=1)),
            "akhir": list(enumerate(daftar[n_awal:], start=n_awal + 1)),
            "opd": opd,
            "pejabat": self.penetapan.penandatangan,
            "tanggal_surat": self.penetapan.tanggal,
            "salinan": [
                _jabatan(
                    Pejabat.Peran.ATASAN_PPID,
                    self.penetapan.tanggal,
                    "Atasan PPID Pemerintah Provinsi Bali",
                ),
                "Ketua Komisi Informasi Provinsi Bali",
                *(f"PPID Pelaksana {nama}" for nama in opd),
            ],
        }

    def filename(self) -> str:
        return f"penetapan-dik-{slug_nomor(self.penetapan.nomor)}.pdf"


def terbitan_penetapan(penetapan: PenetapanDik) -> list[KeputusanDik]:
    """The one document a penetapan issues (stored by dip.actions.issue_penetapan_dik)."""
    return [KeputusanDik(penetapan)]


class UjiKonsekuensi(PrintDocument):
    """One exempt item's lembar uji konsekuensi with its public-interest weighing (UU 14/2008
    Pasal 2(4)), signed by everyone who took part: the PPID of the day it was set, then each
    participant recorded on the entry."""

    template_name = "dip/print/dik_uji.html"
    title = "Lembar Uji Konsekuensi"

    def __init__(self, dik: InformasiDikecualikan, request=None, **kwargs: Any) -> None:
        super().__init__(request, dik=dik, **kwargs)
        self.dik = dik

    def get_context(self) -> dict[str, Any]:
        ppid = Pejabat.signer(Pejabat.Peran.PPID, self.dik.ditetapkan_pada)
        lain = [
            p
            for p in self.dik.peserta_uji.select_related("unit").order_by("unit__nama", "nama")
            if p.pk != ppid.pk
        ]
        return {
            **super().get_context(),
            "pejabat": ppid,
            "peserta": lain,
            "tanggal_surat": self.dik.ditetapkan_pada,
        }

    def filename(self) -> str:
        return f"uji-konsekuensi-{self.dik.pk}.pdf"
