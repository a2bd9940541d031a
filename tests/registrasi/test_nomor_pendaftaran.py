"""The registration number's counter is locked for the number only (issue 27): the case, its
event and its stored receipt are written in a transaction that holds no counter, so desks do
not wait on each other's receipts. Every number taken is used or void ("batal", with its
reason, in the register), never both and never reused; the receipt handed out is the stored
one, byte for byte, with its hash in the registration's event."""

from __future__ import annotations

import datetime
import subprocess
import threading
import uuid

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ppid_manual.models import DokumenTerbit, Event, FormatNomor, NomorTerbit
from ppid_manual.workflow import numbering, terbit
from registrasi import actions as reg
from registrasi.models import Permohonan

PERMOHONAN = FormatNomor.Jenis.PERMOHONAN
BATAL = NomorTerbit.Keadaan.BATAL
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks and a second process need PostgreSQL"
)


def intake(nama: str, nik: str) -> reg.Intake:
    return reg.Intake(
        pemohon={
            "jenis": "perorangan",
            "nama": nama,
            "nik": nik,
            "alamat": "Jl. Gatot Subroto No. 1, Denpasar",
            "pekerjaan": "Wartawan",
            "telepon": "081234567890",
        },
        rincian_informasi=f"Data anggaran untuk {nama}",
        tujuan_penggunaan="Bahan liputan",
        cara_memperoleh=Permohonan.CaraMemperoleh.SOFTCOPY,
        cara_salinan=Permohonan.CaraSalinan.EMAIL,
        formulir_lengkap=True,
        identitas_diterima=True,
        kunci=uuid.uuid4(),
    )


def urut(nomor: str) -> int:
    return int(nomor.split("/")[0])


def nomor_rows() -> list[NomorTerbit]:
    return list(NomorTerbit.objects.filter(jenis=PERMOHONAN).order_by("urut"))


def assert_receipt_is_the_stored_one(client: Client, user, p: Permohonan) -> None:
    """The receipt the desk prints is the stored PDF, whose hash the registration's event
    names."""
    stored = DokumenTerbit.objects.for_object(p).get(jenis="formulir")
    event = Event.objects.for_object(p).get(step="daftar")
    assert event.data[terbit.SAKSI] == [
        {"jenis": "formulir", "kunci": stored.kunci, "sha256": stored.sha256}
    ]
    client.force_login(user)
    response = client.get(reverse("registrasi:cetak", args=[p.pk, "formulir"]))
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body == bytes(stored.berkas)
    assert DokumenTerbit.hitung_sha256(body) == stored.sha256


@pytest.mark.dokumen_di_langkah
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_registration_failing_after_its_number_leaves_it_void_with_the_reason(
    units, petugas, pejabat, monkeypatch, tmp_path
):
    real = terbit.prepare

    def printer_jams(case):
        if "Gagal" in case.pemohon.nama:
            raise RuntimeError("pencetak macet")
        return real(case)

    monkeypatch.setattr(terbit, "prepare", printer_jams)
    with pytest.raises(RuntimeError):
        reg.register_permohonan(intake("Wayan Gagal", "5171010101900001"), by=petugas)
    # Nothing of the case was written, the number is void and says why.
    assert not Permohonan.objects.exists()
    assert not DokumenTerbit.objects.exists()
    assert not Event.objects.filter(step="daftar").exists()
    [void] = nomor_rows()
    assert void.keadaan == BATAL and void.dibatalkan is not None
    assert "kesalahan sistem (RuntimeError)" in void.alasan_batal

    # The next desk gets the next number: the void one is never reused.
    p = reg.register_permohonan(intake("Made Berhasil", "5171010101900002"), by=petugas)
    assert urut(p.nomor_pendaftaran) == void.urut + 1
    assert [(n.nomor, n.keadaan) for n in nomor_rows()] == [
        (void.nomor, BATAL),
        (p.nomor_pendaftaran, NomorTerbit.Keadaan.TERPAKAI),
    ]
    assert_receipt_is_the_stored_one(Client(), petugas, p)

    # The register lists the void number with its reason, on screen and in the PDF.
    client = Client()
    client.force_login(petugas)
    today = timezone.localdate()
    url = reverse("registrasi:register")
    page = client.get(url, {"dari": today.replace(day=1), "sampai": today}).content.decode()
    assert void.nomor in page and "pencetak macet" not in page
    assert "Nomor pendaftaran batal" in page and "kesalahan sistem" in page
    pdf = client.get(url, {"dari": today.replace(day=1), "sampai": today, "format": "pdf"})
    path = tmp_path / "register.pdf"
    path.write_bytes(pdf.content)
    text = " ".join(
        subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout.split()
    )
    assert f"Nomor pendaftaran batal (tidak dipakai, tidak digunakan ulang): {void.nomor}" in text


@pytest.mark.dokumen_di_langkah
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_refusal_in_the_transaction_voids_the_number_with_the_refusal(
    units, petugas, pejabat, monkeypatch
):
    """A returned file taken again by another desk between the checks and the transaction: the
    refusal is the number's reason."""
    monkeypatch.setattr(
        reg,
        "_lock_returned",
        lambda *a: (_ for _ in ()).throw(reg.StepRefused("Berkas sudah dilanjutkan.")),
    )
    entry = intake("Ketut Kembali", "5171010101900003")
    entry.lanjutan_dari = Permohonan(pk=1)
    with pytest.raises(reg.StepRefused):
        reg.register_permohonan(entry, by=petugas)
    [void] = nomor_rows()
    assert void.keadaan == BATAL
    assert void.alasan_batal == "Pendaftaran ditolak: Berkas sudah dilanjutkan."


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_number_left_reserved_is_made_void_and_can_no_longer_be_used(units, petugas):
    """A reservation whose registration never finished (its process died) is made void after
    TERHENTI_SETELAH; a case that arrives with it afterwards is refused."""
    held = numbering.pesan(PERMOHONAN, day=timezone.localdate())
    assert held is not None and held.keadaan == NomorTerbit.Keadaan.DIPESAN
    # Still within the time a registration may take: left alone.
    assert numbering.batalkan_terhenti() == 0
    later = timezone.now() + numbering.TERHENTI_SETELAH + datetime.timedelta(seconds=1)
    assert numbering.batalkan_terhenti(sebelum=later) == 1
    held.refresh_from_db()
    assert (held.keadaan, held.alasan_batal) == (BATAL, numbering.ALASAN_TERHENTI)
    with pytest.raises(numbering.NumberingError, match="sudah dibatalkan"):
        from django.db import transaction

        with transaction.atomic():
            numbering.pakai(held)


@postgres_only
@pytest.mark.dokumen_di_langkah
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_desks_race_for_the_number_while_one_fails_after_taking_it(
    units, petugas, pejabat, monkeypatch
):
    """Desk A renders its receipt while desk B takes the next number (had A's counter lock
    lasted to its commit, B would wait for it: the test would time out); B then fails, A
    commits. A's number is used, B's void, nothing of B's case written."""
    real = terbit.prepare
    a_rendering = threading.Event()
    b_took_number = threading.Event()
    seen: dict[str, bool] = {}

    def prepare(case):
        if case.pemohon.nama == "Desk A":
            a_rendering.set()
            seen["b_numbered_while_a_rendered"] = b_took_number.wait(timeout=20)
            return real(case)
        b_took_number.set()
        raise RuntimeError("listrik padam")

    monkeypatch.setattr(terbit, "prepare", prepare)
    outcome: dict[str, object] = {}

    def desk(name: str, nik: str, after: threading.Event | None) -> None:
        try:
            if after is not None:
                assert after.wait(timeout=20)
            outcome[name] = reg.register_permohonan(intake(name, nik), by=petugas)
        except Exception as exc:  # collected and asserted below
            outcome[name] = exc
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=desk, args=("Desk A", "5171010101900004", None)),
        threading.Thread(target=desk, args=("Desk B", "5171010101900005", a_rendering)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert seen == {"b_numbered_while_a_rendered": True}
    a, b = outcome["Desk A"], outcome["Desk B"]
    assert isinstance(a, Permohonan) and isinstance(b, RuntimeError)
    assert list(Permohonan.objects.values_list("pk", flat=True)) == [a.pk]
    rows = nomor_rows()
    assert [(n.urut, n.keadaan) for n in rows] == [
        (1, NomorTerbit.Keadaan.TERPAKAI),
        (2, BATAL),
    ]
    assert rows[0].nomor == a.nomor_pendaftaran
    assert "kesalahan sistem (RuntimeError)" in rows[1].alasan_batal
    assert DokumenTerbit.objects.count() == 1
    assert_receipt_is_the_stored_one(Client(), petugas, a)
