"""Identity without an oracle between desks: a desk that may see no case of a pemohon gets,
for a recorded NIK, the same answer as for a new NIK. Its case keeps the identity as typed;
the shared record is neither shown to it nor changed by it; the difference waits on the
PPID's list ("Identitas berbeda untuk NIK yang sama"), and the PPID's choice is an event on
the pemohon. A desk that has since registered a case with its own details still sees only
those. No NIK in a URL: the look-up is a POST."""

from __future__ import annotations

from django.urls import reverse

from pemohon import identitas
from pemohon.models import Pemohon, PencarianIdentitas
from ppid_manual.models import Event
from registrasi.models import Permohonan
from tests.helpers import events, kotak_cari
from tests.registrasi.conftest import NIK, form_data

BARU = reverse("registrasi:baru")
DAFTAR_BEDA = reverse("registrasi:identitas_berbeda")
NIK_BARU = "5171014107900077"
DISKOMINFOS = {
    "nama": "Ni Made Ayu Lestari",
    "alamat": "Jl. Gatot Subroto No. 5, Denpasar",
    "telepon": "0812 1111 2222",
}
DISHUB = {
    "nama": "Ni Made Ayu",
    "alamat": "Jl. Imam Bonjol No. 9, Denpasar",
    "telepon": "0877 9999 0000",
}


def daftar(client, **fields):
    return client.post(BARU, form_data(**fields), follow=True)


def beda_events():
    return Event.objects.filter(step=identitas.IDENTITAS_BERBEDA)


def test_another_desk_gets_for_a_recorded_nik_what_a_new_nik_gets(
    client, golden_day, petugas, pelaksana_dishub
):
    client.force_login(petugas)
    daftar(client, **DISKOMINFOS)
    recorded = Pemohon.objects.get(nik=NIK)

    client.force_login(pelaksana_dishub)
    known = daftar(client, **DISHUB)
    fresh = daftar(client, **{**DISHUB, "nik": NIK_BARU})
    # The same answer: registered at once, the same words, no comparison, no recorded value.
    for response in (known, fresh):
        assert response.redirect_chain[-1][0].endswith("?baru=1")
        html = response.content.decode()
        assert "Permohonan terdaftar dengan nomor" in html
        assert "sudah tercatat dengan data lain" not in html
        assert "0812 1111 2222" not in html and "Gatot Subroto" not in html
    # The shared record is unchanged; the case keeps what was typed.
    recorded.refresh_from_db()
    assert (recorded.nama, recorded.telepon) == (DISKOMINFOS["nama"], DISKOMINFOS["telepon"])
    case = Permohonan.objects.get(unit_registrasi=pelaksana_dishub.unit, pemohon=recorded)
    assert (case.pemohon_kasus.nama, case.pemohon_kasus.telepon) == (
        "Ni Made Ayu",
        DISHUB["telepon"],
    )
    assert "pemohon_diubah" not in events(case)[0].data
    assert not Event.objects.filter(step=identitas.IDENTITAS_DIPERBARUI).exists()
    # ...and its case page shows the desk's own details, not the record's.
    page = client.get(reverse("registrasi:detail", args=[case.pk])).content.decode()
    assert "0877 9999 0000" in page and "0812 1111 2222" not in page
    # The difference waits on the PPID's list, with both versions and the desks.
    [beda] = beda_events()
    assert beda.object_id == recorded.pk
    assert beda.data["tercatat"]["telepon"] == DISKOMINFOS["telepon"]
    assert beda.data["diketik"]["telepon"] == DISHUB["telepon"]
    assert beda.data["unit"] == pelaksana_dishub.unit.nama
    assert beda.data["kasus"]["nomor"] == case.nomor_pendaftaran


def test_the_look_up_later_fills_what_this_desk_was_given(
    client, golden_day, petugas, pelaksana_dishub
):
    client.force_login(petugas)
    daftar(client, **DISKOMINFOS)
    client.force_login(pelaksana_dishub)
    daftar(client, **DISHUB)
    response = client.post(BARU, {"cari": NIK, "cari_pemohon": "1"})
    initial = response.context["form"].initial
    assert (initial["nama"], initial["telepon"]) == (DISHUB["nama"], DISHUB["telepon"])
    assert "0812 1111 2222" not in response.content.decode()


def test_the_desk_that_sees_the_pemohon_keeps_the_side_by_side_choice(client, golden_day, petugas):
    client.force_login(petugas)
    daftar(client, **DISKOMINFOS)
    page = daftar(client, **DISHUB).content.decode()
    assert "NIK/nomor akta ini sudah tercatat dengan data lain" in page
    assert "0812 1111 2222" in page
    assert not beda_events().exists()


def test_the_ppid_reconciles_and_the_choice_is_an_event_on_the_pemohon(
    client, golden_day, petugas, pelaksana_dishub, ppid
):
    client.force_login(petugas)
    daftar(client, **DISKOMINFOS)
    client.force_login(pelaksana_dishub)
    daftar(client, **DISHUB)
    [beda] = beda_events()
    # Only the PPID opens the list.
    assert client.get(DAFTAR_BEDA).status_code in (302, 403)
    client.force_login(ppid)
    html = client.get(DAFTAR_BEDA).content.decode()
    assert "Identitas berbeda untuk NIK yang sama" in html
    assert "0812 1111 2222" in html and "0877 9999 0000" in html
    assert pelaksana_dishub.unit.nama in html
    # Another name without a note: refused, nothing written.
    response = client.post(DAFTAR_BEDA, {"perbedaan": beda.pk, "pilihan": "diketik"}, follow=True)
    assert "hanya dapat diterima dengan alasan" in response.content.decode()
    assert not Event.objects.filter(step=identitas.IDENTITAS_DIREKONSILIASI).exists()
    client.post(
        DAFTAR_BEDA,
        {"perbedaan": beda.pk, "pilihan": "diketik", "catatan": "Nama sesuai KTP terbaru."},
    )
    pemohon = Pemohon.objects.get(nik=NIK)
    assert (pemohon.nama, pemohon.telepon) == (DISHUB["nama"], DISHUB["telepon"])
    [choice] = Event.objects.filter(step=identitas.IDENTITAS_DIREKONSILIASI)
    assert (choice.object_id, choice.data["perbedaan"], choice.actor) == (pemohon.pk, beda.pk, ppid)
    assert choice.data["perubahan"]["telepon"] == [DISKOMINFOS["telepon"], DISHUB["telepon"]]
    # Done: off the list, and not chosen twice.
    assert "Tidak ada perbedaan identitas" in client.get(DAFTAR_BEDA).content.decode()
    response = client.post(DAFTAR_BEDA, {"perbedaan": beda.pk, "pilihan": "tercatat"}, follow=True)
    assert "sudah direkonsiliasi" in response.content.decode()
    # The first case keeps the identity it was registered with.
    first = Permohonan.objects.filter(pemohon=pemohon).order_by("pk").first()
    assert first.pemohon_kasus.telepon == DISKOMINFOS["telepon"]


def test_the_look_up_is_a_post_and_a_nik_in_a_url_looks_up_nothing(client, golden_day, petugas):
    client.force_login(petugas)
    daftar(client, **DISKOMINFOS)
    before = PencarianIdentitas.objects.count()
    response = client.get(BARU, {"cari": NIK})
    assert "nama" not in response.context["form"].initial
    assert PencarianIdentitas.objects.count() == before
    html = response.content.decode()
    assert '<form method="post"' in html and 'name="cari_pemohon"' in html
    response = client.post(BARU, {"cari": NIK, "cari_pemohon": "1"})
    assert response.context["form"].initial["nama"] == DISKOMINFOS["nama"]
    assert PencarianIdentitas.objects.count() == before + 1


def test_a_desk_that_registered_with_other_details_still_learns_only_its_own(
    client, golden_day, petugas, pelaksana_dishub
):
    # Once the Dishub desk has a case of this pemohon (registered with its own details), it
    # may see that case, not the shared record another desk gave.
    client.force_login(petugas)
    daftar(client, **DISKOMINFOS)
    recorded = Pemohon.objects.get(nik=NIK)
    client.force_login(pelaksana_dishub)
    daftar(client, **DISHUB)
    assert identitas.pemohon_terlihat(pelaksana_dishub, recorded)
    assert not identitas.meja_memegang_catatan(pelaksana_dishub, recorded)
    assert identitas.meja_memegang_catatan(petugas, recorded)

    # Its own details again: registered at once, nothing of the record shown.
    again = daftar(client, **DISHUB)
    # New details at this desk: compared with what its own case shows, never the record.
    newer = client.post(BARU, form_data(**{**DISHUB, "telepon": "0878 5555 6666"}))
    for response in (again, newer):
        html = response.content.decode()
        assert "0812 1111 2222" not in html and "Gatot Subroto" not in html
    assert "Permohonan terdaftar dengan nomor" in again.content.decode()
    beda = dict((label, (lama, baru)) for label, lama, baru in newer.context["form"].beda_identitas)
    assert beda == {"Nomor telepon": (DISHUB["telepon"], "0878 5555 6666")}
    # "The same person, new details": the case keeps them; the record is not this desk's.
    done = daftar(client, **{**DISHUB, "telepon": "0878 5555 6666"}, identitas_pilihan="sama")
    assert "Permohonan terdaftar dengan nomor" in done.content.decode()
    recorded.refresh_from_db()
    assert (recorded.nama, recorded.telepon, recorded.alamat) == (
        DISKOMINFOS["nama"],
        DISKOMINFOS["telepon"],
        DISKOMINFOS["alamat"],
    )
    latest = Permohonan.objects.filter(unit_registrasi=pelaksana_dishub.unit).latest("pk")
    assert latest.pemohon_kasus.telepon == "0878 5555 6666"
    assert not Event.objects.filter(step=identitas.IDENTITAS_DIPERBARUI).exists()
    # Each difference from the record waits on the PPID's list.
    assert beda_events().count() == 3


def test_a_desk_does_not_find_its_case_by_a_name_only_the_record_holds(
    client, golden_day, petugas, pelaksana_dishub, ppid
):
    """Typing a name and seeing one's own case come up would tell a desk what the shared
    record holds: the searches match the identity given on the cases the user may see."""
    client.force_login(petugas)
    daftar(client, **DISKOMINFOS)  # the record: "Ni Made Ayu Lestari"
    client.force_login(pelaksana_dishub)
    daftar(client, **DISHUB)  # this desk's case: "Ni Made Ayu"
    case = Permohonan.objects.get(unit_registrasi=pelaksana_dishub.unit)
    work_list = reverse("registrasi:daftar")

    def found(q: str) -> tuple[bool, bool]:
        # Typed in the work list's box and in the navbar's (posted: no name or NIK in a URL).
        lists = kotak_cari(client, work_list, q, tab="semua").content.decode()
        cari = kotak_cari(client, reverse("cari"), q).content.decode()
        return case.nomor_pendaftaran in lists, case.nomor_pendaftaran in cari

    assert found("Lestari") == (False, False)
    # What its case shows finds it, by name and by NIK.
    assert found("Ni Made Ayu") == (True, True)
    assert found(NIK) == (True, True)
    # The PPID sees both cases: the record's name finds the pemohon's other case too.
    client.force_login(ppid)
    assert found("Lestari") == (True, True)
