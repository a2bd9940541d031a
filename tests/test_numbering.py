import datetime
import threading

import pytest
from django.db import connection, transaction

from ppid_manual.models import FormatNomor, NomorTerbit, PenghitungNomor
from ppid_manual.workflow.numbering import format_number, next_number, validate_pattern
from tests.concurrency import at_once

D = datetime.date


def test_it_fills_every_token():
    nomor = format_number(
        "{kode}/{urut:4}/PPID-{unit}/{bulan}/{tahun}",
        urut=7,
        unit="Diskes",
        kode="480",
        day=D(2026, 3, 16),
    )
    assert nomor == "480/0007/PPID-Diskes/III/2026"


@pytest.mark.parametrize("pola", ["{nomor}/2026", "{tahun}", "{urut}/{urut}", "{urut:x}"])
def test_it_refuses_a_bad_pattern(pola):
    with pytest.raises(ValueError):
        validate_pattern(pola)


def test_it_issues_consecutive_numbers_per_year(db, units):
    with transaction.atomic():
        first = next_number(FormatNomor.Jenis.PERMOHONAN, day=D(2026, 3, 16))
        second = next_number(FormatNomor.Jenis.PERMOHONAN, day=D(2026, 12, 31))
        next_year = next_number(FormatNomor.Jenis.PERMOHONAN, day=D(2027, 1, 4))
    assert first == "0001/REG-PPID/III/2026"
    assert second == "0002/REG-PPID/XII/2026"
    assert next_year == "0001/REG-PPID/I/2027"


def test_it_counts_per_unit_when_the_template_says_so(db, units):
    with transaction.atomic():
        a = next_number(FormatNomor.Jenis.SK_DIP, day=D(2026, 1, 5), unit=units["dinkes"])
        b = next_number(FormatNomor.Jenis.SK_DIP, day=D(2026, 1, 5), unit=units["dishub"])
    assert a == "001/SK-DIP/Diskes/2026"
    assert b == "001/SK-DIP/Dishub/2026"


def test_a_rolled_back_step_consumes_no_number(db):
    with pytest.raises(RuntimeError), transaction.atomic():
        next_number(FormatNomor.Jenis.PERMOHONAN, day=D(2026, 3, 16))
        raise RuntimeError("step failed after the number was taken")
    with transaction.atomic():
        assert next_number(FormatNomor.Jenis.PERMOHONAN, day=D(2026, 3, 16)).startswith("0001/")


def test_the_admin_can_continue_numbering_from_the_online_system(db):
    fmt = FormatNomor.objects.get(jenis=FormatNomor.Jenis.PERMOHONAN)
    PenghitungNomor.objects.create(format=fmt, tahun=2026, berikutnya=215)
    with transaction.atomic():
        assert next_number(fmt.jenis, day=D(2026, 5, 4)).startswith("0215/")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_must_run_inside_a_transaction():
    from ppid_manual.workflow.numbering import NumberingError

    with pytest.raises(NumberingError):
        next_number(FormatNomor.Jenis.PERMOHONAN, day=D(2026, 3, 16))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_desks_get_unique_gap_free_numbers():
    from django.db import connections

    results: list[str] = []
    errors: list[Exception] = []
    lock = threading.Lock()

    def desk():
        try:
            for _ in range(10):
                with transaction.atomic():
                    nomor = next_number(FormatNomor.Jenis.PERMOHONAN, day=D(2026, 3, 16))
                with lock:
                    results.append(nomor)
        except Exception as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    at_once(desk, threads=8)
    assert errors == []
    assert len(results) == 80
    assert len(set(results)) == 80
    seqs = sorted(int(n.split("/")[0]) for n in results)
    assert seqs == list(range(1, 81))
    assert NomorTerbit.objects.filter(jenis=FormatNomor.Jenis.PERMOHONAN).count() == 80
