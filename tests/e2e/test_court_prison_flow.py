"""Court → prison in a real browser: the clerk remands, the officer admits on the order; the
clerk sentences, the officer accepts; the supervisor confirms the release date; release."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from common.extensions import db
from prison_ims.housing.services import seed_layout
from prison_ims.times import belize_date, now_utc
from tests.conftest import TEST_PASSWORD
from tests.court_cms.helpers import charge, defendant, file

pytestmark = pytest.mark.e2e


def _case(app):
    """A case filed two months ago with one defendant and one count; its id and number."""
    from common.audit.services import acting_as

    with app.app_context(), acting_as("test"):
        seed_layout()
        case = file()
        charge(defendant(case))
        db.session.commit()
        return case.id, case.case_number


def _sign_in(page, base, email, path):
    page.goto(f"{base}{path}")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def _sign_out(page):
    page.get_by_role("button", name="Sign out").click()


def _form(page, action_end):
    return page.locator(f"form[action$='{action_end}']").first


def clerk_remands(page, today):
    page.get_by_text("Record an order").click()
    order = _form(page, "/orders")
    order.locator("[name=party_id]").select_option(label="Marvin Castillo")
    order.locator("[name=kind]").select_option("REMAND")
    order.locator("[name=made_on]").fill(today.isoformat())
    order.locator("[name=expires_on]").fill((today + timedelta(days=14)).isoformat())
    order.get_by_role("button", name="Record the order").click()
    expect(page.get_by_text("Remand in custody recorded.")).to_be_visible()
    expect(page.get_by_text("Sent to prison — pending")).to_be_visible()


def officer_admits_on_the_order(page, base, case_number):
    page.goto(f"{base}/prison/inbox/")
    expect(page.get_by_label("1 pending")).to_be_visible()
    page.get_by_role("link", name="Remand in custody").click()
    page.get_by_role("link", name="Accept into a new admission").click()
    expect(page.get_by_label("Warrant or order reference")).to_have_value(case_number)
    expect(page.get_by_label("Surname(s)")).to_have_value("Castillo")
    page.get_by_label("Visible injuries").fill("none seen")
    page.get_by_role("button", name="Admit and accept the order").click()
    expect(page.get_by_text(re.compile(r"Accepted into BCP-.*next court date"))).to_be_visible()
    expect(page.locator("#court-cases")).to_contain_text(case_number)
    return page.url


def clerk_sentences(page, today):
    count = page.locator("tr[id^=count-]").first
    count.locator("summary", has_text="Outcome").click()
    verdict = count.locator("form").first
    verdict.locator("[name=plea]").select_option("GUILTY")
    verdict.locator("[name=plea_on]").fill(today.isoformat())
    verdict.locator("[name=disposition]").select_option("CONVICTED")
    verdict.locator("[name=disposition_on]").fill(today.isoformat())
    verdict.get_by_role("button", name="Save count 1").click()
    expect(page.get_by_text("Count 1 updated.")).to_be_visible()
    count = page.locator("tr[id^=count-]").first
    count.locator("summary", has_text="Sentence").click()
    sentence = count.locator("form[action$='/sentences']")
    sentence.locator("[name=kind]").select_option("CUSTODIAL")
    sentence.locator("[name=imposed_on]").fill(today.isoformat())
    sentence.locator("[name=start_on]").fill((today - timedelta(days=45)).isoformat())
    sentence.locator("[name=months]").fill("1")
    sentence.get_by_role("button", name="Record the sentence").click()
    expect(page.get_by_text("Sentence on count 1 recorded.")).to_be_visible()


def test_remand_sentence_confirmed_release(app, live_server, browser_page, make_user):
    case_id, case_number = _case(app)
    clerk, officer = make_user("court_clerk"), make_user("prison_officer")
    supervisor = make_user("prison_records_supervisor")
    today = belize_date(now_utc())
    page, case_path = browser_page, f"/court/cases/{case_id}"

    _sign_in(page, live_server, clerk, case_path)
    clerk_remands(page, today)
    _sign_out(page)

    _sign_in(page, live_server, officer, "/prison/")
    admission_url = officer_admits_on_the_order(page, live_server, case_number)
    _sign_out(page)

    _sign_in(page, live_server, clerk, case_path)
    expect(page.get_by_text(re.compile(r"Accepted by BCP on"))).to_be_visible()
    clerk_sentences(page, today)
    _sign_out(page)

    _sign_in(page, live_server, officer, "/prison/inbox/")
    page.get_by_role("link", name="Custodial sentence").click()
    expect(page.get_by_text("Imprisonment, 1 month")).to_be_visible()
    page.get_by_role("button", name="Accept into this file").click()
    expect(page.get_by_text(re.compile(r"Sentence S1 .*preliminary release dates"))).to_be_visible()
    expect(page.locator("#preliminary")).to_have_text("PRELIMINARY")
    sentences_url = page.url
    _sign_out(page)

    _sign_in(page, live_server, supervisor, "/prison/")
    page.goto(sentences_url)
    page.get_by_role("button", name=re.compile("Confirm these release dates")).click()
    expect(page.get_by_text("Release dates confirmed.")).to_be_visible()
    page.goto(admission_url)
    page.get_by_role("link", name="Release", exact=True).click()
    expect(page.get_by_text(re.compile(r"^Confirmed earliest release date:"))).to_be_visible()
    page.get_by_label("Grounds for release").select_option("SENTENCE_SERVED")
    page.get_by_label("Warrant, order or calculation reference").fill(f"{case_number}, ERD")
    page.get_by_label("Authority for release checked").check()
    page.get_by_label("Property returned").check()
    page.get_by_label("Release date verified").check()
    page.get_by_role("button", name="Release", exact=True).click()
    expect(page.get_by_text(re.compile(r"released; certificate REL-\d{4}-00001"))).to_be_visible()
