"""The berkas perkara for the Komisi Informasi (issue 25): a case with a refusal, a keberatan,
a ralat and a sengketa, read page by page: the surat pengantar signed by the PPID, the cover
(NIK masked), the chronology with each event's hash, every stored letter as its stored bytes,
the page of hashes, every page numbered across the file; a case that does not verify still
prints, with a warning on the cover; 404 for a role that may not see the case."""

from __future__ import annotations

import io
import re
import subprocess

import pytest
from django.db import connection
from pypdf import PdfReader

from keberatan import actions
from keberatan.models import Keberatan
from ppid_manual import rantai
from ppid_manual.models import DokumenTerbit, Event
from tests.helpers import D, at
from tests.keberatan.helpers import NIK, buat_permohonan, daftarkan, sampai, tolak_permohonan

pytestmark = pytest.mark.dokumen_di_langkah
S = Keberatan.Status


def pages(pdf: bytes) -> list[str]:
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return [" ".join(p.split()) for p in out.stdout.decode().split("\f")[:-1]]


def text_of(pdf: bytes) -> str:
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(out.stdout.decode().split())


def stamps(page: str, nomor: str) -> list[tuple[str, str]]:
    """The berkas's own page numbers on a page (pdftotext): (n, N)."""
    return re.findall(rf"Berkas perkara {re.escape(nomor)} · Halaman (\d+) dari (\d+)", page)


@pytest.fixture
def sengketa(desk, client, holidays_2026):
    p = tolak_permohonan(desk, buat_permohonan(desk, D(2026, 3, 16)), D(2026, 3, 16))
    k = sampai(desk, daftarkan(desk, D(2026, 3, 17), p), S.DITANGGAPI, D(2026, 3, 18))
    with at(D(2026, 3, 19)):
        actions.ralat_surat(
            k,
            dokumen=DokumenTerbit.objects.for_object(k).get(jenis="tanggapan"),
            fakta="pertimbangan",
            nilai="Putusan PPID sudah tepat menurut Pasal 17 huruf h.",
            alasan="dasar pasal tertinggal saat pengetikan.",
            by=desk.atasan,
        )
    with at(D(2026, 3, 30)):
        client.force_login(desk.petugas)
        response = client.post(
            f"/keberatan/{k.pk}/langkah/catat_sengketa/",
            {
                "tanggal_sengketa": "2026-03-27",
                "nomor_register": "012/III/KI-Bali-PS/2026",
                "diketahui_dari": "",
            },
        )
        assert response.status_code == 302
    k.refresh_from_db()
    assert k.status == S.SENGKETA
    return p, k


def test_the_berkas_perkara_of_a_sengketa_read_page_by_page(client, desk, sengketa):
    p, k = sengketa
    client.force_login(desk.ppid)
    with at(D(2026, 4, 1)):
        # Linked from both case pages.
        for case_page in (f"/keberatan/{k.pk}/", f"/permohonan/{p.pk}/"):
            assert "berkas-perkara/" in client.get(case_page).content.decode()
        response = client.get(f"/keberatan/{k.pk}/berkas-perkara/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = response.content
    read = pages(pdf)
    whole = " ".join(read)
    # The surat pengantar, signed by the PPID, to the Komisi Informasi Provinsi Bali.
    assert "Yth. Ketua Komisi Informasi Provinsi Bali" in read[0]
    assert "012/III/KI-Bali-PS/2026" in read[0] and k.nomor_registrasi in read[0]
    assert desk.pejabat["ppid"].nama in whole
    # The cover: the identity, the NIK masked, the head, verified.
    assert "BERKAS PERKARA" in whole and "PERHATIAN" not in whole
    assert f"{NIK[:4]}********{NIK[-4:]}" in whole
    urut, head = rantai.kepala()
    assert head in whole.replace(" ", "")
    # The chronology: every event of the permohonan and the keberatan with its hash.
    chain = list(Event.objects.filter(object_id__in=[p.pk, k.pk]).order_by("urut"))
    compact = whole.replace(" ", "")
    for e in Event.objects.for_object(p) | Event.objects.for_object(k):
        assert e.hash in compact, e.step
    assert "Ralat surat yang sudah terbit" in whole
    assert len(chain) >= 8
    # Every stored letter as its stored bytes: each one's pages are in the file, in order
    # (under the file's page number, stamped in the top margin).
    stored = list(DokumenTerbit.objects.for_object(p)) + list(DokumenTerbit.objects.for_object(k))
    assert {d.jenis for d in stored} >= {"pemberitahuan", "tanggapan", "ralat", "formulir"}
    merged = PdfReader(io.BytesIO(pdf))
    n = len(merged.pages)
    stamp = re.compile(r"Berkas perkara \S+ · Halaman \d+ dari \d+")
    joined = [" ".join(stamp.sub(" ", pg.extract_text()).split()) for pg in merged.pages]
    starts = []
    for d in stored:
        own = [" ".join(pg.extract_text().split()) for pg in PdfReader(io.BytesIO(d.berkas)).pages]
        starts.append(next(i for i in range(len(joined)) if joined[i : i + len(own)] == own))
    # Every page, the stored letters included, numbered across the whole file, once; the
    # parts the file draws carry no number of their own.
    assert [stamps(page, k.nomor_registrasi) for page in read] == [
        [(str(i), str(n))] for i in range(1, n + 1)
    ]
    assert re.findall(r"Halaman \d+ dari \d+", read[0]) == [f"Halaman 1 dari {n}"]
    # What the file itself draws (pengantar, cover, chronology, hashes) never shows the NIK
    # whole; the stored letters are as issued (the formulir carries it).
    drawn = read[: min(starts)] + read[-1:]
    assert min(starts) >= 3 and not [page for page in drawn if NIK in page]
    # The last page: each letter's SHA-256 and how to check them.
    last = " ".join(read[-2:]).replace(" ", "")
    for d in stored:
        assert d.sha256 in last, d.judul
    assert "verify_records" in read[-1] or "verify_records" in read[-2]


def test_a_case_that_does_not_verify_still_prints_with_a_warning(client, desk, sengketa):
    p, k = sengketa
    target = Event.objects.for_object(k).order_by("urut").first()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute("UPDATE ppid_manual_event SET note = 'diubah' WHERE id = %s", [target.pk])
        broken = DokumenTerbit.objects.for_object(k).get(jenis="tanggapan")
        cursor.execute(
            "UPDATE ppid_manual_dokumenterbit SET berkas = %s WHERE id = %s", [b"rusak", broken.pk]
        )
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = DEFAULT")
    client.force_login(desk.ppid)
    response = client.get(f"/permohonan/{p.pk}/berkas-perkara/")
    assert response.status_code == 200
    cover = text_of(response.content).replace("/ ", "/")  # a number wrapped after a slash
    assert "PERHATIAN: rekaman perkara ini TIDAK lolos pemeriksaan keutuhan" in cover
    assert f"RIWAYAT BERUBAH: riwayat #{target.pk}" in cover
    assert "TIDAK UTUH" in cover
    # A stored letter that is no longer a PDF is named, not attached, and the file still prints.
    assert f"DOKUMEN TIDAK DAPAT DIBACA: {broken.judul} {broken.nomor}" in cover
    assert f"DOKUMEN BERUBAH: {broken.judul}" in cover


def test_a_role_that_may_not_see_the_case_gets_404(client, desk, sengketa):
    p, k = sengketa
    client.force_login(desk.dishub)  # a PPID Pelaksana of another OPD
    assert client.get(f"/keberatan/{k.pk}/berkas-perkara/").status_code == 404
    assert client.get(f"/permohonan/{p.pk}/berkas-perkara/").status_code == 404
