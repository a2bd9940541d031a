"""The specimen book (`manage.py contoh_dokumen FILE.pdf`): every printed document type, made
from complete demo cases of every outcome with the longest values the forms accept, for the
Bagian Umum to approve the templates before the app is used (issue 17, Deliver 8).

`buat_contoh()` builds the cases through the ordinary actions (so numbers, signers and kops are
what the desk would print) and returns the documents. The caller runs it inside a transaction
that it rolls back: the specimen leaves nothing behind, not even a consumed letter number.
"""

from __future__ import annotations

import datetime
import io
import uuid
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from ppid_manual import hukum
from ppid_manual.models import DokumenTerbit, Pejabat, Unit, User
from ppid_manual.workflow.pdf import PrintDocument

# The longest value each form accepts (the model's max_length), built from words that read
# like a real request, so that a template is judged with text that wraps like real text.
KALIMAT = (
    "Data cakupan imunisasi dasar lengkap per kabupaten/kota di Provinsi Bali beserta "
    "rincian per puskesmas, jenis vaksin, jumlah sasaran dan capaian bulanan tahun 2025; "
)


# The book with the shortest values (`contoh_dokumen --pendek`): each text a few words, the
# smallest counts and amounts, so that a short letter is judged too (one page, no gap).
_PENDEK = False


def pilih(panjang, pendek):
    """The longest value, or the shortest in the short book."""
    return pendek if _PENDEK else panjang


def teks(panjang: int, dasar: str = KALIMAT, *, kalimat: bool = True) -> str:
    """`dasar` repeated and cut to `panjang` characters; a sentence ends on a full stop, a
    name or an address (kalimat=False) on a letter. In the short book: the last words of
    `dasar` only."""
    if _PENDEK:
        kata = " ".join(dasar.split()[-5:]).rstrip(" ,;.")
        return kata + "." if kalimat else kata
    if not kalimat:
        return (dasar * (panjang // len(dasar) + 1))[:panjang].rstrip(" ,;.") or dasar[:panjang]
    text = (dasar * (panjang // len(dasar) + 1))[: panjang - 1].rstrip(" ,;")
    return text + "."


def _email(panjang: int = 254) -> str:
    """A valid address of `panjang` characters: one long unbroken string."""
    if _PENDEK:
        return "ayu@bali.id"
    lokal = "ni.made.ayu.lestari.wartawan.kesehatan.anak.denpasar.bali.202601"[:64]
    label = "redaksi-kabar-kesehatan-bali-dan-nusa-tenggara-provinsi-bali"[:63]
    domain = ""
    while len(lokal) + 1 + len(domain) + len(label) + 1 + 3 <= panjang:
        domain += label + "."
    domain += "id"
    rest = panjang - len(lokal) - 1 - len(domain)
    if rest > 1:
        domain = "x" * (rest - 1) + "." + domain
    return f"{lokal}@{domain}"


@dataclass
class Contoh:
    judul: str
    dokumen: PrintDocument
    # The signer whose whole block (name and NIP) must stand on one page, if the document
    # carries an official's signature.
    pejabat: Pejabat | None = None


def _pemohon(nik: str, **overrides) -> dict[str, str]:
    data = {
        "jenis": "perorangan",
        "nama": teks(
            150, "Ni Made Ayu Lestari Kusumawati Dewi Sekar Arum Putri Wulandari ", kalimat=False
        ),
        "nik": nik,
        "alamat": teks(
            300, "Jalan Gatot Subroto Barat Gang Nusa Indah No. 25, Banjar Tegal ", kalimat=False
        ),
        "pekerjaan": teks(
            100, "Wartawan media daring kesehatan dan lingkungan hidup ", kalimat=False
        ),
        "telepon": pilih("+62 812-3456-7890 / 0361-22233", "0361-222"),
        "email": _email(),
    }
    data.update(overrides)
    return data


def _users() -> dict[str, User]:
    return {u.username: u for u in User.objects.filter(unit__isnull=False)}


def buat_contoh(*, semua: bool = True, pendek: bool = False) -> list[Contoh]:
    """Build the demo cases and return every document, in the book's order. With
    `semua=False` only the letters that carry an official's signature and the receipts are
    made (the CI test's subset); the command always makes all. `pendek`: the shortest values
    the forms accept instead of the longest."""
    global _PENDEK
    _PENDEK = pendek
    try:
        return _buat(semua=semua)
    finally:
        _PENDEK = False


def _buat(*, semua: bool) -> list[Contoh]:
    from layanan import demo

    demo.load()
    u = _users()
    petugas, ppid, pelaksana, atasan = u["petugas"], u["ppid"], u["pelaksana"], u["atasan"]
    hasil: list[Contoh] = []
    surat, ditolak = _permohonan(petugas, ppid, pelaksana, semua=semua)
    hasil += surat
    hasil += _keberatan(petugas, ppid, atasan, ditolak, semua=semua)
    if semua:
        hasil += _dip(petugas, ppid, pelaksana, atasan)
        hasil += _lainnya()
    return hasil


def cetak(c: Contoh) -> bytes:
    """The document as the desk prints it: an issued letter's bytes stored at its step
    (ppid_manual/workflow/terbit.py), any other document drawn now."""
    from ppid_manual.workflow import terbit

    stored = terbit.tersimpan(c.dokumen) if getattr(c.dokumen, "jenis_terbit", "") else None
    return bytes(stored.berkas) if stored is not None else c.dokumen.render_pdf()


class _Sampul(PrintDocument):
    template_name = "ppid_manual/print/contoh_sampul.html"
    title = "Buku contoh dokumen"


def _halaman(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def jilid(contoh: list[Contoh], dokumen: list[bytes]) -> tuple[bytes, int]:
    """The book: a title page listing each document with the page it starts on, then the
    documents (`dokumen`, each one's PDF, in the order of `contoh`). Returns the book and its
    number of pages."""
    from pypdf import PdfWriter

    # The title page's own length decides where the documents start: lay it out once to
    # count its pages, then again with the page numbers.
    sampul = None
    for _ in range(2):
        halaman = 1 + (_halaman(sampul) if sampul else 1)
        daftar = []
        for c, pdf in zip(contoh, dokumen, strict=True):
            daftar.append({"judul": c.judul, "halaman": halaman})
            halaman += _halaman(pdf)
        sampul = _Sampul(daftar=daftar).render_pdf()
    buku = PdfWriter()
    for pdf in [sampul, *dokumen]:
        buku.append(io.BytesIO(pdf))
    cap = {}
    for page in buku.pages:
        ukuran = (round(float(page.mediabox.width)), round(float(page.mediabox.height)))
        if ukuran not in cap:
            cap[ukuran] = _cap_contoh(*ukuran)
        page.merge_page(cap[ukuran])
    out = io.BytesIO()
    buku.write(out)
    return out.getvalue(), halaman - 1


def _cap_contoh(lebar: float, tinggi: float):
    """The stamp CONTOH across a page of the book (issue 26): a specimen carries real names
    and numbers, and must never pass for a signed letter."""
    from pypdf import PdfReader
    from reportlab.pdfgen.canvas import Canvas

    from ppid_manual.workflow.tabel_pdf import FONTS, _register_fonts

    _register_fonts()
    out = io.BytesIO()
    c = Canvas(out, pagesize=(lebar, tinggi))
    c.saveState()
    c.setFillColorRGB(0.8, 0.1, 0.1, alpha=0.25)
    c.setStrokeColorRGB(0.8, 0.1, 0.1, alpha=0.35)
    c.translate(lebar / 2, tinggi / 2)
    c.rotate(35)
    c.setFont(FONTS["tebal"][0], min(lebar, tinggi) / 4.5)
    c.drawCentredString(0, -min(lebar, tinggi) / 16, "CONTOH")
    c.restoreState()
    c.setFillColorRGB(0.8, 0.1, 0.1)
    c.setFont(FONTS["tebal"][0], 9)
    c.drawCentredString(lebar / 2, tinggi - 13, "CONTOH — bukan surat yang diterbitkan")
    c.showPage()
    c.save()
    return PdfReader(io.BytesIO(out.getvalue())).pages[0]


def _intake(nik: str, **overrides):
    from registrasi import actions as reg
    from registrasi.models import Permohonan

    values = {
        "pemohon": _pemohon(nik),
        "rincian_informasi": teks(2000),
        "tujuan_penggunaan": teks(
            1000, "Bahan liputan mendalam tentang kesehatan anak di Provinsi Bali; "
        ),
        "cara_memperoleh": Permohonan.CaraMemperoleh.HARDCOPY,
        "cara_salinan": Permohonan.CaraSalinan.KURIR,
        "formulir_lengkap": True,
        "identitas_diterima": True,
        "kunci": uuid.uuid4(),
    }
    values.update(overrides)
    return reg.Intake(**values)


def _permohonan(petugas, ppid, pelaksana, *, semua: bool):
    """The requests of every outcome; returns their documents and the refused request (the
    keberatan's subject)."""
    from registrasi import actions as reg
    from registrasi import documents as d
    from registrasi.models import Permohonan, SuratPermintaan, Tarif

    K = Permohonan.Keputusan
    tarif = Tarif.objects.berlaku(timezone.localdate()).order_by("harga").first()
    nomor_nik = iter(f"5171014107{900001 + i:06d}" for i in range(100))
    out: list[Contoh] = []

    def baru(**kw) -> Permohonan:
        return reg.register_permohonan(_intake(next(nomor_nik), **kw), by=petugas)

    def segar(p: Permohonan) -> Permohonan:
        return Permohonan.objects.get(pk=p.pk)

    # Diberikan seluruhnya, through the OPD, extended, handed over for a fee (kuitansi).
    p = baru()
    if semua:
        out.append(Contoh("Formulir permohonan informasi publik", d.FormulirPermohonan(p)))
    surat = reg.route_to_opd(p, by=ppid, unit=Unit.objects.get(kode="DISKES"), catatan=teks(2000))
    reg.extend(segar(p), by=ppid, alasan=teks(2000, "Data masih direkap dari kabupaten/kota; "))
    reg.record_opd_answer(
        segar(p),
        by=pelaksana,
        jawaban=SuratPermintaan.Jawaban.TERSEDIA,
        klasifikasi=Permohonan.Klasifikasi.TERBUKA,
        isi_jawaban=teks(3000),
        tanggal_jawaban=timezone.localdate(),
    )
    putusan_beri = {
        "uraian_informasi": teks(3000),
        "bentuk_informasi": Permohonan.BentukInformasi.KEDUANYA,
        "format_informasi": teks(100, "PDF hasil pindaian dan XLSX tabel rekapitulasi; "),
        "cara_pembayaran": Permohonan.CaraPembayaran.TRANSFER,
        "perkiraan_halaman": pilih(1250, 2),
        "perkiraan_tarif": tarif,
        "perkiraan_biaya_kirim": pilih(Decimal("100000000"), Decimal("0")),
        "waktu_penyediaan": teks(200, "Dapat diambil di meja layanan PPID mulai 10 April 2026; "),
    }
    reg.issue_decision(
        segar(p), reg.Putusan(keputusan=K.DIBERIKAN_SELURUHNYA, **putusan_beri), by=ppid
    )
    p = segar(p)
    out.append(
        Contoh(
            "Surat permintaan informasi kepada PPID Pelaksana",
            d.SuratPermintaanDokumen(p, surat=surat),
            d.penandatangan(None, surat.tanggal),
        )
    )
    out.append(
        Contoh(
            "Pemberitahuan perpanjangan jangka waktu",
            d.PemberitahuanPerpanjangan(p),
            d.penandatangan(None, p.tanggal_perpanjangan),
        )
    )
    out.append(
        Contoh(
            "Pemberitahuan tertulis: informasi diberikan seluruhnya",
            d.Pemberitahuan(p),
            d.penandatangan(p.unit_pemberitahuan, p.tanggal_pemberitahuan),
        )
    )
    t = reg.hand_over(
        p,
        by=petugas,
        nama_penerima=teks(150, "I Made Kurir Pengantar Dokumen Ekspres Bali ", kalimat=False),
        cara=Permohonan.CaraSalinan.KURIR,
        jumlah_halaman=pilih(100000, 2),
        tarif=tarif,
        biaya_pengiriman=pilih(Decimal("100000000"), Decimal("0")),
        catatan=teks(1000, "Diterima lengkap dalam dua kotak arsip bersegel; "),
        cara_pembayaran=Permohonan.CaraPembayaran.TUNAI,
    )
    out.append(
        Contoh(
            "Tanda terima penyerahan informasi (berbayar)", d.TandaTerimaPenyerahan(p, penyerahan=t)
        )
    )
    out.append(Contoh("Kuitansi pembayaran biaya salinan", d.Kuitansi(p, penyerahan=t)))
    # Issue 15: a ralat of the receipt (a new numbered letter naming it and why).
    ralat = reg.ralat_surat(
        p,
        dokumen=DokumenTerbit.objects.for_object(p).get(jenis="tanda-terima"),
        # A fact the tanda terima prints (a ralat offers only those): the name it was handed to.
        fakta="nama",
        nilai=teks(150, "Ni Luh Putu Ayu Saraswati Dewi "),
        alasan=teks(1000, "ejaan nama pada tanda terima tidak sesuai dengan KTP; "),
        by=petugas,
    )
    out.append(Contoh("Ralat surat", d.RalatSurat(p, ralat=ralat)))

    # Diberikan sebagian, by the PPID directly; blacked out under Pasal 17 and another law.
    p = baru()
    reg.issue_decision(
        p,
        reg.Putusan(
            keputusan=K.DIBERIKAN_SEBAGIAN,
            bagian_dihitamkan=teks(2000, "Nama, NIK dan alamat anak penerima imunisasi; "),
            pasal17=[c for c in Permohonan.Pasal17.values],
            konsekuensi=teks(4000, "Membuka data pribadi anak dan keluarganya; "),
            undang_undang_lain=teks(
                300, f"Undang-Undang Nomor 27 Tahun 2022, {hukum.pasal('UU 27/2022 4(2)')}; "
            ),
            **putusan_beri,
        ),
        by=ppid,
    )
    p = segar(p)
    out.append(
        Contoh(
            "Pemberitahuan tertulis: informasi diberikan sebagian",
            d.Pemberitahuan(p),
            d.penandatangan(p.unit_pemberitahuan, p.tanggal_pemberitahuan),
        )
    )

    # Ditolak: the notice and the SK penolakan.
    p = baru()
    reg.issue_decision(
        p,
        reg.Putusan(
            keputusan=K.DITOLAK,
            pasal17=[c for c in Permohonan.Pasal17.values],
            undang_undang_lain=teks(
                300, f"Undang-Undang Nomor 17 Tahun 2023, {hukum.pasal('UU 17/2023 4(1)')}; "
            ),
            konsekuensi=teks(4000, "Membuka rekam medis mengungkap rahasia pribadi pasien; "),
            uraian_informasi=teks(3000, "Penjelasan tambahan PPID atas penolakan ini; "),
        ),
        by=ppid,
    )
    p = segar(p)
    ditolak = p
    signer = d.penandatangan(p.unit_pemberitahuan, p.tanggal_pemberitahuan)
    out.append(Contoh("Pemberitahuan tertulis: permohonan ditolak", d.Pemberitahuan(p), signer))
    out.append(Contoh("Keputusan PPID tentang penolakan permohonan", d.SkPenolakan(p), signer))
    if semua:
        # A keputusan is corrected by a keputusan: the SK's perubahan, closing with its salinan.
        perubahan = reg.ralat_surat(
            p,
            dokumen=DokumenTerbit.objects.for_object(p).get(jenis="sk-penolakan"),
            fakta="alamat",
            nilai=teks(300, "Jalan Gatot Subroto Barat Nomor 88, Denpasar Utara; "),
            alasan=teks(1000, "alamat pemohon pada keputusan tidak sesuai dengan KTP; "),
            by=ppid,
        )
        out.append(
            Contoh(
                "Keputusan PPID tentang perubahan atas keputusan penolakan",
                d.RalatSurat(segar(p), ralat=perubahan),
                d.penandatangan(None, perubahan.tanggal),
            )
        )

    # Tidak dikuasai, naming the holder.
    p = baru()
    reg.issue_decision(
        p,
        reg.Putusan(
            keputusan=K.TIDAK_DIKUASAI,
            penguasa_informasi=teks(300, "Kementerian Kesehatan Republik Indonesia, Jakarta; "),
            uraian_informasi=teks(3000, "Informasi tersebut dihimpun oleh kementerian; "),
        ),
        by=ppid,
    )
    p = segar(p)
    out.append(
        Contoh(
            "Pemberitahuan tertulis: informasi tidak dikuasai",
            d.Pemberitahuan(p),
            d.penandatangan(p.unit_pemberitahuan, p.tanggal_pemberitahuan),
        )
    )

    # Belum didokumentasikan, with the date by which it will be.
    p = baru()
    reg.issue_decision(
        p,
        reg.Putusan(
            keputusan=K.BELUM_DIDOKUMENTASIKAN,
            uraian_informasi=teks(3000, "Rekapitulasi sedang disusun oleh bidang terkait; "),
            # The latest date the law allows: the request's own deadline (Pasal 22(7)–(8)).
            tanggal_tersedia=p.tenggat,
        ),
        by=ppid,
    )
    p = segar(p)
    out.append(
        Contoh(
            "Pemberitahuan tertulis: informasi belum didokumentasikan",
            d.Pemberitahuan(p),
            d.penandatangan(p.unit_pemberitahuan, p.tanggal_pemberitahuan),
        )
    )

    # A PPID Pelaksana's direct answer: its OPD's kop, number and official; handed over free.
    p = reg.register_permohonan(_intake(next(nomor_nik)), by=pelaksana)
    reg.answer_directly(
        p,
        reg.Putusan(
            keputusan=K.DIBERIKAN_SELURUHNYA,
            uraian_informasi=teks(3000),
            bentuk_informasi=Permohonan.BentukInformasi.SOFTCOPY,
            format_informasi="PDF",
        ),
        by=pelaksana,
    )
    p = segar(p)
    out.append(
        Contoh(
            "Pemberitahuan tertulis PPID Pelaksana (jawaban langsung OPD)",
            d.Pemberitahuan(p),
            d.penandatangan(p.unit_pemberitahuan, p.tanggal_pemberitahuan),
        )
    )
    if semua:
        t = reg.hand_over(
            p, by=pelaksana, nama_penerima=p.pemohon.nama, cara=Permohonan.CaraSalinan.EMAIL
        )
        out.append(
            Contoh(
                "Tanda terima penyerahan informasi (tanpa biaya)",
                d.TandaTerimaPenyerahan(p, penyerahan=t),
            )
        )
        kembali = reg.return_incomplete(
            _intake(
                next(nomor_nik),
                formulir_lengkap=False,
                identitas_diterima=False,
                catatan_kekurangan=teks(1000, "Tanda tangan pemohon pada formulir belum ada; "),
            ),
            by=petugas,
        )
        out.append(Contoh("Catatan pengembalian berkas", d.CatatanPengembalian(kembali)))
        badan = baru(
            pemohon=_pemohon(
                "",
                jenis="badan_hukum",
                nama=teks(
                    150, "Yayasan Lembaga Bantuan Hukum Keterbukaan Informasi Bali ", kalimat=False
                ),
                nomor_akta=teks(100, "AHU-0012345.AH.01.04.Tahun 2026 ", kalimat=False),
                penanggung_jawab=teks(150, "I Gusti Ngurah Ketua Pengurus Yayasan ", kalimat=False),
            )
        )
        out.append(Contoh("Formulir permohonan (pemohon badan hukum)", d.FormulirPermohonan(badan)))
    return out, ditolak


def _keberatan(petugas, ppid, atasan, ditolak, *, semua: bool) -> list[Contoh]:
    from keberatan import actions as kb
    from keberatan import documents as d
    from keberatan.models import Keberatan

    out: list[Contoh] = []
    today = timezone.localdate()
    k = kb.register_keberatan(
        kb.Pengajuan(
            tanggal_diterima=today,
            alasan=pilih(
                [a for a in Keberatan.Alasan.values if a != Keberatan.Alasan.B],
                [Keberatan.Alasan.A],
            ),
            kasus_posisi=teks(4000, "Pemohon menilai informasi itu tidak termasuk rahasia; "),
            tujuan_penggunaan=teks(1000, "Bahan liputan mendalam kesehatan anak; "),
            permohonan=ditolak,
            kuasa_nama=teks(
                150, "Made Advokat Pembela Keterbukaan Informasi, S.H., M.H. ", kalimat=False
            ),
            kuasa_alamat=teks(
                300, "Kantor Hukum Keterbukaan, Jalan Hayam Wuruk No. 99, ", kalimat=False
            ),
            kuasa_telepon="+62 811-3999-8888 / 0361-9999",
            surat_kuasa_diterima=True,
            identitas_diterima=True,
            kunci=uuid.uuid4(),
        ),
        by=petugas,
    )
    if semua:
        out.append(Contoh("Formulir keberatan (alasan a, melalui kuasa)", d.FormulirKeberatan(k)))
    kb.record_disposisi(
        k,
        by=atasan,
        unit=Unit.objects.get(kode="DISKES"),
        isi=teks(3000, "Siapkan draf tanggapan dengan memeriksa uji konsekuensi PPID; "),
        sifat=Keberatan.Sifat.SEGERA,
    )
    k = Keberatan.objects.get(pk=k.pk)
    out.append(Contoh("Lembar disposisi Atasan PPID", d.LembarDisposisi(k), k.pejabat_disposisi))
    kb.submit_draft(
        k,
        by=ppid,
        keputusan=Keberatan.Keputusan.DITOLAK,
        pertimbangan=teks(6000, f"Informasi memuat data pribadi ({hukum.pasal('17h')}); "),
    )
    k = Keberatan.objects.get(pk=k.pk)
    if semua:
        konsep = d.SuratTanggapan(k)
        out.append(
            Contoh(
                "Konsep surat tanggapan Atasan PPID",
                konsep,
                Pejabat.signer(Pejabat.Peran.ATASAN_PPID, today),
            )
        )
    kb.approve_draft(k, by=atasan)
    kb.answer_keberatan(
        Keberatan.objects.get(pk=k.pk),
        by=atasan,
        keputusan=Keberatan.Keputusan.DITOLAK,
        pertimbangan=teks(6000, "Keputusan PPID sudah tepat karena memuat data pribadi; "),
    )
    k = Keberatan.objects.get(pk=k.pk)
    out.append(
        Contoh(
            "Surat tanggapan Atasan PPID atas keberatan", d.SuratTanggapan(k), k.pejabat_tanggapan
        )
    )
    # Issue 15: a ralat of the Atasan's answer, signed by its signer.
    ralat = kb.ralat_surat(
        k,
        dokumen=DokumenTerbit.objects.for_object(k).get(jenis="tanggapan"),
        fakta="pertimbangan",
        nilai=teks(6000, "Keputusan PPID sudah tepat karena memuat data pribadi pasien; "),
        alasan=teks(1000, "pertimbangan tertulis memuat kutipan pasal yang keliru; "),
        by=atasan,
    )
    out.append(
        Contoh(
            "Ralat surat tanggapan Atasan PPID",
            d.RalatKeberatan(k, ralat=ralat),
            k.pejabat_tanggapan,
        )
    )
    if semua:
        # The pemohon goes to the Komisi Informasi; its adjudication and how the badan publik
        # carried it out fill the Laporan's table of each sengketa (Perki 1/2021).
        kb.record_sengketa(
            Keberatan.objects.get(pk=k.pk),
            by=petugas,
            tanggal_sengketa=today,
            nomor_register=teks(100, "012/XII/KI-Bali-PS/2026 ", kalimat=False),
        )
        kb.record_hasil_sengketa(
            Keberatan.objects.get(pk=k.pk),
            by=petugas,
            hasil=Keberatan.HasilSengketa.DIKABULKAN_SEBAGIAN,
            tanggal_hasil=today,
            pelaksanaan=teks(2000, "Informasi diserahkan kepada pemohon sesuai putusan; "),
        )
        b = kb.register_keberatan(
            kb.Pengajuan(
                tanggal_diterima=today,
                alasan=[Keberatan.Alasan.B],
                kasus_posisi=teks(4000, "Laporan keuangan tahunan tidak diumumkan; "),
                tujuan_penggunaan=teks(1000, "Pengawasan anggaran oleh warga; "),
                pemohon=_pemohon(
                    "5103024506850002", nama=teks(150, "I Ketut Warga Desa ", kalimat=False)
                ),
                informasi_diminta=teks(2000, "Laporan keuangan tahunan 2025 (informasi berkala); "),
                tanggal_dasar=today,
                identitas_diterima=True,
                kunci=uuid.uuid4(),
            ),
            by=petugas,
        )
        out.append(
            Contoh("Formulir keberatan (alasan b, tanpa permohonan)", d.FormulirKeberatan(b))
        )
    return out


def _dip(petugas, ppid, pelaksana, atasan) -> list[Contoh]:
    from dip import actions as da
    from dip import documents as d
    from dip.models import InformasiPublik

    today = timezone.localdate()
    tahun = today.year
    diskes = Unit.objects.get(kode="DISKES")
    provinsi = da.create_edisi(unit=Unit.utama(), tahun=tahun, by=petugas)
    opd = da.create_edisi(unit=diskes, tahun=tahun, by=pelaksana)
    for i in range(pilih(12, 1)):
        da.add_informasi(
            opd,
            by=pelaksana,
            data={
                "ringkasan": teks(600 + 40 * i, "Rencana Strategis Dinas Kesehatan 2024–2026; "),
                "pejabat_penguasa": teks(255, "Sekretaris Dinas / Subbagian Program; "),
                "penanggung_jawab": teks(255, "Kepala Dinas Kesehatan Provinsi Bali; "),
                "waktu_pembuatan": teks(100, "Januari 2024 sampai dengan Desember 2025; "),
                "tempat_pembuatan": teks(150, "Denpasar, Provinsi Bali; "),
                "bentuk": InformasiPublik.Bentuk.KEDUANYA,
                "jangka_waktu_penyimpanan": teks(100, "5 tahun sesudah tahun anggaran; "),
                "jenis": InformasiPublik.Jenis.SETIAP_SAAT,
            },
        )
    da.submit_edisi(opd, by=pelaksana)
    da.recap_edisi(opd, by=petugas)
    out = [Contoh("Rekapitulasi Daftar Informasi Publik", d.RekapDip(provinsi))]
    da.submit_to_ppid(provinsi, by=petugas)
    da.submit_to_atasan(provinsi, by=ppid)
    da.establish_edisi(provinsi, by=atasan, tanggal_sk=today)
    da.issue_pengantar(
        provinsi,
        by=ppid,
        tanggal=today,
        tujuan=teks(
            300, "Kepala Bidang Informasi dan Komunikasi Publik Diskominfos ", kalimat=False
        ),
    )
    provinsi.refresh_from_db()
    out.append(Contoh("Lembar koreksi Daftar Informasi Publik", d.LembarKoreksi(provinsi)))
    out.append(
        Contoh(
            "Keputusan tentang Daftar Informasi Publik, dengan lampiran",
            d.SkDip(provinsi),
            provinsi.penandatangan_sk,
        )
    )
    out.append(
        Contoh(
            "Surat pengantar Daftar Informasi Publik",
            d.SuratPengantarDip(provinsi),
            provinsi.penandatangan_pengantar,
        )
    )
    # Issue 15: a ralat of the surat pengantar (its addressee), signed by its signer.
    ralat = da.ralat_surat(
        provinsi,
        dokumen=DokumenTerbit.objects.for_object(provinsi).get(jenis="pengantar-dip"),
        fakta="tujuan_pengantar",
        nilai=teks(300, "Kepala Dinas Komunikasi, Informatika dan Statistik ", kalimat=False),
        alasan=teks(1000, "jabatan yang dituju tertulis keliru; "),
        by=ppid,
    )
    out.append(
        Contoh(
            "Ralat surat pengantar Daftar Informasi Publik",
            d.RalatDip(provinsi, ralat=ralat),
            provinsi.penandatangan_pengantar,
        )
    )
    # A keputusan is corrected by a keputusan (perubahan): an entry of the SK DIP's lampiran.
    entri = provinsi.semua_informasi().first()
    perubahan = da.ralat_surat(
        provinsi,
        dokumen=DokumenTerbit.objects.for_object(provinsi).get(jenis="sk-dip"),
        fakta=f"entri-{entri.pk}-ringkasan",
        nilai=teks(500, "Rencana Strategis Dinas Kesehatan Provinsi Bali 2024–2026; "),
        alasan=teks(1000, "judul dokumen dalam lampiran tertulis tidak lengkap; "),
        by=atasan,
    )
    out.append(
        Contoh(
            "Keputusan tentang perubahan atas Keputusan tentang Daftar Informasi Publik",
            d.RalatDip(provinsi, ralat=perubahan),
            provinsi.penandatangan_sk,
        )
    )
    dik = da.establish_dik(
        by=ppid,
        data={
            "informasi": teks(2000, "Dokumen pengadaan yang memuat rahasia dagang penyedia; "),
            "opd": diskes,
            "pasal17": "b,h",
            "undang_undang_lain": teks(300, "Undang-Undang Nomor 27 Tahun 2022; "),
            "konsekuensi": teks(4000, "Membuka dokumen merugikan persaingan usaha sehat; "),
            "jangka_waktu": teks(200, "5 tahun sejak kontrak selesai; "),
            "dasar_penetapan": teks(300, "Penetapan PPID atas hasil uji konsekuensi; "),
            "ditetapkan_pada": today,
            "aktif": True,
            # UU 14/2008 Pasal 2(4): the public interest weighed against the harm.
            "kepentingan_publik": teks(
                6000, "Publik berkepentingan mengawasi harga dan mutu pengadaan; "
            ),
            # Every official in office but the PPID took part (the longest list of signers);
            # in the short book, one.
            "peserta_uji": list(
                Pejabat.objects.valid_on(today)
                .exclude(peran=Pejabat.Peran.PPID)
                .order_by("unit__nama", "pk")[: pilih(20, 1)]
            ),
        },
    )
    signer = Pejabat.signer(Pejabat.Peran.PPID, today)
    out.append(Contoh("Daftar Informasi yang Dikecualikan", d.DaftarDik(), None))
    out.append(Contoh("Lembar uji konsekuensi", d.UjiKonsekuensi(dik), signer))
    # The DIK adopted by the PPID's numbered keputusan: its lampiran as long as the entries.
    for i in range(pilih(11, 0)):
        da.establish_dik(
            by=ppid,
            data={
                "informasi": teks(400, f"Dokumen nomor {i + 2} yang memuat data pribadi; "),
                "opd": diskes,
                "pasal17": "h",
                "konsekuensi": teks(600, "Membuka dokumen mengungkap rahasia pribadi; "),
                "kepentingan_publik": teks(400, "Tidak ada kepentingan umum yang lebih besar; "),
                "jangka_waktu": "Selama yang bersangkutan hidup",
                "ditetapkan_pada": today,
                "aktif": True,
            },
        )
    penetapan = da.issue_penetapan_dik(by=ppid, tanggal=today)
    out.append(
        Contoh(
            "Keputusan PPID tentang Penetapan Daftar Informasi yang Dikecualikan",
            d.KeputusanDik(penetapan),
            penetapan.penandatangan,
        )
    )
    return out


def _keberatan_register(dari: datetime.date, sampai: datetime.date):
    """The keberatan of the period as the register view reads them (its own queryset helper
    when the app has one, so that the register's columns find what they expect)."""
    from keberatan import documents as kd
    from keberatan.models import Keberatan

    if hasattr(kd, "register_queryset"):
        return kd.register_queryset(User.objects.get(username="ppid"), dari, sampai)
    return Keberatan.objects.exclude(nomor_registrasi__isnull=True).order_by("pk")


def _lainnya() -> list[Contoh]:
    from keberatan import documents as kd
    from layanan import charts
    from layanan import laporan as laporan_mod
    from layanan.documents import (
        LaporanLayananDokumen,
        LaporanPengantarDokumen,
        penandatangan_laporan,
    )
    from layanan.models import LaporanLayanan
    from ppid_manual.documents import PerhitunganTenggat
    from ppid_manual.workflow import calendar
    from registrasi import documents as rd
    from registrasi.models import Permohonan

    today = timezone.localdate()
    awal = today.replace(day=1)
    out = [
        Contoh(
            "Register permohonan informasi publik",
            rd.RegisterPermohonan(
                rd.register_rows(Permohonan.objects.register(awal, today)), awal, today
            ),
        ),
        Contoh(
            "Register keberatan informasi publik",
            kd.RegisterKeberatan(kd.register_rows(_keberatan_register(awal, today)), awal, today),
        ),
    ]
    tenggat = calendar.deadline(today, 10)
    out.append(
        Contoh(
            "Perhitungan tenggat hari kerja",
            PerhitunganTenggat(
                mulai=today, hari=10, tenggat=tenggat, dilewati=calendar.explain(today, tenggat)
            ),
        )
    )
    angka = laporan_mod.compute(today.year, LaporanLayanan.Periode.TAHUNAN, None)
    narasi = LaporanLayanan(
        tahun=angka.tahun,
        periode=angka.periode,
        gambaran_umum=teks(6000, "Pelayanan informasi berjalan di meja layanan; "),
        sarana_prasarana=teks(6000, "Meja layanan, komputer, pencetak dan lemari arsip; "),
        sumber_daya_manusia=teks(6000, "Dua petugas pelayanan berpendidikan sarjana; "),
        anggaran=teks(6000, "Anggaran layanan informasi dari DPA Diskominfos; "),
        pelaksanaan_keberatan=teks(6000, "Informasi diserahkan sesuai tanggapan Atasan PPID; "),
        pelaksanaan_sengketa=teks(6000, "Kesepakatan mediasi dilaksanakan tepat waktu; "),
        pelaksanaan_putusan_pengadilan=teks(6000, "Tidak ada putusan pengadilan; "),
        kendala=teks(6000, "Sistem daring tidak berfungsi selama beberapa hari; "),
        rekomendasi=teks(6000, "Menambah petugas di meja layanan; "),
    )
    grafik = {
        "keputusan": charts.bar_chart(
            [(w.label, w.jumlah) for w in angka.waktu], title="Permohonan per keputusan"
        ),
        "penolakan": charts.bar_chart(angka.alasan_penolakan, title="Alasan penolakan"),
        "keberatan": charts.bar_chart(angka.keberatan_alasan, title="Keberatan per alasan"),
    }
    out.append(
        Contoh(
            "Laporan layanan informasi publik",
            LaporanLayananDokumen(angka=angka, narasi=narasi, grafik=grafik),
        )
    )
    # Its surat pengantar, before it is issued (a KONSEP: no number taken).
    out.append(
        Contoh(
            "Konsep surat pengantar laporan layanan informasi publik",
            LaporanPengantarDokumen(narasi=narasi, angka=angka),
            penandatangan_laporan(None, today),
        )
    )
    return out
