"""`make run` loads the demo data: the OPDs, the officials, the holidays, one user per role and
copy tariffs; loading it twice changes nothing."""

from __future__ import annotations

import datetime
import io

from django.core.management import call_command

from ppid_manual.models import HariLibur, Pejabat, Unit, User
from ppid_manual.roles import Role
from registrasi.models import Tarif


def counts() -> dict[str, int]:
    return {
        "unit": Unit.objects.count(),
        "pejabat": Pejabat.objects.count(),
        "hari_libur": HariLibur.objects.count(),
        "user": User.objects.count(),
        "tarif": Tarif.objects.count(),
    }


def test_the_demo_data_loads_once_and_serves_every_role(db, client, settings):
    settings.SECURE_SSL_REDIRECT = False
    call_command("load_demo", stdout=io.StringIO())
    first = counts()
    call_command("load_demo", stdout=io.StringIO())
    assert counts() == first

    assert first["unit"] == 32
    assert Unit.objects.filter(jenis=Unit.Jenis.PPID_UTAMA).get().kode == "DISKOMINFOS"
    day = datetime.date(2026, 3, 16)
    assert Pejabat.signer(Pejabat.Peran.PPID, day) is not None
    assert Pejabat.signer(Pejabat.Peran.ATASAN_PPID, day) is not None
    # Bali's days by decision, 2026 and 2027: Galungan a dispensation day (the clocks run), and
    # a recorded closure (with its circular) a day off.
    J = HariLibur.Jenis
    galungan = HariLibur.objects.get(tanggal=datetime.date(2026, 6, 17), asal="admin")
    assert (galungan.jenis, galungan.libur) == (J.DISPENSASI_BALI, False)
    for year in (2026, 2027):
        bali = HariLibur.objects.filter(tanggal__year=year, asal="admin")
        assert bali.filter(jenis=J.DISPENSASI_BALI, libur=False).exists()
        tutup = bali.get(jenis=J.PENUTUPAN)
        assert tutup.libur and tutup.nomor_surat and tutup.tanggal_surat
    assert {u.groups.get().name for u in User.objects.all()} >= set(Role.values)
    assert Tarif.objects.berlaku(day).filter(jenis=Tarif.Jenis.PENYALINAN).exists()
    for user in User.objects.all():
        login = client.post("/masuk/", {"username": user.username, "password": "demo-ppid-2026"})
        assert login.status_code == 302, user.username
        assert client.get("/").status_code == 200
        client.logout()
