"""Exports and imports: the publication export (CSV, XLSX, JSON) round-trips into an equal
edition; an import with an error is refused whole, every error by row number and column."""

from __future__ import annotations

import io
import json

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from dip import actions, berkas
from dip.forms import InformasiPublikForm
from dip.models import DipEdisi, InformasiPublik
from ppid_manual.models import Event
from tests.dip.conftest import sampai_ditetapkan, tambah
from tests.helpers import page

HEADER = (
    "id,ringkasan_isi_informasi,pejabat_unit_penguasa,penanggung_jawab,waktu_pembuatan,"
    "tempat_pembuatan,bentuk_informasi,jangka_waktu_penyimpanan,jenis_informasi,"
    "kode_perangkat_daerah,perangkat_daerah"
)


def upload(content: bytes | str, name: str) -> io.BytesIO:
    f = io.BytesIO(content.encode() if isinstance(content, str) else content)
    f.name = name
    return f


@pytest.fixture
def adopted(dunia):
    """An adopted province edition with awkward values: a formula-like text, a line break,
    quotes, commas and non-ASCII characters, and an entry typed in by the petugas."""
    tambah(
        dunia.provinsi,
        dunia.petugas,
        ringkasan='=SUM(A1) "Profil" PPID, Bali\nbaris kedua – ok',
        waktu_pembuatan="-",
        jangka_waktu_penyimpanan="+5 tahun",
        opd=dunia.units["setda"],
    )
    sampai_ditetapkan(dunia)
    return dunia


def _import(client, edisi, f):
    return client.post(reverse("dip:impor", args=[edisi.pk]), {"berkas": f})


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_export_imports_back_into_an_equal_edition(client, adopted, fmt):
    client.force_login(adopted.petugas)
    exported = client.get(reverse("dip:ekspor", args=[adopted.provinsi.pk, fmt]))
    assert exported.status_code == 200
    assert exported["Content-Disposition"] == f'attachment; filename="dip-diskominfos-2026.{fmt}"'
    baru = actions.create_edisi(unit=adopted.units["utama"], tahun=2027, by=adopted.petugas)

    response = _import(client, baru, upload(exported.content, f"dip.{fmt}"))

    assert response.status_code == 302
    asli = berkas.semua_baris(adopted.provinsi)
    assert len(asli) == 4
    assert berkas.semua_baris(baru) == asli
    event = Event.objects.for_object(baru).last()
    assert event.step == "impor" and event.data["baru"] == 4


def test_a_csv_cell_that_looks_like_a_formula_is_written_as_text(adopted):
    text = berkas.ke_csv(berkas.semua_baris(adopted.provinsi)).decode("utf-8-sig")
    assert "'=SUM(A1)" in text and ",'-," in text and "'+5 tahun" in text
    wb = load_workbook(
        io.BytesIO(berkas.ke_xlsx(adopted.provinsi, berkas.semua_baris(adopted.provinsi)))
    )
    values = [c.value for row in wb["DIP"].iter_rows() for c in row]
    assert '=SUM(A1) "Profil" PPID, Bali\nbaris kedua – ok' in values
    assert all(c.data_type == "s" for row in wb["DIP"].iter_rows() for c in row if c.value)


def test_the_json_export_has_stable_ids_all_columns_and_no_personal_data(client, adopted):
    client.force_login(adopted.ppid)
    response = client.get(reverse("dip:ekspor", args=[adopted.provinsi.pk, "json"]))
    data = json.loads(response.content)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert data["dip"]["tahun"] == 2026
    assert data["dip"]["tanggal_sk"] == "2026-03-10"
    assert data["dip"]["jabatan_penetap"] == "Sekretaris Daerah Provinsi Bali selaku Atasan PPID"
    assert [k["kunci"] for k in data["kolom"]] == berkas.KUNCI
    ids = {str(i.uid) for i in adopted.provinsi.semua_informasi()}
    assert {row["id"] for row in data["informasi"]} == ids
    assert all(set(row) == set(berkas.KUNCI) for row in data["informasi"])
    text = response.content.decode()
    for personal in ("I Wayan Sekda", "19700101", "petugas", "pelaksana_dinkes", "Petugas"):
        assert personal not in text
    # the same ids on a second export
    again = json.loads(
        client.get(reverse("dip:ekspor", args=[adopted.provinsi.pk, "json"])).content
    )
    assert [r["id"] for r in again["informasi"]] == [r["id"] for r in data["informasi"]]


def test_a_draft_is_not_exported(client, dunia):
    client.force_login(dunia.petugas)
    response = client.get(reverse("dip:ekspor", args=[dunia.provinsi.pk, "csv"]), follow=True)
    assert "Hanya DIP yang sudah ditetapkan yang dapat diekspor." in page(response)
    assert response["Content-Type"].startswith("text/html")


def test_an_import_with_errors_is_refused_whole_with_row_numbers(client, dunia):
    client.force_login(dunia.pelaksana_dinkes)
    rows = dunia.dinkes.informasi.count()
    before = Event.objects.count()
    content = "\r\n".join(
        [
            HEADER,
            ",Laporan keuangan 2025,Bidang Keuangan,Sekretaris,2026,Denpasar,Softcopy,10 tahun,"
            "Berkala,DISKES,Dinas Kesehatan",
            ",Data imunisasi,Bidang P2P,Kepala Dinas,2026,Denpasar,Digital,5 tahun,Berkala,,",
            "bukan-uuid,,Bidang P2P,Kepala Dinas,2026,Denpasar,Hardcopy,5 tahun,Kadang,,",
            ",Jadwal kapal,Bidang Angkutan,Kadishub,2026,Denpasar,Softcopy,1 tahun,Berkala,DISHUB,",
        ]
    )

    response = _import(client, dunia.dinkes, upload(content, "dip.csv"))

    assert response.status_code == 422
    html = page(response)
    assert "Impor dibatalkan: 5 kesalahan ditemukan. Tidak ada data yang disimpan" in html
    gagal = response.context["gagal"]
    assert [(e.baris, e.kolom) for e in gagal.errors] == [
        (3, "Bentuk informasi"),
        (4, "ID"),
        (4, "Ringkasan isi informasi"),
        (4, "Jenis informasi"),
        (5, "Kode perangkat daerah"),
    ]
    pesan = {(e.baris, e.kolom): e.pesan for e in gagal.errors}
    assert pesan[(3, "Bentuk informasi")] == (
        "Pilihan “Digital” tidak dikenal. Gunakan: Softcopy, Hardcopy, Softcopy dan hardcopy."
    )
    assert pesan[(4, "Ringkasan isi informasi")] == "Wajib diisi."
    assert pesan[(4, "ID")] == "“bukan-uuid” bukan ID yang valid; kosongkan untuk entri baru."
    assert pesan[(5, "Kode perangkat daerah")].startswith("Harus Dinas Kesehatan")
    assert "Baris" in html and "Data imunisasi" not in html
    assert dunia.dinkes.informasi.count() == rows  # row 2 was valid but is not imported either
    assert Event.objects.count() == before


def test_an_import_updates_the_rows_it_knows_by_id(client, dunia):
    client.force_login(dunia.pelaksana_dinkes)
    renstra = dunia.dinkes.informasi.get(ringkasan__startswith="Rencana Strategis")
    content = "\r\n".join(
        [
            HEADER,
            f"{renstra.uid},Renstra Dinkes 2024–2026 (revisi),Subbagian Program,Kepala Dinas,"
            "2024,Denpasar,Softcopy dan hardcopy,5 tahun,Tersedia setiap saat,DISKES,",
            ",Data kunjungan puskesmas,Bidang Yankes,Kepala Dinas,2026,Denpasar,softcopy,"
            "2 tahun,serta merta,,Diskes",
        ]
    )
    response = _import(client, dunia.dinkes, upload(content, "dip.csv"))
    assert response.status_code == 302
    renstra.refresh_from_db()
    assert renstra.ringkasan == "Renstra Dinkes 2024–2026 (revisi)"
    baru = dunia.dinkes.informasi.get(ringkasan="Data kunjungan puskesmas")
    assert (baru.bentuk, baru.jenis) == (
        InformasiPublik.Bentuk.SOFTCOPY,
        InformasiPublik.Jenis.SERTA_MERTA,
    )
    assert baru.nomor == 3 and baru.opd == dunia.units["dinkes"]
    event = Event.objects.for_object(dunia.dinkes).last()
    assert (event.data["baru"], event.data["diperbarui"], event.data["tetap"]) == (1, 1, 0)


def test_a_semicolon_csv_from_excel_is_read(client, dunia):
    client.force_login(dunia.pelaksana_dishub)
    content = (
        HEADER.replace(",", ";")
        + "\r\n;Tarif parkir;Bidang LLAJ;Kadishub;2026;Denpasar;Hardcopy;5 tahun;Berkala;;\r\n"
    )
    assert _import(client, dunia.dishub, upload(content, "dip.csv")).status_code == 302
    assert dunia.dishub.informasi.filter(ringkasan="Tarif parkir").exists()


def test_an_xlsx_import_with_human_headers(client, dunia):
    wb = Workbook()
    ws = wb.active
    ws.append(["No"] + [k.label for k in berkas.KOLOM if k.kunci != "id"])
    ws.append(
        [1, "Statistik kecelakaan", "Bidang LLAJ", "Kadishub", 2025, "Denpasar", "Softcopy",
         "5 tahun", "Berkala", "DISHUB", "Dinas Perhubungan"]
    )  # fmt: skip
    ws.append([None] * 11)
    out = io.BytesIO()
    wb.save(out)
    client.force_login(dunia.pelaksana_dishub)
    assert _import(client, dunia.dishub, upload(out.getvalue(), "dip.xlsx")).status_code == 302
    info = dunia.dishub.informasi.get(ringkasan="Statistik kecelakaan")
    assert info.waktu_pembuatan == "2025"


@pytest.mark.parametrize(
    "content, name, message",
    [
        (
            "ringkasan,foo,bar\r\nx,y,z\r\n",
            "dip.csv",
            "Kolom tidak dikenal pada baris 1: “foo”, “bar”",
        ),
        (HEADER + "\r\n", "dip.csv", "Berkas tidak memuat baris data"),
        ("id,ringkasan_isi_informasi\r\n,x\r\n", "dip.csv", "Kolom wajib tidak ada pada baris 1"),
        ("Dinas – é".encode("cp1252"), "dip.csv", "Berkas CSV harus berenkode UTF-8"),
        (b"bukan zip", "dip.xlsx", "Berkas bukan XLSX yang valid."),
        (HEADER + "\r\n,,,,,,,,,,\r\n", "dip.csv", "Berkas tidak memuat baris data"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused(client, dunia, content, name, message):
    client.force_login(dunia.pelaksana_dinkes)
    rows = dunia.dinkes.informasi.count()
    response = _import(client, dunia.dinkes, upload(content, name))
    assert response.status_code == 422
    assert message in page(response)
    assert dunia.dinkes.informasi.count() == rows


def test_duplicate_ids_in_one_file_are_an_error(dunia):
    uid = "3f2b6c1e-6b8a-4d7e-9a51-0c2f1d5e7a90"
    rows = [
        berkas.BarisImpor(
            n,
            {
                **dict.fromkeys(berkas.KUNCI, ""),
                "id": uid,
                "ringkasan_isi_informasi": f"Entri {n}",
                "pejabat_unit_penguasa": "Bidang",
                "penanggung_jawab": "Kepala",
                "waktu_pembuatan": "2026",
                "tempat_pembuatan": "Denpasar",
                "bentuk_informasi": "Softcopy",
                "jangka_waktu_penyimpanan": "1 tahun",
                "jenis_informasi": "Berkala",
            },
        )
        for n in (2, 3)
    ]
    with pytest.raises(berkas.ImporGagal) as exc:
        berkas.validasi(dunia.dinkes, rows, form_class=InformasiPublikForm)
    assert [str(e) for e in exc.value.errors] == ["Baris 3, kolom “ID”: ID sama dengan baris 2."]


def test_the_province_import_needs_the_opd(dunia):
    row = berkas.BarisImpor(
        2,
        {
            **dict.fromkeys(berkas.KUNCI, ""),
            "ringkasan_isi_informasi": "X",
            "pejabat_unit_penguasa": "Bidang",
            "penanggung_jawab": "Kepala",
            "waktu_pembuatan": "2026",
            "tempat_pembuatan": "Denpasar",
            "bentuk_informasi": "Softcopy",
            "jangka_waktu_penyimpanan": "1 tahun",
            "jenis_informasi": "Berkala",
        },
    )
    with pytest.raises(berkas.ImporGagal) as exc:
        berkas.validasi(dunia.provinsi, [row], form_class=InformasiPublikForm)
    assert str(exc.value.errors[0]) == (
        "Baris 2, kolom “Perangkat daerah”: Wajib diisi untuk DIP Provinsi "
        "(kode atau nama perangkat daerah)."
    )


def test_the_import_template_has_the_export_columns(client, dunia):
    client.force_login(dunia.pelaksana_dinkes)
    csv_t = client.get(reverse("dip:templat_impor", args=[dunia.dinkes.pk, "csv"]))
    assert csv_t.content.decode("utf-8-sig").strip() == HEADER
    xlsx_t = client.get(reverse("dip:templat_impor", args=[dunia.dinkes.pk, "xlsx"]))
    wb = load_workbook(io.BytesIO(xlsx_t.content))
    assert [c.value for c in wb["DIP"][1]] == berkas.KUNCI


def test_a_province_edition_counts_only_its_own_entries_as_its_own(dunia):
    assert DipEdisi.objects.get(pk=dunia.provinsi.pk).informasi.count() == 0
