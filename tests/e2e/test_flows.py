"""In the browser: a clerk adjourns a case awaiting the lab, the lab and management see it."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from common.extensions import db
from common.timefmt import belize_today
from tests.common.flows.story import remand_story
from tests.e2e.test_browser_login import sign_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def story(app):
    with app.app_context():
        parts = remand_story()
        db.session.commit()
        return {
            "court_case_id": parts["court_case"].id,
            "court_number": parts["court_case"].case_number,
            "lab_number": parts["lab_case"].lab_number,
        }


def signed_in(chromium, live_server, email, path):
    context = chromium.new_context()
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(f"{live_server}{path}")
    sign_in(page, email)
    page.goto(f"{live_server}{path}")
    return context, page


def test_adjourned_awaiting_the_lab_then_seen_by_the_lab_and_management(
    chromium, live_server, make_user, story
):
    case_path = f"/court/cases/{story['court_case_id']}"
    context, page = signed_in(chromium, live_server, make_user("court_clerk"), case_path)
    lab_section = page.locator("#lab-requests + p + table")
    expect(lab_section).to_contain_text(story["lab_number"])
    expect(lab_section).to_contain_text("Waiting for an analyst")
    page.get_by_text("Record outcome").click()
    page.get_by_label("Outcome").select_option("ADJOURNED")
    page.get_by_label("Adjournment reason").select_option(label="Awaiting forensic report")
    page.get_by_label("Adjourned to").fill((belize_today() + timedelta(days=21)).isoformat())
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Hearing outcome recorded.")).to_be_visible()
    expect(page.get_by_text(f"Waiting for {story['lab_number']} DNA").first).to_be_visible()
    context.close()

    context, page = signed_in(chromium, live_server, make_user("lab_manager"), "/lims/")
    panel = page.locator("#holding-up + p + table")
    expect(panel).to_contain_text(story["court_number"])
    expect(panel).to_contain_text("(2)")  # adjourned on 31 March and again today
    context.close()

    context, page = signed_in(chromium, live_server, make_user("management"), "/management/")
    expect(page.get_by_role("heading", name="The justice chain today")).to_be_visible()
    expect(page.locator("canvas#delay-by-reason")).to_be_visible()
    expect(page.locator("#prison-remand")).to_contain_text("1 (100.0%)")
    context.close()
