"""The deployment files in deploy/ (README, "Deployment") name what the app really has: its
WSGI module, its management commands with arguments they accept, the settings it reads, its
health check, its upload and time limits. Checked with `systemd-analyze verify` and `nginx -t`
where the machine has them."""

from __future__ import annotations

import importlib
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import get_commands, load_command_class
from django.urls import resolve

from ppid_manual import pindaian

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
SERVICE = DEPLOY / "ppid-manual.service"
HARIAN = DEPLOY / "ppid-manual-harian.service"
TIMER = DEPLOY / "ppid-manual-harian.timer"
NGINX = DEPLOY / "nginx-ppid-manual.conf"
ENV = DEPLOY / "ppid-manual.env.example"
APP = "/srv/ppid"


def unit(path: Path) -> dict[str, dict[str, list[str]]]:
    """A systemd unit: section → key → values (a key may repeat; continued lines joined)."""
    text = re.sub(r"\\\n\s*", " ", path.read_text())
    parsed: dict[str, dict[str, list[str]]] = {}
    section = None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            section = parsed.setdefault(line.strip("[]"), {})
            continue
        key, _, value = line.partition("=")
        section.setdefault(key.strip(), []).append(value.strip())
    return parsed


def gunicorn_args() -> list[str]:
    [exec_start] = unit(SERVICE)["Service"]["ExecStart"]
    return shlex.split(exec_start)


def option(args: list[str], name: str) -> str:
    return args[args.index(name) + 1]


def nginx_value(name: str) -> str:
    found = re.findall(rf"^\s*{name}\s+([^;]+);", NGINX.read_text(), re.M)
    assert len(found) == 1, (name, found)
    return found[0].strip()


def seconds(value: str) -> int:
    return int(value.removesuffix("s"))


def test_gunicorn_serves_the_apps_wsgi_module_with_bounded_workers():
    args = gunicorn_args()
    assert args[0] == f"{APP}/.venv/bin/gunicorn"
    module, _, attribute = args[1].partition(":")
    assert callable(getattr(importlib.import_module(module), attribute))
    assert args[1] == "ppid_manual.wsgi:application"
    assert "--preload" not in args  # each worker warms its own fonts (ppid_manual/wsgi.py)
    assert int(option(args, "--workers")) >= 2
    assert int(option(args, "--max-requests")) > 0
    assert 0 < int(option(args, "--max-requests-jitter")) < int(option(args, "--max-requests"))
    service = unit(SERVICE)["Service"]
    assert service["WorkingDirectory"] == [APP]
    assert service["EnvironmentFile"] == ["/etc/ppid/ppid-manual.env"]
    # The media folder (scans) is writable under ProtectSystem; it is the env file's MEDIA_ROOT.
    assert environment()["MEDIA_ROOT"] in service["ReadWritePaths"][0].split()


def test_the_proxy_waits_longer_than_gunicorn_and_takes_a_whole_scan():
    timeout = int(option(gunicorn_args(), "--timeout"))
    assert seconds(nginx_value("proxy_read_timeout")) > timeout
    assert seconds(nginx_value("proxy_send_timeout")) > timeout
    body = nginx_value("client_max_body_size")
    assert body.endswith("m")
    limit = int(body[:-1]) * 1024 * 1024
    largest_scan = max(
        v.maks_mb for v in vars(pindaian).values() if isinstance(v, pindaian.BatasScan)
    )
    assert limit >= largest_scan * 1024 * 1024
    assert limit == settings.DATA_UPLOAD_MAX_MEMORY_SIZE  # refused by the proxy, as the app would


def test_the_proxy_serves_static_files_from_static_root_and_checks_healthz():
    text = NGINX.read_text()
    static = re.search(r"location /static/ \{\s*alias ([^;]+);", text)
    assert static and static.group(1).rstrip("/") == environment()["STATIC_ROOT"]
    assert settings.STATIC_URL == "/static/"
    assert "location = /healthz" in text
    assert resolve("/healthz").func.__name__ == "healthz"
    # Scans are never served as static files: only the app serves them, to whoever may see them.
    assert "/media" not in re.sub(r"#.*", "", text)
    assert "proxy_pass http://127.0.0.1:8000" not in text  # through the upstream
    assert re.search(r"server (\S+) ", text).group(1) == option(gunicorn_args(), "--bind")


def environment() -> dict[str, str]:
    pairs = [
        line.split("=", 1)
        for line in ENV.read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return dict(pairs)


def test_the_environment_file_sets_only_settings_the_app_reads():
    source = (ROOT / "ppid_manual" / "settings.py").read_text()
    read = set(re.findall(r"""(?:env_\w+\(|os\.environ\.get\()\s*"([A-Z_]+)\"""", source))
    names = set(environment())
    assert names <= read, names - read
    assert {"SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS", "STATIC_ROOT", "MEDIA_ROOT"} <= names
    assert environment()["DEBUG"] == "0"


def test_the_daily_jobs_are_the_apps_commands_with_arguments_they_accept():
    service = unit(HARIAN)
    assert service["Service"]["Type"] == ["oneshot"]
    commands = get_commands()
    ran = []
    for line in service["Service"]["ExecStart"]:
        args = shlex.split(line)
        if args[0] == "/bin/sh":  # the backup with its clean-up of old archives
            script = args[2].split("&&")[0].replace("$(date +%%F)", "2026-12-07")
            args = shlex.split(script)
        assert args[:2] == [f"{APP}/.venv/bin/python", "manage.py"], args
        name, rest = args[2], args[3:]
        assert name in commands, name
        # The command's own parser accepts the arguments (exits on one it does not know).
        load_command_class(commands[name], name).create_parser("manage.py", name).parse_args(rest)
        ran.append(name)
    assert ran == ["batalkan_nomor_terhenti", "hapus_pindaian_lama", "verify_documents", "backup"]
    timer = unit(TIMER)
    assert timer["Timer"]["Unit"] == [HARIAN.name]
    assert timer["Timer"]["Persistent"] == ["true"]


def test_the_readme_deploys_with_these_files():
    readme = (ROOT / "README.md").read_text()
    for path in (SERVICE, HARIAN, TIMER, NGINX, ENV):
        assert f"deploy/{path.name}" in readme, path.name


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
def test_systemd_accepts_the_units(tmp_path):
    """`systemd-analyze verify` on copies whose paths point into this checkout (the real
    ones name /srv/ppid, which this machine does not have)."""
    venv_python = ROOT / ".venv" / "bin" / "python"
    for path in (SERVICE, HARIAN, TIMER):
        text = path.read_text().replace(f"{APP}/.venv/bin/python", str(venv_python))
        text = text.replace(APP, str(ROOT)).replace("/etc/ppid/ppid-manual.env", str(ENV))
        text = re.sub(r"^(User|Group)=ppid$", r"\1=root", text, flags=re.M)
        (tmp_path / path.name).write_text(text)
    result = subprocess.run(
        ["systemd-analyze", "verify", *(str(tmp_path / p.name) for p in (SERVICE, HARIAN, TIMER))],
        capture_output=True,
        text=True,
    )
    problems = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        # Not about our files: this container runs no systemd as PID 1.
        if line.strip() and str(tmp_path) in line
    ]
    assert result.returncode == 0 and not problems, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("nginx") is None, reason="no nginx here")
def test_nginx_accepts_the_configuration(tmp_path):
    """`nginx -t` with the example in a minimal nginx.conf (its certificate paths made
    real with a throwaway self-signed pair)."""
    crt, key = tmp_path / "ppid.crt", tmp_path / "ppid.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=ppid.intranet", "-keyout", str(key), "-out", str(crt)],
        check=True,
        capture_output=True,
    )
    site = NGINX.read_text()
    site = site.replace("/etc/ssl/certs/ppid.intranet.crt", str(crt))
    site = site.replace("/etc/ssl/private/ppid.intranet.key", str(key))
    (tmp_path / "site.conf").write_text(site)
    conf = tmp_path / "nginx.conf"
    conf.write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        "events {}\n"
        f"http {{\n  access_log {tmp_path}/access.log;\n  include {tmp_path}/site.conf;\n}}\n"
    )
    result = subprocess.run(
        ["nginx", "-t", "-p", str(tmp_path), "-c", str(conf)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr
