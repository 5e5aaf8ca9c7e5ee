"""Sign-in, moving between the apps, sign-out and refusals, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import TEST_PASSWORD

pytestmark = pytest.mark.e2e

SIGN_IN_URL = re.compile(r"/login(\?.*)?$")


def sign_in(page, email, password=TEST_PASSWORD):
    """Fill the sign-in form by its labels and submit it."""
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_sign_in_visit_every_app_and_sign_out(browser_page, live_server, make_user):
    page = browser_page
    email = make_user(["prison_officer", "lab_intake", "court_clerk"])

    page.goto(f"{live_server}/")
    expect(page).to_have_url(SIGN_IN_URL)
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")

    sign_in(page, email)
    expect(page).to_have_url(f"{live_server}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")

    nav = page.get_by_role("navigation", name="Main")
    for link, path, heading in [
        ("Prison IMS", "/prison/", "Prison Information Management System"),
        ("Forensic LIMS", "/lims/", "Forensic Laboratory Information Management System"),
        ("Court cases", "/court/", "Court case tracker"),
    ]:
        nav.get_by_role("link", name=link, exact=True).click()
        expect(page).to_have_url(f"{live_server}{path}")
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)

    page.goto(f"{live_server}/prison/")
    expect(page).to_have_url(SIGN_IN_URL)
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")


def test_wrong_password_is_refused_on_the_form(browser_page, live_server, make_user):
    page = browser_page
    email = make_user("court_clerk")

    page.goto(f"{live_server}/login")
    sign_in(page, email, password="not-the-password-1")

    expect(page.get_by_text("Invalid password")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)

    page.goto(f"{live_server}/court/")
    expect(page).to_have_url(SIGN_IN_URL)


def test_role_without_prison_access_is_not_permitted(browser_page, live_server, make_user):
    page = browser_page
    email = make_user("court_clerk")

    page.goto(f"{live_server}/login")
    sign_in(page, email)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Prison IMS", exact=True)).to_have_count(0)

    response = page.goto(f"{live_server}/prison/")
    assert response is not None and response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Not permitted")


@pytest.mark.e2e
def test_person_candidates_appear_while_typing(app, live_server, browser_page, make_user):
    """The index is searched as the clerk types, and each candidate shows its explanation."""
    from datetime import date

    from common.audit.services import acting_as
    from common.extensions import db
    from common.persons.services import register_record

    with app.app_context(), acting_as("test"):
        register_record(
            "prison",
            "B-42",
            given_name="Francisco",
            surname="Chi Cocom",
            date_of_birth=date(1988, 4, 5),
            sex="M",
            district="OW",
        )
        db.session.commit()
    email = make_user("prison_officer")
    page = browser_page
    page.goto(f"{live_server}/persons/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Given name").fill("Pancho")
    page.get_by_label("Surname(s)").fill("Cocom Chi")
    page.get_by_label("Date of birth").fill("1988-05-04")
    candidates = page.locator("[data-candidates-list]")
    # Searched after a pause in typing; a busy machine can take a while to answer.
    candidates.get_by_text("Francisco Chi Cocom").wait_for(timeout=30_000)
    text = candidates.inner_text()
    assert "surname" in text.lower() and "score" in text
