"""A decision stays the decision of its maker (DESIGN.md §7), in Chromium: the PPID refuses
a request with an SK; on the pemohon's keberatan the Atasan PPID grants it in part; the
reopened request is handed over. The Register Permohonan, the Laporan and the hand-back export
then show both decisions: the PPID's refusal stays "Ditolak" in Keputusan, the Atasan's
outcome is shown beside it."""

from __future__ import annotations

import csv
import io
import json
import zipfile

from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from keberatan import actions as keb
from keberatan.amar import Amar
from keberatan.models import Keberatan
from registrasi.models import Permohonan
from tests.e2e.conftest import assert_fits_desk_screen, login, menu, switch_user
from tests.e2e.test_keberatan_journey import open_keberatan, refused_request, submit, take_step

KP = Keberatan.Keputusan
DIBERIKAN = "Jumlah penerima bantuan iuran per kabupaten"
TERTUTUP = "Nama, NIK dan alamat penerima bantuan"


def keberatan_drafted_in_part(desk, p: Permohonan) -> Keberatan:
    """The pemohon's keberatan on the refusal, disposed to the PPID, drafted as a partial grant
    with its terms and approved (keberatan's own actions): the Atasan's answer is next."""
    k = keb.register_keberatan(
        keb.Pengajuan(
            tanggal_diterima=timezone.localdate(),
            alasan=[Keberatan.Alasan.A],
            kasus_posisi="Rekap per kabupaten tidak memuat data pribadi.",
            tujuan_penggunaan="Bahan liputan kesehatan anak",
            permohonan=p,
            identitas_diterima=True,
        ),
        by=desk.petugas,
    )
    keb.record_disposisi(
        k,
        by=desk.atasan,
        unit=desk.units["utama"],
        isi="Siapkan draf.",
        sifat=Keberatan.Sifat.SEGERA,
    )
    keb.submit_draft(
        Keberatan.objects.get(pk=k.pk),
        by=desk.ppid,
        keputusan=KP.SEBAGIAN,
        pertimbangan="Rekap per kabupaten dapat diberikan; data pribadi tetap dikecualikan.",
        amar=Amar(informasi_diberikan=DIBERIKAN, informasi_tertutup=TERTUTUP, pasal17=("h",)),
    )
    return keb.approve_draft(Keberatan.objects.get(pk=k.pk), by=desk.atasan)


def open_step(page, p: Permohonan, step: str, label: str) -> None:
    """The step's page of the request (the case page's button to it: the keberatan journey)."""
    page.goto(page.base_url + reverse("registrasi:langkah", args=[p.pk, step]))
    expect(page.get_by_role("heading", name=label)).to_be_visible()
    assert_fits_desk_screen(page)


def cell(row, column: str):
    """The cell of a register row under the column headed `column`."""
    headers = row.page.locator("table.register thead th").all_inner_texts()
    return row.locator("td").nth(headers.index(column))


def jumlah(table, label: str):
    """The count beside `label` in a table of the Laporan."""
    return table.get_by_role("row", name=label).locator("td").nth(1)


def test_a_refusal_granted_in_part_on_keberatan_keeps_both_decisions(page, desk):
    today = timezone.localdate()
    p = refused_request(desk)

    # The PPID refuses with an SK Penolakan (Pasal 17 huruf h).
    login(page, "ppid")
    open_step(page, p, "tolak", "Penolakan dengan SK (dikecualikan)")
    page.get_by_label("h. mengungkap rahasia pribadi").check()
    page.get_by_label("Uji konsekuensi (akibat apabila informasi dibuka)").fill(
        "Membuka nama, NIK dan alamat penerima bantuan melanggar rahasia pribadi mereka."
    )
    page.get_by_role("button", name="Terbitkan pemberitahuan dan SK").click()
    expect(page.get_by_role("alert")).to_contain_text("dengan SK penolakan")
    assert_fits_desk_screen(page)
    p.refresh_from_db()
    assert p.keputusan == Permohonan.Keputusan.DITOLAK

    # The pemohon files a keberatan; the PPID's draft proposes a partial grant with its terms,
    # and the Atasan approved it. The Atasan answers from the draft's terms.
    k = keberatan_drafted_in_part(desk, p)
    switch_user(page, "atasan")
    open_keberatan(page, k)
    take_step(page, "Tanggapi: informasi diberikan sebagian")
    expect(page.get_by_label("Informasi yang diberikan")).to_have_value(DIBERIKAN)
    expect(page.get_by_label("Informasi yang tetap dikecualikan")).to_have_value(TERTUTUP)
    expect(page.get_by_label("h. mengungkap rahasia pribadi")).to_be_checked()
    submit(page, "Tanggapi: informasi diberikan sebagian", "Tanggapan Atasan PPID dicatat.")
    k.refresh_from_db()
    assert (k.keputusan, k.informasi_tertutup, k.pasal17) == (KP.SEBAGIAN, TERTUTUP, ["h"])

    # The desk hands over what the Atasan granted on the reopened request.
    switch_user(page, "ppid")
    open_step(page, p, "serahkan", "Serahkan informasi")
    page.get_by_label("Nama penerima").fill("Ni Made Ayu Lestari")
    page.get_by_role("button", name="Serahkan dan cetak tanda terima").click()
    expect(page.get_by_role("alert").first).to_contain_text("Informasi diserahkan; tanda terima")
    assert_fits_desk_screen(page)
    # The case page: the PPID's notice as issued, the Atasan's answer after it.
    expect(page.get_by_role("region", name="Pemberitahuan tertulis", exact=True)).to_contain_text(
        "Ditolak (informasi dikecualikan)"
    )
    expect(page.get_by_role("region", name="Tanggapan Atasan PPID atas keberatan")).to_contain_text(
        KP.SEBAGIAN.label
    )
    p.refresh_from_db()
    penyerahan = p.penyerahan.get()
    assert (p.status, p.keputusan) == (Permohonan.Status.SELESAI, Permohonan.Keputusan.DITOLAK)

    # The Register Permohonan: the PPID's refusal in Keputusan and its grounds; the Atasan's
    # outcome and the handover beside it.
    page.goto(
        page.base_url
        + reverse("registrasi:register")
        + f"?dari={today.replace(day=1).isoformat()}&sampai={today.isoformat()}"
    )
    assert_fits_desk_screen(page)
    row = page.get_by_role("row", name=p.nomor_pendaftaran)
    keputusan = cell(row, "Keputusan")
    expect(keputusan).to_contain_text("Ditolak (informasi dikecualikan)")
    expect(keputusan).to_contain_text(
        f"Keberatan {k.nomor_registrasi}: Keberatan diterima sebagian: sebagian informasi diberikan"
    )
    expect(keputusan).to_contain_text(f"tanda terima {penyerahan.nomor}")
    expect(keputusan).not_to_contain_text("Informasi diberikan sebagian")
    expect(cell(row, "Alasan penolakan")).to_have_text("Pasal 17 huruf h UU 14/2008")

    # The Laporan counts the PPID's refusal, and the keberatan's outcome apart.
    menu(page, "Laporan", "Laporan layanan")
    waktu = page.locator("table", has=page.get_by_role("columnheader", name="Rata-rata"))
    expect(jumlah(waktu, "Ditolak (informasi dikecualikan)")).to_have_text("1")
    expect(jumlah(waktu, "Informasi diberikan sebagian")).to_have_text("0")
    keberatan = page.locator(
        "table", has=page.get_by_role("columnheader", name="Tanggapan Atasan PPID")
    )
    expect(jumlah(keberatan, KP.SEBAGIAN.label)).to_have_text("1")
    expect(jumlah(keberatan, KP.DITOLAK.label)).to_have_text("0")

    # The hand-back export carries both.
    menu(page, "Laporan", "Ekspor ke sistem online")
    page.get_by_label("Dari tanggal").fill(today.isoformat())
    page.get_by_label("Sampai tanggal").fill(today.isoformat())
    with page.expect_download() as download:
        page.get_by_role("button", name="Buat berkas ekspor").click()
    with zipfile.ZipFile(io.BytesIO(download.value.path().read_bytes())) as zf:
        data = json.loads(zf.read("data.json"))
        teks_csv = zf.read("permohonan.csv").decode()
    [permohonan] = data["permohonan"]
    assert (permohonan["nomor_pendaftaran"], permohonan["keputusan"]) == (
        p.nomor_pendaftaran,
        "ditolak",
    )
    assert permohonan["nomor_sk_penolakan"] == p.nomor_sk_penolakan
    putusan = permohonan["putusan_keberatan"]
    assert (putusan["nomor_registrasi"], putusan["keputusan"]) == (k.nomor_registrasi, "sebagian")
    assert (putusan["informasi_diberikan"], putusan["informasi_tertutup"]) == (DIBERIKAN, TERTUTUP)
    [keberatan] = data["keberatan"]
    assert (keberatan["nomor_registrasi"], keberatan["keputusan"]) == (
        k.nomor_registrasi,
        "sebagian",
    )
    assert {"buka_kembali", "serahkan"} <= {e["langkah"] for e in data["riwayat"]}
    # The CSV the online system imports: the refusal and the Atasan's answer on one row.
    [baris] = csv.DictReader(io.StringIO(teks_csv))
    assert baris["keputusan"] == "ditolak"
    assert json.loads(baris["putusan_keberatan"])["keputusan"] == "sebagian"
