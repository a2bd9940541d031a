"""Long registers printed in the background, with their progress on a page that polls.

A year's Register Permohonan (10,687 rows in the 100k bench database) takes several seconds
to build even with ReportLab: longer than a desk user should stare at a blank tab, and close
to gunicorn's worker timeout (30 s) on a loaded PC. A period of more than LANGSUNG_MAKS rows is
therefore built in a thread of the worker that received the request, which returns at once to
a progress page; the page reloads itself every two seconds (a meta refresh: the CSP allows no
inline script) until the PDF can be downloaded.

Why a thread with the job in the database, and not a streamed response or a task queue:
- gunicorn's sync worker kills a worker whose request runs past the timeout, streaming or not:
  a streamed PDF of 40 s never arrives. A thread outside the request does not hold the worker
  (its main loop keeps answering and notifying the arbiter).
- The job row (ppid_manual.models.CetakanRegister) holds the progress and the PDF, so any
  worker answers the poll and the download: it works with one worker and with two (or two
  servers) sharing the database, and no broker (Redis, Celery) has to run on the desk PC.
- A worker restarted in the middle loses its thread: the job then stops moving, is shown as
  stopped after BATAS_DIAM, and the user starts it again with one click.
"""

from __future__ import annotations

import datetime
import logging
import threading
import time

from django.db import OperationalError, connections, transaction
from django.utils import timezone

from layanan.models import CetakanRegister
from ppid_manual.models import User
from ppid_manual.workflow import tabel_pdf
from ppid_manual.workflow.tabel_pdf import angka

log = logging.getLogger(__name__)

# Periods up to this many rows print within the request; longer ones come here (the kernel
# defines the limit: the process pages that apply it do not import this floor).
LANGSUNG_MAKS = tabel_pdf.LANGSUNG_MAKS
# No progress for this long: the thread is gone (see the module's docstring). On the model, which
# the kernel keeps (CetakanRegister.terhenti).
BATAS_DIAM = CetakanRegister.BATAS_DIAM
# A finished (or failed) job and its PDF are kept this long, then deleted: it holds personal
# data (UU 27/2022) and a register is a live view, printed again when needed.
SIMPAN = datetime.timedelta(days=1)
# The progress is written at most this often (seconds): each write is one UPDATE.
JEDA_LAPOR = 0.5

J = CetakanRegister.Jenis
S = CetakanRegister.Status
# Each register's own page (where the offer leads back to).
HALAMAN = {J.PERMOHONAN: "registrasi:register", J.KEBERATAN: "keberatan:register"}


def _dokumen(job: CetakanRegister, user: User):
    """The register document of the job's kind and period, as this user may see it."""
    if job.jenis == J.PERMOHONAN:
        from registrasi.documents import RegisterPermohonan, nomor_batal
        from registrasi.models import Permohonan
        from registrasi.register import register_rows

        qs = Permohonan.objects.for_user(user).register(job.dari, job.sampai)
        return RegisterPermohonan(
            register_rows(qs), job.dari, job.sampai, batal=nomor_batal(job.dari, job.sampai)
        )
    if job.jenis == J.KEBERATAN:
        from keberatan.documents import RegisterKeberatan, register_queryset, register_rows

        rows = register_rows(register_queryset(user, job.dari, job.sampai))
        return RegisterKeberatan(rows, job.dari, job.sampai)
    raise ValueError(f"Register tidak dikenal: {job.jenis}")


def mulai(jenis: str, dari: datetime.date, sampai: datetime.date, *, by: User, jumlah: int):
    """A new job for `by`, started in the background once the row is committed. Old jobs
    (older than SIMPAN) are deleted on the way."""
    now = timezone.now()
    with transaction.atomic():
        CetakanRegister.objects.filter(dibuat__lt=now - SIMPAN).delete()
        job = CetakanRegister.objects.create(
            jenis=jenis,
            dari=dari,
            sampai=sampai,
            pengguna=by,
            jumlah_baris=jumlah,
            keterangan="Menunggu giliran",
            diperbarui=now,
        )
        transaction.on_commit(lambda: jalankan_di_latar(job.pk))
    return job


def jalankan_di_latar(pk) -> None:
    """Run `susun(pk)` in a daemon thread of this process (tests replace this function to run
    it in step)."""
    threading.Thread(target=susun, args=(pk,), name=f"register-{pk}", daemon=True).start()


def _simpan(pk, **fields) -> None:
    """Write the job's progress. On SQLite (the single-PC mode) a write can meet another
    request's write at the same moment and be refused at once ("database table is locked")
    instead of waiting: the progress write is tried again for up to two seconds."""
    for attempt in range(40):
        try:
            CetakanRegister.objects.filter(pk=pk).update(diperbarui=timezone.now(), **fields)
            return
        except OperationalError as exc:
            if "locked" not in str(exc) or attempt == 39:
                raise
            time.sleep(0.05)


def susun(pk) -> None:
    """Build the job's PDF, writing its progress; a failure is recorded on the job (and
    logged), never left as a job that runs for ever."""
    try:
        job = CetakanRegister.objects.select_related("pengguna").get(pk=pk)
        _simpan(pk, status=S.BERJALAN, kemajuan=1, keterangan="Membaca data register")
        doc = _dokumen(job, job.pengguna)
        _simpan(
            pk,
            jumlah_baris=len(doc.rows),
            kemajuan=20,
            keterangan=f"{angka(len(doc.rows))} baris dibaca; menyusun halaman",
        )
        last = [time.monotonic()]

        def kemajuan(fraction: float, what: str) -> None:
            now = time.monotonic()
            if now - last[0] >= JEDA_LAPOR:
                last[0] = now
                _simpan(pk, kemajuan=20 + int(79 * fraction), keterangan=what[:300])

        pdf = doc.render_pdf(kemajuan=kemajuan)
        _simpan(pk, status=S.SELESAI, kemajuan=100, keterangan="Selesai", pdf=pdf)
    except Exception as exc:
        log.exception("Register %s gagal disusun", pk)
        try:
            _simpan(pk, status=S.GAGAL, keterangan=f"Gagal: {exc}"[:300])
        except Exception:  # the database itself is gone; the job will show as stopped
            log.exception("Status gagal register %s tidak tersimpan", pk)
    finally:
        # The thread's own connection (connections are per thread): closed here, or it stays
        # open until the process ends.
        if threading.current_thread() is not threading.main_thread():
            connections.close_all()


def _aksi(jenis: str) -> str:
    """The action of the permission table (ppid_manual/izin.py) that opens this register."""
    from ppid_manual.izin import Aksi

    return Aksi.REGISTER_PERMOHONAN if jenis == J.PERMOHONAN else Aksi.REGISTER_KEBERATAN


def boleh(user: User, jenis: str) -> bool:
    """May this user print this register (the roles that may open its page)?"""
    from ppid_manual import izin

    return izin.boleh(user, _aksi(jenis))


def hitung(jenis: str, user: User, dari: datetime.date, sampai: datetime.date) -> int:
    """The number of rows of the register as this user sees it."""
    if jenis == J.PERMOHONAN:
        from registrasi.models import Permohonan

        return Permohonan.objects.for_user(user).register(dari, sampai).count()
    from keberatan.documents import register_queryset

    return register_queryset(user, dari, sampai).count()


def tawarkan(request, jenis: str, dari, sampai, jumlah: int):
    """The page that offers to build a long register in the background (a POST: it starts
    work and writes a row), in place of a PDF that would take too long."""
    from django.shortcuts import render
    from django.urls import reverse

    response = render(
        request,
        "ppid_manual/cetak_register.html",
        {
            "judul": J(jenis).label,
            "jenis": jenis,
            "dari": dari,
            "sampai": sampai,
            "jumlah": jumlah,
            "kembali": f"{reverse(HALAMAN[jenis])}?dari={dari:%Y-%m-%d}&sampai={sampai:%Y-%m-%d}",
        },
    )
    response["Cache-Control"] = "no-store"
    return response
