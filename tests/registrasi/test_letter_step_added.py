"""README "Adding a step" is true for a step with a new field, a new status and a numbered
letter: made in the places the README lists, and in no other, the step works through the
app's own URLs, and the README's list (and its count) is exactly the set of files touched.

The step ("minta_klarifikasi": the PPID asks the pemohon, by a numbered letter, to clarify
the request; the case waits in a new status) exists only in this test. No model class is
patched in this process: the project's tracked files are copied to a temporary folder, the
edits a developer would make are applied there (each anchored on text of today's source, and
failing loudly when the text has moved), `manage.py makemigrations` writes the migrations in
the copy, and a short test module written into the copy drives the step as a user, in its own
pytest process on SQLite. About 20 s of CPU, most of it the copy's test database built by
its migrations (a minute of wall time on a loaded machine)."""

from __future__ import annotations

import fnmatch
import hashlib
import os
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# --- The edits, in the places README "Adding a step" names ---------------------------------

MODELS_STATUS = """\
        MENUNGGU_KLARIFIKASI = "menunggu_klarifikasi", "Menunggu klarifikasi pemohon"
"""

MODELS_FIELDS = """\
    isi_klarifikasi = models.TextField("hal yang perlu diklarifikasi", blank=True)
    nomor_klarifikasi = models.CharField(
        "nomor surat permintaan klarifikasi", max_length=150, unique=True, null=True, blank=True
    )
    tanggal_klarifikasi = models.DateField("tanggal permintaan klarifikasi", null=True, blank=True)
"""

ALUR_ROW = """\
        (
            "minta_klarifikasi",
            "Minta klarifikasi pemohon",
            [S.TERDAFTAR],
            S.MENUNGGU_KLARIFIKASI,
            [Role.PPID],
            "outline-primary",
        ),
"""

ALUR_TERBIT = """\
    "klarifikasi": ("minta_klarifikasi",),
"""

ACTION = '''\
@transaction.atomic
def ask_clarification(permohonan: Permohonan, *, by: User, isi: str, note: str = "") -> Permohonan:
    """The PPID asks the pemohon, by a numbered letter, to clarify the request."""
    if not isi.strip():
        raise StepRefused("Tuliskan hal yang perlu diklarifikasi.")

    def update(p: Permohonan) -> dict[str, Any]:
        day = calendar.today()
        p.isi_klarifikasi = isi
        p.tanggal_klarifikasi = day
        p.nomor_klarifikasi = next_number(FormatNomor.Jenis.KLARIFIKASI, day=day)
        return {"nomor": p.nomor_klarifikasi}

    return apply_step(
        permohonan, ALUR, "minta_klarifikasi", by=by, note=note or isi, update=update
    )


'''

FORM = """\
class KlarifikasiForm(forms.Form):
    isi = forms.CharField(
        label="Hal yang perlu diklarifikasi pemohon (dicetak pada surat)",
        max_length=2000,
        widget=textarea(4, 2000),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(
            Submit("simpan", "Terbitkan surat permintaan klarifikasi", css_class="btn-primary")
        )


"""

PAGE = """\
    "minta_klarifikasi": StepPage(
        form=lambda p, data, step: KlarifikasiForm(data),
        act=lambda p, f, user: actions.ask_clarification(p, by=user, isi=f.cleaned_data["isi"]),
        konsep=(Konsep("surat permintaan klarifikasi", PermintaanKlarifikasi),),
        intro="Surat bernomor kepada pemohon; permohonan menunggu klarifikasi pemohon.",
        success=lambda r: f"Surat permintaan klarifikasi {r.nomor_klarifikasi} diterbitkan.",
    ),
"""

PRINT_ENTRY = """\
    "klarifikasi": (PermintaanKlarifikasi, lambda p: bool(p.nomor_klarifikasi)),
"""

PRINT_LINK = """\
    if p.nomor_klarifikasi:
        add(
            "Surat permintaan klarifikasi",
            reverse("registrasi:cetak", args=[p.pk, "klarifikasi"]),
            p.nomor_klarifikasi,
        )
"""

DOCUMENT = '''\
class PermintaanKlarifikasi(SuratPPID):
    """The PPID's numbered letter asking the pemohon to clarify the request."""

    template_name = "registrasi/print/klarifikasi.html"
    title = "Surat Permintaan Klarifikasi"
    jenis_terbit = "klarifikasi"
    perihal = "Permintaan klarifikasi atas permohonan informasi publik"

    def tanggal_surat(self) -> datetime.date:
        return self.permohonan.tanggal_klarifikasi

    def nomor_surat(self) -> str:
        return self.permohonan.nomor_klarifikasi

    def filename(self) -> str:
        return f"klarifikasi-{slug_nomor(self.permohonan.nomor_klarifikasi)}.pdf"


'''

TERBITAN = """\
    if p.nomor_klarifikasi:
        docs.append(PermintaanKlarifikasi(p))
"""

TEMPLATE = """\
{% extends "print/base_surat.html" %}
{% block meta %}{% include "print/_meta.html" %}{% endblock %}
{% block tujuan %}
{% include "print/_yth.html" with yth_nama=pemohon.nama yth_baris=yth_baris %}
{% endblock %}
{% block isi %}
<div class="judul">PERMINTAAN KLARIFIKASI</div>
<p>Sehubungan dengan permohonan informasi publik yang Saudara ajukan:</p>
{% include "registrasi/print/_data_permohonan.html" %}
<p>kami mohon Saudara menjelaskan hal berikut:</p>
{% endblock %}
{% block penutup %}
<p>{{ p.isi_klarifikasi|linebreaksbr }}</p>
<p>Demikian permintaan ini kami sampaikan. Atas perhatian Saudara, kami ucapkan terima kasih.</p>
{% endblock %}
"""

FORMAT_JENIS = """\
        KLARIFIKASI = "klarifikasi", "Surat permintaan klarifikasi"
"""

SEED = """\
def klarifikasi_format(apps, schema_editor):
    apps.get_model("ppid_manual", "FormatNomor").objects.get_or_create(
        jenis="klarifikasi", defaults={"pola": "{urut:4}/KLA-PPID/{bulan}/{tahun}"}
    )


def no_klarifikasi_format(apps, schema_editor):
    apps.get_model("ppid_manual", "FormatNomor").objects.filter(jenis="klarifikasi").delete()


"""

ADD_FIELD_IMPORT = """\

from ppid_manual.postgres import AddFieldBesidePostgresIndexes
"""

SEED_OPERATION = """\
        migrations.RunPython(klarifikasi_format, no_klarifikasi_format),
"""

# (file, anchor, text, "before" or "after" the anchor); the anchor must occur exactly once.
EDITS = [
    (
        "registrasi/models.py",
        '        DITARIK = "ditarik", "Ditarik pemohon"\n',
        MODELS_STATUS,
        "after",
    ),
    (
        "registrasi/models.py",
        '    diperpanjang = models.BooleanField("diperpanjang", default=False)\n',
        MODELS_FIELDS,
        "before",
    ),
    (
        "registrasi/alur.py",
        "        # SOP 4: the pemberitahuan tertulis, one step",
        ALUR_ROW,
        "before",
    ),
    ("registrasi/alur.py", '    "ralat": ("ralat",),\n}', ALUR_TERBIT, "before"),
    ("registrasi/actions.py", "# --- Handover and closing (SOP step 5)", ACTION, "before"),
    ("registrasi/forms.py", "class PenyerahanForm(forms.Form):\n", FORM, "before"),
    ("registrasi/views.py", "from registrasi.forms import (\n", "    KlarifikasiForm,\n", "after"),
    (
        "registrasi/views.py",
        "from registrasi.documents import (\n",
        "    PermintaanKlarifikasi,\n",
        "after",
    ),
    ("registrasi/views.py", "PAGES: dict[str, StepPage] = {\n", PAGE, "after"),
    ("registrasi/views.py", "DOKUMEN = {\n", PRINT_ENTRY, "after"),
    ("registrasi/views.py", "    if p.nomor_pemberitahuan:\n        add(\n", PRINT_LINK, "before"),
    ("registrasi/documents.py", "class SkPenolakan(SuratPPID):\n", DOCUMENT, "before"),
    (
        "registrasi/documents.py",
        "    if p.nomor_pemberitahuan:\n        docs.append(Pemberitahuan(p))\n",
        TERBITAN,
        "before",
    ),
    ("ppid_manual/models.py", '        RALAT = "ralat", "Ralat surat"\n', FORMAT_JENIS, "after"),
]

# The test module written into the copy (the driver, not one of the places).
DRIVER = "tests/registrasi/test_minta_klarifikasi_dalam_salinan.py"
DRIVER_TEXT = '''\
"""Written into a copy of the project by tests/registrasi/test_letter_step_added.py after the
edits that add the step "minta_klarifikasi"; drives it as the PPID through the app's URLs."""

import subprocess
from importlib import import_module

import pytest
from django.apps import apps
from django.urls import reverse

from ppid_manual.models import DokumenTerbit, Event, FormatNomor, NomorTerbit
from registrasi.models import Permohonan
from tests.conftest import SEEDS
from tests.helpers import D, assert_issued, at, events, page, refused, transition
from tests.registrasi.conftest import register

S = Permohonan.Status
ISI = "Mohon jelaskan tahun anggaran yang dimaksud: 2024 atau 2025."
NOMOR = "0001/KLA-PPID/III/2026"


def url(p):
    return reverse("registrasi:langkah", args=[p.pk, "minta_klarifikasi"])


def counts():
    return Event.objects.count(), NomorTerbit.objects.count(), DokumenTerbit.objects.count()


@pytest.mark.dokumen_di_langkah
def test_the_step_runs_through_the_apps_pages(client, petugas, ppid, pejabat):
    with at(D(2026, 3, 16)):  # the golden Monday (no holiday table needed for this step)
        take_the_step(client, petugas, ppid)


def take_the_step(client, petugas, ppid):
    p = register(petugas)
    detail = reverse("registrasi:detail", args=[p.pk])
    client.force_login(petugas)
    assert "minta_klarifikasi" not in page(client.get(detail))  # the row names the PPID only
    client.force_login(ppid)
    assert f'href="{url(p)}" data-step="minta_klarifikasi"' in page(client.get(detail))

    form = page(client.get(url(p)))
    assert "Minta klarifikasi pemohon" in form
    assert "Hal yang perlu diklarifikasi pemohon (dicetak pada surat)" in form
    assert "Lihat KONSEP surat permintaan klarifikasi" in form

    # The KONSEP: the letter the step would issue, nothing written, no number taken.
    before = counts()
    konsep = client.post(url(p), {"isi": ISI, "aksi": "konsep"})
    assert konsep["Content-Type"] == "application/pdf"
    assert counts() == before
    p.refresh_from_db()
    assert (p.status, p.nomor_klarifikasi) == (S.TERDAFTAR, None)

    transition(
        client,
        ppid,
        p,
        url(p),
        {"isi": ISI},
        step="minta_klarifikasi",
        from_state=S.TERDAFTAR,
        to=S.MENUNGGU_KLARIFIKASI,
        message=f"Surat permintaan klarifikasi {NOMOR} diterbitkan.",
    )
    p.refresh_from_db()
    assert (p.isi_klarifikasi, p.nomor_klarifikasi, p.tanggal_klarifikasi) == (
        ISI,
        NOMOR,
        D(2026, 3, 16),
    )
    assert events(p)[-1].data["nomor"] == NOMOR
    shown = page(client.get(detail))
    assert "Menunggu klarifikasi pemohon" in shown  # the new status, on refresh
    cetak = reverse("registrasi:cetak", args=[p.pk, "klarifikasi"])
    assert f'href="{cetak}"' in shown
    stored = assert_issued(client, ppid, p, "klarifikasi", cetak)
    assert (stored.nomor, stored.event) == (NOMOR, events(p)[-1])
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=bytes(stored.berkas), capture_output=True
    ).stdout.decode()
    assert "PERMINTAAN KLARIFIKASI" in text and NOMOR in text and "tahun anggaran" in text

    # In the new status the table refuses the step: no event, no number, fields kept.
    refused(
        client,
        ppid,
        p,
        url(p),
        {"isi": "Pertanyaan lain."},
        message="Langkah “Minta klarifikasi pemohon” tidak dapat dilakukan pada status "
        "“Menunggu klarifikasi pemohon”.",
        unchanged=("isi_klarifikasi", "nomor_klarifikasi"),
    )


def test_its_number_format_is_seeded_again_after_a_flush(db):
    FormatNomor.objects.filter(jenis="klarifikasi").delete()
    for migration, seed in SEEDS:
        getattr(import_module(f"ppid_manual.migrations.{migration}"), seed)(apps, None)
    assert FormatNomor.objects.get(jenis="klarifikasi").pola == "{urut:4}/KLA-PPID/{bulan}/{tahun}"
'''


def _insert(path: Path, anchor: str, text: str, where: str) -> None:
    source = path.read_text()
    found = source.count(anchor)
    assert found == 1, f"{path.name}: the anchor {anchor!r} occurs {found} times; update the edit"
    at = source.index(anchor) + (len(anchor) if where == "after" else 0)
    path.write_text(source[:at] + text + source[at:])


def _files(copy: Path) -> dict[str, str]:
    """Every file of the copy with its SHA-256 (not the virtualenv, not bytecode, not the
    SQLite file `manage.py` opens)."""
    found = {}
    for path in copy.rglob("*"):
        rel = path.relative_to(copy).as_posix()
        if rel.startswith(".venv") or "__pycache__" in rel or rel == "db.sqlite3":
            continue
        if not path.is_file():
            continue
        found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _readme_places() -> tuple[list[str], int]:
    """The numbered places of README "Adding a step" (their paths) and the count it states."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("\n## Adding a step\n", 1)[1].split("\n## ", 1)[0]
    places = re.findall(r"^\d+\. \*\*[^*]+\*\* \(`([^`]+)`", section, re.MULTILINE)
    stated = re.search(r"\*\*(\d+) places\*\*", section)
    assert stated, "README 'Adding a step' states its count as **N places**"
    return places, int(stated.group(1))


def _run(cmd: list[str], copy: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    done = subprocess.run(cmd, cwd=copy, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    return done


def test_a_step_with_a_field_a_status_and_a_letter_takes_the_readmes_places(tmp_path):
    copy = tmp_path / "ppid"
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    for rel in filter(None, tracked.split("\0")):
        source = ROOT / rel
        if source.is_file() and not source.is_symlink():
            target = copy / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
    (copy / ".venv").symlink_to((ROOT / ".venv").resolve())
    before = _files(copy)

    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "PYTEST_ADDOPTS") and not k.startswith("PYTEST_XDIST")
    }
    env.update(SECRET_KEY="local-only-key-not-for-production-0123456789abcdef", PPID_HTTPS="0")
    python = str(copy / ".venv" / "bin" / "python")

    # The places, as a developer would edit them.
    for rel, anchor, text, where in EDITS:
        _insert(copy / rel, anchor, text, where)
    template = copy / "templates/registrasi/print/klarifikasi.html"
    assert not template.exists()
    template.write_text(TEMPLATE)
    # One run for both apps' migrations (each Django start is seconds on a busy machine).
    _run(
        [python, "manage.py", "makemigrations", "registrasi", "ppid_manual", "-n", "klarifikasi"],
        copy,
        env,
    )
    (seed_migration,) = (copy / "ppid_manual/migrations").glob("*_klarifikasi.py")
    # Permohonan has PostgreSQL-only indexes: its new columns are added beside them, as in
    # registrasi/migrations/0012 (SQLite rebuilds the table without them).
    (field_migration,) = (copy / "registrasi/migrations").glob("*_klarifikasi.py")
    _insert(
        field_migration, "from django.db import migrations, models\n", ADD_FIELD_IMPORT, "after"
    )
    generated = field_migration.read_text()
    assert generated.count("migrations.AddField(") == 3, generated
    field_migration.write_text(
        generated.replace("migrations.AddField(", "AddFieldBesidePostgresIndexes(")
    )
    _insert(seed_migration, "class Migration(", SEED, "before")
    _insert(seed_migration, "    operations = [\n", SEED_OPERATION, "after")
    conftest = copy / "tests/conftest.py"
    seeds = conftest.read_text()
    end = seeds.index("\n]\n", seeds.index("SEEDS = ["))
    entry = f'\n    ("{seed_migration.stem}", "klarifikasi_format"),'
    conftest.write_text(seeds[:end] + entry + seeds[end:])

    # What was touched is what README lists, one file per place, and the count it states.
    after = _files(copy)
    changed = sorted(rel for rel in after if before.get(rel) != after[rel])
    assert not set(before) - set(after)
    places, stated = _readme_places()
    patterns = [re.sub(r"<[^>]+>", "*", p.replace("<app>", "registrasi")) for p in places]
    matched = {p: [f for f in changed if fnmatch.fnmatchcase(f, p)] for p in patterns}
    assert all(len(files) == 1 for files in matched.values()), matched
    assert sorted(f for files in matched.values() for f in files) == changed, (changed, places)
    assert stated == len(places) == len(changed)

    # The step works through the app's own pages, in its own pytest process on SQLite.
    (copy / DRIVER).write_text(DRIVER_TEXT)
    done = _run(
        [str(copy / ".venv/bin/pytest"), "-n", "0", "-p", "no:cacheprovider", DRIVER],
        copy,
        env,
    )
    assert re.search(r"\b2 passed\b", done.stdout), done.stdout
