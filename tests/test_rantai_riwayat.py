"""The hash-chained history and `verify_records` (issue 25): every event has its place in one
chain; an edit, a deletion (the last event of a case included) and a row inserted out of order,
made with SQL and the triggers disabled as a database superuser could, are each named by
`verify_records`, which exits non-zero; a clean record exits 0 with the head and the counts."""

from __future__ import annotations

import io
import json

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.db.utils import DatabaseError

from ppid_manual import rantai
from ppid_manual.models import DokumenTerbit, Event, KepalaRantai, PemeriksaanRiwayat
from ppid_manual.workflow.engine import record_event
from registrasi.models import Permohonan
from tests.helpers import D, at
from tests.registrasi.conftest import register

PG = connection.vendor == "postgresql"


def sql_tanpa_trigger(sql: str, params=()) -> None:
    """A statement as a database superuser could run it: on PostgreSQL with every trigger off
    (session_replication_role = replica), so the append-only trigger does not stop it."""
    with connection.cursor() as cursor:
        if PG:
            cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(sql, params)
        if PG:
            cursor.execute("SET LOCAL session_replication_role = DEFAULT")


def verify() -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("verify_records", stdout=out, stderr=err)
    except CommandError as exc:
        return 1, out.getvalue(), err.getvalue() + str(exc)
    return 0, out.getvalue(), err.getvalue()


@pytest.fixture
def dua_berkas(holidays_2026, petugas, pejabat):
    """Two requests registered at the desk: four or more events in the chain."""
    with at(D(2026, 3, 16)):
        a = register(petugas)
        b = register(petugas, pemohon={"nik": "5171014107900002", "nama": "I Wayan Sudarma"})
    return a, b


def test_events_are_chained_in_the_order_they_were_written(dua_berkas, petugas):
    a, _ = dua_berkas
    extra = record_event(a, "catatan_uji", by=petugas, note="catatan")
    chain = list(Event.objects.order_by("urut"))
    assert [e.urut for e in chain] == list(range(1, len(chain) + 1))
    assert chain[0].hash_sebelum == rantai.GENESIS
    for before, after in zip(chain, chain[1:], strict=False):
        assert after.hash_sebelum == before.hash
    assert all(e.hash == rantai.hitung_hash(e) for e in chain)
    assert chain[-1] == extra
    head = KepalaRantai.objects.get()
    assert (head.urut, head.hash) == (extra.urut, extra.hash)


def test_verify_records_on_an_intact_record_prints_the_head_and_exits_zero(dua_berkas):
    code, out, err = verify()
    head = KepalaRantai.objects.get()
    assert code == 0, err
    assert head.hash in out
    assert f"{Event.objects.count()} riwayat" in out
    assert "2 berkas" not in err
    last = PemeriksaanRiwayat.objects.first()
    assert last.utuh and last.kepala_hash == head.hash


def test_an_event_edited_with_sql_is_named(dua_berkas):
    a, _ = dua_berkas
    target = Event.objects.for_object(a).first()
    sql_tanpa_trigger(
        "UPDATE ppid_manual_event SET note = %s WHERE id = %s", ["dicatat lain", target.pk]
    )
    code, _, err = verify()
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith("RIWAYAT BERUBAH")]
    assert len(lines) == 1
    assert f"riwayat #{target.pk} " in lines[0]
    assert a.nomor_pendaftaran in lines[0]
    assert not PemeriksaanRiwayat.objects.first().utuh


def test_an_edited_event_whose_hash_was_recomputed_breaks_the_next_link(dua_berkas):
    """A superuser who edits an event and writes its new hash too: the next event still points
    to the old hash."""
    a, _ = dua_berkas
    target = Event.objects.order_by("urut").first()
    target.note = "dicatat lain"
    new_hash = rantai.hitung_hash(target)
    sql_tanpa_trigger(
        "UPDATE ppid_manual_event SET note = %s, hash = %s WHERE id = %s",
        ["dicatat lain", new_hash, target.pk],
    )
    following = Event.objects.get(urut=target.urut + 1)
    code, _, err = verify()
    assert code == 1
    assert f"RANTAI PUTUS: riwayat #{following.pk} (urutan {following.urut})" in err


def test_a_deleted_event_is_named(dua_berkas):
    a, b = dua_berkas
    gone = Event.objects.for_object(a).order_by("urut").first()
    sql_tanpa_trigger("DELETE FROM ppid_manual_event WHERE id = %s", [gone.pk])
    code, _, err = verify()
    assert code == 1
    assert f"RIWAYAT HILANG: 1 riwayat (urutan {gone.urut})" in err


def test_the_last_event_deleted_is_named(dua_berkas):
    """The last event of a case, and of the whole chain: the head still counts it."""
    _, b = dua_berkas
    last = Event.objects.order_by("-urut").first()
    assert last.object_id == b.pk
    sql_tanpa_trigger("DELETE FROM ppid_manual_event WHERE id = %s", [last.pk])
    code, _, err = verify()
    assert code == 1
    assert "RIWAYAT TERAKHIR HILANG" in err
    assert f"mencatat {last.urut} riwayat" in err


def test_an_event_inserted_out_of_order_is_named(dua_berkas, petugas):
    a, _ = dua_berkas
    ct = ContentType.objects.get_for_model(Permohonan)
    first = Event.objects.order_by("urut").first()
    # A forged event given the place of an existing one (its urut moved out of the way).
    sql_tanpa_trigger("UPDATE ppid_manual_event SET urut = 1000 WHERE id = %s", [first.pk])
    forged_values = [
        first.created_at,
        ct.pk,
        a.pk,
        "daftar",
        "baru",
        "terdaftar",
        "disisipkan",
        json.dumps({}),
        1,
        rantai.GENESIS,
        "f" * 64,
    ]
    sql_tanpa_trigger(
        "INSERT INTO ppid_manual_event (created_at, content_type_id, object_id, step, "
        "from_state, to_state, note, data, urut, hash_sebelum, hash) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
        forged_values,
    )
    forged = Event.objects.get(urut=1)
    code, _, err = verify()
    assert code == 1
    assert f"RIWAYAT BERUBAH: riwayat #{forged.pk} (urutan 1)" in err
    assert f"riwayat #{first.pk} (urutan 1000)" in err


def test_an_event_inserted_without_a_place_is_named(dua_berkas):
    a, _ = dua_berkas
    ct = ContentType.objects.get_for_model(Permohonan)
    sql_tanpa_trigger(
        "INSERT INTO ppid_manual_event (created_at, content_type_id, object_id, step, "
        "from_state, to_state, note, data, hash_sebelum, hash) "
        "VALUES (%s, %s, %s, 'catatan', '', '', 'disisipkan', '{}', '', '')",
        [Event.objects.first().created_at, ct.pk, a.pk],
    )
    code, _, err = verify()
    assert code == 1
    assert "RIWAYAT TANPA RANTAI" in err
    assert a.nomor_pendaftaran in err


def test_a_state_that_does_not_follow_from_the_events_is_named(dua_berkas):
    a, _ = dua_berkas
    Permohonan.objects.filter(pk=a.pk).update(status=Permohonan.Status.SELESAI)
    code, _, err = verify()
    assert code == 1
    line = next(x for x in err.splitlines() if x.startswith("STATUS TIDAK SESUAI RIWAYAT"))
    assert f"#{a.pk}" in line and "selesai" in line


@pytest.mark.dokumen_di_langkah
def test_a_stored_document_changed_or_deleted_with_sql_is_named(dua_berkas):
    a, b = dua_berkas
    doc_a = DokumenTerbit.objects.for_object(a).first()
    doc_b = DokumenTerbit.objects.for_object(b).first()
    assert doc_a.event_id is not None
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE ppid_manual_dokumenterbit SET berkas = %s WHERE id = %s",
            [b"%PDF-1.7 lain", doc_a.pk],
        )
        cursor.execute("DELETE FROM ppid_manual_dokumenterbit WHERE id = %s", [doc_b.pk])
    code, _, err = verify()
    assert code == 1
    assert f"DOKUMEN BERUBAH: dokumen #{doc_a.pk}" in err
    assert f"DOKUMEN HILANG: {doc_b.jenis}" in err and b.nomor_pendaftaran in err


@pytest.mark.skipif(not PG, reason="the trigger is PostgreSQL's; SQLite has the ORM guard only")
def test_the_database_refuses_update_and_delete_on_the_event_table(dua_berkas):
    event = Event.objects.first()
    for sql in (
        "UPDATE ppid_manual_event SET note = 'x' WHERE id = %s",
        "DELETE FROM ppid_manual_event WHERE id = %s",
    ):
        with pytest.raises(DatabaseError, match="append-only"):
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(sql, [event.pk])
    assert Event.objects.get(pk=event.pk).note == event.note


def test_the_migration_chains_existing_events_in_the_order_they_were_written(db, units, petugas):
    """Events written before the chain existed (no place, no hash) are chained by the
    migration's step in the order of their ids, and then verify."""
    migration = __import__(
        "ppid_manual.migrations.0012_event_hash_chain", fromlist=["chain_existing"]
    )
    ct = ContentType.objects.get_for_model(units["dinkes"])
    Event.objects.bulk_create(
        [
            Event(content_type=ct, object_id=units["dinkes"].pk, step=f"lama{i}", note=str(i))
            for i in range(5)
        ]
    )
    KepalaRantai.objects.all().delete()
    assert Event.objects.filter(urut__isnull=True).count() == 5
    with connection.cursor() as cursor:
        if PG:
            cursor.execute("SET LOCAL session_replication_role = replica")
        migration.chain_existing(apps, None)
        if PG:
            cursor.execute("SET LOCAL session_replication_role = DEFAULT")
    chain = list(Event.objects.order_by("urut"))
    assert [e.step for e in chain] == [f"lama{i}" for i in range(5)]
    assert [e.urut for e in chain] == [1, 2, 3, 4, 5]
    putus, urut, hash_, count = rantai.periksa_rantai()
    assert putus == [] and count == 5
    assert rantai.periksa_kepala(urut, hash_) == []
    # A new event continues the chain.
    after = record_event(units["dinkes"], "baru", by=petugas)
    assert after.urut == 6 and after.hash_sebelum == chain[-1].hash


def test_the_daily_job_checks_the_record_and_the_admin_home_shows_the_last_result(
    client, dua_berkas, admin_user, petugas
):
    client.force_login(admin_user)
    assert "Belum pernah dijalankan" in client.get("/").content.decode()
    call_command("hapus_pindaian_lama", stdout=io.StringIO())
    head = KepalaRantai.objects.get()
    page = client.get("/").content.decode()
    assert "Utuh" in page and head.hash in page
    # A break found by the next daily run is on the page, and the job exits non-zero.
    a, _ = dua_berkas
    target = Event.objects.for_object(a).first()
    sql_tanpa_trigger("UPDATE ppid_manual_event SET note = 'x' WHERE id = %s", [target.pk])
    with pytest.raises(CommandError):
        call_command("hapus_pindaian_lama", stdout=io.StringIO(), stderr=io.StringIO())
    page = client.get("/").content.decode()
    assert "Rusak" in page and f"RIWAYAT BERUBAH: riwayat #{target.pk} " in page
    # Other roles do not see it.
    client.force_login(petugas)
    assert "Pemeriksaan riwayat" not in client.get("/").content.decode()


@pytest.mark.dokumen_di_langkah
def test_a_step_that_reopens_the_request_draws_every_letter_before_it_holds_the_chain(
    desk, holidays_2026, monkeypatch
):
    """The Atasan's answer that gives the information reopens the request in the same
    transaction (a step on another case): both steps' letters are drawn before the chain's
    head is taken, so no desk waits on WeasyPrint for its place in the chain."""
    from keberatan.models import Keberatan
    from ppid_manual.workflow import pdf
    from tests.keberatan.helpers import buat_permohonan, daftarkan, sampai, tolak_permohonan

    p = tolak_permohonan(desk, buat_permohonan(desk, D(2026, 3, 16)), D(2026, 3, 16))
    k = sampai(
        desk,
        daftarkan(desk, D(2026, 3, 17), p),
        Keberatan.Status.DRAF_DISETUJUI,
        D(2026, 3, 18),
        keputusan=Keberatan.Keputusan.DIBERIKAN,
    )
    order: list[str] = []
    real_render, real_sambung = pdf.PrintDocument.render_pdf, Event.sambung

    def render(self):
        order.append("render")
        return real_render(self)

    def sambung(event):
        order.append(f"rantai:{event.step}")
        return real_sambung(event)

    monkeypatch.setattr(pdf.PrintDocument, "render_pdf", render)
    monkeypatch.setattr(Event, "sambung", sambung)
    diberikan = Keberatan.Keputusan.DIBERIKAN
    sampai(desk, k, Keberatan.Status.DITANGGAPI, D(2026, 3, 19), keputusan=diberikan)
    assert "render" in order and "rantai:buka_kembali" in order
    first_link = next(i for i, x in enumerate(order) if x.startswith("rantai:"))
    assert "render" not in order[first_link:], order
    assert rantai.periksa_rantai()[0] == []
