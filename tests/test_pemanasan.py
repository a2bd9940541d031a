"""A gunicorn worker warms up before its first request (ppid_manual/wsgi.py: pdf.warm_up)."""

from __future__ import annotations

import pytest

from ppid_manual.workflow import pdf


@pytest.mark.render_sungguhan
def test_a_worker_warms_up_without_the_database_and_keeps_the_letters_rules():
    # No database fixture: a query during the warm-up fails this test (a worker starts
    # before the database answers).
    pdf._fonts.__dict__.pop("styles", None)
    pdf.warm_up()
    kept = list(pdf._fonts.styles)
    # The letters' own rules, the same text in every document, are parsed and kept: the
    # first receipt does not parse them while the pemohon waits.
    assert any("table.kop {" in text and "@page" not in text for text in kept)
