"""The words of the law the app cites, each written once: UU 14/2008 tentang Keterbukaan
Informasi Publik (Pasal 17 huruf a–j, Pasal 22 ayat (7) huruf a–g, Pasal 35 ayat (1) huruf a–g)
and the Act's lengths in hari kerja.

Refusals (registrasi), the DIK (dip), keberatan, the letters and the Laporan take them from
here; a model's choices are these classes, not copies of them."""

from __future__ import annotations

import re

from django.db import models

# --- the Act's lengths, in hari kerja ------------------------------------------------------
# Pasal 22(7): the written notice within 10 working days of receiving the request.
HK_PEMBERITAHUAN = 10
# Pasal 22(8): one extension of at most 7 working days, with written reasons.
HK_PERPANJANGAN = 7
# Pasal 36(1): a keberatan is filed within 30 working days after the ground arose.
HK_KEBERATAN = 30
# Pasal 36(2): the Atasan PPID answers within 30 working days of receiving the keberatan.
HK_TANGGAPAN = 30
# Pasal 37(2): a sengketa goes to the Komisi Informasi within 14 working days of the answer.
HK_SENGKETA = 14

# --- the SOP's lengths, in hari kerja (the Pergub's SOP, each step's target) ----------------
SOP_ENTRI = 1  # a late entry (susulan) is typed within 1 working day of the paper
SOP_PENYERAHAN = 1  # SOP permohonan langkah 5: the handover within 1 working day
SOP_KELENGKAPAN = 1  # SOP keberatan langkah 1: the complete form within 1 working day
SOP_REGISTRASI = 1  # langkah 2: registration within 1 working day of the complete form
SOP_PEMERIKSAAN = 5  # langkah 3: the Atasan PPID's examination and disposisi
SOP_DRAF = 2  # langkah 4: the PPID's draft answer
SOP_JAWABAN = 1  # langkah 5: the Atasan PPID's answer
SOP_PENYUSUNAN_DIP = 5  # SOP DIP: the compilation of an edition
SOP_PERBAIKAN_DIP = 1  # SOP DIP: each correction

# Every length by the name a template asks for ({% hk "sengketa" %}, or with "terbilang"):
# the one table the pages and the letters read, so no page types a count.
HARI_KERJA = {
    "pemberitahuan": HK_PEMBERITAHUAN,
    "perpanjangan": HK_PERPANJANGAN,
    "keberatan": HK_KEBERATAN,
    "tanggapan": HK_TANGGAPAN,
    "sengketa": HK_SENGKETA,
    "sop_entri": SOP_ENTRI,
    "sop_penyerahan": SOP_PENYERAHAN,
    "sop_kelengkapan": SOP_KELENGKAPAN,
    "sop_registrasi": SOP_REGISTRASI,
    "sop_pemeriksaan": SOP_PEMERIKSAAN,
    "sop_draf": SOP_DRAF,
    "sop_jawaban": SOP_JAWABAN,
    "sop_penyusunan_dip": SOP_PENYUSUNAN_DIP,
    "sop_perbaikan_dip": SOP_PERBAIKAN_DIP,
}


# --- the citation table: every provision the app cites, written once ---------------------
UU_KIP = "UU 14/2008"
UU_KIP_NOMOR = "Undang-Undang Nomor 14 Tahun 2008"
UU_KIP_JUDUL = f"{UU_KIP_NOMOR} tentang Keterbukaan Informasi Publik"

# Each key ("22(7)", "35(1)f", "17h") is a provision of UU 14/2008 the pages and letters cite,
# with what it says (for a reader of the code). `pasal()` spells every one the same way, as
# LETTERS.md asks: "Pasal 22 ayat (7)", "Pasal 35 ayat (1) huruf f", never "22(7)".
KUTIPAN = {
    "2(4)": "informasi yang dikecualikan bersifat ketat dan terbatas (uji konsekuensi)",
    "4": "hak pemohon informasi publik",
    "5": "kewajiban pengguna informasi publik",
    # Information not yet documented cannot be given yet: "Informasi Publik yang tidak dapat
    # diberikan oleh Badan Publik ... adalah: ... e. Informasi Publik yang diminta belum
    # dikuasai atau didokumentasikan" (the notice "belum didokumentasikan").
    "6(3)e": "informasi yang belum dikuasai atau didokumentasikan belum dapat diberikan",
    # ... and the body provides what is within its authority: "Badan Publik wajib menyediakan,
    # memberikan dan/atau menerbitkan Informasi Publik yang berada di bawah kewenangannya",
    # so the notice promises it by a date.
    "7(1)": "badan publik wajib menyediakan dan memberikan informasi publik di bawah kewenangannya",
    "9": "informasi berkala",
    "11(1)a": "daftar seluruh informasi publik (DIP)",
    "17": "informasi yang dikecualikan",
    **{f"17{h}": f"informasi yang dikecualikan, huruf {h}" for h in "abcdefghij"},
    "21": "biaya dan cara memperoleh informasi",
    "19": "uji konsekuensi oleh PPID",
    "22(4)": "nomor pendaftaran sebagai bukti permohonan",
    "22(7)": f"pemberitahuan tertulis dalam {HK_PEMBERITAHUAN} hari kerja",
    "22(8)": f"perpanjangan paling lama {HK_PERPANJANGAN} hari kerja",
    "35": "alasan keberatan",
    "35(1)": "alasan keberatan huruf a–g",
    **{f"35(1){h}": f"alasan keberatan huruf {h}" for h in "abcdefg"},
    "35(2)": "penyelesaian secara musyawarah",
    "36": "keberatan kepada Atasan PPID",
    "36(1)": f"keberatan diajukan dalam {HK_KEBERATAN} hari kerja",
    "36(2)": f"tanggapan Atasan PPID dalam {HK_TANGGAPAN} hari kerja",
    "36(3)": "penolakan keberatan dengan alasan tertulis",
    "37": "sengketa informasi ke Komisi Informasi",
    "37(2)": f"sengketa diajukan dalam {HK_SENGKETA} hari kerja",
    # Other laws a form or a specimen names as an example of "undang-undang lain".
    "UU 27/2022 4(1)": "Pelindungan Data Pribadi",
    "UU 27/2022 4(2)": "Pelindungan Data Pribadi",
    "UU 17/2023 4(1)": "Kesehatan",
    "UU 36/2009 57": "Kesehatan",
    "...": "a placeholder: the provision the user types",
}

_REF = re.compile(
    r"^(?:(?P<uu>UU \d+/\d+) )?(?P<pasal>\d+|\.\.\.)(?:\((?P<ayat>\d+)\))?(?P<huruf>[a-j])?$"
)


def pasal(ref: str, huruf: str = "", uu: str = "") -> str:
    """One provision in the one spelling: pasal("22(7)") -> "Pasal 22 ayat (7)";
    pasal("35(1)f") -> "Pasal 35 ayat (1) huruf f"; pasal("17", huruf="h") -> "Pasal 17 huruf h";
    with uu="singkat" "... UU 14/2008", with uu="judul" the Act's full title (the first mention
    in a letter). A key outside KUTIPAN is an error: a new citation is added to the table."""
    ref = str(ref).strip()
    kunci = f"{ref}{huruf}" if huruf and f"{ref}{huruf}" in KUTIPAN else ref
    if kunci not in KUTIPAN:
        raise KeyError(f"not in the citation table (ppid_manual/hukum.py KUTIPAN): {ref!r}")
    m = _REF.match(kunci)
    teks = f"Pasal {m['pasal']}"
    if m["ayat"]:
        teks += f" ayat ({m['ayat']})"
    if m["huruf"] or huruf:
        teks += f" huruf {m['huruf'] or huruf}"
    if m["uu"]:
        # Another law ("UU 27/2022 4(1)"): its own name when a law is asked for, never 14/2008.
        return f"{teks} {m['uu']}" if uu else teks
    if uu == "singkat":
        teks += f" {UU_KIP}"
    elif uu == "nomor":
        teks += f" {UU_KIP_NOMOR}"
    elif uu == "judul":
        teks += f" {UU_KIP_JUDUL}"
    return teks


class KutipanSurat:
    """One printed document's citations of UU 14/2008 (LETTERS.md, "Citations"): the Act's
    full title at its first mention in the letter, "UU 14/2008" after it. The print context
    carries one per rendered document (ppid_manual/workflow/pdf.py), and `{% pasal %}` and
    `{% uu_kip %}` ask it which form to print; the pages carry none and cite the bare Pasal."""

    def __init__(self) -> None:
        self.disebut = False

    def bentuk(self) -> str:
        """The form to print: "judul" the first time, "singkat" after."""
        bentuk = "singkat" if self.disebut else "judul"
        self.disebut = True
        return bentuk


def nama_uu_kip(bentuk: str) -> str:
    """The Act itself in the form `bentuk` ("judul" or "singkat")."""
    return UU_KIP_JUDUL if bentuk == "judul" else UU_KIP


def pasal_uu_kip(ref: str) -> bool:
    """Whether a citation-table key is a provision of UU 14/2008 (not "UU 27/2022 4(1)")."""
    return not str(ref).strip().startswith("UU ")


# --- The citation table: each rule the app cites, written once ------------------------------
# The deadlines' panels (DeadlineSpec.dasar), the warnings and the letters print these.
DASAR_PENGAJUAN_KEBERATAN = "UU 14/2008 Pasal 36 ayat (1)"
DASAR_TANGGAPAN_KEBERATAN = "UU 14/2008 Pasal 36 ayat (2)"
# Pasal 37(2) counts the 14 hk "setelah diterimanya tanggapan tertulis": it names the answered
# route only.
DASAR_SENGKETA = "UU 14/2008 Pasal 37 ayat (2)"
# With no answer in the 30 hk of Pasal 36(2), the Komisi Informasi's procedure counts the 14 hk
# from the end of those 30 hk.
DASAR_SENGKETA_TANPA_TANGGAPAN = (
    "UU 14/2008 Pasal 36 ayat (2) jo. Peraturan Komisi Informasi Nomor 1 Tahun 2013 Pasal 13 "
    "ayat (1) huruf b"
)
# The days off of each year: the SKB 3 Menteri on libur nasional and cuti bersama; for the
# civil service (ASN) the cuti bersama are set by a Keputusan Presiden, where one was issued.
DASAR_LIBUR_NASIONAL = "SKB 3 Menteri tentang Hari Libur Nasional dan Cuti Bersama Tahun {tahun}"
KEPPRES_CUTI_BERSAMA = {
    2024: "Keputusan Presiden Nomor 7 Tahun 2024",
    2025: "Keputusan Presiden Nomor 2 Tahun 2025",
    2026: "Keputusan Presiden Nomor 42 Tahun 2025",
}


def dasar_hari_libur(cuti_bersama: bool, tahun: int) -> str:
    """The legal basis of a national day off or cuti bersama of `tahun`: the SKB, and for a
    cuti bersama the year's Keputusan Presiden on the ASN's cuti bersama where one applies."""
    skb = DASAR_LIBUR_NASIONAL.format(tahun=tahun)
    keppres = KEPPRES_CUTI_BERSAMA.get(tahun)
    if cuti_bersama and keppres:
        return f"{keppres} tentang Cuti Bersama Pegawai Aparatur Sipil Negara Tahun {tahun}; {skb}"
    return skb


# --- The Laporan Layanan Informasi Publik (Perki 1/2021) ---------------------------------------
PERKI_SLIP = "Peraturan Komisi Informasi Nomor 1 Tahun 2021"
PERKI_SLIP_JUDUL = f"{PERKI_SLIP} tentang Standar Layanan Informasi Publik"
# The report is drawn up within 3 months after the budget year ends and holds at least the
# parts below, in this order (layanan/laporan.py; templates/ppid_manual/_laporan_isi.html).
DASAR_LAPORAN = f"Pasal 56 {PERKI_SLIP_JUDUL}"
LAPORAN_BAGIAN = {
    "kebijakan": "Gambaran umum kebijakan layanan informasi publik",
    "pelaksanaan": "Gambaran umum pelaksanaan layanan informasi publik",
    "rincian": "Rincian pelayanan informasi publik",
    "sengketa": "Rincian penyelesaian sengketa informasi publik",
    "kendala": "Kendala eksternal dan internal dalam pelaksanaan layanan informasi publik",
    "rekomendasi": (
        "Rekomendasi dan rencana tindak lanjut untuk meningkatkan kualitas layanan informasi publik"
    ),
}


# --- Pasal 17: the exemptions --------------------------------------------------------------
class Pasal17(models.TextChoices):
    """UU 14/2008 Pasal 17 huruf a–j, each with its gist: the choices of a refusal (registrasi)
    and of a DIK (dip), and the Laporan's rows. The Act's own words are PASAL_17_BUNYI."""

    HURUF_A = "a", "a. menghambat proses penegakan hukum"
    HURUF_B = (
        "b",
        (
            "b. mengganggu perlindungan hak atas kekayaan intelektual dan perlindungan dari "
            "persaingan usaha tidak sehat"
        ),
    )
    HURUF_C = "c", "c. membahayakan pertahanan dan keamanan negara"
    HURUF_D = "d", "d. mengungkapkan kekayaan alam Indonesia"
    HURUF_E = "e", "e. merugikan ketahanan ekonomi nasional"
    HURUF_F = "f", "f. merugikan kepentingan hubungan luar negeri"
    HURUF_G = (
        "g",
        (
            "g. mengungkapkan isi akta otentik yang bersifat pribadi dan kemauan terakhir "
            "ataupun wasiat seseorang"
        ),
    )
    HURUF_H = "h", "h. mengungkap rahasia pribadi"
    HURUF_I = (
        "i",
        "i. memorandum atau surat antar/intra Badan Publik yang menurut sifatnya dirahasiakan",
    )
    HURUF_J = "j", "j. informasi yang tidak boleh diungkapkan berdasarkan Undang-Undang"


def pasal17_pokok(huruf: str) -> str:
    """The gist of a huruf without its letter ("menghambat proses penegakan hukum"): the words
    in brackets after "Pasal 17 huruf a Undang-Undang …" in the SK penolakan."""
    return Pasal17(huruf).label.split(". ", 1)[1]


_DIBUKA = "Informasi Publik yang apabila dibuka dan diberikan kepada Pemohon Informasi Publik"

# The chapeau of each huruf in the Act's words (its sub-points are in the Act): the DIK's uji
# konsekuensi, on its page and in print.
PASAL_17_BUNYI = {
    "a": f"{_DIBUKA} dapat menghambat proses penegakan hukum",
    "b": (
        f"{_DIBUKA} dapat mengganggu kepentingan perlindungan hak atas kekayaan intelektual dan "
        "perlindungan dari persaingan usaha tidak sehat"
    ),
    "c": f"{_DIBUKA} dapat membahayakan pertahanan dan keamanan negara",
    "d": f"{_DIBUKA} dapat mengungkapkan kekayaan alam Indonesia",
    "e": f"{_DIBUKA} dapat merugikan ketahanan ekonomi nasional",
    "f": f"{_DIBUKA} dapat merugikan kepentingan hubungan luar negeri",
    "g": (
        "Informasi Publik yang apabila dibuka dapat mengungkapkan isi akta otentik yang bersifat "
        "pribadi dan kemauan terakhir ataupun wasiat seseorang"
    ),
    "h": f"{_DIBUKA} dapat mengungkap rahasia pribadi",
    "i": (
        "memorandum atau surat-surat antar Badan Publik atau intra Badan Publik, yang menurut "
        "sifatnya dirahasiakan kecuali atas putusan Komisi Informasi atau pengadilan"
    ),
    "j": "informasi yang tidak boleh diungkapkan berdasarkan Undang-Undang",
}


def pasal17_bunyi(huruf: str) -> str:
    """“huruf h — Informasi Publik yang apabila dibuka … dapat mengungkap rahasia pribadi”"""
    return f"huruf {huruf} — {PASAL_17_BUNYI[huruf]}"


# --- Pasal 22 ayat (7): what the written notice contains ----------------------------------
PASAL_22_AYAT_7 = {
    "a": "informasi yang diminta berada di bawah penguasaannya ataupun tidak",
    "b": (
        "Badan Publik wajib memberitahukan Badan Publik yang menguasai informasi yang diminta "
        "apabila informasi yang diminta tidak berada di bawah penguasaannya dan Badan Publik "
        "yang menerima permintaan mengetahui keberadaan informasi yang diminta"
    ),
    "c": (
        "menerima atau menolak permintaan dengan alasan yang tercantum sebagaimana dimaksud "
        "dalam Pasal 17"
    ),
    "d": (
        "dalam hal permintaan diterima seluruhnya atau sebagian dicantumkan materi informasi yang "
        "akan diberikan"
    ),
    "e": (
        "dalam hal suatu dokumen mengandung materi yang dikecualikan sebagaimana dimaksud dalam "
        "Pasal 17, maka informasi yang dikecualikan tersebut dapat dihitamkan dengan disertai "
        "alasan dan materinya"
    ),
    "f": "alat penyampai dan format informasi yang akan diberikan",
    "g": "biaya serta cara pembayaran untuk memperoleh informasi yang diminta",
}

# The huruf of Pasal 22(7) that the notice of each outcome answers (by the value of
# registrasi's Permohonan.Keputusan): a/b (held or not, and by whom), c (accepted or refused,
# with reasons), d (what is given), e (what is blacked out), f (means and format), g (cost and
# payment). The kernel names the values, not the app's class: it imports no app.
PASAL_22_AYAT_7_PER_KEPUTUSAN = {
    "seluruhnya": ("a", "c", "d", "f", "g"),
    "sebagian": ("a", "c", "d", "e", "f", "g"),
    "ditolak": ("a", "c"),
    "tidak_dikuasai": ("a", "b"),
    "belum_didokumentasikan": ("a", "c"),
}


# --- Pasal 35 ayat (1): the grounds of a keberatan -----------------------------------------
class Pasal35Ayat1(models.TextChoices):
    """UU 14/2008 Pasal 35(1): the reasons for a keberatan (one or more)."""

    A = "a", "a. Permohonan informasi ditolak atas alasan pengecualian Pasal 17"
    B = "b", "b. Informasi berkala sebagaimana dimaksud Pasal 9 tidak disediakan"
    C = "c", "c. Permintaan informasi tidak ditanggapi"
    D = "d", "d. Permintaan informasi ditanggapi tidak sebagaimana yang diminta"
    E = "e", "e. Permintaan informasi tidak dipenuhi"
    F = "f", "f. Pengenaan biaya yang tidak wajar"
    G = "g", "g. Penyampaian informasi melebihi waktu yang diatur Undang-Undang"
