"""The template filters of the app: the formatting of ppid_manual/format.py (dates, numbers in
words, rupiah, hari kerja, Roman months) for templates, and two helpers of the pages."""

from __future__ import annotations

from django import template

from ppid_manual import format as fmt
from ppid_manual import hukum, izin
from ppid_manual.workflow.deadlines import HK_DEKAT

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
    "angka",
    "banyaknya",
    "nomor",
    "jabatan",
    "istilah_asing",
    "ejaan",
    "tanpa_titik",
    "awal_kecil",
    "romawi",
):
    register.filter(_name, getattr(fmt, _name))


@register.filter
def has_role(user, roles: str) -> bool:
    """{% if user|has_role:"ppid,atasan" %}"""
    return bool(getattr(user, "is_authenticated", False)) and user.has_role(*roles.split(","))


@register.filter
def boleh(user, aksi: str) -> bool:
    """{% if user|boleh:"lihat_nik" %}: the permission table (ppid_manual/izin.py)."""
    return izin.boleh(user, aksi)


@register.simple_tag(takes_context=True)
def pasal(context, ref: str, huruf: str = "", uu: str | None = None) -> str:
    """{% pasal "22(7)" %} -> Pasal 22 ayat (7): the citation table (ppid_manual/hukum.py).
    In a printed document (its context carries `kutipan`, hukum.KutipanSurat) the Act follows:
    its full title at the first citation, "UU 14/2008" after; uu="" cites the bare Pasal (the
    first items of "Pasal 35 dan Pasal 36 ayat (1) UU 14/2008"). A page cites the bare Pasal."""
    if uu is None:
        kutipan = context.get("kutipan")
        if kutipan is None:
            uu = ""
        elif hukum.pasal_uu_kip(ref):
            uu = kutipan.bentuk()
        else:
            uu = "singkat"  # another law by its own name ("Pasal 4 ayat (1) UU 27/2022")
    return hukum.pasal(ref, huruf=huruf, uu=uu)


@register.simple_tag(takes_context=True)
def dasar_tenggat(context, penjelasan) -> str:
    """{% dasar_tenggat tenggat %}: a deadline's legal basis in a printed document, cited as
    the letter's other citations ("Pasal 36 ayat (2) UU 14/2008"); an SOP step as it is."""
    if getattr(penjelasan, "pasal", ""):
        return pasal(context, penjelasan.pasal)
    return penjelasan.dasar


@register.simple_tag(takes_context=True)
def uu_kip(context) -> str:
    """{% uu_kip %}: the Act named without a Pasal, by the document's citation tracker: its
    full title at the first mention, "UU 14/2008" after (the full title outside a document)."""
    kutipan = context.get("kutipan")
    return hukum.nama_uu_kip(kutipan.bentuk() if kutipan is not None else "judul")


@register.simple_tag
def hk(nama: str, bentuk: str = "") -> str:
    """{% hk "sengketa" %} -> 14; {% hk "sengketa" "terbilang" %} -> 14 (empat belas) hari
    kerja; {% hk "dekat" %} -> the near-due span. The lengths are the law's and the SOP's
    (ppid_manual/hukum.py HARI_KERJA), never typed on a page."""
    n = HK_DEKAT if nama == "dekat" else hukum.HARI_KERJA[nama]
    return fmt.hari_kerja(n) if bentuk == "terbilang" else str(n)


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
