"""The template filters of the app: the formatting of ppid_manual/format.py (dates, numbers in
words, rupiah, hari kerja, Roman months) for templates, and two helpers of the pages."""

from __future__ import annotations

from django import template

from ppid_manual import format as fmt

register = template.Library()

# Each filter is the plain function of ppid_manual/format.py, under the same name.
for _name in (
    "tanggal",
    "tanggal_angka",
    "ringkas",
    "hari_tanggal",
    "angka_terbilang",
    "hari_kerja",
    "rupiah",
    "rupiah_terbilang",
    "istilah_asing",
    "ejaan",
    "tanpa_titik",
    "romawi",
):
    register.filter(_name, getattr(fmt, _name))


@register.filter
def has_role(user, roles: str) -> bool:
    """{% if user|has_role:"ppid,atasan" %}"""
    return bool(getattr(user, "is_authenticated", False)) and user.has_role(*roles.split(","))


@register.simple_tag(takes_context=True)
def url_halaman(context, nomor: int) -> str:
    """`?...&halaman=N`: the current page's query (tab, search, dashboard filters, period)
    with another page number, so paging never drops a filter."""
    query = context["request"].GET.copy()
    query.pop("format", None)
    query["halaman"] = nomor
    return "?" + query.urlencode()


@register.simple_tag
def kode_integritas() -> str:
    """The chain's head and count of events when printed (issue 25; ppid_manual/rantai.py)."""
    from ppid_manual.rantai import kode_integritas as kode

    return kode()
