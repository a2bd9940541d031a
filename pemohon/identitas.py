"""The pemohon's identity, one component for permohonan and keberatan (issue 14): which fields
make it, how a returning pemohon is found (by NIK, akta or name, within what this desk may see,
every look-up in the access log) and how an intake creates or updates it.

The form fields are pemohon.forms.IdentitasPemohonForm; the processes' actions call save_pemohon()
inside their transaction. A pemohon's cases are found through pemohon/kasus.py, which the
processes fill: this floor imports none of them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest

from pemohon import kasus
from pemohon.models import IDENTITAS_FIELDS, Pemohon, PencarianIdentitas
from ppid_manual.models import Event
from ppid_manual.workflow import ralat
from ppid_manual.workflow.engine import StepRefused, record_event

PEMOHON_FIELDS = IDENTITAS_FIELDS


def find_pemohon(data: dict[str, str]) -> Pemohon | None:
    """A returning pemohon: the same NIK (perorangan), the same akta (badan hukum), or the
    same NIK and name (kelompok)."""
    jenis = data.get("jenis")
    qs = Pemohon.objects.filter(jenis=jenis)
    if jenis == Pemohon.Jenis.PERORANGAN and data.get("nik"):
        return qs.filter(nik=data["nik"]).first()
    if jenis == Pemohon.Jenis.BADAN_HUKUM and data.get("nomor_akta"):
        return qs.filter(nomor_akta=data["nomor_akta"]).first()
    if jenis == Pemohon.Jenis.KELOMPOK and data.get("nik"):
        return qs.filter(nik=data["nik"], nama__iexact=data.get("nama", "")).first()
    return None


IDENTITAS_DIPERBARUI = "identitas_diperbarui"


def perbedaan(pemohon: Pemohon, data: dict[str, str]) -> dict[str, list[str]]:
    """What was typed that differs from the record, field by field ([recorded, typed]); a
    field left empty keeps the record's value (the look-up filled it, or it is not known)."""
    return {
        name: [getattr(pemohon, name), data[name]]
        for name in PEMOHON_FIELDS
        if data.get(name, "") and _sama(name, data[name]) != _sama(name, getattr(pemohon, name))
    }


def _sama(name: str, value: str) -> str:
    """A value as compared: spacing is not a new detail, nor how a phone number is grouped."""
    if name == "telepon":
        return "".join(ch for ch in value if ch.isdigit() or ch == "+")
    return " ".join(value.split())


NAMA_BERBEDA_TANPA_ALASAN = (
    "Nama berbeda pada NIK/nomor akta yang sama hanya dapat diterima dengan alasan yang jelas."
)


def nama_berbeda(pemohon: Pemohon, data: dict[str, str]) -> bool:
    """Another name on the same NIK/akta: perhaps another person (a mistyped NIK merges two
    people, issue 15). Case and spacing are not a different name."""
    typed = " ".join((data.get("nama") or "").split()).casefold()
    return bool(typed) and typed != " ".join(pemohon.nama.split()).casefold()


class Simpanan(NamedTuple):
    """What `save_pemohon` decided: the pemohon the case links to, the changes written to its
    record, the identity the case keeps (None: the record's, as it now stands), and a
    difference the desk may not see, waiting for the PPID (`catat_perbedaan`)."""

    pemohon: Pemohon
    changes: dict[str, list[str]]
    identitas: dict[str, str] | None = None
    berbeda: dict[str, Any] | None = None


def save_pemohon(data: dict[str, str], *, by=None, alasan: str = "") -> Simpanan:
    """Reuse a returning pemohon (updating the details they gave today) or create one; never
    a duplicate. Returns the changes, recorded on the registration event (a permohonan's or
    a keberatan's). Called inside the action's transaction: the row is locked.

    Changed details (the clerk confirmed "the same person, new details") are also written as
    an event on the pemohon and on each of their open cases; each case keeps the identity
    it was registered with (IdentitasKasus), so no earlier letter changes. Another name on
    the same NIK is refused without a reason (DESIGN.md §7).

    A desk that may not see the shared record (`meja_memegang_catatan`: no case of this
    pemohon, or its cases show other details than the record now holds) gets the answer a
    new NIK gets: its case keeps the identity as typed, the shared record is neither shown to
    it nor changed by it, and the difference waits on the PPID's list ("Identitas berbeda
    untuk NIK yang sama", `catat_perbedaan` after the case is written)."""
    existing = find_pemohon(data)
    if existing is None:
        pemohon = Pemohon(**{k: data.get(k, "") for k in PEMOHON_FIELDS})
        pemohon.full_clean()
        pemohon.save()
        return Simpanan(pemohon, {})
    pemohon = Pemohon.objects.select_for_update().get(pk=existing.pk)
    changes = perbedaan(pemohon, data)
    if not changes:
        return Simpanan(pemohon, {})
    if by is not None and not meja_memegang_catatan(by, pemohon):
        typed = {k: data.get(k, "") or "" for k in PEMOHON_FIELDS}
        berbeda = {"tercatat": pemohon.salinan(), "diketik": typed, "bidang": sorted(changes)}
        return Simpanan(pemohon, {}, typed, berbeda)
    if nama_berbeda(pemohon, data) and not alasan.strip():
        # The rule holds for every caller (the form says it first, field by field): a
        # mistyped NIK must not merge two people silently.
        raise StepRefused(NAMA_BERBEDA_TANPA_ALASAN)
    for name, (_old, new) in changes.items():
        setattr(pemohon, name, new)
    pemohon.save()
    _catat_perubahan(pemohon, changes, by=by, alasan=alasan.strip())
    return Simpanan(pemohon, changes)


#: The event on a pemohon when a desk that may not see them typed other details for the same
#: NIK/akta; the PPID's choice on it (`rekonsiliasi`) is IDENTITAS_DIREKONSILIASI.
IDENTITAS_BERBEDA = "identitas_berbeda"
IDENTITAS_DIREKONSILIASI = "identitas_direkonsiliasi"


def catat_perbedaan(simpanan: Simpanan, case, *, by) -> None:
    """Put a difference on the PPID's list, naming the case it was typed for (called inside
    the registering action's transaction, once the case has its key and number)."""
    if simpanan.berbeda is None:
        return
    nomor = getattr(case, "nomor_pendaftaran", None) or getattr(case, "nomor_registrasi", None)
    record_event(
        simpanan.pemohon,
        IDENTITAS_BERBEDA,
        by=by,
        note="Identitas yang diketik berbeda dengan data tercatat untuk NIK/nomor akta yang "
        "sama; berkas didaftarkan dengan identitas yang diketik, menunggu rekonsiliasi PPID.",
        data={
            **simpanan.berbeda,
            "unit": by.unit.nama if by is not None and by.unit_id else "",
            "kasus": {"jenis": case._meta.model_name, "pk": case.pk, "nomor": nomor or ""},
        },
    )


def _catat_perubahan(pemohon: Pemohon, changes, *, by, alasan: str) -> None:
    """One event on the pemohon and one on each open case: the desk that opens an earlier
    case sees that the pemohon's details changed since, and that its letters did not."""
    note = alasan or "Pemohon yang sama dengan data baru (dikonfirmasi petugas)."
    data = {"perubahan": changes}
    record_event(pemohon, IDENTITAS_DIPERBARUI, by=by, note=note, data=data)
    for case in kasus.open_cases(pemohon):
        record_event(
            case,
            IDENTITAS_DIPERBARUI,
            by=by,
            from_state=case.status,
            to_state=case.status,
            note=note + " Identitas pada berkas ini tetap seperti saat didaftarkan.",
            data=data,
        )


# --- the PPID's list: "Identitas berbeda untuk NIK yang sama" ----------------------------------

PILIHAN_REKONSILIASI = {
    "tercatat": "Data tercatat tetap berlaku",
    "diketik": "Data yang diketik menjadi data pemohon",
    "orang_lain": "Orang lain: NIK/nomor akta pada berkas itu salah ketik (perbaiki dengan ralat)",
}


@dataclass
class Perbedaan:
    event: Event
    pemohon: Pemohon
    tercatat: dict[str, str]
    diketik: dict[str, str]
    bidang: list[str]
    unit: str
    kasus: dict[str, Any]
    unit_tercatat: list[str]

    @property
    def baris(self) -> list[tuple[str, str, str, bool]]:
        """(label, recorded, typed, differs) for each field of the identity."""
        return [
            (
                str(Pemohon._meta.get_field(name).verbose_name).capitalize(),
                self.tercatat.get(name, ""),
                self.diketik.get(name, ""),
                name in self.bidang,
            )
            for name in PEMOHON_FIELDS
            if self.tercatat.get(name) or self.diketik.get(name)
        ]


def _ct_pemohon():
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(Pemohon)


def daftar_perbedaan(user) -> list[Perbedaan]:
    """The differences not yet reconciled, oldest first: both versions, the desks, the dates
    (the desks of the pemohon's cases as this user, the PPID, sees them)."""
    ct = _ct_pemohon()
    selesai = {
        (e.data or {}).get("perbedaan")
        for e in Event.objects.filter(content_type=ct, step=IDENTITAS_DIREKONSILIASI)
    }
    events = [
        e
        for e in Event.objects.filter(content_type=ct, step=IDENTITAS_BERBEDA)
        .select_related("actor")
        .order_by("pk")
        if e.pk not in selesai
    ]
    pemohon = Pemohon.objects.in_bulk({e.object_id for e in events})
    items = []
    for e in events:
        p = pemohon.get(e.object_id)
        if p is None:
            continue
        units = {
            nama
            for j in kasus.registered()
            for nama in j.for_user(user)
            .filter(pemohon=p)
            .values_list("unit_registrasi__nama", flat=True)
        }
        items.append(
            Perbedaan(
                event=e,
                pemohon=p,
                tercatat=e.data.get("tercatat", {}),
                diketik=e.data.get("diketik", {}),
                bidang=e.data.get("bidang", []),
                unit=e.data.get("unit", ""),
                kasus=e.data.get("kasus", {}),
                unit_tercatat=sorted(u for u in units if u and u != e.data.get("unit")),
            )
        )
    return items


@transaction.atomic
def rekonsiliasi(event_pk: int, *, pilihan: str, by, catatan: str = "") -> Event:
    """The PPID's choice on one difference, an event on the pemohon. "diketik" writes the
    typed details to the record (the usual change events on the pemohon and their open
    cases); every case keeps the identity it was registered with."""
    from ppid_manual.roles import Role

    if not (by.is_superuser or by.has_role(Role.PPID)):
        raise StepRefused("Hanya PPID yang merekonsiliasi identitas pemohon.")
    if pilihan not in PILIHAN_REKONSILIASI:
        raise StepRefused("Pilih salah satu: data tercatat, data yang diketik, atau orang lain.")
    catatan = catatan.strip()
    ct = _ct_pemohon()
    berbeda = Event.objects.filter(content_type=ct, step=IDENTITAS_BERBEDA, pk=event_pk).first()
    if berbeda is None:
        raise StepRefused("Perbedaan identitas itu tidak ditemukan.")
    pemohon = Pemohon.objects.select_for_update().get(pk=berbeda.object_id)
    if Event.objects.filter(
        content_type=ct, step=IDENTITAS_DIREKONSILIASI, data__perbedaan=event_pk
    ).exists():
        raise StepRefused("Perbedaan identitas ini sudah direkonsiliasi.")
    diketik = berbeda.data.get("diketik", {})
    changes: dict[str, list[str]] = {}
    if pilihan == "diketik":
        if nama_berbeda(pemohon, diketik) and not catatan:
            raise StepRefused(NAMA_BERBEDA_TANPA_ALASAN)
        changes = perbedaan(pemohon, diketik)
        for name, (_old, new) in changes.items():
            setattr(pemohon, name, new)
        if changes:
            pemohon.save()
            _catat_perubahan(pemohon, changes, by=by, alasan=catatan or "Rekonsiliasi PPID.")
    elif pilihan == "orang_lain" and not catatan:
        raise StepRefused("Tuliskan catatan: berkas mana yang NIK/nomor aktanya perlu diralat.")
    return record_event(
        pemohon,
        IDENTITAS_DIREKONSILIASI,
        by=by,
        note=" ".join(x for x in (PILIHAN_REKONSILIASI[pilihan] + ".", catatan) if x),
        data={"perbedaan": event_pk, "pilihan": pilihan, "perubahan": changes},
    )


# --- the look-up on the intake page ----------------------------------------------------------

TIDAK_ADA_DI_MEJA = {
    PencarianIdentitas.Jenis.NIK: "NIK ini belum memiliki berkas di meja ini.",
    PencarianIdentitas.Jenis.AKTA: "Nomor akta atau nama ini belum memiliki berkas di meja ini.",
}


def cari_kembali(request: HttpRequest, text: str) -> Pemohon | None:
    """A returning pemohon, scoped like the records (UU 27/2022 PDP Pasal 16: personal data is
    processed only for its purpose): the identity is shown only to a user who can already see
    a case of this pemohon. Anyone else learns only that the number has no case at this desk,
    the same words as for a number never registered, so the answer reveals nothing. Every
    look-up is written to the access log (a SHA-256 of the number, never the number)."""
    text = text.strip()
    digits = "".join(ch for ch in text if ch.isdigit())
    if digits and digits == text.replace(" ", "").replace(".", ""):
        jenis, kunci = PencarianIdentitas.Jenis.NIK, digits
        candidates = Pemohon.objects.filter(nik=digits).order_by("jenis", "pk")
    else:
        jenis, kunci = PencarianIdentitas.Jenis.AKTA, text.upper()
        candidates = Pemohon.objects.filter(nomor_akta__iexact=text).order_by("pk")
    found = next((p for p in candidates if pemohon_terlihat(request.user, p)), None)
    if found is None and jenis == PencarianIdentitas.Jenis.AKTA:
        # A name typed here (issue 19): one pemohon of exactly that name, among those this
        # desk may see, fills the form; several are told apart by NIK, so the desk is sent to
        # the search.
        same_name = [
            p
            for p in Pemohon.objects.filter(nama__iexact=" ".join(text.split())).order_by("pk")
            if pemohon_terlihat(request.user, p)
        ]
        if len(same_name) > 1:
            messages.info(
                request,
                "Ada beberapa pemohon dengan nama itu: cari dengan NIK, atau gunakan kotak "
                "Cari di bilah menu untuk melihat berkas mereka.",
            )
            return None
        found = same_name[0] if same_name else None
    PencarianIdentitas.catat(request, jenis, kunci, ditampilkan=found is not None)
    if found is None:
        messages.info(request, TIDAK_ADA_DI_MEJA[jenis])
    else:
        # What this desk knows of the pemohon: the identity on its latest case, not the
        # shared record (another desk's details are not this desk's to see).
        found = identitas_di_meja(request.user, found)
        # Counted at this desk only: another desk's cases are not this user's to know of.
        counts = kasus.count_earlier(request.user, found)
        earlier = ", ".join(f"{n} {label}" for n, label in counts if n) or f"0 {counts[0][1]}"
        messages.info(
            request,
            f"Pemohon lama ditemukan: {found.nama} ({earlier} sebelumnya). Data diisi "
            "otomatis; perbarui bila berubah.",
        )
    return found


def identitas_di_meja(user, pemohon: Pemohon) -> Pemohon:
    """The pemohon as this user's desk knows them: the identity given on the latest case the
    user may see (a never saved Pemohon with the record's key), else the record."""
    cases = [
        j.for_user(user).filter(pemohon=pemohon).exclude(identitas_pemohon={}).order_by("-pk")
        for j in kasus.registered()
    ]
    latest = [c for c in (qs.first() for qs in cases) if c is not None]
    if not latest:
        return pemohon
    return max(latest, key=lambda c: c.dibuat).pemohon_kasus


def pemohon_terlihat(user, pemohon: Pemohon) -> bool:
    """The user can see at least one case (permohonan or keberatan) of this pemohon."""
    return kasus.visible_to(user, pemohon)


def meja_memegang_catatan(user, pemohon: Pemohon) -> bool:
    """The user's desk may be shown, and may change, the pemohon's shared record: the record
    holds nothing the cases this user may see do not show (one of them was registered with
    the identity the record holds now). A desk whose cases were registered with other details
    than the record's (another desk's, kept from it) learns only what its own cases show
    (DESIGN.md §7)."""
    catatan = {name: _sama(name, getattr(pemohon, name) or "") for name in PEMOHON_FIELDS}
    for j in kasus.registered():
        tercatat = (
            j.for_user(user)
            .filter(pemohon=pemohon)
            .exclude(identitas_pemohon={})
            .values_list("identitas_pemohon", flat=True)
        )
        for ident in tercatat:
            if all(_sama(name, ident.get(name) or "") == v for name, v in catatan.items()):
                return True
    return False


# The parts of the identity given for a case that a ralat may correct (on that case only:
# the pemohon's record and their other cases keep theirs), for the permohonan and the
# keberatan alike (ppid_manual/workflow/ralat.py).
FAKTA_IDENTITAS: dict[str, ralat.Fakta] = {
    nama: ralat.fakta_identitas(nama, label, Pemohon._meta.get_field(nama).max_length)
    for nama, label in (
        ("nama", "Nama pemohon"),
        ("alamat", "Alamat pemohon"),
        ("pekerjaan", "Pekerjaan pemohon"),
        ("telepon", "Nomor telepon pemohon"),
        ("email", "Surat elektronik pemohon"),
    )
}
