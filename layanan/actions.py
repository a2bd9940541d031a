"""The writes of the services across the processes: the surat pengantar of the Laporan."""

from __future__ import annotations

import datetime

from django.db import transaction

from layanan.documents import LaporanPengantarDokumen, penandatangan_laporan
from layanan.laporan import Angka
from layanan.models import LaporanLayanan
from ppid_manual.models import FormatNomor, Pejabat, User
from ppid_manual.workflow import calendar
from ppid_manual.workflow.engine import StepRefused, record_event
from ppid_manual.workflow.numbering import NumberingError, next_number

LANGKAH_PENGANTAR = "terbitkan_pengantar_laporan"


def issue_pengantar_laporan(
    narasi: LaporanLayanan, angka: Angka, *, by: User, tanggal: datetime.date
) -> LaporanLayanan:
    """Issue the numbered surat pengantar that sends the report to the Atasan PPID, copied to
    the Komisi Informasi Provinsi Bali (Perki 1/2021: the report goes to the Komisi
    Informasi). Once per report: the number is taken from the number formats, the letter
    stored as issued (its PDF and SHA-256 named by the event), reprinted from those bytes."""
    from ppid_manual import hash_riwayat as rantai
    from ppid_manual.workflow import terbit

    if tanggal > calendar.today():
        raise StepRefused("Tanggal surat pengantar tidak boleh di masa depan.")
    if tanggal < angka.dari:
        raise StepRefused("Tanggal surat pengantar tidak boleh sebelum periode laporan dimulai.")
    with transaction.atomic(), rantai.tunda():
        if narasi.pk is None:
            narasi.diubah_oleh = by
            narasi.save()
        locked = LaporanLayanan.objects.select_for_update().get(pk=narasi.pk)
        if locked.nomor_pengantar:
            raise StepRefused(
                f"Surat pengantar laporan ini sudah diterbitkan dengan nomor "
                f"{locked.nomor_pengantar}."
            )
        try:
            signer = penandatangan_laporan(locked.unit, tanggal)
        except Pejabat.DoesNotExist as exc:
            raise StepRefused(str(exc)) from None
        try:
            locked.nomor_pengantar = next_number(
                FormatNomor.Jenis.PENGANTAR_LAPORAN, day=tanggal, unit=signer.unit
            )
        except NumberingError as exc:
            raise StepRefused(str(exc)) from None
        locked.tanggal_pengantar = tanggal
        locked.penandatangan_pengantar = signer
        locked.save()
        doc = LaporanPengantarDokumen(narasi=locked, angka=angka)
        rendered = [(doc, doc.render_pdf())]
        event = record_event(
            locked,
            LANGKAH_PENGANTAR,
            by=by,
            note=f"Surat pengantar {locked.nomor_pengantar} diterbitkan.",
            data={
                "nomor_pengantar": locked.nomor_pengantar,
                "tanggal_pengantar": tanggal.isoformat(),
                "penandatangan": signer.pk,
                "sementara": angka.sementara,
                **terbit.saksi(rendered),
            },
        )
        rantai.sesudah_disambung(lambda: terbit.store(locked, rendered, event, by))
    return locked
