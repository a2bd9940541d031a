"""Issue 15, item 2: every numbered document of the permohonan process is stored when its
step issues it, reprinted from the stored bytes, listed on the case page; a changed or
missing one is said plainly and not printed; verify_documents finds it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from ppid_manual.models import DokumenTerbit, Pejabat
from registrasi import actions
from registrasi.models import Permohonan, SuratPermintaan
from tests.helpers import D, assert_issued, case_url, messages_of, moment
from tests.registrasi.conftest import intake, register

# The letters each step issues are rendered and stored at the step (tests/conftest.py).
pytestmark = pytest.mark.dokumen_di_langkah

K = Permohonan.Keputusan


def cetak(p, dokumen):
    return reverse("registrasi:cetak", args=[p.pk, dokumen])


@pytest.fixture
def ditolak(golden_day, petugas, ppid, pelaksana_dinkes, units, pejabat):
    """Registered, sent to the Dinas Kesehatan, extended, refused: formulir, surat
    permintaan, perpanjangan, pemberitahuan and SK penolakan."""
    p = register(petugas)
    actions.route_to_opd(p, by=ppid, unit=units["dinkes"])
    golden_day.move_to(moment(D(2026, 4, 2)))
    actions.extend(Permohonan.objects.get(pk=p.pk), by=ppid, alasan="Data masih direkap.")
    actions.record_opd_answer(
        Permohonan.objects.get(pk=p.pk),
        by=pelaksana_dinkes,
        jawaban=SuratPermintaan.Jawaban.DIKECUALIKAN,
        klasifikasi=Permohonan.Klasifikasi.DIKECUALIKAN,
        isi_jawaban="Memuat rekam medis.",
        tanggal_jawaban=D(2026, 4, 2),
    )
    actions.issue_decision(
        Permohonan.objects.get(pk=p.pk),
        actions.Putusan(keputusan=K.DITOLAK, pasal17=["h"], konsekuensi="Rahasia pribadi."),
        by=ppid,
    )
    return Permohonan.objects.get(pk=p.pk)


def test_every_letter_of_a_refused_request_is_stored_and_reprinted_as_issued(client, ditolak, ppid):
    p = ditolak
    surat = p.surat_permintaan.get()
    for jenis, url in [
        ("formulir", cetak(p, "formulir")),
        ("surat-permintaan", reverse("registrasi:cetak_surat", args=[p.pk, surat.pk])),
        ("perpanjangan", cetak(p, "perpanjangan")),
        ("pemberitahuan", cetak(p, "pemberitahuan")),
        ("sk-penolakan", cetak(p, "sk-penolakan")),
    ]:
        assert_issued(client, ppid, p, jenis, url)
    assert DokumenTerbit.objects.for_object(p).get(jenis="formulir").event.step == "daftar"
    assert DokumenTerbit.objects.for_object(p).get(jenis="sk-penolakan").nomor == (
        p.nomor_sk_penolakan
    )


def test_a_letter_reprints_as_issued_after_its_facts_and_signer_change(client, ditolak, ppid):
    p = ditolak
    client.force_login(ppid)
    first = client.get(cetak(p, "pemberitahuan"))
    # The pemohon's address book and the PPID's name change later: the issued notice stays.
    p.pemohon.alamat = "Jl. Lain No. 1"
    p.pemohon.save()
    Pejabat.objects.filter(peran=Pejabat.Peran.PPID).update(nama="Pejabat Baru, S.H.")
    assert client.get(cetak(p, "pemberitahuan")).content == first.content


def test_the_handover_receipt_and_the_kuitansi_are_stored(client, golden_day, petugas, ppid, tarif):
    p = register(petugas)
    actions.issue_decision(p, actions.Putusan(keputusan=K.DIBERIKAN_SELURUHNYA), by=ppid)
    t = actions.hand_over(
        Permohonan.objects.get(pk=p.pk),
        by=petugas,
        nama_penerima="I Made Kurir",
        cara="kurir",
        jumlah_halaman=12,
        tarif=tarif,
        biaya_pengiriman=Decimal("15000"),
    )
    assert_issued(
        client,
        petugas,
        p,
        "tanda-terima",
        reverse("registrasi:cetak_tanda_terima", args=[p.pk, t.pk]),
    )
    d = assert_issued(
        client, petugas, p, "kuitansi", reverse("registrasi:cetak_kuitansi", args=[p.pk, t.pk])
    )
    assert d.nomor == t.nomor_kuitansi


def test_the_catatan_pengembalian_is_kept_as_handed_back(client, golden_day, petugas):
    p = actions.return_incomplete(
        intake(identitas_diterima=False, catatan_kekurangan="Tanda tangan belum ada."),
        by=petugas,
    )
    assert_issued(client, petugas, p, "pengembalian", cetak(p, "pengembalian"))


def test_a_changed_or_missing_document_is_said_plainly_and_not_printed(
    client, ditolak, ppid, capsys
):
    p = ditolak
    d = DokumenTerbit.objects.for_object(p).get(jenis="pemberitahuan")
    client.force_login(ppid)
    call_command("verify_documents")
    assert "semuanya utuh" in capsys.readouterr().out

    DokumenTerbit.objects.filter(pk=d.pk).update(berkas=bytes(d.berkas).replace(b"%PDF", b"%PDX"))
    response = client.get(cetak(p, "pemberitahuan"), follow=True)
    assert response.redirect_chain[-1][0] == case_url(p)
    assert any("telah berubah sejak diterbitkan" in m for m in messages_of(response))
    assert "BERUBAH sejak diterbitkan" in response.content.decode()
    with pytest.raises(CommandError, match="1 dari 5 dokumen terbit hilang atau berubah"):
        call_command("verify_documents")
    assert f"BERUBAH: #{d.pk} Pemberitahuan Tertulis {p.nomor_pemberitahuan}" in (
        capsys.readouterr().err
    )

    DokumenTerbit.objects.filter(pk=d.pk).update(berkas=b"")
    response = client.get(cetak(p, "pemberitahuan"), follow=True)
    assert any("berkas yang tersimpan hilang" in m for m in messages_of(response))
    assert "Berkas HILANG" in response.content.decode()
    # /healthz stays about the database.
    assert client.get("/healthz").status_code == 200


def test_a_document_is_stored_once_even_if_the_step_machinery_runs_twice(ditolak, ppid):
    from ppid_manual.workflow import terbit

    before = DokumenTerbit.objects.count()
    assert terbit.store_for_case(ditolak, None, ppid) == []
    assert DokumenTerbit.objects.count() == before


def test_stored_documents_cannot_be_edited_or_deleted(ditolak):
    d = DokumenTerbit.objects.for_object(ditolak).first()
    d.nomor = "lain"
    with pytest.raises(PermissionError):
        d.save()
    with pytest.raises(PermissionError):
        d.delete()


def test_a_stored_document_deleted_from_the_table_is_missing_not_drawn_again(
    client, ditolak, ppid, capsys
):
    """The step's event names each document it stored with its SHA-256 (the timeline is
    append-only), so a stored row that disappears (deleted in the database, or a restore
    without it) is reported as missing: not stored again from today's data at the next print,
    listed by verify_documents, shown on the case page with the hash taken at issue."""
    from ppid_manual.models import Event
    from ppid_manual.workflow.terbit import SAKSI

    p = ditolak
    d = DokumenTerbit.objects.for_object(p).get(jenis="sk-penolakan")
    step = Event.objects.for_object(p).get(pk=d.event_id)
    assert {"jenis": "sk-penolakan", "kunci": d.kunci, "sha256": d.sha256} in step.data[SAKSI]
    # Only what was stored is named: the formulir at registration, not again later.
    named = [x["jenis"] for e in Event.objects.for_object(p) for x in e.data.get(SAKSI, [])]
    assert sorted(named) == sorted(
        DokumenTerbit.objects.for_object(p).values_list("jenis", flat=True)
    )

    DokumenTerbit.objects.filter(pk=d.pk)._raw_delete(DokumenTerbit.objects.db)
    client.force_login(ppid)
    response = client.get(cetak(p, "sk-penolakan"), follow=True)
    assert response.redirect_chain[-1][0] == case_url(p)
    assert any("berkas yang tersimpan hilang" in m for m in messages_of(response))
    assert not DokumenTerbit.objects.for_object(p).filter(jenis="sk-penolakan").exists()
    html = response.content.decode()
    assert "Berkas HILANG" in html and d.sha256[:12] in html
    with pytest.raises(CommandError, match="1 dari 5 dokumen terbit hilang atau berubah"):
        call_command("verify_documents")
    err = capsys.readouterr().err
    assert f"HILANG: sk-penolakan {d.kunci} (registrasi.permohonan {p.pk})" in err
    assert d.sha256 in err
