"""The report's figures as an XLSX workbook (the same numbers as the PDF)."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from layanan.laporan import Angka
from ppid_manual import hukum


def workbook(angka: Angka) -> bytes:
    wb = Workbook()
    ringkas = wb.active
    ringkas.title = "Ringkasan"
    bold = Font(bold=True)
    ringkas.append(["Laporan Layanan Informasi Publik", angka.periode_label])
    ringkas.append(["Cakupan", angka.cakupan])
    ringkas.append(["Periode", angka.dari.isoformat(), angka.sampai.isoformat()])
    ringkas.append([])
    rows = [
        ("Jumlah permohonan terdaftar", angka.permohonan),
        ("Sudah diberi pemberitahuan tertulis", angka.selesai_diputus),
        ("Masih berjalan", angka.masih_berjalan),
        ("Ditarik pemohon", angka.ditarik),
        ("Dikembalikan karena tidak lengkap (tidak terdaftar)", angka.dikembalikan),
        ("Diperpanjang", angka.diperpanjang),
        ("Melewati tenggat", angka.melewati_tenggat),
        ("Jumlah keberatan", angka.keberatan),
        ("Keberatan belum ditanggapi", angka.keberatan_belum_ditanggapi),
        ("Sengketa ke Komisi Informasi", angka.sengketa),
        *((f"Sengketa — {label}", n) for label, n in angka.sengketa_hasil),
        ("Entri susulan dari formulir kertas", angka.entri_susulan),
        (f"Entri susulan melewati {hukum.SOP_ENTRI} hari kerja (SOP)", angka.susulan_terlambat),
    ]
    ringkas.append(["Uraian", "Jumlah"])
    for cell in ringkas[ringkas.max_row]:
        cell.font = bold
    for row in rows:
        ringkas.append(list(row))
    ringkas.column_dimensions["A"].width = 55

    waktu = wb.create_sheet("Waktu layanan")
    waktu.append(
        ["Keputusan", "Jumlah", "Rata-rata hari kerja", "Median hari kerja", "Terlama (hari kerja)"]
    )
    for cell in waktu[1]:
        cell.font = bold
    for w in angka.waktu:
        waktu.append([w.label, w.jumlah, w.rata_rata, w.median, w.terlama])
    waktu.column_dimensions["A"].width = 45

    for title, items in (
        ("Alasan penolakan", angka.alasan_penolakan),
        ("Keberatan per alasan", angka.keberatan_alasan),
        ("Keberatan per putusan", angka.keberatan_putusan),
    ):
        sheet = wb.create_sheet(title)
        sheet.append(["Uraian", "Jumlah"])
        for cell in sheet[1]:
            cell.font = bold
        for label, n in items:
            sheet.append([label, n])
        sheet.column_dimensions["A"].width = 80

    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
