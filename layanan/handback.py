"""Hand-back to the online system: everything registered or changed in a period.

What counts as "changed" is read from the event log: every write goes through a step that
writes an event, so a record changed in the period is one with an event in the period. Each
exported record is marked with the last event it was exported with; a later export of the same
period contains only the records with a newer event (nothing, if nothing changed).

The archive (zip) holds `data.json` and one CSV per kind; the schema is in README.md. Personal
data (name, NIK, address, contacts) is included only in the full export (`lengkap=True`, for
the PPID); the other export never carries it.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from layanan.models import DiserahkanKembali, EksporOnline
from ppid_manual import csv_aman
from ppid_manual.models import Event

SCHEMA_VERSION = 1


def _d(value) -> str | None:
    return value.isoformat() if value else None


def _pemohon(p, lengkap: bool) -> dict[str, Any]:
    data = {"jenis": p.jenis}
    if lengkap:
        data.update(
            nama=p.nama,
            nik=p.nik,
            nomor_akta=p.nomor_akta,
            alamat=p.alamat,
            pekerjaan=p.pekerjaan,
            telepon=p.telepon,
            email=p.email,
        )
    return data


def permohonan_record(p, lengkap: bool) -> dict[str, Any]:
    return {
        "id": p.pk,
        "nomor_pendaftaran": p.nomor_pendaftaran,
        "status": p.status,
        "tanggal_daftar": _d(p.tanggal_daftar),
        "unit_registrasi": p.unit_registrasi.kode,
        "unit_tujuan": p.unit_tujuan.kode if p.unit_tujuan_id else None,
        "pemohon": _pemohon(p.pemohon_kasus, lengkap),
        "rincian_informasi": p.rincian_informasi,
        "tujuan_penggunaan": p.tujuan_penggunaan,
        "cara_memperoleh": p.cara_memperoleh,
        "cara_salinan": p.cara_salinan,
        "tenggat_awal": _d(p.tenggat_awal),
        "tenggat": _d(p.tenggat),
        "diperpanjang": p.diperpanjang,
        "nomor_perpanjangan": p.nomor_perpanjangan,
        "keputusan": p.keputusan,
        "klasifikasi": p.klasifikasi,
        "nomor_pemberitahuan": p.nomor_pemberitahuan,
        "tanggal_pemberitahuan": _d(p.tanggal_pemberitahuan),
        "pasal17": p.pasal17,
        "undang_undang_lain": p.undang_undang_lain,
        "nomor_sk_penolakan": p.nomor_sk_penolakan,
        # The Atasan PPID's answer that reopened the request: a later fact beside the PPID's
        # decision above, which it leaves as the notice stated it.
        "putusan_keberatan": _putusan_keberatan(p.putusan_keberatan),
        "tanggal_ditutup": _d(p.tanggal_ditutup),
        "entri_susulan": _susulan(p),
    }


def _putusan_keberatan(k) -> dict[str, Any] | None:
    if k is None:
        return None
    return {
        "nomor_registrasi": k.nomor_registrasi,
        "keputusan": k.keputusan,
        "nomor_tanggapan": k.nomor_tanggapan,
        "tanggal_tanggapan": _d(k.tanggal_tanggapan),
        "informasi_diberikan": k.informasi_diberikan,
        "informasi_tertutup": k.informasi_tertutup,
        "pasal17": k.pasal17,
        "biaya_ditetapkan": str(k.biaya_ditetapkan) if k.biaya_ditetapkan is not None else None,
        "tanggal_tersedia": _d(k.tanggal_tersedia),
    }


def _susulan(case) -> dict[str, Any] | None:
    """A late entry of a paper form (ppid_manual/workflow/susulan.py), flagged in the export."""
    if not case.entri_susulan:
        return None
    return {
        "nomor_kertas": case.nomor_kertas,
        "alasan": case.alasan_susulan,
        "petugas": case.petugas_kertas,
        "terlambat": case.susulan_terlambat,
    }


def keberatan_record(k, lengkap: bool) -> dict[str, Any]:
    return {
        "id": k.pk,
        "nomor_registrasi": k.nomor_registrasi,
        "status": k.status,
        "tanggal_registrasi": _d(k.tanggal_registrasi),
        "permohonan_id": k.permohonan_id,
        "nomor_pendaftaran": k.permohonan.nomor_pendaftaran if k.permohonan_id else None,
        "pemohon": _pemohon(k.pemohon_kasus, lengkap),
        "kuasa": {"nama": k.kuasa_nama, "alamat": k.kuasa_alamat, "telepon": k.kuasa_telepon}
        if lengkap and k.kuasa_nama
        else None,
        "alasan": k.alasan,
        "tenggat_tanggapan": _d(k.tenggat_tanggapan),
        "keputusan": k.keputusan,
        "nomor_tanggapan": k.nomor_tanggapan,
        "tanggal_tanggapan": _d(k.tanggal_tanggapan),
        "sikap_pemohon": k.sikap_pemohon,
        "tanggal_sengketa": _d(k.tanggal_sengketa),
        "tanggal_diterima": _d(k.tanggal_diterima),
        "entri_susulan": _susulan(k),
    }


def dip_record(e, lengkap: bool) -> dict[str, Any]:
    return {
        "id": e.pk,
        "unit": e.unit.kode,
        "tahun": e.tahun,
        "status": e.status,
        "nomor_sk": e.nomor_sk,
        "tanggal_sk": _d(e.tanggal_sk),
        "jumlah_informasi": e.informasi.count(),
    }


@dataclass(frozen=True)
class Kind:
    name: str
    model_path: str
    select: tuple[str, ...]
    record: Any
    # Reads what the records need besides their rows, for all of them at once.
    siapkan: Any = None

    @property
    def model(self):
        from django.apps import apps

        return apps.get_model(self.model_path)


def _siapkan_permohonan(rows: list) -> None:
    from registrasi.register import putusan_keberatan_per_kasus

    putusan = putusan_keberatan_per_kasus([p.pk for p in rows])
    for p in rows:
        p.putusan_keberatan = putusan.get(p.pk)


KINDS = (
    Kind(
        "permohonan",
        "registrasi.Permohonan",
        ("pemohon", "unit_registrasi", "unit_tujuan"),
        permohonan_record,
        _siapkan_permohonan,
    ),
    Kind("keberatan", "keberatan.Keberatan", ("pemohon", "permohonan"), keberatan_record),
    Kind("dip_edisi", "dip.DipEdisi", ("unit",), dip_record),
)


def _period_bounds(dari: datetime.date, sampai: datetime.date):
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(dari, datetime.time.min, tzinfo=tz)
    end = datetime.datetime.combine(
        sampai + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
    )
    return start, end


def _event_row(e: Event, kind: str) -> dict[str, Any]:
    return {
        "jenis": kind,
        "id_rekaman": e.object_id,
        "id_riwayat": e.pk,
        "waktu": timezone.localtime(e.created_at).isoformat(),
        "pelaku": e.actor.username if e.actor_id else None,
        "langkah": e.step,
        "dari_status": e.from_state,
        "ke_status": e.to_state,
        "catatan": e.note,
    }


def build(
    dari: datetime.date, sampai: datetime.date, *, lengkap: bool, by=None, semua: bool = False
) -> tuple[bytes, EksporOnline]:
    """Export what was registered or changed between `dari` and `sampai` (inclusive) and not
    yet handed back (or everything in the period with `semua=True`), and mark it."""
    start, end = _period_bounds(dari, sampai)
    payload: dict[str, Any] = {
        "schema": SCHEMA_VERSION,
        "dari": dari.isoformat(),
        "sampai": sampai.isoformat(),
        "lengkap": lengkap,
        "dibuat": timezone.localtime().isoformat(),
    }
    marks: list[tuple[ContentType, int, int]] = []
    riwayat: list[dict[str, Any]] = []
    with transaction.atomic():
        for kind in KINDS:
            ct = ContentType.objects.get_for_model(kind.model)
            latest = dict(
                Event.objects.filter(content_type=ct, created_at__gte=start, created_at__lt=end)
                .values_list("object_id")
                .annotate(last=Max("pk"))
                .order_by()
            )
            if not semua and latest:
                sent = dict(
                    DiserahkanKembali.objects.filter(
                        content_type=ct, object_id__in=list(latest)
                    ).values_list("object_id", "event_terakhir")
                )
                latest = {oid: last for oid, last in latest.items() if sent.get(oid, 0) < last}
            objects = (
                kind.model._default_manager.filter(pk__in=list(latest))
                .select_related(*kind.select)
                .order_by("pk")
            )
            objects = list(objects)
            if kind.siapkan is not None:
                kind.siapkan(objects)
            payload[kind.name] = [kind.record(obj, lengkap) for obj in objects]
            events = (
                Event.objects.filter(content_type=ct, object_id__in=list(latest))
                .select_related("actor")
                .order_by("object_id", "pk")
            )
            if not lengkap:
                # Event notes may name the pemohon: only the full export carries them.
                rows = [{**_event_row(e, kind.name), "catatan": ""} for e in events]
            else:
                rows = [_event_row(e, kind.name) for e in events]
            riwayat.extend(rows)
            marks.extend((ct, oid, last) for oid, last in latest.items())
        payload["riwayat"] = riwayat
        archive = _archive(payload)
        ekspor = EksporOnline.objects.create(
            oleh=by,
            dari=dari,
            sampai=sampai,
            lengkap=lengkap,
            jumlah={k.name: len(payload[k.name]) for k in KINDS} | {"riwayat": len(riwayat)},
            sha256=hashlib.sha256(archive).hexdigest(),
        )
        for ct, oid, last in marks:
            DiserahkanKembali.objects.update_or_create(
                content_type=ct,
                object_id=oid,
                defaults={"event_terakhir": last, "ekspor": ekspor},
            )
    return archive, ekspor


def _csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    if not rows:
        return ""
    flat = [
        {
            k: json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v
            for k, v in row.items()
        }
        for row in rows
    ]
    # Every cell through the one CSV helper: a name like "=HYPERLINK(...)" stays text.
    writer = csv_aman.dict_writer(out, fieldnames=list(flat[0]))
    writer.writeheader()
    writer.writerows(flat)
    return out.getvalue()


def _archive(payload: dict[str, Any]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("data.json", json.dumps(payload, ensure_ascii=False, indent=1))
        for kind in KINDS:
            zf.writestr(f"{kind.name}.csv", _csv(payload[kind.name]))
        zf.writestr("riwayat.csv", _csv(payload["riwayat"]))
    return buffer.getvalue()
