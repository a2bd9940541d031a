"""Issue 15, item 4 for the keberatan: a ralat of the formulir keberatan, the lembar disposisi
or the surat tanggapan is a new numbered letter that names the letter and why; the corrected
fact goes through the step table; the corrected letter stays stored, marked superseded on the
case page and in the Register Keberatan; bad input is refused with nothing written and no
number taken (the shared mechanism: ppid_manual/workflow/ralat.py)."""

from __future__ import annotations

import subprocess

import pytest
from django.urls import reverse

from keberatan import actions
from keberatan.documents import register_rows
from keberatan.models import Keberatan
from ppid_manual.format import hari_tanggal
from ppid_manual.models import DokumenTerbit, Event, NomorTerbit, PenghitungNomor, Ralat
from ppid_manual.workflow.engine import StepRefused
from tests.helpers import D, at, case_url, events, messages_of
from tests.keberatan.helpers import buat_permohonan, daftarkan, sampai, tolak_permohonan

# The letters each step issues are rendered and stored at the step (tests/conftest.py).
pytestmark = pytest.mark.dokumen_di_langkah

S = Keberatan.Status
DAY = D(2026, 3, 19)


def teks(pdf: bytes) -> str:
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(out.stdout.decode().split())


def stored(k, jenis):
    return DokumenTerbit.objects.for_object(k).get(jenis=jenis)


@pytest.fixture
def k(desk):
    p = tolak_permohonan(desk, buat_permohonan(desk, D(2026, 3, 16)), D(2026, 3, 16))
    k = daftarkan(desk, D(2026, 3, 17), p)
    return sampai(desk, k, S.DITANGGAPI, D(2026, 3, 18))


def nothing_written():
    return (
        Event.objects.count(),
        NomorTerbit.objects.count(),
        list(PenghitungNomor.objects.order_by("pk").values_list("berikutnya", flat=True)),
        Ralat.objects.count(),
        DokumenTerbit.objects.filter(jenis="ralat").count(),
    )


def test_the_atasan_corrects_the_surat_tanggapan_by_a_ralat(client, desk, k):
    tanggapan = stored(k, "tanggapan")
    original = bytes(tanggapan.berkas)
    tenggat = (k.tenggat_tanggapan, k.tenggat_sengketa)
    with at(DAY):
        ralat = actions.ralat_surat(
            k,
            dokumen=tanggapan,
            fakta="pertimbangan",
            nilai="Putusan PPID sudah tepat menurut Pasal 17 huruf h.",
            alasan="dasar pasal tertinggal saat pengetikan.",
            by=desk.atasan,
        )
    assert ralat.nomor == "0001/RALAT-PPID/III/2026"
    k.refresh_from_db()
    # The fact through the step table: state kept, one event with the old and new values.
    assert k.status == S.DITANGGAPI
    assert (k.tenggat_tanggapan, k.tenggat_sengketa) == tenggat
    assert k.pertimbangan == "Putusan PPID sudah tepat menurut Pasal 17 huruf h."
    e = events(k)[-1]
    assert (e.step, e.from_state, e.to_state, e.actor) == (
        "ralat",
        S.DITANGGAPI,
        S.DITANGGAPI,
        desk.atasan,
    )
    assert e.data["perubahan"] == {
        "pertimbangan": [
            "Putusan PPID sudah tepat.",
            "Putusan PPID sudah tepat menurut Pasal 17 huruf h.",
        ]
    }
    assert e.data["tenggat"].startswith("tidak berubah")
    assert e.note == "dasar pasal tertinggal saat pengetikan."
    # The corrected letter stays stored as issued, superseded by the stored ralat letter.
    tanggapan.refresh_from_db()
    assert bytes(tanggapan.berkas) == original and tanggapan.utuh
    assert tanggapan.digantikan_oleh == stored(k, "ralat")
    client.force_login(desk.atasan)
    assert client.get(reverse("keberatan:cetak_tanggapan", args=[k.pk])).content == original
    pdf = client.get(reverse("keberatan:cetak_ralat", args=[k.pk, ralat.pk])).content
    assert pdf == bytes(stored(k, "ralat").berkas)
    text = teks(pdf)
    assert "RALAT" in text and tanggapan.nomor in text and k.nomor_registrasi in text
    assert "dasar pasal tertinggal" in text and "Putusan PPID sudah tepat." in text
    # Signed by the Atasan PPID, who signs the letter it corrects.
    assert "I Wayan Sekda, S.H." in text and "Gede Pramana" not in text
    # The answer's tembusan, and the 14 hk to the Komisi Informasi still from the answer's
    # receipt (not recorded: from its date, Wednesday 18 March 2026, to Thursday 9 April).
    assert "Tembusan: 1. PPID Pemerintah Provinsi Bali." in text
    assert (
        "Ralat ini tidak mengubah jangka waktu 14 (empat belas) hari kerja untuk mengajukan "
        "permohonan penyelesaian sengketa informasi publik kepada Komisi Informasi Provinsi Bali"
    ) in text
    assert "sejak diterimanya surat tanggapan yang diralat, bukan sejak diterimanya ralat" in text
    assert f"batas tersebut jatuh pada {hari_tanggal(k.tenggat_sengketa)}." in text
    # Marked on the case page (the stored documents, the ralat to reprint) and in the register.
    page = client.get(case_url(k)).content.decode()
    assert f"digantikan ralat {ralat.nomor}" in page
    assert reverse("keberatan:cetak_ralat", args=[k.pk, ralat.pk]) in page
    row = register_rows([k])[0]
    assert f"{tanggapan.nomor} diralat dengan Ralat {ralat.nomor}" in row["keputusan"]


def test_the_desk_corrects_the_formulir_keberatan_on_this_case_only(desk, k):
    formulir = stored(k, "formulir-keberatan")
    other = k.permohonan
    with at(DAY):
        actions.ralat_surat(
            k,
            dokumen=formulir,
            fakta="alamat",
            nilai="Jl. Gatot Subroto No. 15, Denpasar",
            alasan="nomor rumah salah ketik.",
            by=desk.petugas,
        )
    k.refresh_from_db()
    assert k.pemohon_kasus.alamat == "Jl. Gatot Subroto No. 15, Denpasar"
    # The pemohon's record and the earlier permohonan keep the identity given for them.
    other.refresh_from_db()
    assert other.pemohon_kasus.alamat == "Jl. Gatot Subroto No. 1, Denpasar"
    assert other.pemohon.alamat == "Jl. Gatot Subroto No. 1, Denpasar"
    assert stored(k, "formulir-keberatan").digantikan_oleh_id is not None
    # The desk's formulir is the PPID's: its ralat is signed by the PPID; the formulir had no
    # tembusan and starts no deadline of the Komisi Informasi, so its ralat names neither.
    text = teks(bytes(stored(k, "ralat").berkas))
    assert "Gede Pramana" in text
    assert "Tembusan" not in text and "sengketa" not in text


@pytest.mark.parametrize(
    "case, message",
    [
        ("no_reason", "Ralat wajib disertai alasan."),
        ("never_issued", "tidak pernah diterbitkan untuk keberatan ini"),
        ("of_the_permohonan", "tidak pernah diterbitkan untuk keberatan ini"),
        ("superseded", "sudah digantikan ralat 0001/RALAT-PPID/III/2026"),
        ("role_petugas", "Peran Anda tidak berwenang menerbitkan Surat Tanggapan"),
        ("role_ppid", "Peran Anda tidak berwenang"),
    ],
)
def test_a_bad_ralat_is_refused_with_nothing_written(desk, k, case, message):
    kwargs = {
        "dokumen": stored(k, "tanggapan"),
        "fakta": "pertimbangan",
        "nilai": "Pertimbangan yang benar.",
        "alasan": "salah ketik.",
    }
    by = desk.atasan
    if case == "no_reason":
        kwargs["alasan"] = " "
    elif case == "never_issued":
        lain = daftarkan(desk, D(2026, 3, 18))
        kwargs["dokumen"] = stored(lain, "formulir-keberatan")
    elif case == "of_the_permohonan":
        kwargs["dokumen"] = DokumenTerbit.objects.for_object(k.permohonan).first()
    elif case == "superseded":
        with at(DAY):
            actions.ralat_surat(k, by=desk.atasan, **kwargs)
        kwargs["nilai"] = "Pertimbangan lain."
    elif case == "role_petugas":
        by = desk.petugas  # the desk registers; only the Atasan PPID answers
    elif case == "role_ppid":
        by = desk.ppid  # the PPID drafts; it issues none of the keberatan's letters
    status = Keberatan.objects.get(pk=k.pk).status
    before = nothing_written()
    with at(DAY), pytest.raises(StepRefused, match=message):
        actions.ralat_surat(k, by=by, **kwargs)
    assert nothing_written() == before
    assert Keberatan.objects.get(pk=k.pk).status == status


def test_the_ralat_page_konsep_then_issue(client, desk, k):
    tanggapan = stored(k, "tanggapan")
    url = reverse("keberatan:langkah", args=[k.pk, "ralat"])
    data = {
        "dokumen": tanggapan.pk,
        "fakta": "informasi_diberikan",
        "nilai": "Salinan laporan keuangan 2025.",
        "alasan": "",
    }
    client.force_login(desk.atasan)
    page = client.get(url).content.decode()
    assert "Lihat KONSEP surat ralat" in page and tanggapan.nomor in page
    # No reason: the form says so, nothing written.
    before = nothing_written()
    with at(DAY):
        response = client.post(url, data)
    assert response.status_code == 200 and response.context["form"].errors["alasan"]
    assert nothing_written() == before
    data["alasan"] = "informasi yang diberikan tidak tertulis."
    # The KONSEP: watermark and "…" for the number, nothing taken, nothing written.
    with at(DAY):
        konsep = client.post(url, {**data, "aksi": "konsep"})
    assert konsep["Content-Type"] == "application/pdf"
    text = teks(konsep.content)
    assert "K O N S E P" in text and "Nomor : …" in text and tanggapan.nomor in text
    assert nothing_written() == before
    with at(DAY):
        response = client.post(url, data, follow=True)
    assert "Ralat 0001/RALAT-PPID/III/2026 diterbitkan." in messages_of(response)
    assert stored(k, "tanggapan").digantikan_oleh.nomor == "0001/RALAT-PPID/III/2026"
