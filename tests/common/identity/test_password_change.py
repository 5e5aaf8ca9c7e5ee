"""A password change ends every other session of the account (fs_uniquifier rotation)."""

from sqlalchemy import select

from common.extensions import db
from common.identity.models import User
from tests.conftest import TEST_PASSWORD, csrf_from, login

NEW_PASSWORD = "Lighthouse-Mango-Stairs-42"


def _change_password(client, old, new):
    page = client.get("/change")
    assert page.status_code == 200
    return client.post(
        "/change",
        data={
            "password": old,
            "new_password": new,
            "new_password_confirm": new,
            "csrf_token": csrf_from(page.get_data(as_text=True)),
        },
    )


def test_password_change_signs_out_every_other_session(app, make_user):
    email = make_user("court_clerk")
    desk, tablet = app.test_client(), app.test_client()
    assert login(desk, email).status_code == 302
    assert login(tablet, email).status_code == 302
    assert tablet.get("/court/").status_code == 200
    with app.app_context():
        before = db.session.scalar(select(User.fs_uniquifier).where(User.email == email))
    assert _change_password(desk, TEST_PASSWORD, NEW_PASSWORD).status_code == 302
    assert desk.get("/court/").status_code == 200, "the session that changed it stays signed in"
    gone = tablet.get("/court/")
    assert gone.status_code == 302 and "/login" in gone.headers["Location"]
    with app.app_context():
        after = db.session.scalar(select(User.fs_uniquifier).where(User.email == email))
    assert after != before
    assert login(app.test_client(), email).status_code == 200, "the old password is refused"
    assert login(app.test_client(), email, password=NEW_PASSWORD).status_code == 302
