"""A ralat offers only the facts the corrected letter prints: each document class declares
them (`fakta_tercetak`), the declaration is checked against what the letter renders, the form
offers each fact naming every stored letter that prints it, and a ralat of a fact the letter
does not print is refused with nothing written."""

from __future__ import annotations

import pytest
from django.urls import reverse

from keberatan import actions as keb
from keberatan.documents import FormulirKeberatan
from ppid_manual.models import DokumenTerbit, Event, NomorTerbit, Ralat
from ppid_manual.workflow.engine import StepRefused
from registrasi import actions
from registrasi.documents import FormulirPermohonan, Pemberitahuan, SkPenolakan
from registrasi.models import Permohonan
from tests.helpers import D, at, messages_of
from tests.keberatan.helpers import buat_permohonan, daftarkan, tolak_permohonan

pytestmark = [pytest.mark.dokumen_di_langkah, pytest.mark.usefixtures("holidays_2026")]
PENANDA = "Penanda{}Xq"


@pytest.fixture
def p(desk):
    return tolak_permohonan(desk, buat_permohonan(desk, D(2026, 4, 6)), D(2026, 4, 7))


def stored(case, jenis):
    return DokumenTerbit.objects.for_object(case).get(jenis=jenis)


def _tercetak(case, doc_class, fakta, **kwargs) -> set[str]:
    """The facts whose value shows in the letter rendered now: each fact set in turn to a
    marker on a fresh copy of the case (never saved)."""
    found = set()
    for key, f in fakta.items():
        copy = type(case).objects.get(pk=case.pk)
        f.tulis(copy, PENANDA.format(key))
        if PENANDA.format(key) in doc_class(copy, **kwargs).render_html():
            found.add(key)
    return found


@pytest.mark.parametrize("doc_class", [FormulirPermohonan, Pemberitahuan, SkPenolakan])
def test_each_letter_declares_exactly_the_facts_it_prints(p, doc_class):
    with at(D(2026, 4, 7)):
        printed = _tercetak(p, doc_class, actions.RALAT_FAKTA)
    declared = set(doc_class.fakta_tercetak)
    # Never offered what the letter does not print; a declared fact the refusal does not
    # show is one printed only for another outcome (a partial grant's blacked-out part).
    assert printed <= declared
    assert declared - printed <= {"uraian_informasi", "bagian_dihitamkan", "tujuan_penggunaan"}


def test_the_keberatan_form_declares_what_it_prints(desk):
    k = daftarkan(desk, D(2026, 4, 6))
    with at(D(2026, 4, 6)):
        printed = _tercetak(k, FormulirKeberatan, keb.RALAT_FAKTA)
    declared = set(FormulirKeberatan.fakta_tercetak)
    assert printed <= declared
    assert declared - printed <= {"kuasa_nama", "kuasa_alamat"}  # printed with a kuasa


def test_a_fact_the_letter_does_not_print_is_refused_and_nothing_is_written(p, desk):
    before = (Event.objects.count(), NomorTerbit.objects.count(), Ralat.objects.count())
    with at(D(2026, 4, 8)):
        with pytest.raises(
            StepRefused, match="Pekerjaan pemohon tidak tercetak pada Keputusan PPID"
        ):
            actions.ralat_surat(
                p, dokumen=stored(p, "sk-penolakan"), fakta="pekerjaan", nilai="Jurnalis",
                alasan="salah tulis.", by=desk.ppid,
            )  # fmt: skip
    assert (Event.objects.count(), NomorTerbit.objects.count(), Ralat.objects.count()) == before


def test_the_form_offers_each_fact_with_every_letter_that_prints_it(client, p, desk):
    client.force_login(desk.ppid)
    with at(D(2026, 4, 8)):
        form = client.get(reverse("registrasi:langkah", args=[p.pk, "ralat"])).context["form"]
    choices = dict(form.fields["fakta"].choices)
    formulir = stored(p, "formulir")
    sk = stored(p, "sk-penolakan")
    notice = stored(p, "pemberitahuan")
    for letter in (formulir, sk, notice):
        assert f"{letter.judul} {letter.nomor}" in choices["alamat"]
    # The occupation is printed on the formulir only.
    assert f"{formulir.judul} {formulir.nomor}" in choices["pekerjaan"]
    assert sk.nomor not in choices["pekerjaan"] and notice.nomor not in choices["pekerjaan"]
    # A corrected address on one letter: the others that print it are still offered.
    with at(D(2026, 4, 8)):
        actions.ralat_surat(
            p, dokumen=notice, fakta="alamat", nilai="Jl. Baru No. 1, Denpasar",
            alasan="alamat salah ketik.", by=desk.ppid,
        )  # fmt: skip
        p = Permohonan.objects.get(pk=p.pk)
        form = client.get(reverse("registrasi:langkah", args=[p.pk, "ralat"])).context["form"]
    alamat = dict(form.fields["fakta"].choices)["alamat"]
    assert sk.nomor in alamat and notice.nomor not in alamat


def test_every_letter_still_printing_a_corrected_fact_is_offered_its_own_ralat(client, p, desk):
    formulir, sk, notice = (stored(p, j) for j in ("formulir", "sk-penolakan", "pemberitahuan"))
    lama, baru = p.pemohon_kasus.alamat, "Jl. Baru No. 1, Denpasar"
    url = reverse("registrasi:langkah", args=[p.pk, "ralat"])
    client.force_login(desk.ppid)
    with at(D(2026, 4, 8)):
        response = client.post(
            url,
            {"dokumen": notice.pk, "fakta": "alamat", "nilai": baru, "alasan": "salah ketik."},
            follow=True,
        )
    # The other two letters still print the old address: the message names both.
    [pesan] = [m for m in messages_of(response) if "diterbitkan" in m]
    assert f"{sk.judul} {sk.nomor} (Alamat pemohon)" in pesan
    assert f"{formulir.judul} {formulir.nomor} (Alamat pemohon)" in pesan
    assert notice.nomor not in pesan.split("diralat:")[1]

    # The ralat page lists both; it starts on the first one the user may correct (the PPID:
    # the SK; the desk, which issued the formulir: the formulir), as the address now reads.
    for user, first in ((desk.ppid, sk), (desk.petugas, formulir)):
        client.force_login(user)
        with at(D(2026, 4, 8)):
            page = client.get(url)
        assert f"{sk.judul} {sk.nomor} (Alamat pemohon)" in page.context["intro"]
        assert f"{formulir.judul} {formulir.nomor} (Alamat pemohon)" in page.context["intro"]
        form = page.context["form"]
        assert (form["dokumen"].value(), form["fakta"].value(), form["nilai"].value()) == (
            first.pk,
            "alamat",
            baru,
        )
    client.force_login(desk.ppid)
    # The SK printed the old address: a ralat to it again is refused, nothing written.
    before = (Event.objects.count(), NomorTerbit.objects.count(), Ralat.objects.count())
    with at(D(2026, 4, 8)), pytest.raises(StepRefused, match="berbeda dari yang tertulis"):
        actions.ralat_surat(p, dokumen=sk, fakta="alamat", nilai=lama, alasan="x.", by=desk.ppid)
    assert (Event.objects.count(), NomorTerbit.objects.count(), Ralat.objects.count()) == before
    # Its own ralat, to the address the case now has: it reads the old address as printed.
    with at(D(2026, 4, 8)):
        response = client.post(
            url, {"dokumen": sk.pk, "fakta": "alamat", "nilai": baru, "alasan": "salah ketik."},
            follow=True,
        )  # fmt: skip
    r = Ralat.objects.get(dokumen=sk)
    assert r.perubahan == {"Alamat pemohon": [lama, baru]}
    assert Permohonan.objects.get(pk=p.pk).pemohon_kasus.alamat == baru
    [pesan] = [m for m in messages_of(response) if "diterbitkan" in m]
    assert sk.nomor not in pesan and f"{formulir.judul} {formulir.nomor}" in pesan
    # The formulir, issued by the desk, by the petugas: then none is left.
    client.force_login(desk.petugas)
    with at(D(2026, 4, 8)):
        response = client.post(
            url,
            {"dokumen": formulir.pk, "fakta": "alamat", "nilai": baru, "alasan": "salah ketik."},
            follow=True,
        )
    [pesan] = [m for m in messages_of(response) if "diterbitkan" in m]
    assert pesan == f"Ralat {Ralat.objects.get(dokumen=formulir).nomor} diterbitkan."
    with at(D(2026, 4, 8)):
        assert "sebelum diralat" not in client.get(url).context["intro"]


def test_the_sk_penolakan_is_corrected_by_a_keputusan_perubahan(p, desk):
    import subprocess

    sk = stored(p, "sk-penolakan")
    with at(D(2026, 4, 8)):
        ralat = actions.ralat_surat(
            p, dokumen=sk, fakta="alamat", nilai="Jl. Baru No. 1, Denpasar",
            alasan="alamat pemohon salah ketik.", by=desk.ppid,
        )  # fmt: skip
    # Numbered in the SK's own series, not as a letter "RALAT".
    assert ralat.nomor != sk.nomor and "SK-PPID" in ralat.nomor
    pdf = bytes(DokumenTerbit.objects.for_object(p).get(jenis="ralat", kunci=ralat.nomor).berkas)
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    text = " ".join(out.stdout.decode().split())
    assert "RALAT" not in text
    assert (
        f"NOMOR {ralat.nomor} TENTANG PERUBAHAN ATAS KEPUTUSAN PEJABAT PENGELOLA INFORMASI DAN "
        f"DOKUMENTASI PEMERINTAH PROVINSI BALI NOMOR {sk.nomor} TENTANG PENOLAKAN"
    ) in text
    assert "terdapat kekeliruan, yaitu alamat pemohon salah ketik, sehingga perlu diubah" in text
    assert "Semula tertulis" in text and "Diubah menjadi : Jl. Baru No. 1, Denpasar" in text
    # The keberatan window stays where the SK put it; the date once, where it is set.
    assert "yang dihitung sejak diterimanya Keputusan tersebut" in text
    assert "Ditetapkan di Denpasar pada tanggal 8 April 2026" in text
