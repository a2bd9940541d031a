"""The hash-chained history (issue 25): evidence the Komisi Informasi can rely on.

Every event carries the SHA-256 of its canonical content (the case, the step, the states, the
actor, the time, the note and the data, which holds the SHA-256 of every document the step
stored) together with its place in one chain (`urut`, 1, 2, 3, ...) and the hash of the event
before it. The chain's head (the last `urut` and hash) is one row, `KepalaRantai`, updated in
the transaction that inserts the event. An edit of an event, a deletion (the last event of a
case, or the very last event of all, included) and a row inserted out of order all break a
link that `verify_records` names.

Ordering: the head row is locked (SELECT ... FOR UPDATE) when an event is inserted and stays
locked until the step's transaction commits, so two desks (or two app servers) never read the
same head: the chain never forks. The lock is taken as the last thing a step does: the engine
renders the step's documents before it writes the event (ppid_manual/workflow/engine.py), so
no document is ever drawn while the chain is held; what remains under the lock is the insert
of the event and of the already rendered bytes, and the commit.

The canonical form is a JSON document with sorted keys (`isi_kanonik`); the hash of an event
is `sha256(isi_kanonik)`. It is written once here, used by the app, the migration that chained
the existing events and the check, so that the check can recompute what the app wrote.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

#: The hash before the first event of the chain.
from ppid_manual.hash_riwayat import (  # noqa: F401 (the chain's vocabulary, in one place)
    GENESIS,
    HEAD_PK,
    antrekan,
    ditunda,
    hitung_hash,
    isi_kanonik,
    kasus_label,
    sesudah_disambung,
    tunda,
)


def sambung(event) -> None:
    """Give an unsaved event its place in the chain now (Event.sambung)."""
    event.sambung()


def kepala() -> tuple[int, str]:
    """The chain's head as recorded: (count of events chained, hash of the last one)."""
    from ppid_manual.models import KepalaRantai

    head = KepalaRantai.objects.filter(pk=HEAD_PK).first()
    return (head.urut, head.hash) if head is not None else (0, GENESIS)


def kode_integritas() -> str:
    """The line the registers and the Laporan print (issue 25): the chain's head and the count
    of events when printed, so that a later edit can be shown against a signed paper copy."""
    urut, hash_ = kepala()
    return f"Kode integritas riwayat: {hash_} ({urut} riwayat saat dicetak)."


# --- The check -------------------------------------------------------------------------------


@dataclass
class Putus:
    """One break, as `verify_records` prints it."""

    jenis: str  # "riwayat", "dokumen", "status", "kepala"
    pesan: str
    event_pk: int | None = None
    urut: int | None = None

    def __str__(self) -> str:
        return self.pesan


@dataclass
class Hasil:
    putus: list[Putus] = field(default_factory=list)
    jumlah_riwayat: int = 0
    jumlah_dokumen: int = 0
    jumlah_kasus: int = 0
    kepala_urut: int = 0
    kepala_hash: str = GENESIS

    @property
    def utuh(self) -> bool:
        return not self.putus

    def ringkasan(self) -> str:
        if self.utuh:
            return (
                f"Riwayat utuh: {self.jumlah_riwayat} riwayat, {self.jumlah_dokumen} dokumen "
                f"terbit, {self.jumlah_kasus} berkas diperiksa. Kode integritas riwayat "
                f"(kepala rantai): {self.kepala_hash} (riwayat ke-{self.kepala_urut})."
            )
        return (
            f"{len(self.putus)} kerusakan ditemukan pada {self.jumlah_riwayat} riwayat dan "
            f"{self.jumlah_dokumen} dokumen terbit."
        )


def _nama_kasus(ct_id: int, object_id: int, cts: dict) -> str:
    ct = cts.get(ct_id)
    if ct is None:
        return f"objek #{object_id}"
    model = ct.model_class()
    label = model._meta.verbose_name if model is not None else ct.model
    nomor = ""
    if model is not None:
        obj = model._default_manager.filter(pk=object_id).first()
        if obj is not None:
            nomor = str(
                getattr(obj, "nomor_registrasi", "")
                or getattr(obj, "nomor_pendaftaran", "")
                or getattr(obj, "nomor", "")
                or ""
            )
            nomor = nomor or str(obj)
    return f"{label} #{object_id}" + (f" ({nomor})" if nomor else "")


class _Tempat:
    """The case an event belongs to, named only when a break is printed (one query)."""

    def __init__(self, ct_id: int, object_id: int, cts: dict):
        self.args = (ct_id, object_id, cts)

    def __str__(self) -> str:
        return _nama_kasus(*self.args)

    __format__ = lambda self, spec: format(str(self), spec)  # noqa: E731


def periksa_rantai(event_qs=None) -> tuple[list[Putus], int, str, int]:
    """Walk the chain from the first event to the head. Returns the breaks, the last `urut`
    and hash seen, and the count of events."""
    from django.contrib.contenttypes.models import ContentType

    from ppid_manual.models import Event

    cts = {ct.pk: ct for ct in ContentType.objects.all()}
    qs = event_qs if event_qs is not None else Event.objects.all()
    putus: list[Putus] = []
    expected_urut = 1
    prev_hash = GENESIS
    count = 0
    for ev in _berurutan(qs):
        count += 1
        where = _Tempat(ev.content_type_id, ev.object_id, cts)
        if ev.urut is None:
            putus.append(
                Putus(
                    "riwayat",
                    f"RIWAYAT TANPA RANTAI: riwayat #{ev.pk} “{ev.step}” pada {where} tidak "
                    "memiliki nomor urut rantai (disisipkan di luar aplikasi).",
                    ev.pk,
                )
            )
            continue
        if ev.urut > expected_urut:
            hilang = ev.urut - expected_urut
            putus.append(
                Putus(
                    "riwayat",
                    f"RIWAYAT HILANG: {hilang} riwayat (urutan {expected_urut}"
                    + (f"–{ev.urut - 1}" if hilang > 1 else "")
                    + f") dihapus sebelum riwayat #{ev.pk} “{ev.step}” pada {where}.",
                    ev.pk,
                    expected_urut,
                )
            )
        elif ev.urut < expected_urut:
            putus.append(
                Putus(
                    "riwayat",
                    f"RIWAYAT GANDA: riwayat #{ev.pk} “{ev.step}” pada {where} memakai urutan "
                    f"{ev.urut} yang sudah dipakai (disisipkan di luar urutan).",
                    ev.pk,
                    ev.urut,
                )
            )
        cts_ev = cts.get(ev.content_type_id)
        computed = hitung_hash(ev, cts_ev) if cts_ev is not None else ""
        if computed != ev.hash:
            putus.append(
                Putus(
                    "riwayat",
                    f"RIWAYAT BERUBAH: riwayat #{ev.pk} (urutan {ev.urut}) “{ev.step}” pada "
                    f"{where}, {_waktu_lokal(ev.created_at)}: isinya tidak cocok dengan hash-nya.",
                    ev.pk,
                    ev.urut,
                )
            )
        elif ev.urut >= expected_urut and ev.hash_sebelum != prev_hash:
            putus.append(
                Putus(
                    "riwayat",
                    f"RANTAI PUTUS: riwayat #{ev.pk} (urutan {ev.urut}) “{ev.step}” pada "
                    f"{where} tidak menunjuk riwayat sebelumnya (disisipkan atau riwayat "
                    "sebelumnya diubah).",
                    ev.pk,
                    ev.urut,
                )
            )
        prev_hash = ev.hash
        expected_urut = max(expected_urut, ev.urut + 1)
    return putus, expected_urut - 1, prev_hash, count


def _berurutan(qs) -> Iterator:
    return qs.select_related("actor").order_by("urut", "pk").iterator(chunk_size=2000)


def _waktu_lokal(value: datetime.datetime) -> str:
    from django.utils import timezone

    return f"{timezone.localtime(value):%d-%m-%Y %H:%M} WITA"


def periksa_kepala(urut: int, hash_: str) -> list[Putus]:
    head_urut, head_hash = kepala()
    if (head_urut, head_hash) == (urut, hash_):
        return []
    if head_urut > urut:
        return [
            Putus(
                "kepala",
                f"RIWAYAT TERAKHIR HILANG: kepala rantai mencatat {head_urut} riwayat, tetapi "
                f"riwayat terakhir yang ada berurutan {urut}; {head_urut - urut} riwayat "
                "terakhir dihapus.",
                urut=urut + 1,
            )
        ]
    return [
        Putus(
            "kepala",
            f"KEPALA RANTAI TIDAK COCOK: tercatat riwayat ke-{head_urut} ({head_hash[:16]}…), "
            f"rantai berakhir di riwayat ke-{urut} ({hash_[:16]}…).",
            urut=urut,
        )
    ]


def periksa_dokumen() -> tuple[list[Putus], int]:
    """Every stored document against its hash and against the event that stored it."""
    from ppid_manual.models import DokumenTerbit, Event
    from ppid_manual.workflow.terbit import SAKSI

    putus: list[Putus] = []
    cts: dict = {}
    from django.contrib.contenttypes.models import ContentType

    cts = {ct.pk: ct for ct in ContentType.objects.all()}
    witnessed: dict[tuple[int, int, str, str], tuple[str, Event]] = {}
    for ev in Event.objects.filter(data__has_key=SAKSI).order_by("pk").iterator(chunk_size=500):
        for d in ev.data.get(SAKSI, []):
            witnessed[(ev.content_type_id, ev.object_id, d["jenis"], d["kunci"])] = (
                d["sha256"],
                ev,
            )
    seen = set()
    count = 0
    for doc in DokumenTerbit.objects.order_by("pk").iterator(chunk_size=50):
        count += 1
        key = (doc.content_type_id, doc.object_id, doc.jenis, doc.kunci)
        seen.add(key)
        where = _nama_kasus(doc.content_type_id, doc.object_id, cts)
        name = f"dokumen #{doc.pk} {doc.judul} {doc.nomor}".strip()
        if not doc.berkas:
            putus.append(Putus("dokumen", f"DOKUMEN HILANG: {name} pada {where}: isinya kosong."))
            continue
        if DokumenTerbit.hitung_sha256(bytes(doc.berkas)) != doc.sha256:
            putus.append(
                Putus(
                    "dokumen",
                    f"DOKUMEN BERUBAH: {name} pada {where}: isinya tidak cocok dengan SHA-256 "
                    "yang dicatat saat terbit.",
                )
            )
        saksi = witnessed.get(key)
        if doc.event_id is not None and (saksi is None or saksi[1].pk != doc.event_id):
            putus.append(
                Putus(
                    "dokumen",
                    f"DOKUMEN TANPA SAKSI: {name} pada {where}: riwayat #{doc.event_id} yang "
                    "menyimpannya tidak menyebut dokumen ini.",
                )
            )
        elif saksi is not None and saksi[0] != doc.sha256:
            putus.append(
                Putus(
                    "dokumen",
                    f"DOKUMEN TIDAK SESUAI RIWAYAT: {name} pada {where}: SHA-256-nya tidak sama "
                    f"dengan yang dicatat riwayat #{saksi[1].pk} “{saksi[1].step}”.",
                )
            )
    for key, (sha, ev) in witnessed.items():
        if key not in seen:
            where = _nama_kasus(key[0], key[1], cts)
            putus.append(
                Putus(
                    "dokumen",
                    f"DOKUMEN HILANG: {key[2]} {key[3]} pada {where}, disimpan pada riwayat "
                    f"#{ev.pk} “{ev.step}”; barisnya tidak ada lagi (SHA-256 tercatat {sha}).",
                    ev.pk,
                )
            )
    return putus, count


def periksa_status() -> tuple[list[Putus], int]:
    """Each case's state follows from its events, replayed through its step table: the
    first event starts from the state the case is created in (or none), each event starts
    where the one before ended, each step is in the table and may start from that state, and
    the last event ends in the case's current state."""
    from django.contrib.contenttypes.models import ContentType

    from ppid_manual.models import Event

    putus: list[Putus] = []
    count = 0
    for model, table_of in _tabel_langkah():
        ct = ContentType.objects.get_for_model(model)
        cases = {obj.pk: obj for obj in model._default_manager.all()}
        events: dict[int, list[tuple[int, str, str, str]]] = {}
        for row in (
            Event.objects.filter(content_type=ct)
            .order_by("urut", "pk")
            .values_list("object_id", "pk", "step", "from_state", "to_state")
        ):
            events.setdefault(row[0], []).append(row[1:])
        for pk, obj in cases.items():
            count += 1
            status = obj.status
            names = {s.name: s for s in table_of(obj).steps}
            where = f"{model._meta.verbose_name} #{pk}"
            current = None
            for ev_pk, step, dari, ke in events.get(pk, []):
                s = names.get(step)
                if s is None:
                    continue  # a note on the timeline (a moved deadline, a ralat's side)
                if dari not in s.sources:
                    putus.append(
                        Putus(
                            "status",
                            f"STATUS TIDAK SAH: riwayat #{ev_pk} “{step}” pada {where} berangkat "
                            f"dari status “{dari}”, yang tidak diizinkan tabel langkah.",
                            ev_pk,
                        )
                    )
                elif current is not None and dari != current:
                    putus.append(
                        Putus(
                            "status",
                            f"STATUS TIDAK BERSAMBUNG: riwayat #{ev_pk} “{step}” pada {where} "
                            f"berangkat dari “{dari}”, padahal riwayat sebelumnya berakhir di "
                            f"“{current}”.",
                            ev_pk,
                        )
                    )
                expected = s.target if s.target is not None else dari
                if ke != expected:
                    putus.append(
                        Putus(
                            "status",
                            f"STATUS TIDAK SAH: riwayat #{ev_pk} “{step}” pada {where} berakhir "
                            f"di “{ke}”, tabel langkah menuju “{expected}”.",
                            ev_pk,
                        )
                    )
                current = ke
            if current is not None and current != status:
                putus.append(
                    Putus(
                        "status",
                        f"STATUS TIDAK SESUAI RIWAYAT: {where} berstatus “{status}”, tetapi "
                        f"riwayatnya berakhir di “{current}”.",
                    )
                )
    return putus, count


#: (model, its step table for a case) of each process, registered by the process's
#: AppConfig.ready() (the kernel imports no app): the state check replays through them.
_TABEL: list[tuple[type, Any]] = []


def daftarkan_tabel(model: type, table_of) -> None:
    """Declare a process's cases and how to find a case's step table (called from ready())."""
    if all(m is not model for m, _ in _TABEL):
        _TABEL.append((model, table_of))


def _tabel_langkah():
    return list(_TABEL)


def periksa_semua() -> Hasil:
    """The whole check `verify_records` prints."""
    putus, urut, hash_, count = periksa_rantai()
    putus += periksa_kepala(urut, hash_)
    dok, jumlah_dok = periksa_dokumen()
    status, jumlah_kasus = periksa_status()
    head_urut, head_hash = kepala()
    return Hasil(
        putus=putus + dok + status,
        jumlah_riwayat=count,
        jumlah_dokumen=jumlah_dok,
        jumlah_kasus=jumlah_kasus,
        kepala_urut=head_urut,
        kepala_hash=head_hash,
    )
