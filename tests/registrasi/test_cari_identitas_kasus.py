"""Cases are found by what they were registered with: a pemohon who came back with a new name
and phone (the same person, with a reason) is still found by the old name and the old phone
that a case carries, with their other cases, in the navbar's search and the work lists'
search; never by what only the pemohon's shared record holds (DESIGN.md section 7)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from keberatan.models import Keberatan
from pemohon.models import Pemohon
from ppid_manual.models import DokumenTerbit
from registrasi import actions
from registrasi.models import Permohonan
from tests.helpers import D
from tests.keberatan.helpers import daftarkan
from tests.registrasi.conftest import NIK, form_data, register

LAMA = {
    "nama": "I Made Wirawan",
    "alamat": "Jl. Kenyeri No. 12, Denpasar",
    "pekerjaan": "Guru",
    "telepon": "0812 1111 2222",
}
BARU = {
    "nama": "I Made Wira Santika",
    "alamat": "Jl. Kenyeri No. 12, Denpasar",
    "pekerjaan": "Guru",
    "telepon": "0813 3333 4444",
    "identitas_pilihan": "sama",
    "identitas_alasan": "Ganti nama sesuai KTP baru",
}


def urls(html: str, name: str, objs) -> set[int]:
    return {o.pk for o in objs if reverse(name, args=[o.pk]) in html}


def test_an_earlier_name_and_phone_find_the_cases_that_carry_them(
    client, golden_day, petugas, desk
):
    client.force_login(petugas)
    client.post(reverse("registrasi:baru"), form_data(**LAMA))
    client.post(reverse("registrasi:baru"), form_data(**BARU))
    lama, baru = Permohonan.objects.order_by("pk")
    assert Pemohon.objects.get(nik=NIK).nama == BARU["nama"]  # the record moved on
    assert lama.pemohon_kasus.nama == LAMA["nama"]
    client.force_login(desk.ppid)
    # The old name and phone, given on the old case, find the pemohon: that case and their
    # other one; so does the new name, given on the new case.
    for q in ("Made Wirawan", "0812-1111-2222", "+62 812 1111 2222", "Wira Santika"):
        html = client.get(reverse("cari"), {"q": q}).content.decode()
        assert urls(html, "registrasi:detail", [lama, baru]) == {lama.pk, baru.pk}, q
    html = client.get(reverse("registrasi:daftar"), {"q": "Made Wirawan", "tab": "semua"})
    assert urls(html.content.decode(), "registrasi:detail", [lama, baru]) == {lama.pk, baru.pk}
    # A name neither case was given finds neither.
    html = client.get(reverse("cari"), {"q": "Wira Wirawan"}).content.decode()
    assert urls(html, "registrasi:detail", [lama, baru]) == set()


def test_a_keberatan_is_found_by_the_name_given_on_it(client, desk, holidays_2026):
    k = daftarkan(desk, D(2026, 3, 16))
    # The pemohon's record takes another name later; the keberatan keeps the one it was given.
    Pemohon.objects.filter(pk=k.pemohon_id).update(nama="Nama Lain Sekarang")
    lama = k.pemohon_kasus.nama
    client.force_login(desk.ppid)
    for url in (reverse("cari"), reverse("keberatan:daftar")):
        html = client.get(url, {"q": lama, "tab": "semua"}).content.decode()
        assert urls(html, "keberatan:detail", Keberatan.objects.all()) == {k.pk}, url


def beragam(*cases) -> list[bool]:
    return [type(c).objects.get(pk=c.pk).identitas_beragam for c in cases]


def test_the_cases_of_a_pemohon_given_another_identity_are_marked_for_the_search(
    client, golden_day, petugas, desk
):
    """The search looks a pemohon up again only by the cases of a pemohon given more than
    one identity (pemohon.kasus.pemohon_dikenal): every such case is marked when the second
    identity is written, the earlier ones too; a pemohon given the same one is not."""
    client.force_login(petugas)
    client.post(reverse("registrasi:baru"), form_data(**LAMA))
    client.post(reverse("registrasi:baru"), form_data(**LAMA))
    pertama, kedua = Permohonan.objects.order_by("pk")
    assert beragam(pertama, kedua) == [False, False]
    # The same name typed otherwise (case, spaces) is the same identity to a search.
    ketik_lain = {**LAMA, "nama": "I MADE  WIRAWAN", "identitas_pilihan": "sama"}
    client.post(reverse("registrasi:baru"), form_data(**ketik_lain, identitas_alasan="KTP"))
    assert beragam(*Permohonan.objects.order_by("pk")) == [False, False, False]
    client.post(reverse("registrasi:baru"), form_data(**BARU))
    assert beragam(*Permohonan.objects.order_by("pk")) == [True, True, True, True]


@pytest.mark.dokumen_di_langkah
def test_a_ralat_of_the_name_makes_the_corrected_name_find_the_other_cases(
    client, golden_day, petugas, ppid, pejabat
):
    lama = register(petugas)
    p = register(petugas)
    actions.issue_decision(
        p, actions.Putusan(keputusan=Permohonan.Keputusan.DIBERIKAN_SELURUHNYA), by=ppid
    )
    assert beragam(lama, p) == [False, False]
    notice = DokumenTerbit.objects.for_object(p).get(jenis="pemberitahuan")
    actions.ralat_surat(
        Permohonan.objects.get(pk=p.pk),
        dokumen=notice,
        fakta="nama",
        nilai="Ni Luh Putu Sekar Ralat",
        alasan="nama salah ketik pada formulir.",
        by=ppid,
    )
    assert beragam(lama, p) == [True, True]
    client.force_login(ppid)
    html = client.get(reverse("cari"), {"q": "Sekar Ralat"}).content.decode()
    assert urls(html, "registrasi:detail", [lama, p]) == {lama.pk, p.pk}
