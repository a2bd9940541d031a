"""Issue 17: letters an official would sign as printed (Tata Naskah Dinas, Perki 1/2021).

Every document type printed from complete cases with the longest values the forms accept,
checked page by page with pdftotext; the huruf of UU 14/2008 Pasal 22(7) each outcome cites;
amounts in figures and words; the numbered kuitansi; the kop, number and signer of the issuing
unit; the code on the pemohon's copy."""

from __future__ import annotations

import datetime
import io
import re
import subprocess
from decimal import Decimal

import pytest
import time_machine
from django.core.management import call_command

from layanan.contoh import buat_contoh, cetak, jilid
from ppid_manual.format import rupiah_terbilang, terbilang
from ppid_manual.kode import baca_kode, kode_berkas
from ppid_manual.models import Pejabat, Unit, User
from registrasi.models import Permohonan
from tests.helpers import D, moment

# The letters each step issues are rendered and stored at the step (tests/conftest.py), as at
# the desk: the specimen's ralats name them.
pytestmark = pytest.mark.dokumen_di_langkah

K = Permohonan.Keputusan
SENIN = moment(D(2026, 3, 16))  # a working day (DESIGN.md section 4)
FOOTER = re.compile(r"Halaman \d+ dari \d+")


def pages_of(pdf: bytes, tmp_path) -> list[list[str]]:
    """The text lines of each page (pdftotext -layout), the page footer removed."""
    path = tmp_path / "dokumen.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    result = []
    for page in pages:
        # Columns side by side (two signature boxes) stay apart by 2+ spaces.
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        result.append([line for line in lines if not FOOTER.search(line)])
    return result


def _kop_lines() -> set[str]:
    return {line for unit in Unit.objects.all() for line in unit.kop_baris()}


def _signature_lines(pejabat: Pejabat | None) -> list[str]:
    if pejabat is None:
        return []
    parts = [pejabat.nama, pejabat.pangkat, f"NIP {pejabat.nip}", pejabat.atas_nama]
    return [p for p in parts if p] + [pejabat.jabatan_ttd + ","]


SIGNATURE_BOXES = re.compile(
    r"^(Yang (menyerahkan|menerima|membayar),|Petugas pelayanan informasi|Pemohon informasi"
    r"|Mengetahui,|Pengaju keberatan|Petugas penerima keberatan|\(\.+\)$)"
)


def _names() -> list[str]:
    """Every name a signature box may print (they wrap over several lines)."""
    from keberatan.models import Keberatan
    from pemohon.models import Pemohon
    from ppid_manual.models import User
    from registrasi.models import Penyerahan

    names = list(Pemohon.objects.values_list("nama", flat=True))
    names += Penyerahan.objects.values_list("nama_penerima", flat=True)
    names += Keberatan.objects.values_list("kuasa_nama", flat=True)
    names += [u.get_full_name() for u in User.objects.all()]
    return [" ".join(n.split()) for n in names if n]


def _is_signature_or_place(line: str, signature: list[str], names: list[str]) -> bool:
    """A line of a signature block or of the desk's two boxes side by side."""
    parts = re.split(r"\s{2,}", line)
    return all(_is_signature_part(" ".join(p.split()), signature, names) for p in parts)


def _is_signature_part(line: str, signature: list[str], names: list[str]) -> bool:
    if line.startswith(("Ditetapkan di", "pada tanggal", "Denpasar,")):
        return True
    if SIGNATURE_BOXES.match(line):  # the desk's two signature boxes side by side
        return True
    bare = line.strip("() ,")
    if bare and any(bare in name for name in names):  # a name in a box, wrapped
        return True
    # A line of the signature block: a piece of the jabatan (it wraps), the name, the NIP.
    return any(line in s.replace("\n", " ") for s in signature)


# --- Deliver 1, 2, 8: every document, longest values, page by page --------------------------


BUKU_JUDUL = (
    "Pemberitahuan tertulis: informasi diberikan seluruhnya",
    "Pemberitahuan tertulis: permohonan ditolak",
    "Keputusan PPID tentang penolakan permohonan",
    "Pemberitahuan tertulis PPID Pelaksana (jawaban langsung OPD)",
    "Kuitansi pembayaran biaya salinan",
    "Surat tanggapan Atasan PPID atas keberatan",
    "Formulir keberatan (alasan b, tanpa permohonan)",
    "Keputusan tentang Daftar Informasi Publik, dengan lampiran",
    "Lembar uji konsekuensi",
    "Register permohonan informasi publik",
    "Laporan layanan informasi publik",
)


@pytest.mark.django_db
def test_every_document_type_with_the_longest_values_keeps_its_signature_whole_page_by_page(
    tmp_path,
):
    """One build of the specimen book's documents (each is a third of a second to a second of
    WeasyPrint): every type is in it, each keeps its signature whole, and the book binds them
    behind a title page that lists each with the page it starts on."""
    with time_machine.travel(SENIN, tick=False):
        contoh = buat_contoh(semua=True)
        # The specimen covers every document type of the app.
        assert {type(c.dokumen).__name__ for c in contoh} == _document_types()
        kop = _kop_lines()
        names = _names()
        checked = 0
        dokumen = []
        for c in contoh:
            pdf = cetak(c)  # an issued letter as stored at its step, as the desk prints it
            dokumen.append(pdf)
            if type(c.dokumen).__name__.startswith("Register"):
                continue  # the registers are issue 17's other branch (Deliver 5 and 9)
            html = c.dokumen.render_html()
            pages = pages_of(pdf, tmp_path)
            signature = _signature_lines(c.pejabat)
            if c.pejabat is not None:
                p = c.pejabat
                # The block is whole on one page: the name (it may wrap) and the NIP after it.
                texts = [" ".join(" ".join(line.split()) for line in lines) for lines in pages]
                # (An SK DIP is signed twice: the keputusan and its lampiran.)
                with_name = [text for text in texts if p.nama in text]
                assert 1 <= len(with_name) <= 2, (c.judul, len(with_name))
                for text in with_name:
                    assert text.index(f"NIP {p.nip}") > text.index(p.nama), c.judul
                    # ... the jabatan printed once, ending in a comma, right above the name.
                    above = text[: text.index(p.nama)].rstrip().upper()
                    last = p.jabatan_ttd.split()[-1].upper() + ","
                    assert above.endswith(last), (c.judul, above[-200:])
                    assert above[-300:].count("SELAKU") <= 1, (c.judul, above[-300:])
                # ... and the kop is the signer's unit (Tata Naskah Dinas).
                if 'class="kop"' in html:
                    unit_line = p.unit.kop_baris()[1]
                    assert unit_line in pages[0], (c.judul, unit_line)
            if len(pages) > 1:
                for number, lines in enumerate(pages, start=1):
                    content = [
                        line
                        for line in lines
                        if " ".join(line.split()) not in kop
                        and not line.isupper()
                        and not _is_signature_or_place(line, signature, names)
                    ]
                    # No page with only a footer, a signature, a kop or headings.
                    assert len(content) >= 3, (c.judul, number, lines)
            checked += 1
        assert checked >= 25

        # The book (what `manage.py contoh_dokumen` writes): the title page lists every
        # document with the page it starts on, and each starts there.
        buku, halaman = jilid(contoh, dokumen)
    pages = pages_of(buku, tmp_path)
    assert len(pages) == halaman > 100
    title = " ".join(pages[0])
    assert "BUKU CONTOH DOKUMEN PPID MANUAL" in title
    for judul in BUKU_JUDUL:
        assert judul in title, judul
    for c, pdf in zip(contoh, dokumen, strict=True):
        listed = re.search(re.escape(" ".join(c.judul.split())) + r"\W+(\d+)\b", title)
        assert listed, c.judul
        first_line = pages_of(pdf, tmp_path)[0][0]
        assert first_line in pages[int(listed.group(1)) - 1][:3], c.judul
    # Every page of the book is stamped: a specimen never passes for an issued letter.
    for number, lines in enumerate(pages, start=1):
        assert "CONTOH — bukan surat yang diterbitkan" in lines, number


@pytest.mark.django_db
def test_the_specimen_book_command_writes_the_book_and_leaves_no_case_behind(tmp_path, monkeypatch):
    """The command's own part (the full set of documents is checked above, once: it takes
    half a minute): the cases are built in a transaction that is rolled back, and the book is
    written with its title page."""
    from layanan import contoh as buku
    from ppid_manual.models import DokumenTerbit, NomorTerbit
    from registrasi import documents

    def satu_kasus(*, semua, pendek=False):
        from layanan import demo
        from registrasi import actions as reg

        demo.load()
        petugas = User.objects.get(username="petugas")
        p = reg.register_permohonan(buku._intake("5171014107900001"), by=petugas)
        return [
            buku.Contoh("Formulir permohonan informasi publik", documents.FormulirPermohonan(p))
        ]

    monkeypatch.setattr(buku, "buat_contoh", satu_kasus)
    path = tmp_path / "contoh.pdf"
    out = io.StringIO()
    with time_machine.travel(SENIN, tick=False):
        call_command("contoh_dokumen", str(path), stdout=out)
    pages = pages_of(path.read_bytes(), tmp_path)
    assert out.getvalue().strip() == f"{path}: 1 dokumen, {len(pages)} halaman."
    assert "BUKU CONTOH DOKUMEN PPID MANUAL" in " ".join(pages[0])
    assert "Formulir permohonan informasi publik" in " ".join(pages[0])
    assert any("FORMULIR PERMOHONAN INFORMASI" in " ".join(p).upper() for p in pages[1:])
    # Built in a transaction that was rolled back: no case, no consumed number, no stored
    # letter, no demo user.
    assert not Permohonan.objects.exists()
    assert not NomorTerbit.objects.exists()
    assert not DokumenTerbit.objects.exists()
    assert not User.objects.filter(username="petugas").exists()


def _document_types() -> set[str]:
    """Every printed document class of the apps: a class with a title and a PDF renderer
    (the base classes have no title)."""
    import dip.documents
    import keberatan.documents
    import layanan.documents
    import ppid_manual.documents
    import registrasi.documents

    found = set()
    modules = (
        dip.documents,
        keberatan.documents,
        layanan.documents,
        ppid_manual.documents,
        registrasi.documents,
    )
    for module in modules:
        for obj in vars(module).values():
            if (
                isinstance(obj, type)
                and callable(getattr(obj, "render_pdf", None))
                and getattr(obj, "title", "")
            ):
                found.add(obj.__name__)
    return found


# --- Deliver 4: terbilang ---


@pytest.mark.parametrize(
    "amount, expected",
    [
        (0, "Rp0,00 (nol rupiah)"),
        (100, "Rp100,00 (seratus rupiah)"),
        (11000, "Rp11.000,00 (sebelas ribu rupiah)"),
        (12500, "Rp12.500,00 (dua belas ribu lima ratus rupiah)"),
        (1000, "Rp1.000,00 (seribu rupiah)"),
        (1500000, "Rp1.500.000,00 (satu juta lima ratus ribu rupiah)"),
        (100625000, "Rp100.625.000,00 (seratus juta enam ratus dua puluh lima ribu rupiah)"),
        (Decimal("2000000001"), "Rp2.000.000.001,00 (dua miliar satu rupiah)"),
    ],
)
def test_amounts_print_in_figures_and_words(amount, expected):
    assert rupiah_terbilang(amount) == expected


@pytest.mark.parametrize(
    "n, words",
    [(11, "sebelas"), (111, "seratus sebelas"), (1001, "seribu satu"), (10, "sepuluh")],
)
def test_terbilang_is_num2words_indonesian_as_the_kbbi_writes_it(n, words):
    assert terbilang(n) == words


# --- Deliver 2 ---


def test_the_jabatan_is_printed_once_whether_or_not_it_holds_the_capacity(units):
    both = Pejabat(jabatan="Kepala Dinas X selaku PPID", selaku="selaku PPID")
    split = Pejabat(jabatan="Kepala Dinas X", selaku="selaku PPID")
    assert both.jabatan_ttd == split.jabatan_ttd == "Kepala Dinas X selaku PPID"


def test_a_unit_without_its_own_kop_prints_the_setting_or_its_name(units, settings):
    assert units["utama"].kop_baris() == list(settings.PPID["KOP_BARIS"])
    assert units["dinkes"].kop_baris()[:2] == ["PEMERINTAH PROVINSI BALI", "DINAS KESEHATAN"]


# --- Deliver 7: the code on the pemohon's copy ---------------------------------------------------


def test_the_check_code_reads_back_only_when_it_matches(settings):
    kode = kode_berkas("0001/REG-PPID/III/2026")
    assert re.fullmatch(r"0001/REG-PPID/III/2026\*[0-9A-F]{4}", kode)
    assert baca_kode(kode) == "0001/REG-PPID/III/2026"
    assert baca_kode(f"  {kode[:-4]}{kode[-4:].lower()} ") == "0001/REG-PPID/III/2026"
    wrong = kode[:-1] + ("0" if kode[-1] != "0" else "1")
    assert baca_kode(wrong) is None
    assert baca_kode("0001/REG-PPID/III/2026") is None
    settings.SECRET_KEY = "another-secret-key-for-another-installation-0123456789"
    assert baca_kode(kode) is None


@pytest.mark.django_db
def test_the_deadline_sheet_spells_idulfitri_as_the_skb_does(holidays_2026):
    from ppid_manual.documents import PerhitunganTenggat
    from ppid_manual.workflow import calendar

    mulai = datetime.date(2026, 3, 16)
    tenggat = calendar.deadline(mulai, 10)
    html = PerhitunganTenggat(
        mulai=mulai, hari=10, tenggat=tenggat, dilewati=calendar.explain(mulai, tenggat)
    ).render_html()
    assert "Idulfitri" in html and "Idul Fitri" not in html
