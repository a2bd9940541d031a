"""What every test package shares: the tests' clock (WITA, frozen days), the event log, the
messages a page shows, and the two step helpers that check a transition or a refusal in
STYLE.md's order. Fixtures live in tests/conftest.py; process-specific set-up (a request at a
given step, a keberatan, a DIP edition) stays in each package's conftest or helpers."""

from __future__ import annotations

import datetime
from html import escape
from zoneinfo import ZoneInfo

import time_machine
from django.contrib.messages import get_messages
from django.urls import reverse

from ppid_manual.models import Event, NomorTerbit

D = datetime.date
WITA = ZoneInfo("Asia/Makassar")


def moment(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=WITA)


def at(day: datetime.date, hour: int = 9):
    """Freeze the clock on `day` at `hour` (WITA)."""
    return time_machine.travel(moment(day, hour), tick=False)


def events(obj) -> list[Event]:
    return list(Event.objects.for_object(obj))


def messages_of(response) -> list[str]:
    """The messages the user is shown: those the final page rendered, or (on a redirect that
    was not followed) those waiting for the next page."""
    if response.context is not None and "messages" in response.context:
        return [str(m) for m in response.context["messages"]]
    return [str(m) for m in get_messages(response.wsgi_request)]


def page(response) -> str:
    return response.content.decode()


def case_url(obj) -> str:
    """The case page of a permohonan or keberatan (`<app>:detail`)."""
    return reverse(f"{obj._meta.app_label}:detail", args=[obj.pk])


def transition(
    client,
    user,
    obj,
    url: str,
    data: dict,
    *,
    step: str,
    to: str,
    from_state=None,
    message=None,
    elsewhere: int = 0,
):
    """POST one step as `user` and check, in STYLE.md's order: the case was in `from_state`
    (when given), the response lands on the case page, the message is shown, the new state is
    stored, and exactly one new event on this case records the step, from/to and the actor
    (plus `elsewhere` events on other records the step moves, e.g. a keberatan's answer
    reopening its request). Returns the response."""
    obj.refresh_from_db()
    if from_state is not None:
        assert obj.status == from_state
    from_state = obj.status
    total, before = Event.objects.count(), len(events(obj))
    client.force_login(user)
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    if not response.redirect_chain:  # the form came back: show why
        form = response.context.get("form") if response.context else None
        raise AssertionError(form.errors if form is not None else page(response)[:3000])
    # The case page (a step may add what to print now: "?diserahkan=…").
    assert response.redirect_chain[-1][0].split("?")[0] == case_url(obj)
    if message:
        assert any(message in m for m in messages_of(response)), messages_of(response)
    obj.refresh_from_db()
    assert obj.status == to
    assert Event.objects.count() == total + 1 + elsewhere
    new = events(obj)[before:]
    assert len(new) == 1
    assert (new[0].step, new[0].from_state, new[0].to_state, new[0].actor) == (
        step,
        from_state,
        to,
        user,
    )
    return response


def refused(client, user, obj, url: str, data: dict, *, message: str, unchanged=()):
    """POST one step as `user` and check the refusal: back on the case page with the message
    shown as a danger alert, the state and the `unchanged` fields as they were, no event
    written and no number taken."""

    def snapshot():
        obj.refresh_from_db()
        fields = {name: getattr(obj, name) for name in ("status", *unchanged)}
        return fields, Event.objects.count(), NomorTerbit.objects.count()

    before = snapshot()
    client.force_login(user)
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == case_url(obj)
    shown = messages_of(response)
    assert any(message in m for m in shown), shown
    alerts = page(response).split('<div class="alert alert-danger" role="alert">')[1:]
    assert any(escape(message) in alert.split("</div>", 1)[0] for alert in alerts)
    assert snapshot() == before
    return response


def assert_issued(client, user, case, jenis: str, url: str, page_url: str | None = None):
    """Issue 15: a numbered document is stored at its step (the bytes with their SHA-256,
    who, the step's event), every print serves those very bytes, and the case page lists it
    with its number and a short hash. Returns the stored document."""
    from ppid_manual.models import DokumenTerbit

    stored = [d for d in DokumenTerbit.objects.for_object(case) if d.jenis == jenis]
    assert len(stored) == 1, f"{jenis}: {len(stored)} stored"
    d = stored[0]
    assert d.utuh and bytes(d.berkas).startswith(b"%PDF")
    assert d.event is not None and d.event.object_id == case.pk
    client.force_login(user)
    first = client.get(url)
    assert first.status_code == 200, messages_of(first)
    assert first.content == bytes(d.berkas)
    assert client.get(url).content == first.content  # a reprint: the same bytes
    page = client.get(page_url or case_url(case)).content.decode()
    assert d.sha256[:12] in page
    if d.nomor:
        assert d.nomor in page
    return d


def teks_surat(html: str) -> str:
    """The words a letter prints, from its HTML: without tags (a document number sits in a
    span that keeps it on one line) and with non-breaking spaces as spaces (a jabatan's last
    word, a count and its unit)."""
    import re

    return re.sub(r"<[^>]+>", "", str(html)).replace("\u00a0", " ")


def kotak_cari(client, url: str, q: str, **params: str):
    """What a search box does (ppid_manual/kotak_cari.py): post the text to the page (with its
    other parameters), then open the page of results it answers with."""
    from urllib.parse import urlencode

    posted = client.post(url + (f"?{urlencode(params)}" if params else ""), {"q": q})
    assert posted.status_code == 302 and "q=" not in posted["Location"]
    return client.get(posted["Location"])
