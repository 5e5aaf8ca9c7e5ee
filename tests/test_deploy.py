"""Deployment: the compose file's shape, its gunicorn commands served for real, and the
production start-up guards (default secrets, demo accounts)."""

import http.client
import json
import os
import shlex
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from common.config import ConfigError

ROOT = Path(__file__).resolve().parent.parent
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
GUNICORN = Path(sys.executable).parent / "gunicorn"

APP_FACTORIES = {
    "portal": "common.portal:create_app()",
    "prison": "prison_ims:create_app()",
    "lims": "lims:create_app()",
    "court": "court_cms:create_app()",
}
APP_PREFIXES = {"portal": "", "prison": "/prison", "lims": "/lims", "court": "/court"}

# Non-default values for every secret, so the production checks pass.
PRODUCTION_SECRETS = {
    "SECRET_KEY": "deploy-test-secret-key",
    "SECURITY_PASSWORD_SALT": "deploy-test-salt",
    "AUDIT_KEY": "deploy-test-audit-key",
    "PSEUDONYM_KEY": "deploy-test-pseudonym-key",
    "TOTP_SECRET": "deploy-test-totp-secret",
}
SECRET_SETTINGS = (*PRODUCTION_SECRETS, "DATABASE_URL")
READY_SECONDS = 30


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load(COMPOSE_FILE.read_text())


def command_of(service):
    """A service's command as an argument list (compose allows a string or a list)."""
    command = service["command"]
    return shlex.split(command) if isinstance(command, str) else list(command)


def environment_of(service):
    """A service's environment as a dict (compose allows a mapping or KEY=VALUE list)."""
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, "") for item in env)
    return {key: "" if value is None else str(value) for key, value in env.items()}


def depends_on(service):
    """depends_on as {service: condition} (the short list form means service_started)."""
    deps = service.get("depends_on") or {}
    if isinstance(deps, list):
        return dict.fromkeys(deps, "service_started")
    return {name: (spec or {}).get("condition", "service_started") for name, spec in deps.items()}


def test_compose_file_describes_the_deployment(compose):
    services = compose["services"]

    db = services["db"]
    assert db["image"] == "postgres:15"
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    named_volumes = set(compose.get("volumes") or {})
    assert named_volumes, "a named volume keeps the data"
    db_volumes = {v.split(":", 1)[0] for v in db["volumes"]}
    assert db_volumes & named_volumes, "the database lives on a named volume"

    migrate = services["migrate"]
    assert command_of(migrate) == ["justice", "db", "upgrade"]
    assert str(migrate["restart"]) == "no"
    assert depends_on(migrate)["db"] == "service_healthy"
    assert "build" in migrate, "the migrate service builds the shared image"

    images = set()
    for name, factory in APP_FACTORIES.items():
        service = services[name]
        images.add(service["image"])
        command = command_of(service)
        assert command[0] == "gunicorn"
        assert command[-1] == factory
        assert "--bind" in command and command[command.index("--bind") + 1].endswith(":8000")
        assert depends_on(service)["migrate"] == "service_completed_successfully"
        assert environment_of(service)["SCRIPT_NAME"] == APP_PREFIXES[name]
        assert service["env_file"] == ".env"
        assert "build" not in service, "the image is built once, by the migrate service"
    assert images == {migrate["image"]} == {"belize-justice:latest"}

    proxy = services["proxy"]
    assert proxy["image"].startswith("nginx:")
    assert set(depends_on(proxy)) >= set(APP_FACTORIES)


def test_nginx_routes_each_prefix_to_its_app():
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    for name, prefix in APP_PREFIXES.items():
        if prefix:
            assert f"location {prefix}/ {{ proxy_pass http://justice_{name}; }}" in " ".join(
                conf.split()
            )
        assert f"server {name}:8000;" in conf
    assert "location / { proxy_pass http://justice_portal; }" in " ".join(conf.split())
    for header in ("Host", "X-Forwarded-For", "X-Forwarded-Proto"):
        assert f"proxy_set_header {header} " in conf


def test_env_example_lists_every_setting(compose):
    example = (ROOT / ".env.example").read_text()
    for key in (*SECRET_SETTINGS, "JUSTICE_ENV", "SESSION_COOKIE_SECURE", "POSTGRES_PASSWORD"):
        assert f"{key}=" in example
    assert "SECRET_KEY=\n" in example, "secrets are left empty for the operator to fill in"


def test_wsgi_module_offers_the_suite(tmp_path):
    """common.wsgi builds the suite (and nothing else) on import."""
    env = {
        **os.environ,
        "JUSTICE_ENV": "development",
        "DATABASE_URL": "sqlite://",
        "JUSTICE_INSTANCE_DIR": str(tmp_path),
    }
    code = (
        "import common.wsgi as w; "
        "print(sorted(n for n in vars(w) if not n.startswith('_')), "
        "sorted(w.suite.wsgi_app.mounts))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    assert "['create_suite', 'suite']" in out
    assert "['/court', '/lims', '/prison']" in out


# --- gunicorn, for real --------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def with_bind(command, port):
    """The command with its --bind address replaced by 127.0.0.1:port."""
    command = list(command)
    index = command.index("--bind")
    command[index + 1] = f"127.0.0.1:{port}"
    return command


def get(port, path):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def wait_until_ready(proc, port, path, log_file):
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"gunicorn exited with {proc.returncode}:\n{log_file.read_text()}")
        try:
            status, _, _ = get(port, path)
        except OSError:
            time.sleep(0.3)
            continue
        if status == 200:
            return
        time.sleep(0.3)
    pytest.fail(f"gunicorn not ready after {READY_SECONDS}s:\n{log_file.read_text()}")


def production_env(database_url, tmp_path, service_env):
    """The environment compose gives a service, with the test database and secrets."""
    env = {k: v for k, v in os.environ.items() if k not in SECRET_SETTINGS}
    env.update({k: v for k, v in service_env.items() if "${" not in v})
    env.update(PRODUCTION_SECRETS)
    env.update(
        {
            "DATABASE_URL": database_url,
            "JUSTICE_ENV": "production",
            "SESSION_COOKIE_SECURE": "1",
            "JUSTICE_INSTANCE_DIR": str(tmp_path / "instance"),
            "PYTHONPATH": str(ROOT),
        }
    )
    return env


def start(command, env, tmp_path):
    log_file = tmp_path / "gunicorn.log"
    with log_file.open("wb") as log:
        proc = subprocess.Popen(
            [str(GUNICORN), *command[1:]], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    return proc, log_file


def stop(proc):
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


@pytest.fixture
def empty_database(app, database_url):
    """The test database, emptied (no demo accounts) by the `app` fixture."""
    from common.extensions import db

    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    return database_url


@pytest.mark.postgres
@pytest.mark.parametrize("name", list(APP_FACTORIES))
def test_compose_gunicorn_command_serves_the_app(name, compose, empty_database, tmp_path):
    service = compose["services"][name]
    service_env = environment_of(service)
    prefix = service_env.get("SCRIPT_NAME", "")
    assert prefix == APP_PREFIXES[name]
    port = free_port()
    command = with_bind(command_of(service), port)
    proc, log_file = start(command, production_env(empty_database, tmp_path, service_env), tmp_path)
    try:
        wait_until_ready(proc, port, f"{prefix}/health", log_file)

        status, headers, body = get(port, f"{prefix}/health")
        assert status == 200
        assert headers["Content-Type"].startswith("application/json")
        health = json.loads(body)
        assert health["status"] == "ok"
        assert health["app"] == ("common" if name == "portal" else name)

        status, headers, _ = get(port, f"{prefix}/")
        assert status == 302
        location = headers["Location"]
        assert location.split("?")[0].endswith(f"{prefix}/login"), location
    finally:
        stop(proc)
    assert proc.returncode is not None


@pytest.mark.postgres
def test_image_default_command_serves_the_whole_suite(empty_database, tmp_path):
    """The Dockerfile's CMD (gunicorn common.wsgi:suite) serves the portal and all apps."""
    cmd_lines = [line for line in DOCKERFILE.read_text().splitlines() if line.startswith("CMD ")]
    assert len(cmd_lines) == 1
    command = json.loads(cmd_lines[0][len("CMD ") :])
    assert command[0] == "gunicorn" and command[-1] == "common.wsgi:suite"
    port = free_port()
    env = production_env(empty_database, tmp_path, {})
    proc, log_file = start(with_bind(command, port), env, tmp_path)
    try:
        wait_until_ready(proc, port, "/health", log_file)
        for name, prefix in APP_PREFIXES.items():
            status, _, body = get(port, f"{prefix}/health")
            assert status == 200
            assert json.loads(body)["app"] == ("common" if name == "portal" else name)
        status, headers, _ = get(port, "/prison/")
        assert status == 302
        assert "/prison/login" in headers["Location"]
    finally:
        stop(proc)


# --- production start-up guards -----------------------------------------------------


@pytest.mark.parametrize("name", list(APP_FACTORIES))
def test_production_refuses_default_secrets(name, monkeypatch, tmp_path):
    import importlib

    for key in SECRET_SETTINGS:
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("JUSTICE_ENV", "production")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'unused.db'}")
    module_name, _ = APP_FACTORIES[name].split(":")
    create_app = importlib.import_module(module_name).create_app
    with pytest.raises(ConfigError, match="SECRET_KEY must be set"):
        create_app()


def test_production_refuses_a_default_secret_left_among_set_ones(monkeypatch):
    import prison_ims

    for key, value in PRODUCTION_SECRETS.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("PSEUDONYM_KEY", "dev-only-secret-change-me-pseudonym")
    monkeypatch.setenv("JUSTICE_ENV", "production")
    with pytest.raises(ConfigError, match="PSEUDONYM_KEY"):
        prison_ims.create_app()


@pytest.mark.parametrize("key", ["SECRET_KEY", "TOTP_SECRET"])
@pytest.mark.parametrize("value", ["", "short"])
def test_production_refuses_empty_or_short_secrets(monkeypatch, key, value):
    import prison_ims

    for name, good in PRODUCTION_SECRETS.items():
        monkeypatch.setenv(name, good)
    monkeypatch.setenv(key, value)
    monkeypatch.setenv("JUSTICE_ENV", "production")
    with pytest.raises(ConfigError, match=f"{key} must be set"):
        prison_ims.create_app()


def test_production_refuses_to_start_with_demo_accounts(app, app_config, make_user):
    import court_cms
    import lims
    import prison_ims
    from common.extensions import db
    from common.identity.models import User
    from common.portal import create_app as create_portal
    from tests.conftest import production_config

    email = make_user("admin")
    with app.app_context():
        db.session.query(User).filter_by(email=email).update({"demo_account": True})
        db.session.commit()

    production = production_config(app_config)
    try:
        for factory in (
            create_portal,
            prison_ims.create_app,
            lims.create_app,
            court_cms.create_app,
        ):
            with pytest.raises(ConfigError, match="demo accounts"):
                factory(production)
        with app.app_context():
            db.session.query(User).filter_by(email=email).update({"demo_account": False})
            db.session.commit()
        portal = create_portal(production)
        with portal.app_context():
            db.engine.dispose()
    finally:
        with app.app_context():
            db.session.query(User).filter_by(email=email).update({"demo_account": False})
            db.session.commit()
