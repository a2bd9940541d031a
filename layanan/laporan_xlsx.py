"""The report's figures as an XLSX workbook: the same Angka as the page and the PDF, one sheet
per table, in the order and with the headings of the printed report."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from layanan.laporan import Angka
from ppid_manual import hukum


def workbook(angka: Angka) -> bytes:
    wb = Workbook()
    bold = Font(bold=True)
    ringkas = wb.active
    ringkas.title = "Ringkasan"
    judul = "Laporan Layanan Informasi Publik"
    if angka.sementara:
        judul += " (SEMENTARA)"
    ringkas.append([judul, angka.periode_label])
    ringkas.append(["Cakupan", angka.cakupan])
    ringkas.append(["Periode", angka.dari.isoformat(), angka.sampai.isoformat()])
    ringkas.append(["Dihitung sampai dengan", angka.dihitung.isoformat() if angka.dihitung else ""])
    if angka.sementara:
        ringkas.append(["Status", "Sementara: periode belum berakhir"])
    ringkas.append([])
    ringkas.append(["Uraian", "Jumlah"])
    for cell in ringkas[ringkas.max_row]:
        cell.font = bold
    for row in (
        ("Jumlah permohonan terdaftar", angka.permohonan),
        ("Sudah diberi pemberitahuan tertulis", angka.selesai_diputus),
        ("Masih dalam proses", angka.masih_berjalan),
        ("Ditarik pemohon", angka.ditarik),
        ("Diperpanjang", angka.diperpanjang),
        ("Melewati jangka waktu pemberitahuan", angka.melewati_tenggat),
        ("Dikembalikan karena tidak lengkap (tidak terdaftar)", angka.dikembalikan),
        ("Permohonan ditolak", angka.ditolak),
        ("Permohonan diberikan sebagian", angka.jumlah_sebagian),
        ("Entri susulan dari formulir kertas", angka.entri_susulan),
        (f"Entri susulan melewati {hukum.SOP_ENTRI} hari kerja (SOP)", angka.susulan_terlambat),
        ("Jumlah keberatan yang diterima", angka.keberatan),
        ("Keberatan belum ditanggapi", angka.keberatan_belum_ditanggapi),
        (
            "Permohonan penyelesaian sengketa ke Komisi Informasi (menurut tanggal pengajuan)",
            angka.sengketa,
        ),
    ):
        ringkas.append(list(row))
    ringkas.column_dimensions["A"].width = 60

    waktu = wb.create_sheet("Waktu layanan")
    waktu.append(
        [
            "Keputusan PPID",
            "Jumlah",
            "Rata-rata hari kerja",
            "Median hari kerja",
            "Terlama (hari kerja)",
        ]
    )
    for cell in waktu[1]:
        cell.font = bold
    for w in angka.waktu:
        waktu.append([w.label, w.jumlah, w.rata_rata, w.median, w.terlama])
    waktu.column_dimensions["A"].width = 45

    for title, heading, items in (
        ("Alasan penolakan", "Alasan penolakan", angka.alasan_penolakan),
        (
            "Pengecualian sebagian",
            "Dasar pengecualian bagian yang tidak diberikan",
            angka.pengecualian_sebagian,
        ),
        ("Keberatan per alasan", "Alasan keberatan", angka.keberatan_alasan),
        (
            "Tanggapan keberatan",
            "Tanggapan Atasan PPID",
            [*angka.keberatan_putusan, ("Belum ditanggapi", angka.keberatan_belum_ditanggapi)],
        ),
        ("Sikap pemohon", "Sikap pemohon atas hasil keberatan", angka.keberatan_sikap),
        (
            "Hasil sengketa",
            "Hasil sengketa di Komisi Informasi",
            [*angka.sengketa_hasil, ("Belum ada hasil", angka.sengketa_belum_ada_hasil)],
        ),
        ("Pengadilan", "Gugatan atas putusan", angka.sengketa_pengadilan),
        ("Putusan pengadilan", "Putusan pengadilan", angka.putusan_pengadilan),
    ):
        sheet = wb.create_sheet(title)
        sheet.append([heading, "Jumlah"])
        for cell in sheet[1]:
            cell.font = bold
        for label, n in items:
            sheet.append([label, n])
        sheet.column_dimensions["A"].width = 80

    daftar = wb.create_sheet("Daftar sengketa")
    daftar.append(
        [
            "Nomor keberatan",
            "Nomor register Komisi Informasi",
            "Diajukan",
            "Hasil dan tanggalnya",
            "Pelaksanaan oleh badan publik",
        ]
    )
    for cell in daftar[1]:
        cell.font = bold
    for s in angka.sengketa_daftar:
        daftar.append(
            [
                s.nomor_keberatan,
                s.nomor_register_ki,
                s.tanggal_sengketa,
                "; ".join(
                    f"{t.label} ({t.tanggal.isoformat() if t.tanggal else '-'})" for t in s.tahapan
                ),
                "; ".join(
                    f"{t.label}: {t.pelaksanaan or 'belum dicatat'}"
                    for t in s.tahapan
                    if t.dilaksanakan
                ),
            ]
        )
    for col, width in zip("ABCDE", (28, 32, 12, 80, 80), strict=True):
        daftar.column_dimensions[col].width = width

    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
