"""Friendly failures: database outage gives a 503 page, unknown pages a 404 page."""

import pytest
from sqlalchemy import text

from common.extensions import db


def test_database_outage_gives_friendly_503(app, client, login_as, app_config):
    login_as("court_clerk")
    from common.suite import create_suite

    broken = create_suite(
        dict(
            app_config,
            SQLALCHEMY_DATABASE_URI=(
                "postgresql+psycopg2://postgres@127.0.0.1:1/nowhere"
                if "postgresql" in app_config["SQLALCHEMY_DATABASE_URI"]
                else "sqlite:////nonexistent-dir/x.db"
            ),
        )
    )
    broken_client = broken.test_client()
    broken_client._cookies = client._cookies  # same signed-in browser
    response = broken_client.get("/court/")
    html = response.get_data(as_text=True)
    assert response.status_code == 503
    assert "temporarily unavailable" in html and "Traceback" not in html


@pytest.mark.postgres
def test_connection_killed_mid_session_gives_503_then_recovers(app, client, login_as):
    login_as("court_clerk")
    assert client.get("/court/").status_code == 200
    with app.app_context():
        db.session.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        )
        db.session.commit()
    statuses = [client.get("/court/").status_code for _ in range(3)]
    assert statuses[-1] == 200, statuses
    assert all(s in (200, 503) for s in statuses)


def test_unknown_page_is_404_page(client, login_as):
    login_as("court_clerk")
    response = client.get("/court/no-such-page")
    assert response.status_code == 404
    assert "There is no page at this address" in response.get_data(as_text=True)


def test_api_errors_are_json(client):
    response = client.get("/court/api/nothing", headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert response.get_json()["status"] == 404
