"""The status badge and the deadline cell of a permohonan, on the work list and the detail page.

Written in Python rather than as included templates: the work list shows them on every row,
and an `{% include %}` per cell was a tenth of the page's time at 25 rows."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from ppid_manual.format import tanggal

register = template.Library()


@register.simple_tag
def status_permohonan(p) -> SafeString:
    """The status badge, and "Diperpanjang" when the deadline was extended."""
    badge = format_html(
        '<span class="badge text-bg-{}">{}</span>', p.status_css, p.get_status_display()
    )
    if p.diperpanjang:
        badge += mark_safe(' <span class="badge text-bg-warning">Diperpanjang</span>')
    return badge


@register.simple_tag
def tenggat_permohonan(p) -> SafeString:
    """The date of the step the case waits on and what is left of it: "Terlambat", "Hari ini",
    "N hk lagi" (the flags `terlambat`, `mendekati` and `sisa_hk` are set by the view, see
    _mark_deadlines). Waiting for the handover: its date, named; closed: the notice's
    deadline, as history."""
    due = p.tenggat_berjalan
    if due is None:
        if not p.tenggat:
            return mark_safe('<span class="text-muted">—</span>')
        return format_html('<span class="text-nowrap text-muted">{}</span>', tanggal(p.tenggat))
    cell = format_html('<span class="text-nowrap">{}</span>', tanggal(due))
    if not p.clock_running:
        cell = mark_safe('<small class="d-block">Penyerahan:</small>') + cell
    if p.terlambat:
        return cell + mark_safe(' <span class="badge badge-overdue">Terlambat</span>')
    if p.mendekati:
        left = "Hari ini" if p.sisa_hk == 0 else f"{p.sisa_hk} hk lagi"
        return cell + format_html(' <span class="badge badge-neardue">{}</span>', left)
    if p.sisa_hk is not None:
        left = format_html('<small class="text-muted text-nowrap">{} hk lagi</small>', p.sisa_hk)
        return cell + mark_safe(" ") + left
    return cell
