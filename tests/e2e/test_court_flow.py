"""A clerk takes a case from filing to sentence in the browser, then prints the cause list."""

import re
from datetime import date, timedelta
from io import BytesIO

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader
from sqlalchemy import select

from common.audit.services import acting_as
from common.extensions import db
from common.persons.models import Person
from common.persons.services import register_record
from common.timefmt import belize_today
from court_cms.cases.models import Party
from tests.e2e.test_browser_login import sign_in

pytestmark = pytest.mark.e2e


def _day(days_ago):
    return (belize_today() - timedelta(days=days_ago)).isoformat()


def _form(page, action_end):
    return page.locator(f"form[action$='{action_end}']").first


def _person_id(public_id):
    return db.session.scalar(select(Person.id).where(Person.public_id == public_id))


def _known_to_the_prison(app):
    """A person the prison already holds; returns their public id."""
    with app.app_context(), acting_as("test"):
        record = register_record(
            "prison",
            "BCP-2026-00042",
            given_name="Kareem",
            surname="Requena",
            date_of_birth=date(1994, 7, 2),
            sex="M",
        )
        db.session.commit()
        return record.person.public_id


def test_clerk_files_a_case_to_sentence_and_downloads_the_cause_list(
    app, browser_page, live_server, make_user
):
    page = browser_page
    public_id = _known_to_the_prison(app)
    page.goto(f"{live_server}/court/cases/new")
    sign_in(page, make_user("court_clerk"))
    page.goto(f"{live_server}/court/cases/new")

    page.get_by_label("Court", exact=True).select_option(label="Supreme Court (Belize City)")
    page.get_by_label("Filing date").fill(_day(30))
    page.get_by_label("Prosecuting counsel").fill("Crown Counsel Young")
    page.get_by_role("button", name="File the case").click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text(re.compile(r"SC-CR-\d{4}-0001"))
    case_number = re.search(r"SC-CR-\d{4}-0001", heading.inner_text()).group(0)
    case_url = page.url

    page.get_by_role("link", name="Add a party").click()
    page.get_by_label("Role").select_option("DEFENDANT")
    page.get_by_label("Given name").fill("Kareem")
    page.get_by_label("Surname(s)").fill("Requena")
    page.get_by_label("Date of birth").fill("1994-07-02")
    page.get_by_label("Sex", exact=True).select_option("M")
    page.get_by_label("Counsel").fill("Mr. Dickie Bradley")
    candidate = page.locator(f"input[name=person_id][value='{public_id}']")
    expect(candidate).to_be_visible()
    expect(page.locator("[data-candidates-list]")).to_contain_text("in prison")
    candidate.check()
    page.get_by_role("button", name="Add the party").click()
    expect(page.get_by_text("Kareem Requena added as defendant")).to_be_visible()
    with app.app_context():
        assert db.session.scalar(select(Party.person_id)) == _person_id(public_id)

    charges = _form(page, "/charges")
    for index in (1, 2):
        charges.locator("[name=offence]").select_option(index=index)
        charges.get_by_role("button", name="Add the charge").click()
        expect(page.get_by_text("Charge added.")).to_be_visible()
    expect(page.locator("tr[id^=count-]")).to_have_count(2)

    listing = _form(page, "/hearings")
    listing.locator("[name=hearing_type]").select_option("TRIAL")
    listing.locator("[name=scheduled_on]").fill(_day(10))
    listing.locator("[name=scheduled_time]").fill("09:30")
    listing.locator("[name=courtroom_id]").select_option(label="Court 1")
    listing.get_by_role("button", name="List the hearing").click()
    expect(page.get_by_text("Trial listed for")).to_be_visible()

    page.get_by_text("Record outcome").first.click()
    outcome = page.locator("form[action*='/cases/hearings/']").first
    outcome.locator("[name=outcome]").select_option("ADJOURNED")
    outcome.get_by_role("button", name="Save").click()
    expect(page.get_by_text("every adjournment needs one")).to_be_visible()
    outcome = page.locator("form[action*='/cases/hearings/']").first
    outcome.locator("[name=outcome]").select_option("ADJOURNED")
    outcome.locator("[name=reason_id]").select_option(label="Witness absent")
    outcome.locator("[name=next_on]").fill(_day(3))
    outcome.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Hearing outcome recorded.")).to_be_visible()
    expect(page.get_by_text("Witness absent (Prosecution)")).to_be_visible()

    first_count = page.locator("tr[id^=count-]").first
    first_count.locator("summary", has_text="Outcome").click()
    verdict = first_count.locator("form").first
    verdict.locator("[name=plea]").select_option("NOT_GUILTY")
    verdict.locator("[name=plea_on]").fill(_day(3))
    verdict.locator("[name=verdict]").select_option("GUILTY")
    verdict.locator("[name=disposition]").select_option("CONVICTED")
    verdict.locator("[name=disposition_on]").fill(_day(3))
    verdict.get_by_role("button", name="Save count 1").click()
    expect(page.get_by_text("Count 1 updated.")).to_be_visible()

    first_count = page.locator("tr[id^=count-]").first
    first_count.locator("summary", has_text="Sentence").click()
    sentence = first_count.locator("form[action$='/sentences']")
    sentence.locator("[name=kind]").select_option("CUSTODIAL")
    sentence.locator("[name=imposed_on]").fill(_day(1))
    sentence.locator("[name=years]").fill("4")
    sentence.get_by_role("button", name="Record the sentence").click()
    expect(page.get_by_text("Sentence on count 1 recorded.")).to_be_visible()
    expect(page.get_by_text(re.compile(r"Imprisonment, 4 years \(concurrent"))).to_be_visible()
    assert page.url == case_url

    page.goto(f"{live_server}/court/cause-list/?date={_day(3)}")
    expect(page.get_by_role("link", name=case_number)).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF").click()
    data = open(download.value.path(), "rb").read()
    assert data.startswith(b"%PDF")
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(data)).pages)
    assert case_number in text and "Requena" in text and "Trial" in text
