"""Sign-in bookkeeping never conflicts: parallel sign-ins of one account all succeed."""

import threading

import pytest
import requests
from sqlalchemy import func, select

from common.audit.chain import verify_chain
from common.audit.models import AuditEntry
from common.extensions import db
from common.identity.models import User
from tests.common.identity.test_user_admin import _edit_form
from tests.conftest import TEST_PASSWORD, csrf_from, login


def _sign_in_over_http(base_url, email, outcomes):
    session = requests.Session()
    page = session.get(f"{base_url}/login", timeout=30)
    response = session.post(
        f"{base_url}/login",
        data={"email": email, "password": TEST_PASSWORD, "csrf_token": csrf_from(page.text)},
        allow_redirects=False,
        timeout=30,
    )
    outcomes.append(response.status_code)


@pytest.mark.postgres
def test_one_account_signing_in_from_many_places_at_once(app, live_server, make_user):
    email = make_user("prison_officer")
    outcomes = []
    threads = [
        threading.Thread(target=_sign_in_over_http, args=(live_server, email, outcomes))
        for _ in range(6)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert outcomes == [302] * 6
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        signed_in = db.session.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(
                AuditEntry.action == "login",
                AuditEntry.entity_type == "User",
                AuditEntry.entity_id == str(user.id),
            )
        )
        assert signed_in == 6
        assert user.version == 1
        assert verify_chain(db.session.connection(), app.config["AUDIT_KEY"]).ok


def test_a_sign_in_does_not_make_an_administrators_open_form_stale(app, admin_client, make_user):
    email = make_user("court_clerk")
    with app.app_context():
        user_id = db.session.scalar(select(User.id).where(User.email == email))
    token, version = _edit_form(admin_client, user_id)
    assert login(app.test_client(), email).status_code == 302
    form = {
        "csrf_token": token,
        "version": version,
        "full_name": "Edited After Their Sign-In",
        "agency": "JUD",
        "roles": ["court_clerk"],
        "active": "y",
    }
    assert admin_client.post(f"/admin/users/{user_id}", data=form).status_code == 302
    with app.app_context():
        user = db.session.get(User, user_id)
        assert user.full_name == "Edited After Their Sign-In"
        assert user.version == int(version) + 1
