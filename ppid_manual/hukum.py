"""The words of the law the app cites, each written once: UU 14/2008 tentang Keterbukaan
Informasi Publik (Pasal 17 huruf a–j, Pasal 22 ayat (7) huruf a–g, Pasal 35 ayat (1) huruf a–g)
and the Act's lengths in hari kerja.

Refusals (registrasi), the DIK (dip), keberatan, the letters and the Laporan take them from
here; a model's choices are these classes, not copies of them."""

from __future__ import annotations

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
