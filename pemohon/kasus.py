"""The cases of a pemohon, as the processes register them.

The pemohon floor is below the processes (DESIGN.md section 6) and imports none of them: each
process registers, when its app is ready, how to find the cases of a pemohon that a user may see
and those still open (as the stored documents are registered, ppid_manual/workflow/terbit.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db import transaction
from django.db.models import Q, QuerySet


@dataclass(frozen=True)
class JenisKasus:
    """One kind of case: `for_user(user)` the cases a user may see, `open()` those still
    open, `earlier(user)` those counted as a returning pemohon's earlier cases, `semua()` all
    of them, each a queryset of a model with a `pemohon` foreign key and the identity given
    on the case (pemohon.models.IdentitasKasus). `label` names the kind in a sentence."""

    label: str
    for_user: Callable[..., QuerySet]
    open: Callable[[], QuerySet]
    earlier: Callable[..., QuerySet]
    semua: Callable[[], QuerySet]


_JENIS: list[JenisKasus] = []


def register(jenis: JenisKasus) -> None:
    """Called by each process's AppConfig.ready()."""
    if jenis not in _JENIS:
        _JENIS.append(jenis)


def registered() -> tuple[JenisKasus, ...]:
    return tuple(_JENIS)


def visible_to(user, pemohon) -> bool:
    """The user can see at least one case (of any process) of this pemohon."""
    return any(j.for_user(user).filter(pemohon=pemohon).exists() for j in _JENIS)


def open_cases(pemohon) -> list:
    """Every open case of this pemohon, of every process."""
    return [case for j in _JENIS for case in j.open().filter(pemohon=pemohon)]


def count_earlier(user, pemohon) -> list[tuple[int, str]]:
    """(count, label) of this pemohon's earlier cases that this user may see, per process."""
    return [(j.earlier(user).filter(pemohon=pemohon).count(), j.label) for j in _JENIS]


def pemohon_dikenal(user, cocok: Q, using: str = "default") -> Q:
    """Beside the cases whose own identity matches (`cocok`, from `identitas_kasus_cocok`,
    which the caller ORs in), the other cases of the pemohon found so: a pemohon who came
    back with a new name is found by either name where the user's cases show both.

    A case's `pemohon_id` is among those of the cases this user may see that match and whose
    pemohon was given more than one identity (`identitas_beragam`, kept by
    `catat_identitas`): the cases of a pemohon always given the same identity match all
    together or not at all, so looking their pemohon up again would only find them twice (at
    100,000 requests, 1,300 look-ups for a common name, a third of the search's time).

    Never by the shared record: a desk whose case keeps other details than the record (the
    record another desk was given) would otherwise learn, by typing a name and seeing its own
    case come up, what the record holds (DESIGN.md section 7: a desk learns only what its
    cases show)."""
    from ppid_manual.postgres import key_in

    cond = Q(pk__in=[])
    for j in _JENIS:
        kunci = (
            j.for_user(user).filter(cocok, identitas_beragam=True).order_by().values("pemohon_id")
        )
        cond |= key_in("pemohon_id", kunci, using)
    return cond


def catat_identitas(pemohon_id, using: str = "default") -> None:
    """Called whenever the identity given on a case is written (IdentitasKasus.save): if this
    pemohon's cases, of every process, now carry more than one identity, each is marked
    `identitas_beragam`. The pemohon's row is locked first, so two desks registering the same
    pemohon at once each see the other's case once it is written (a case written outside a
    transaction, as a one-off script does, is checked without the lock)."""
    if pemohon_id is None:
        return
    if transaction.get_connection(using).in_atomic_block:
        # The pemohon floor's models import this module: the model is looked up, not imported.
        pemohon = apps.get_model("pemohon", "Pemohon")
        list(pemohon.objects.using(using).select_for_update().filter(pk=pemohon_id).values("pk"))
    kasus = [j.semua().using(using).filter(pemohon_id=pemohon_id) for j in _JENIS]
    baris = [row for qs in kasus for row in qs.values_list("pemohon_id", "identitas_pemohon")]
    if pemohon_beragam(baris):
        for qs in kasus:
            qs.filter(identitas_beragam=False).update(identitas_beragam=True)


def kunci_identitas(identitas: dict) -> tuple[str, str, str]:
    """What a search by identity reads of the identity given on a case: two cases with the
    same key are found by the same searches."""
    return (
        " ".join(str(identitas.get("nama", "")).upper().split()),
        str(identitas.get("nik", "")),
        "".join(ch for ch in str(identitas.get("telepon", "")) if ch.isdigit()),
    )


def pemohon_beragam(baris) -> set:
    """The pemohon given more than one identity, from (pemohon_id, identitas_pemohon) pairs of
    their cases (every process)."""
    kunci: dict = {}
    for pemohon_id, identitas in baris:
        if pemohon_id is not None and identitas:
            kunci.setdefault(pemohon_id, set()).add(kunci_identitas(identitas))
    return {pemohon_id for pemohon_id, k in kunci.items() if len(k) > 1}
