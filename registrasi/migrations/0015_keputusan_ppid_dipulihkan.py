# The PPID's decision is a fact of record: a keberatan's answer no longer rewrites it
# (registrasi.actions.reopen_for_handover). Before, reopening a request on a partial grant
# rewrote its `keputusan` ("Informasi diberikan sebagian"), `klasifikasi`, `uraian_informasi`,
# `bagian_dihitamkan` and `pasal17` with the Atasan PPID's terms, and a corrected date its
# `tanggal_tersedia`. This repairs those requests from their events: the first reopening's
# event holds the PPID's decision (`keputusan_sebelumnya`), the decision's own event its
# Pasal 17 letters of a refusal. What no event holds (the notice's free text, the letters of a
# partial grant by the PPID) is cleared rather than left as the Atasan's words under the
# PPID's name, and listed on a new event on the request ("keputusan_dipulihkan"), with every
# value restored. The Atasan's terms stay on the keberatan, which the request now reads.

from django.db import migrations

SEBAGIAN = "sebagian"
DIBERIKAN = ("seluruhnya", "sebagian")


def _klasifikasi(keputusan: str) -> str | None:
    if keputusan == "ditolak":
        return "dikecualikan"
    if keputusan in DIBERIKAN:
        return "terbuka"
    return None  # chosen on the form: no event holds it


def pulihkan(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Event = apps.get_model("ppid_manual", "Event")
    Permohonan = apps.get_model("registrasi", "Permohonan")
    ct = ContentType.objects.filter(app_label="registrasi", model="permohonan").first()
    if ct is None:
        return
    per_kasus: dict[int, list] = {}
    for e in Event.objects.filter(content_type=ct, step="buka_kembali").order_by("pk"):
        per_kasus.setdefault(e.object_id, []).append(e)
    for object_id, events in per_kasus.items():
        pertama = events[0].data or {}
        if "keputusan_sebelumnya" not in pertama:
            continue  # written by the new action: nothing was rewritten
        sebagian = any((e.data or {}).get("sebagian") for e in events)
        tanggal = any((e.data or {}).get("tanggal_tersedia") for e in events)
        if not (sebagian or tanggal):
            continue
        p = Permohonan.objects.filter(pk=object_id).first()
        if p is None:
            continue
        asli = pertama["keputusan_sebelumnya"] or ""
        lama: dict = {}
        baru: dict = {}
        hilang: list[str] = []

        def tulis(field, value, p=p, lama=lama, baru=baru):
            if getattr(p, field) != value:
                lama[field] = getattr(p, field)
                baru[field] = value
                setattr(p, field, value)

        if sebagian:
            tulis("keputusan", asli)
            klas = _klasifikasi(asli)
            if klas is None:
                tulis("klasifikasi", "")
                hilang.append("klasifikasi")
            else:
                tulis("klasifikasi", klas)
            putusan = (
                Event.objects.filter(
                    content_type=ct,
                    object_id=object_id,
                    pk__lt=events[0].pk,
                    data__has_key="nomor_pemberitahuan",
                )
                .order_by("-pk")
                .first()
            )
            pasal17 = (putusan.data or {}).get("pasal17") if putusan is not None else None
            if pasal17 is not None:
                tulis("pasal17", sorted(set(pasal17)))
            else:
                tulis("pasal17", [])
                if asli == SEBAGIAN:
                    hilang.append("pasal17")
            tulis("bagian_dihitamkan", "")
            if asli == SEBAGIAN:
                hilang.append("bagian_dihitamkan")
            tulis("uraian_informasi", "")
            hilang.append("uraian_informasi")
        if tanggal and p.keputusan != "belum_didokumentasikan":
            # Only "belum didokumentasikan" had a date; the Atasan's is on the keberatan.
            tulis("tanggal_tersedia", None)
        elif tanggal:
            hilang.append("tanggal_tersedia")
        if not baru:
            continue
        p.save(update_fields=list(baru))
        Event.objects.create(
            content_type=ct,
            object_id=object_id,
            actor=None,
            step="keputusan_dipulihkan",
            from_state=p.status,
            to_state=p.status,
            note=(
                "Perbaikan data: keputusan PPID dipulihkan dari riwayat; tanggapan Atasan PPID "
                "atas keberatan tetap tercatat pada keberatannya."
                + (
                    " Tidak tercatat di riwayat sehingga dikosongkan: " + ", ".join(hilang) + "."
                    if hilang
                    else ""
                )
            ),
            data={
                "sebelumnya": {k: _json(v) for k, v in lama.items()},
                "dipulihkan": {k: _json(v) for k, v in baru.items()},
                "tidak_terpulihkan": hilang,
            },
        )


def _json(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("ppid_manual", "0008_i15_dokumen_terbit"),
        ("registrasi", "0014_pemohon_moved_to_its_app"),
    ]

    operations = [migrations.RunPython(pulihkan, migrations.RunPython.noop)]
