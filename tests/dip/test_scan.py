"""The scan of the signed SK: PDF, JPEG or PNG by content, at most 10 MB, stored under
MEDIA_ROOT, served only by a permission-checked view that is never cached."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dip.models import DipEdisi
from ppid_manual.models import Event
from tests.dip.conftest import langkah, sampai_ditetapkan
from tests.helpers import events, page

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_the_scan_is_uploaded_and_served_only_to_those_who_see_the_edition(client, dunia, media):
    sampai_ditetapkan(dunia)
    client.force_login(dunia.petugas)
    response = langkah(
        client, dunia.provinsi, "unggah_scan", {"berkas": SimpleUploadedFile("sk.pdf", PDF)}
    )
    assert response.status_code == 302
    provinsi = DipEdisi.objects.get(pk=dunia.provinsi.pk)
    assert provinsi.scan_sk.name.startswith("dip/sk/2026/DISKOMINFOS-")
    assert provinsi.scan_sk_jenis == "application/pdf" and provinsi.scan_sk_nama == "sk.pdf"
    stored = media / provinsi.scan_sk.name
    assert stored.read_bytes() == PDF
    event = events(provinsi)[-1]
    assert (event.step, event.from_state, event.to_state) == (
        "unggah_scan",
        DipEdisi.Status.DITETAPKAN,
        DipEdisi.Status.DITETAPKAN,
    )

    served = client.get(reverse("dip:scan_sk", args=[provinsi.pk]))
    assert served.status_code == 200
    assert served["Content-Type"] == "application/pdf"
    assert served["Cache-Control"] == "no-store"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert b"".join(served.streaming_content) == PDF

    client.force_login(dunia.pelaksana_dishub)
    assert client.get(reverse("dip:scan_sk", args=[provinsi.pk])).status_code == 404
    client.logout()
    assert client.get(reverse("dip:scan_sk", args=[provinsi.pk])).status_code == 302


def test_the_type_comes_from_the_content_not_the_name(client, dunia):
    sampai_ditetapkan(dunia)
    client.force_login(dunia.ppid)
    langkah(client, dunia.provinsi, "unggah_scan", {"berkas": SimpleUploadedFile("sk.pdf", PNG)})
    provinsi = DipEdisi.objects.get(pk=dunia.provinsi.pk)
    assert provinsi.scan_sk_jenis == "image/png" and provinsi.scan_sk.name.endswith(".png")


def test_a_file_that_is_not_a_scan_is_refused(client, dunia, media):
    sampai_ditetapkan(dunia)
    client.force_login(dunia.petugas)
    before = Event.objects.count()
    cases = [
        (SimpleUploadedFile("sk.pdf", b"<html>bukan pdf</html>"), "Isi berkas bukan PDF, JPEG"),
        (
            SimpleUploadedFile("sk.pdf", PDF + b"0" * (10 * 1024 * 1024)),
            "Berkas pindaian paling besar 10 MB.",
        ),
    ]
    for upload, message in cases:
        response = langkah(client, dunia.provinsi, "unggah_scan", {"berkas": upload})
        assert response.status_code == 200
        assert message in page(response)
    provinsi = DipEdisi.objects.get(pk=dunia.provinsi.pk)
    assert not provinsi.scan_sk
    assert Event.objects.count() == before
    assert not (media / "dip").exists()


def test_no_scan_before_adoption(client, dunia):
    client.force_login(dunia.petugas)
    response = client.get(
        reverse("dip:langkah", args=[dunia.provinsi.pk, "unggah_scan"]), follow=True
    )
    assert "tidak dapat dilakukan pada status “Penyusunan”" in page(response)
    upload = SimpleUploadedFile("sk.pdf", PDF)
    response = langkah(client, dunia.provinsi, "unggah_scan", {"berkas": upload}, follow=True)
    assert "tidak dapat dilakukan pada status “Penyusunan”" in page(response)
    assert client.get(reverse("dip:scan_sk", args=[dunia.provinsi.pk])).status_code == 404
