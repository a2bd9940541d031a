"""The berkas perkara for the Komisi Informasi (issue 25): a case with a refusal, a keberatan,
a ralat and a sengketa, read page by page: the surat pengantar signed by the PPID, the cover
(NIK masked), the chronology with each event's hash, every stored letter as its stored bytes,
the scans the Komisi may see (an ID scan listed, not attached), the page of hashes, every page
numbered across the file; a case that does not verify still prints, with a warning on the
cover; 404 for a role that may not see the case."""

from __future__ import annotations

import hashlib
import io
import re
import subprocess

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from pypdf import PdfReader

from keberatan import actions
from keberatan.models import Keberatan
from ppid_manual import pindaian, rantai
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


def gambar(*baris: str) -> bytes:
    """A PNG "scan" with a frame and a few lines of text (to be seen in the rendered page)."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("RGB", (600, 800), "white")
    draw = ImageDraw.Draw(img)
    draw.rectangle([8, 8, 591, 791], outline="black", width=4)
    font = ImageFont.load_default(size=34)
    for i, teks in enumerate(baris):
        draw.text((40, 40 + 50 * i), teks, fill="black", font=font)
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def pdf_dua_halaman(judul: str) -> bytes:
    """A two-page PDF "scan" (a desk scanner's output) whose text can be read back."""
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    c = Canvas(out, pagesize=(595, 842))
    for n in (1, 2):
        c.setFont("Helvetica", 20)
        c.drawString(60, 760, f"{judul} halaman {n}")
        c.rect(20, 20, 555, 802)
        c.showPage()
    c.save()
    return out.getvalue()


def simpan_pindaian(obj, field: str, nama: str, isi: bytes) -> str:
    """Store a scan on a case as its step does (ppid_manual.pindaian), its SHA-256 returned."""
    pindaian.store_scan(getattr(obj, field), nama, ContentFile(isi))
    type(obj).objects.filter(pk=obj.pk).update(**{field: getattr(obj, field).name})
    return hashlib.sha256(isi).hexdigest()


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
    # The pemohon's KTP (shows the NIK whole) and the surat kuasa given with the keberatan.
    ktp = simpan_pindaian(p, "scan_identitas", "ktp.png", gambar("KTP", f"NIK {NIK}"))
    kuasa = simpan_pindaian(k, "surat_kuasa", "kuasa.png", gambar("SURAT KUASA", "(uji)"))
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
    starts, letter_pages = [], set()
    for d in stored:
        own = [" ".join(pg.extract_text().split()) for pg in PdfReader(io.BytesIO(d.berkas)).pages]
        starts.append(next(i for i in range(len(joined)) if joined[i : i + len(own)] == own))
        letter_pages |= set(range(starts[-1], starts[-1] + len(own)))
    # Every page, the stored letters and the scan included, numbered across the whole file,
    # once; the parts the file draws carry no number of their own.
    assert [stamps(page, k.nomor_registrasi) for page in read] == [
        [(str(i), str(n))] for i in range(1, n + 1)
    ]
    assert re.findall(r"Halaman \d+ dari \d+", read[0]) == [f"Halaman 1 dari {n}"]
    # The scans: the surat kuasa on its own page after the stored letters, with its caption
    # and the image; the KTP listed with its hash and why it is not attached.
    scan = max(letter_pages) + 1
    assert f"Pindaian 1 dari 1: Pindaian surat kuasa, keberatan {k.nomor_registrasi}" in read[scan]
    assert "Disimpan Selasa, 17 Maret 2026 pukul" in read[scan]
    assert f"SHA-256 berkas pindaian: {kuasa}" in read[scan]
    assert len(merged.pages[scan].images) == 1
    assert "Pindaian kartu identitas pemohon tidak dilampirkan" in read[0]
    listing = " ".join(read[scan + 1 :])
    assert f"Pindaian identitas, permohonan {p.nomor_pendaftaran}" in listing
    assert "Tidak dilampirkan: pindaian kartu identitas memperlihatkan NIK pemohon secara utuh" in (
        listing
    )
    assert ktp in listing.replace(" ", "") and kuasa in listing.replace(" ", "")
    # The list's rows (read in layout, a row per line): where each scan is, or that it is not.
    rows = subprocess.run(
        ["pdftotext", "-layout", "-f", str(scan + 2), "-", "-"],
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout.decode()
    assert re.search(
        rf"Pindaian surat kuasa, keberatan +17 Maret 2026 +{scan + 1} +{kuasa[:20]}", rows
    )
    assert re.search(rf"Pindaian identitas, permohonan +16 Maret 2026 +tidak +{ktp[:20]}", rows)
    # The NIK is never printed whole by the file itself (pengantar, cover, chronology, the
    # scan's page, the hashes): only a stored letter carries it, as issued (the formulir).
    assert min(starts) >= 3
    assert {i for i, page in enumerate(read) if NIK in page} <= letter_pages
    # The last page: each letter's SHA-256 and how to check them.
    last = " ".join(read[-2:]).replace(" ", "")
    for d in stored:
        assert d.sha256 in last, d.judul
    assert "verify_records" in read[-1] or "verify_records" in read[-2]


def test_a_case_that_does_not_verify_still_prints_with_a_warning(client, desk, sengketa):
    p, k = sengketa
    # A surat kuasa scanned to PDF: its pages merged, each under its caption.
    kuasa = simpan_pindaian(k, "surat_kuasa", "kuasa.pdf", pdf_dua_halaman("Surat kuasa khusus"))
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
    read = pages(response.content)
    for i in (1, 2):
        page = next(pg for pg in read if f"Surat kuasa khusus halaman {i}" in pg)
        assert f"Pindaian surat kuasa, keberatan {k.nomor_registrasi} (halaman {i} dari 2)" in page
        assert f"SHA-256 berkas pindaian: {kuasa}" in page
    assert [stamps(pg, k.nomor_registrasi)[0][0] for pg in read] == [
        str(i) for i in range(1, len(read) + 1)
    ]


def test_a_role_that_may_not_see_the_case_gets_404(client, desk, sengketa):
    p, k = sengketa
    client.force_login(desk.dishub)  # a PPID Pelaksana of another OPD
    assert client.get(f"/keberatan/{k.pk}/berkas-perkara/").status_code == 404
    assert client.get(f"/permohonan/{p.pk}/berkas-perkara/").status_code == 404


def test_a_scan_is_attached_upright_or_listed_with_why_it_is_not(media):
    """Without a case's letters (no database, no WeasyPrint): what `_pindaian` decides for
    each stored scan, and the page `_tambah_pindaian` draws for a phone photo taken turned."""
    from PIL import Image
    from pypdf import PdfWriter

    from layanan import berkas_perkara as bp
    from registrasi.models import Permohonan

    foto = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6  # taken turned: shown turned 90 degrees clockwise
    Image.new("RGB", (800, 400), "red").save(foto, "JPEG", exif=exif)
    (media / "keberatan").mkdir(parents=True)
    (media / "keberatan" / "kuasa.jpg").write_bytes(foto.getvalue())
    (media / "keberatan" / "rusak.pdf").write_bytes(b"%PDF-1.4 bukan pdf")
    p = Permohonan(nomor_pendaftaran="0009/REG-PPID/III/2026", scan_identitas="identitas/x.png")
    k = Keberatan(nomor_registrasi="0009/KEB-PPID/III/2026", surat_kuasa="keberatan/kuasa.jpg")
    scans = bp._pindaian(p, k, [])
    assert [(s.judul, s.identitas, s.alasan) for s in scans] == [
        (
            "Pindaian identitas, permohonan 0009/REG-PPID/III/2026",
            True,
            "Tidak dilampirkan: berkasnya tidak ditemukan di penyimpanan.",
        ),
        ("Pindaian surat kuasa, keberatan 0009/KEB-PPID/III/2026", False, ""),
    ]
    writer = PdfWriter()
    bp._tambah_pindaian(writer, scans)
    assert scans[1].halaman == 1 and len(writer.pages) == 1
    (image,) = writer.pages[0].images
    assert image.image.size == (400, 800)  # upright
    k.surat_kuasa = "keberatan/rusak.pdf"
    (rusak,) = bp._pindaian(None, k, [])
    assert rusak.alasan == "Tidak dilampirkan: isinya bukan PDF yang dapat dibaca."
