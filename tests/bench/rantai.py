"""What chaining the history costs a step (issue 25): `python -m tests.bench.rantai` against
the database DATABASE_URL names (run.py: a copy of the 1k database, dropped afterwards).

1. One event in its own transaction, as a step writes it: chained (`Event.save`: the head
   locked, the hash taken, the head updated) against the plain insert the app did before the
   chain (`save_base`, no head), in alternating rounds; the median of each and the difference.
2. A registration through the action (`registrasi.actions.register_permohonan`: the row, the
   number, two events), chained and not, alternating; the formulir is not rendered (its cost is
   the documents bench's), so the chain's share of a step is not hidden by WeasyPrint.
3. DESKS threads recording EVENTS_PER_DESK events each at once: the wall time, the events per
   second, and that the chain verifies afterwards (no fork, no gap).
4. The chain walk of `verify_records` over every event of the database.
The events are written on one OPD row and stay in the copy: it is dropped afterwards.
"""

from __future__ import annotations

import statistics
import threading
import time
import uuid

from tests.bench.common import emit, setup_django

ROUNDS = 5
PER_ROUND = 40
DESKS = 8
EVENTS_PER_DESK = 25


def median_ms(seconds: list[float]) -> float:
    return round(statistics.median(seconds) * 1000, 2)


def main() -> None:
    setup_django()
    from django.contrib.contenttypes.models import ContentType
    from django.db import connections, transaction

    from ppid_manual import rantai
    from ppid_manual.models import Event, Unit, User
    from ppid_manual.workflow import terbit

    unit = Unit.objects.order_by("pk").first()
    user = User.objects.filter(unit=unit).order_by("pk").first() or User.objects.first()
    ct = ContentType.objects.get_for_model(Unit)

    def chained() -> None:
        with transaction.atomic():
            Event(actor=user, content_type=ct, object_id=unit.pk, step="bench", note="x").save()

    def plain() -> None:
        # The insert as it was before the chain: no head, no hash (urut stays NULL).
        with transaction.atomic():
            Event(
                actor=user, content_type=ct, object_id=unit.pk, step="bench_polos", note="x"
            ).save_base(force_insert=True)

    def timed(fn, n: int) -> list[float]:
        out = []
        for _ in range(n):
            t = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t)
        return out

    for fn in (chained, plain):
        timed(fn, 5)  # warm up
    with_chain, without = [], []
    for _ in range(ROUNDS):
        with_chain += timed(chained, PER_ROUND)
        without += timed(plain, PER_ROUND)

    # 2. A registration step, chained and not (the plain one through save_base).
    from registrasi import actions
    from registrasi.models import Permohonan

    petugas = User.objects.filter(groups__name="petugas").order_by("pk").first() or user
    terbit.prepare = lambda case: []  # the formulir's rendering is not what is measured
    counter = iter(range(10**6))

    def register() -> None:
        i = next(counter)
        actions.register_permohonan(
            actions.Intake(
                pemohon={
                    "jenis": "perorangan",
                    "nama": f"Bench Rantai {i}",
                    "nik": f"5171014107{90 + i // 10000 % 10:02d}{i % 9999 + 1:04d}",
                    "alamat": "Jl. Bench",
                    "pekerjaan": "Bench",
                    "telepon": "081234567890",
                },
                rincian_informasi="Bench rantai",
                tujuan_penggunaan="Bench",
                cara_memperoleh=Permohonan.CaraMemperoleh.SOFTCOPY,
                cara_salinan=Permohonan.CaraSalinan.EMAIL,
                formulir_lengkap=True,
                identitas_diterima=True,
                kunci=uuid.uuid4(),
            ),
            by=petugas,
        )

    real_save = Event.save

    def save_plain(self, *args, **kwargs):
        self.save_base(force_insert=True)

    reg_chain, reg_plain = [], []
    timed(register, 3)
    for _ in range(ROUNDS):
        reg_chain += timed(register, 10)
        Event.save = save_plain
        try:
            reg_plain += timed(register, 10)
        finally:
            Event.save = real_save

    # 3. Desks at once.
    barrier = threading.Barrier(DESKS)
    errors: list[str] = []

    def desk() -> None:
        try:
            barrier.wait()
            for _ in range(EVENTS_PER_DESK):
                chained()
        except Exception as exc:  # noqa: BLE001 (reported in the result)
            errors.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=desk) for _ in range(DESKS)]
    t = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - t

    # 4. The chain walk (the events written without a place are this bench's own "before"
    # rows: counted apart, not as breaks of the app's chain).
    t = time.perf_counter()
    putus, urut, head_hash, count = rantai.periksa_rantai(Event.objects.exclude(urut=None))
    walk = time.perf_counter() - t
    putus += rantai.periksa_kepala(urut, head_hash)

    emit(
        {
            "event_chained_ms": median_ms(with_chain),
            "event_plain_ms": median_ms(without),
            "event_cost_ms": round(median_ms(with_chain) - median_ms(without), 2),
            "events_each": len(with_chain),
            "registration_chained_ms": median_ms(reg_chain),
            "registration_plain_ms": median_ms(reg_plain),
            "registration_cost_ms": round(median_ms(reg_chain) - median_ms(reg_plain), 2),
            "registrations_each": len(reg_chain),
            "desks": DESKS,
            "desk_events": DESKS * EVENTS_PER_DESK,
            "desks_wall_s": round(wall, 2),
            "desks_events_per_s": round(DESKS * EVENTS_PER_DESK / wall, 1),
            "desks_errors": errors[:3],
            "chain_events": count,
            "chain_breaks": [str(p) for p in putus[:3]],
            "chain_walk_s": round(walk, 2),
        }
    )


if __name__ == "__main__":
    main()
