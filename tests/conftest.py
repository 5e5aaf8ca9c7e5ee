"""Test harness: a real database (PostgreSQL by default, SQLite on request), migrated once.

JUSTICE_TEST_DB=sqlite runs the suite on SQLite; tests marked `postgres` are then skipped.
TEST_PG_URL points at the PostgreSQL server (default: local trust auth as postgres).
"""

import os
import re
import uuid

import pytest
from sqlalchemy import create_engine, text

from common.config import normalise_database_url

PG_ADMIN_URL = os.environ.get("TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
BACKEND = os.environ.get("JUSTICE_TEST_DB", "postgres")
TEST_PASSWORD = "Correct-Horse-Battery-9"


def pytest_collection_modifyitems(config, items):
    if BACKEND != "sqlite":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (JUSTICE_TEST_DB=sqlite)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


def _admin_engine():
    return create_engine(normalise_database_url(PG_ADMIN_URL), isolation_level="AUTOCOMMIT")


def create_pg_database(name):
    """Create an empty PostgreSQL database; returns its URL."""
    engine = _admin_engine()
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return re.sub(r"/[^/]*$", f"/{name}", PG_ADMIN_URL)


def drop_pg_database(name):
    """Drop a test database, disconnecting anyone still attached."""
    engine = _admin_engine()
    with engine.connect() as conn:
        conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = :n AND pid <> pg_backend_pid()"
            ),
            {"n": name},
        )
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    engine.dispose()


def base_test_config(database_url, tmp_dir):
    """Settings every test app uses: fast hashing, known keys, the given database."""
    return {
        "TESTING": True,
        "JUSTICE_ENV": "test",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SECRET_KEY": "test-secret",
        "AUDIT_KEY": "test-audit-key",
        "PSEUDONYM_KEY": "test-pseudonym-key",
        "SECURITY_PASSWORD_SALT": "test-salt",
        "SECURITY_TOTP_SECRETS": {"1": "test-totp-secret"},
        "SECURITY_PASSWORD_HASH_PASSLIB_OPTIONS": {
            "argon2__rounds": 1,
            "argon2__memory_cost": 1024,
        },
        "INSTANCE_DIR": str(tmp_dir),
    }


def production_config(config):
    """`config` switched to production with long, non-default secrets."""
    return {
        **config,
        "JUSTICE_ENV": "production",
        "TESTING": False,
        "SECRET_KEY": "k" * 32,
        "AUDIT_KEY": "a" * 32,
        "PSEUDONYM_KEY": "p" * 32,
        "SECURITY_PASSWORD_SALT": "s" * 32,
        "SECURITY_TOTP_SECRETS": {"1": "t" * 32},
    }


def migrate_to_head(database_url, tmp_dir):
    """Run the Alembic history on the test database."""
    import flask_migrate

    from common.portal import create_app

    app = create_app(base_test_config(database_url, tmp_dir))
    with app.app_context():
        flask_migrate.upgrade()
        from common.extensions import db

        db.engine.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """A migrated database for the whole run, dropped at the end."""
    tmp = tmp_path_factory.mktemp("instance")
    if BACKEND == "sqlite":
        url = f"sqlite:///{tmp / 'test.db'}"
        migrate_to_head(url, tmp)
        yield url
        return
    name = f"justice_test_{uuid.uuid4().hex[:10]}"
    url = create_pg_database(name)
    try:
        migrate_to_head(url, tmp)
        yield url
    finally:
        drop_pg_database(name)


# Reference data loaded by migrations; tests read it and leave it as they found it.
REFERENCE_TABLES = {
    "common_iccs_code",
    "common_national_offence",
    "court_court",
    "court_courtroom",
    "court_adjournment_reason",
}


def _empty_all_tables(db):
    tables = [t.name for t in reversed(db.metadata.sorted_tables) if t.name not in REFERENCE_TABLES]
    if db.engine.dialect.name == "postgresql":
        db.session.execute(
            text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE")
        )
    else:
        for name in tables:
            db.session.execute(text(f'DELETE FROM "{name}"'))
    db.session.execute(
        text("INSERT INTO common_audit_head (id, last_id, last_hash) VALUES (1, 0, :h)"),
        {"h": "0" * 64},
    )
    db.session.commit()


@pytest.fixture
def app_config(database_url, tmp_path):
    """Settings for this test's apps (tests may update the dict before `app` is built)."""
    return base_test_config(database_url, tmp_path)


@pytest.fixture
def app(app_config):
    """The whole suite (portal at /, apps under /prison, /lims, /court) on an empty database."""
    from common.extensions import db
    from common.identity.services import sync_roles_and_agencies
    from common.suite import create_suite

    suite = create_suite(app_config)
    with suite.app_context():
        _empty_all_tables(db)
        sync_roles_and_agencies()
        db.session.commit()
    yield suite
    with suite.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def make_user(app):
    """Create a user with the given roles; returns its email."""
    from common.extensions import db
    from common.identity.roles import ROLE_AGENCY
    from common.identity.services import create_user

    def make(role, email=None, password=TEST_PASSWORD):
        roles = [role] if isinstance(role, str) else list(role)
        email = email or f"{'-'.join(roles)}-{uuid.uuid4().hex[:6]}@test.justice.bz"
        with app.app_context():
            create_user(email, password, f"Test {roles[0]}", roles, ROLE_AGENCY[roles[0]])
            db.session.commit()
        return email

    return make


def csrf_from(html):
    """The CSRF token rendered in a page's form."""
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or re.search(
        r'name="csrf_token" value="([^"]+)"', html
    )
    assert match, "page has no CSRF token"
    return match.group(1)


def login(client, email, password=TEST_PASSWORD, prefix=""):
    """Sign in through the real form (with its CSRF token); returns the response."""
    page = client.get(f"{prefix}/login")
    return client.post(
        f"{prefix}/login",
        data={
            "email": email,
            "password": password,
            "csrf_token": csrf_from(page.get_data(as_text=True)),
        },
    )


@pytest.fixture
def login_as(client, make_user):
    """Create a user with a role and sign the test client in as them."""

    def do(role):
        email = make_user(role)
        response = login(client, email)
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        return email

    return do


def set_up_authenticator(client):
    """Set up TOTP for the signed-in user through the real pages; returns the secret."""
    import pyotp

    page = client.get("/tf-setup")
    assert page.status_code == 200
    response = client.post(
        "/tf-setup",
        data={"setup": "authenticator", "csrf_token": csrf_from(page.get_data(as_text=True))},
    )
    html = response.get_data(as_text=True)
    key = re.search(r"<div>([A-Z2-7-]{16,})</div>", html).group(1).replace("-", "")
    action = re.search(
        r'<form action="([^"]+)" method="post" name="two_factor_verify_code_form"', html
    ).group(1)
    code = pyotp.TOTP(key).now()
    done = client.post(
        action,
        data={
            "code": code,
            "csrf_token": re.search(
                r'id="code-csrf" name="csrf_token" type="hidden" value="([^"]+)"', html
            ).group(1),
        },
    )
    assert done.status_code == 302, done.get_data(as_text=True)[:400]
    return key


@pytest.fixture
def admin_client(client, make_user):
    """A client signed in as an admin who has set up two-factor."""
    email = make_user("admin")
    login(client, email)
    set_up_authenticator(client)
    return client


@pytest.fixture
def justice_cli(app, app_config, monkeypatch):
    """Run `justice` commands against the test database; returns the click Result."""
    from click.testing import CliRunner

    from common.cli import main
    from common.portal import create_app

    monkeypatch.setattr("common.cli.make_app", lambda: create_app(app_config))
    runner = CliRunner()
    return lambda *args: runner.invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def live_server(app):
    """The suite served over HTTP on a free local port; yields the base URL (no trailing /)."""
    import threading

    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
