"""The lambang daerah on a unit's kop (Tata Naskah Dinas; LETTERS.md): uploaded by the admin as
PNG or SVG, checked here, stored with the unit in the database (so a backup, a restore and a
second app server carry it) and printed as a data: URL by every letter and register.

An SVG is accepted only as a plain drawing: no DOCTYPE or entity (no XML expansion), no script,
no event attribute, no reference outside the file itself."""

from __future__ import annotations

import base64
import hashlib
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from django.core.exceptions import ValidationError

PNG = "image/png"
SVG = "image/svg+xml"
BATAS_BYTE = 512 * 1024
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_SVG_NS = "{http://www.w3.org/2000/svg}"

#: The demo data's placeholder (ppid_manual/data/lambang-contoh.svg): a drawn shield that says
#: CONTOH, never the real lambang. `check --deploy` names every unit that still prints it.
LAMBANG_CONTOH = Path(__file__).resolve().parent / "data" / "lambang-contoh.svg"


def periksa(isi: bytes) -> str:
    """The MIME type of an acceptable lambang, else ValidationError in Indonesian."""
    if not isi:
        raise ValidationError("Berkas lambang kosong.")
    if len(isi) > BATAS_BYTE:
        raise ValidationError("Berkas lambang paling besar 512 KB.")
    if isi.startswith(_PNG_MAGIC):
        return PNG
    teks = isi.lstrip()
    if teks[:5] in (b"<?xml", b"<svg ", b"<svg\n", b"<svg>") or b"<svg" in teks[:512]:
        _periksa_svg(isi)
        return SVG
    raise ValidationError("Lambang harus berupa berkas PNG atau SVG.")


def _periksa_svg(isi: bytes) -> None:
    if re.search(rb"<!DOCTYPE|<!ENTITY", isi, re.IGNORECASE):
        raise ValidationError("SVG lambang tidak boleh memuat DOCTYPE atau ENTITY.")
    try:
        root = ET.fromstring(isi)
    except ET.ParseError as exc:
        raise ValidationError(f"SVG lambang tidak dapat dibaca: {exc}.") from exc
    if root.tag not in (f"{_SVG_NS}svg", "svg"):
        raise ValidationError("Berkas lambang bukan SVG (elemen akarnya bukan <svg>).")
    for el in root.iter():
        nama = el.tag.rsplit("}", 1)[-1].lower()
        if nama in ("script", "foreignobject", "iframe", "object", "embed"):
            raise ValidationError(f"SVG lambang tidak boleh memuat elemen <{nama}>.")
        for attr, nilai in el.attrib.items():
            attr_nama = attr.rsplit("}", 1)[-1].lower()
            if attr_nama.startswith("on"):
                raise ValidationError("SVG lambang tidak boleh memuat atribut peristiwa (on…).")
            if attr_nama == "href" and not (
                nilai.startswith("#") or nilai.startswith("data:image/")
            ):
                raise ValidationError("SVG lambang tidak boleh merujuk berkas lain.")


def data_url(isi: bytes, jenis: str) -> str:
    return f"data:{jenis};base64,{base64.b64encode(bytes(isi)).decode('ascii')}"


def sidik(isi: bytes) -> str:
    return hashlib.sha256(bytes(isi)).hexdigest()


def contoh() -> bytes:
    return LAMBANG_CONTOH.read_bytes()
