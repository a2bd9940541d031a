"""Issue 15, item 4: a ralat corrects an issued letter with a new numbered letter that names
it and why; the corrected fact goes through the step table; the corrected letter stays
stored, marked superseded on the case page and in the register; bad input is refused with
nothing written and no number taken."""

from __future__ import annotations

import subprocess

import pytest
from django.urls import reverse

from ppid_manual.models import DokumenTerbit, Event, NomorTerbit, Ralat
from ppid_manual.workflow.engine import StepRefused
from registrasi import actions
from registrasi.documents import register_rows
from registrasi.models import Permohonan
from tests.helpers import case_url, events, messages_of
from tests.registrasi.conftest import register

# The letters each step issues are rendered and stored at the step (tests/conftest.py).
pytestmark = pytest.mark.dokumen_di_langkah

K = Permohonan.Keputusan


@pytest.fixture
def p(golden_day, petugas, ppid, pejabat):
    p = register(petugas)
    actions.issue_decision(p, actions.Putusan(keputusan=K.DIBERIKAN_SELURUHNYA), by=ppid)
    return Permohonan.objects.get(pk=p.pk)


def stored(p, jenis):
    return DokumenTerbit.objects.for_object(p).get(jenis=jenis)


def test_a_ralat_corrects_the_notice_with_a_new_number_and_supersedes_it(client, p, ppid):
    notice = stored(p, "pemberitahuan")
    original = bytes(notice.berkas)
    tenggat, status = p.tenggat, p.status
    ralat = actions.ralat_surat(
        p,
        dokumen=notice,
        fakta="alamat",
        nilai="Jl. Gatot Subroto No. 15, Denpasar",
        alasan="nomor rumah salah ketik pada formulir.",
        by=ppid,
    )
    assert ralat.nomor == "0001/RALAT-PPID/III/2026"
    p.refresh_from_db()
    assert p.status == status and p.tenggat == tenggat  # no deadline moves
    assert p.pemohon_kasus.alamat == "Jl. Gatot Subroto No. 15, Denpasar"
    e = events(p)[-1]
    assert (e.step, e.from_state, e.to_state) == ("ralat", status, status)
    assert e.data["perubahan"] == {
        "alamat": ["Jl. Gatot Subroto No. 5, Denpasar", "Jl. Gatot Subroto No. 15, Denpasar"]
    }
    assert e.data["tenggat"].startswith("tidak berubah")
    assert e.note == "nomor rumah salah ketik pada formulir."
    # The corrected letter stays stored, as issued, superseded by the stored ralat.
    notice.refresh_from_db()
    assert bytes(notice.berkas) == original and notice.utuh
    assert notice.digantikan_oleh == stored(p, "ralat")
    client.force_login(ppid)
    assert client.get(reverse("registrasi:cetak", args=[p.pk, "pemberitahuan"])).content == original
    # The ralat letter names the letter, why, and the fact as written and as it should read.
    pdf = client.get(reverse("registrasi:cetak_ralat", args=[p.pk, ralat.pk])).content
    assert pdf == bytes(stored(p, "ralat").berkas)
    text = " ".join(
        subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True)
        .stdout.decode()
        .split()
    )
    assert "RALAT" in text and notice.nomor in text and "nomor rumah salah ketik" in text
    assert "Jl. Gatot Subroto No. 5, Denpasar" in text and "No. 15" in text
    # Marked on the case page and in the register.
    page = client.get(case_url(p)).content.decode()
    assert f"digantikan ralat {ralat.nomor}" in page
    row = register_rows([p])[0]
    assert f"{notice.nomor} diralat dengan Ralat {ralat.nomor}" in row["keputusan"]


def _nothing_written(p, before):
    assert Event.objects.count() == before[0]
    assert NomorTerbit.objects.count() == before[1]
    assert not Ralat.objects.exists()
    assert not DokumenTerbit.objects.for_object(p).filter(jenis="ralat").exists()


@pytest.mark.parametrize(
    "case, message",
    [
        ("no_reason", "Ralat wajib disertai alasan."),
        ("never_issued", "tidak pernah diterbitkan untuk permohonan ini"),
        ("role", "Peran Anda tidak berwenang menerbitkan Pemberitahuan Tertulis"),
    ],
)
def test_bad_ralat_is_refused_with_nothing_written(p, petugas, ppid, case, message):
    notice = stored(p, "pemberitahuan")
    kwargs = {"dokumen": notice, "fakta": "alamat", "nilai": "Jl. Baru", "alasan": "salah."}
    by = ppid
    if case == "no_reason":
        kwargs["alasan"] = "  "
    elif case == "never_issued":
        other = register(petugas, pemohon={"nik": "5171014107900099", "nama": "Lain"})
        kwargs["dokumen"] = stored(other, "formulir")
    elif case == "role":
        by = petugas  # the desk may not issue the pemberitahuan tertulis
    before = (Event.objects.count(), NomorTerbit.objects.count())
    with pytest.raises(StepRefused, match=message):
        actions.ralat_surat(p, by=by, **kwargs)
    _nothing_written(p, before)


def test_a_superseded_letter_cannot_be_corrected_again(p, ppid):
    notice = stored(p, "pemberitahuan")
    first = actions.ralat_surat(
        p, dokumen=notice, fakta="telepon", nilai="0812 9999 1111", alasan="salah tulis.", by=ppid
    )
    before = (Event.objects.count(), NomorTerbit.objects.count(), Ralat.objects.count())
    with pytest.raises(StepRefused, match=f"sudah digantikan ralat {first.nomor}"):
        actions.ralat_surat(
            p,
            dokumen=stored(p, "pemberitahuan"),
            fakta="telepon",
            nilai="0812 9999 2222",
            alasan="x",
            by=ppid,
        )
    assert (Event.objects.count(), NomorTerbit.objects.count(), Ralat.objects.count()) == before


def test_the_ralat_page_refuses_a_missing_reason_and_issues_one_with_it(client, p, ppid):
    notice = stored(p, "pemberitahuan")
    url = reverse("registrasi:langkah", args=[p.pk, "ralat"])
    client.force_login(ppid)
    data = {"dokumen": notice.pk, "fakta": "telepon", "nilai": "0812 0000 1111", "alasan": ""}
    page = client.post(url, data)
    assert page.status_code == 200 and page.context["form"].errors["alasan"]
    assert not Ralat.objects.exists()
    response = client.post(url, {**data, "alasan": "nomor telepon tertukar."}, follow=True)
    # The formulir prints the same telephone: it is named for its own ralat.
    [pesan] = messages_of(response)
    assert pesan == (
        "Ralat 0001/RALAT-PPID/III/2026 diterbitkan. Surat yang masih memuat data sebelum "
        f"diralat: {stored(p, 'formulir').judul} 0001/REG-PPID/III/2026 (Nomor telepon "
        "pemohon). Buka langkah Ralat lagi untuk meralat setiap surat itu."
    )
