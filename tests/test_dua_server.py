"""Issue 16: more than one app server. Two gunicorn instances on one PostgreSQL database with a
shared MEDIA_ROOT, and 16 desks spread over both, registering at once with an ID scan each: the
numbers are unique and gap-free, a session made on one server is valid on the other, and a scan
uploaded through one is served by the other; the events of both servers form one unbroken hash
chain (issue 25). Reuses the 16-desk bench (tests/bench/registration)
with fewer forms per desk; PostgreSQL only."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django.test import Client
from django.utils import timezone

from ppid_manual import rantai
from ppid_manual.models import Event, FormatNomor, NomorTerbit, PenghitungNomor, User
from ppid_manual.roles import Role
from registrasi.models import Permohonan
from tests.bench import registration as bench
from tests.bench.common import bench_env
from tests.conftest import make_user

DESKS = 16
PER_DESK = 2
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="two app servers share one PostgreSQL database; SQLite is one file per desk PC",
    ),
]


@pytest.fixture
def two_servers(units, tmp_path):
    """Two gunicorn instances (2 workers each) on the test database and one MEDIA_ROOT."""
    media = tmp_path / "media"
    media.mkdir()
    # The same SECRET_KEY as this process: the sessions minted below must hold on the servers.
    env = bench_env(
        connection.settings_dict["NAME"],
        MEDIA_ROOT=str(media),
        SECRET_KEY=django_settings.SECRET_KEY,
    )
    ports = [bench.free_port(), bench.free_port()]
    servers = []
    try:
        with ThreadPoolExecutor(2) as pool:  # both start at once
            for server in pool.map(
                lambda port: bench.start_gunicorn(port, workers=2, threads=1, env=env), ports
            ):
                servers.append(server)
        yield ports, media
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)


def person(i: int, j: int) -> dict:
    return {
        "nik": f"517101{(i % 28) + 1:02d}0{(j % 9) + 1}90{i:02d}{j + 1:02d}",
        "nama": f"Meja {i}",
    }


def test_two_app_servers_share_numbers_sessions_and_scans(two_servers, units):
    (port_a, port_b), media = two_servers
    # Two desks log in through the servers' login page, one on each; the servers check the
    # password with Django's default hasher (the tests' fast one is set in this process only).
    encoded = PBKDF2PasswordHasher().encode("rahasia-123", "garam-uji-meja")
    users = []
    for i in range(DESKS):
        user = make_user(f"meja{i + 1:02d}", Role.PETUGAS, units["utama"])
        User.objects.filter(pk=user.pk).update(password=encoded)
        users.append(User.objects.get(pk=user.pk))
    today = timezone.localdate()
    jenis = FormatNomor.Jenis.PERMOHONAN

    def session(i: int) -> dict[str, str]:
        home = (port_a, port_b)[i % 2]
        if i < 2:
            desk = bench.Desk(home)
            desk.login(users[i].username, "rahasia-123")
            return desk.cookies
        # The other desks' sessions are made here, in the shared database, as a login would.
        client = Client()
        client.force_login(users[i])
        return {django_settings.SESSION_COOKIE_NAME: client.cookies["sessionid"].value}

    def prepare(i: int):
        # The forms come from the other server than the desk logged in on: a session is in
        # the shared database, so it is valid on both.
        home, other = (port_a, port_b) if i % 2 == 0 else (port_b, port_a)
        login, desk = bench.Desk(home), bench.Desk(other)
        login.cookies = desk.cookies = cookies[i]
        forms = []
        for j in range(PER_DESK):
            token, kunci = desk.intake_form()
            forms.append(bench.intake(today, token, kunci, person(i, j), i, j))
        return login, desk, forms

    cookies = [session(i) for i in range(DESKS)]
    with ThreadPoolExecutor(DESKS) as pool:
        prepared = list(pool.map(prepare, range(DESKS)))
    barrier = threading.Barrier(DESKS)
    results: list[tuple[int, int, str]] = []  # (port posted to, status, location)
    lock = threading.Lock()

    def work(login, desk, forms):
        barrier.wait()
        for j, data in enumerate(forms):
            # Alternate the servers within one desk too.
            via = desk if j % 2 == 0 else login
            via.cookies = dict(desk.cookies)
            status, location, _ = via.request(
                "POST",
                "/permohonan/baru/",
                data,
                files={"scan_identitas": ("ktp.png", "image/png", PNG)},
            )
            with lock:
                results.append((via.conn.port, status, location))

    threads = [threading.Thread(target=work, args=p) for p in prepared]
    for t in threads:
        t.start()
    # Nobody waits forever: a lock held across the two servers would leave a desk hanging.
    # (How fast the desks are served is the bench's to measure, tests/bench/registration; a
    # wall-clock bound here failed on a slow CI machine with every number right.)
    for t in threads:
        t.join(timeout=300)
    assert not [t for t in threads if t.is_alive()], "a desk is still waiting after 5 minutes"

    total = DESKS * PER_DESK
    assert [r for r in results if r[1] != 302 or "baru=1" not in r[2]] == []
    assert {port for port, _, _ in results} == {port_a, port_b}  # both servers took writes

    # Unique and gap-free: 1..32 in the year's counter, every number issued once.
    numbers = list(Permohonan.objects.values_list("nomor_pendaftaran", flat=True))
    assert len(numbers) == len(set(numbers)) == total
    assert sorted(int(n.split("/")[0]) for n in numbers) == list(range(1, total + 1))
    counter = PenghitungNomor.objects.get(format__jenis=jenis, unit_kode="", tahun=today.year)
    assert counter.terakhir_terbit == total
    assert NomorTerbit.objects.filter(jenis=jenis, tahun=today.year).count() == total

    # Each scan, uploaded through one server, is served by the other (shared MEDIA_ROOT).
    for port, _, location in results:
        pk = int(location.split("/")[-2])
        other = port_b if port == port_a else port_a
        reader = bench.Desk(other)
        reader.cookies = dict(prepared[0][0].cookies)
        status, _, body = reader.request("GET", f"/permohonan/{pk}/identitas/", raw=True)
        assert status == 200 and body == PNG, (pk, status)
    assert len(list((media / "identitas").rglob("*.png"))) == total

    # Issue 25: the events both servers wrote at once form one unbroken hash chain (no two
    # events took the same place, none points to a head another desk had moved past).
    putus, urut, head_hash, count = rantai.periksa_rantai()
    assert putus == [] and rantai.periksa_kepala(urut, head_hash) == []
    assert count == urut == Event.objects.count()
    assert Event.objects.filter(step="daftar").count() == total
