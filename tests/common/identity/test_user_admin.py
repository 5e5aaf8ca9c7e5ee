"""User administration: optimistic locking on edits, validation, unlock."""

import re

import pytest
from sqlalchemy import select

from common.extensions import db
from common.identity.models import User
from common.identity.services import UserError, create_user, update_user
from common.locking import ConflictError
from tests.conftest import csrf_from


def _edit_form(client, user_id):
    page = client.get(f"/admin/users/{user_id}")
    html = page.get_data(as_text=True)
    version = re.search(r'id="version" name="version" type="hidden" value="(\d+)"', html).group(1)
    return csrf_from(html), version


def test_stale_edit_is_refused_with_a_clear_message(app, admin_client, make_user):
    email = make_user("court_clerk")
    with app.app_context():
        user_id = db.session.scalar(select(User.id).where(User.email == email))
    token, version = _edit_form(admin_client, user_id)
    form = {
        "csrf_token": token,
        "version": version,
        "full_name": "First Edit",
        "agency": "JUD",
        "roles": ["court_clerk"],
        "active": "y",
    }
    assert admin_client.post(f"/admin/users/{user_id}", data=form).status_code == 302
    stale = dict(form, full_name="Second Edit From An Old Page")
    response = admin_client.post(f"/admin/users/{user_id}", data=stale)
    assert response.status_code == 200
    assert "was changed by someone else" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(User, user_id).full_name == "First Edit"


def test_service_refuses_stale_version(app, make_user):
    email = make_user("court_clerk")
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        with pytest.raises(ConflictError):
            update_user(user, user.version + 1, "X", ["court_clerk"], "JUD", True)


def test_create_refuses_duplicate_and_weak_password(app, make_user):
    email = make_user("court_clerk")
    with app.app_context():
        with pytest.raises(UserError, match="already exists"):
            create_user(email, "Another-Long-Password-1", "X", ["court_clerk"], "JUD")
        with pytest.raises(UserError, match="at least 12"):
            create_user("new@test.justice.bz", "short", "X", ["court_clerk"], "JUD")
        with pytest.raises(UserError, match="[Pp]assword"):
            create_user("new@test.justice.bz", "password1234", "X", ["court_clerk"], "JUD")
        with pytest.raises(UserError, match="Unknown role"):
            create_user("new@test.justice.bz", "Long-Enough-Password-1", "X", ["judge"], "JUD")


def test_create_form_shows_field_errors_and_saves_nothing(app, admin_client):
    page = admin_client.get("/admin/users/new")
    response = admin_client.post(
        "/admin/users/new",
        data={
            "csrf_token": csrf_from(page.get_data(as_text=True)),
            "email": "not-an-email",
            "full_name": "",
            "password": "short",
            "agency": "JUD",
            "roles": [],
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Invalid email address" in html and "Choose at least one role" in html
    with app.app_context():
        assert db.session.scalar(select(User).where(User.email == "not-an-email")) is None


def test_deactivating_a_user_ends_their_sessions(app, admin_client, make_user):
    email = make_user("court_clerk")
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        old = user.fs_uniquifier
        update_user(user, user.version, user.full_name, ["court_clerk"], "JUD", False)
        db.session.commit()
        assert user.fs_uniquifier != old and not user.active
