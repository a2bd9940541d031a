"""The move to one floor per folder keeps every record (DESIGN.md section 6): a database made
before the pemohon got its own app and the cross-process services left the kernel, with
requests in every state, events, stored letters, scans and the services' own records, is
migrated forward and read back whole through the new models."""

from __future__ import annotations

import hashlib

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# The last migrations before the move, and the apps the move created.
BEFORE = [
    ("ppid_manual", "0008_i15_dokumen_terbit"),
    ("registrasi", "0013_bench_indeks_daftar"),
    ("keberatan", "0007_i18b_target_kelengkapan"),
    ("pemohon", None),
    ("layanan", None),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    ContentType.objects.clear_cache()
    return executor


def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


# serialized_rollback: the flush after the test leaves the content types to the next test's
# restore (which puts back the rows, keys included, that every other test was written with).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_database_made_before_the_floors_reads_back_whole_after_them():
    executor = _migrate(BEFORE)
    old = executor.loader.project_state(BEFORE[:3]).apps
    OldCT = old.get_model("contenttypes", "ContentType")
    Unit = old.get_model("ppid_manual", "Unit")
    User = old.get_model("ppid_manual", "User")
    OldPemohon = old.get_model("registrasi", "Pemohon")
    OldPermohonan = old.get_model("registrasi", "Permohonan")
    OldEvent = old.get_model("ppid_manual", "Event")
    OldDokumen = old.get_model("ppid_manual", "DokumenTerbit")
    OldPencarian = old.get_model("ppid_manual", "PencarianIdentitas")
    OldLaporan = old.get_model("ppid_manual", "LaporanLayanan")
    OldEkspor = old.get_model("ppid_manual", "EksporOnline")
    OldTanda = old.get_model("ppid_manual", "DiserahkanKembali")
    OldCetakan = old.get_model("ppid_manual", "CetakanRegister")

    unit = Unit.objects.create(kode="UJI", nama="Dinas Uji", singkatan="Uji", jenis="pelaksana")
    user = User.objects.create(username="petugas-lama", unit=unit)
    pemohon = OldPemohon.objects.create(
        jenis="perorangan", nama="Ni Kadek Lama", nik="5171014101900001", alamat="Jl. Uji 1"
    )
    ct_pemohon, _ = OldCT.objects.get_or_create(app_label="registrasi", model="pemohon")
    ct_permohonan, _ = OldCT.objects.get_or_create(app_label="registrasi", model="permohonan")
    statuses = [
        "baru",
        "dikembalikan",
        "terdaftar",
        "dimintakan_opd",
        "siap_diputus",
        "menunggu_penyerahan",
        "dibuka_kembali",
        "selesai",
        "ditarik",
    ]
    cases = {}
    for i, status in enumerate(statuses, start=1):
        case = OldPermohonan.objects.create(
            pemohon=pemohon,
            identitas_pemohon={"nama": "Ni Kadek Lama", "nik": pemohon.nik, "jenis": "perorangan"},
            unit_registrasi=unit,
            nomor_pendaftaran=f"{i:04d}/REG-PPID/XII/2026",
            status=status,
            rincian_informasi=f"Informasi ke-{i}",
            tujuan_penggunaan="Penelitian",
            scan_identitas=f"pindaian/permohonan/{i}/ktp.pdf",
        )
        cases[status] = case
        OldEvent.objects.create(
            content_type=ct_permohonan,
            object_id=case.pk,
            step="daftar",
            from_state="baru",
            to_state=status,
            actor=user,
            data={"nomor": case.nomor_pendaftaran},
        )
    OldEvent.objects.create(
        content_type=ct_pemohon,
        object_id=pemohon.pk,
        step="identitas_diperbarui",
        actor=user,
        note="Pemohon yang sama dengan data baru.",
        data={"perubahan": {"alamat": ["Jl. Lama", "Jl. Uji 1"]}},
    )
    pdf = b"%PDF-1.7 tanda bukti"
    OldDokumen.objects.create(
        content_type=ct_permohonan,
        object_id=cases["selesai"].pk,
        jenis="formulir",
        judul="Formulir permohonan",
        nomor=cases["selesai"].nomor_pendaftaran,
        nama_berkas="formulir.pdf",
        berkas=pdf,
        sha256=hashlib.sha256(pdf).hexdigest(),
        dibuat_oleh=user,
    )
    OldPencarian.objects.create(
        pengguna=user, laman="registrasi:baru", jenis="nik", sha256="a" * 64, ditampilkan=True
    )
    OldLaporan.objects.create(tahun=2026, periode="tahunan", gambaran_umum="Uraian lama.")
    ekspor = OldEkspor.objects.create(
        oleh=user, dari="2026-01-01", sampai="2026-06-30", jumlah={"permohonan": 9}, sha256="b" * 64
    )
    OldTanda.objects.create(
        content_type=ct_permohonan, object_id=cases["selesai"].pk, event_terakhir=1, ekspor=ekspor
    )
    OldCetakan.objects.create(
        jenis="permohonan", dari="2026-01-01", sampai="2026-12-31", pengguna=user, pdf=b"%PDF"
    )

    _migrate(_latest())

    from layanan.models import CetakanRegister, DiserahkanKembali, EksporOnline, LaporanLayanan
    from pemohon.models import Pemohon, PencarianIdentitas
    from ppid_manual.models import DokumenTerbit, Event
    from registrasi.models import Permohonan

    moved = Pemohon.objects.get(pk=pemohon.pk)
    assert (moved.nama, moved.nik, moved.alamat) == ("Ni Kadek Lama", pemohon.nik, "Jl. Uji 1")
    # The pemohon's own history follows it (its content type moved with it).
    (changed,) = Event.objects.for_object(moved)
    assert changed.step == "identitas_diperbarui"
    assert changed.data["perubahan"]["alamat"] == ["Jl. Lama", "Jl. Uji 1"]
    assert ContentType.objects.get_for_model(Pemohon).pk == ct_pemohon.pk

    for status, old_case in cases.items():
        case = Permohonan.objects.get(pk=old_case.pk)
        assert case.status == status
        assert case.pemohon == moved
        assert case.pemohon_kasus.nama == "Ni Kadek Lama"
        assert case.scan_identitas.name == old_case.scan_identitas
        assert [e.to_state for e in Event.objects.for_object(case)] == [status]
    # The request's list still finds the pemohon's requests through the moved foreign key.
    assert moved.permohonan.count() == len(statuses)

    (stored,) = DokumenTerbit.objects.for_object(Permohonan.objects.get(pk=cases["selesai"].pk))
    assert bytes(stored.berkas) == pdf and stored.sha256 == hashlib.sha256(pdf).hexdigest()

    (log,) = PencarianIdentitas.objects.all()
    assert (log.pengguna.username, log.ditampilkan) == ("petugas-lama", True)
    assert LaporanLayanan.objects.get().gambaran_umum == "Uraian lama."
    (tanda,) = DiserahkanKembali.objects.all()
    assert tanda.ekspor == EksporOnline.objects.get() and tanda.object_id == cases["selesai"].pk
    assert bytes(CetakanRegister.objects.get().pdf) == b"%PDF"
