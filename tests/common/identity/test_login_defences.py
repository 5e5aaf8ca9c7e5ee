"""Login defences: sign-in attempts per address and export API requests per token are limited."""

import pytest
from sqlalchemy import select

from common.extensions import db
from common.identity.models import User
from tests.common.exports.helpers import bearer, make_token
from tests.conftest import TEST_PASSWORD, csrf_from, login


@pytest.fixture
def app_config(app_config):
    return {**app_config, "LOGIN_RATE_LIMIT": "3 per minute", "EXPORT_RATE_LIMIT": "2 per minute"}


def test_sign_in_attempts_beyond_the_limit_get_429(app, client, make_user):
    email = make_user("court_clerk")
    for _ in range(3):
        assert login(client, email, password="wrong-password-123").status_code == 200
    refused = login(client, email)  # even the right password: the address is slowed down
    html = refused.get_data(as_text=True)
    assert refused.status_code == 429
    assert "Too many attempts" in html and "Wait a minute" in html
    assert client.get("/court/").status_code == 302, "the refused sign-in must not sign in"
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        assert user.failed_login_count == 3, "a refused request never reaches the password check"


def test_the_sign_in_form_itself_is_not_limited(client):
    for _ in range(6):
        assert client.get("/login").status_code == 200


def test_sign_in_limit_answers_json_to_json_clients(client, make_user):
    email = make_user("court_clerk")
    for _ in range(3):
        login(client, email, password="wrong-password-123")
    token = csrf_from(client.get("/login").get_data(as_text=True))
    response = client.post(
        "/login",
        json={"email": email, "password": TEST_PASSWORD},
        headers={"Accept": "application/json", "X-CSRFToken": token},
    )
    assert response.status_code == 429
    assert response.get_json()["error"] == "Too many attempts"


def test_export_api_is_limited_per_token(app, client):
    first, second = make_token(app, name="bco-one"), make_token(app, name="bco-two")
    url = "/court/api/export/v1/"
    assert [client.get(url, headers=bearer(first)).status_code for _ in range(2)] == [200, 200]
    refused = client.get(url, headers=bearer(first))
    assert refused.status_code == 429
    assert refused.get_json() == {
        "error": "Too many attempts",
        "message": "Too many requests came from you in a short time, so this one was refused.",
        "status": 429,
    }
    assert "Retry-After" in refused.headers
    assert client.get(url, headers=bearer(second)).status_code == 200, "other tokens unaffected"


def _attempts(client, email, address):
    headers = {"X-Forwarded-For": address}
    token = csrf_from(client.get("/login", headers=headers).get_data(as_text=True))
    form = {"email": email, "password": "wrong-password-123", "csrf_token": token}
    return client.post("/login", data=form, headers=headers).status_code


def test_a_forged_forwarded_address_does_not_escape_the_limit(app, client, make_user):
    email = make_user("court_clerk")
    statuses = [_attempts(client, email, f"10.0.0.{n}") for n in range(4)]
    assert statuses == [200, 200, 200, 429], "PROXY_FIX_HOPS=0: X-Forwarded-For is ignored"


def test_behind_a_trusted_proxy_each_client_address_is_counted_apart(app_config, request):
    app_config["PROXY_FIX_HOPS"] = 1
    app, make_user = request.getfixturevalue("app"), request.getfixturevalue("make_user")
    email, client = make_user("court_clerk"), app.test_client()
    assert [_attempts(client, email, "10.0.0.1") for _ in range(4)] == [200, 200, 200, 429]
    assert _attempts(client, email, "10.0.0.2") == 200, "another desk behind the proxy"
