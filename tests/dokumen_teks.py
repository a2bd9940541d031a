"""The text of every printed document, to show that a change which must not alter them did not.

    .venv/bin/python -m tests.dokumen_teks before.txt     # on the old tree
    .venv/bin/python -m tests.dokumen_teks after.txt      # on the new tree
    diff before.txt after.txt                             # nothing: the letters read the same

It builds the specimen book (`manage.py contoh_dokumen`: every document type, from cases of
every outcome with the longest values) on a fresh SQLite database in a temporary folder, under
a frozen clock (Monday 16 March 2026, 09.00 WITA), and writes `pdftotext -layout` of it.
"""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

MOMENT = datetime.datetime(2026, 3, 16, 9, tzinfo=ZoneInfo("Asia/Makassar"))


def main(out: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        os.environ.pop("DATABASE_URL", None)
        os.environ["SQLITE_PATH"] = str(Path(folder) / "dokumen.sqlite3")
        os.environ.setdefault("SECRET_KEY", "local-only-key-not-for-production-0123456789abcdef")
        os.environ.setdefault("PPID_HTTPS", "0")
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ppid_manual.settings")
        import django

        django.setup()
        import time_machine
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        book = Path(folder) / "contoh.pdf"
        with time_machine.travel(MOMENT, tick=False):
            call_command("contoh_dokumen", str(book), stdout=open(os.devnull, "w"))
        subprocess.run(["pdftotext", "-layout", str(book), out], check=True)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
