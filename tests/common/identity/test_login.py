"""Sign-in, lockout, session sharing across the three apps, permission denial, CSRF."""

from sqlalchemy import select

from common.audit.models import AuditEntry
from common.extensions import db
from common.identity.models import User
from tests.conftest import csrf_from, login


def test_sign_in_once_serves_every_app(client, make_user):
    email = make_user(["prison_officer", "lab_intake", "court_clerk"])
    response = login(client, email, prefix="/prison")
    assert response.status_code == 302
    for prefix, heading in [
        ("/prison/", "Prison Information Management System"),
        ("/lims/", "Forensic Laboratory"),
        ("/court/", "Court case tracker"),
    ]:
        page = client.get(prefix)
        assert page.status_code == 200
        assert heading in page.get_data(as_text=True)


def test_anonymous_is_sent_to_sign_in(client):
    for prefix in ("/", "/prison/", "/lims/", "/court/"):
        response = client.get(prefix)
        assert response.status_code == 302
        assert "/login" in response.headers["Location"]


def test_wrong_password_is_refused_with_a_message(client, make_user):
    email = make_user("court_clerk")
    response = login(client, email, password="not-the-password-1")
    assert response.status_code == 200
    assert "Invalid password" in response.get_data(as_text=True)
    assert client.get("/court/").status_code == 302


def test_account_locks_after_repeated_failures(app, client, make_user):
    email = make_user("court_clerk")
    limit = app.config["LOCKOUT_MAX_FAILURES"]
    for _ in range(limit):
        login(client, email, password="wrong-password-123")
    response = login(client, email)  # the right password, but the account is locked
    assert response.status_code == 200
    assert "locked" in response.get_data(as_text=True)
    assert client.get("/court/").status_code == 302
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        assert user.failed_login_count == limit and user.locked_until is not None
        failures = db.session.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "login_failed", AuditEntry.entity_id == str(user.id)
            )
        ).all()
        assert len(failures) == limit + 1


def test_successful_sign_in_is_audited_and_resets_failures(app, client, make_user):
    email = make_user("court_clerk")
    login(client, email, password="wrong-password-123")
    assert login(client, email).status_code == 302
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        assert user.failed_login_count == 0
        assert db.session.scalar(
            select(AuditEntry).where(
                AuditEntry.action == "login", AuditEntry.entity_id == str(user.id)
            )
        )


def test_role_without_permission_gets_403(client, login_as):
    login_as("court_clerk")
    assert client.get("/court/").status_code == 200
    assert client.get("/prison/").status_code == 403
    assert client.get("/lims/").status_code == 403
    assert client.get("/audit/").status_code == 403
    assert client.get("/admin/users/").status_code == 403


def test_bco_analyst_sees_no_identities(client, login_as):
    login_as("bco_analyst")
    assert client.get("/").status_code == 200
    for path in ("/persons/", "/prison/", "/lims/", "/court/", "/audit/"):
        assert client.get(path).status_code == 403, path


def test_login_without_csrf_token_is_refused(client, make_user):
    email = make_user("court_clerk")
    response = client.post("/login", data={"email": email, "password": "Correct-Horse-Battery-9"})
    assert response.status_code in (200, 400)
    assert client.get("/court/").status_code == 302


def test_form_post_without_csrf_token_is_refused(client, login_as):
    email = login_as("court_clerk")
    page = client.get("/court/")
    assert page.status_code == 200
    response = client.post("/logout", data={})
    assert response.status_code == 400
    assert "expired or did not come from this system" in response.get_data(as_text=True)
    assert client.get("/court/").status_code == 200, f"{email} must still be signed in"


def test_security_headers_on_every_page(client):
    response = client.get("/login")
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert "HttpOnly" in response.headers.get("Set-Cookie", "HttpOnly")


def test_session_cookie_is_shared_and_httponly(client, make_user):
    email = make_user("court_clerk")
    page = client.get("/login")
    response = client.post(
        "/login",
        data={
            "email": email,
            "password": "Correct-Horse-Battery-9",
            "csrf_token": csrf_from(page.get_data(as_text=True)),
        },
    )
    cookie = response.headers.get("Set-Cookie", "")
    assert "justice_session=" in cookie and "HttpOnly" in cookie and "Path=/" in cookie
