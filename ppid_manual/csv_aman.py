"""The one way the app writes CSV (issue 16): every cell that a spreadsheet program would run
as a formula is written as text.

A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to Excel and
LibreOffice (CSV injection, OWASP): a pemohon's name `=HYPERLINK(...)` would become a live link
in the PPID's spreadsheet. Such a cell gets a leading apostrophe, which the spreadsheet shows as
text; the DIP import removes it again (dip.berkas). Every CSV writer of the app goes through
`writer` / `dict_writer`, so no export can forget it."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import Any

AWALAN_RUMUS = ("=", "+", "-", "@", "\t", "\r")


def sel_aman(value: Any) -> Any:
    """The value to write in a cell: text that starts like a formula gets a leading `'`."""
    if isinstance(value, str) and value.startswith(AWALAN_RUMUS):
        return "'" + value
    return value


class _Writer:
    def __init__(self, out, **kwargs):
        self._w = csv.writer(out, **kwargs)

    def writerow(self, row: Iterable[Any]):
        return self._w.writerow([sel_aman(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]):
        for row in rows:
            self.writerow(row)


class _DictWriter:
    def __init__(self, out, fieldnames: Sequence[str], **kwargs):
        self._w = csv.DictWriter(out, fieldnames=fieldnames, **kwargs)

    def writeheader(self):
        return self._w.writeheader()

    def writerow(self, row: dict[str, Any]):
        return self._w.writerow({k: sel_aman(v) for k, v in row.items()})

    def writerows(self, rows: Iterable[dict[str, Any]]):
        for row in rows:
            self.writerow(row)


def writer(out, **kwargs) -> _Writer:
    return _Writer(out, **kwargs)


def dict_writer(out, fieldnames: Sequence[str], **kwargs) -> _DictWriter:
    return _DictWriter(out, fieldnames, **kwargs)
