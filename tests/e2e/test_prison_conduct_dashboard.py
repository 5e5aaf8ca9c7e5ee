"""Prison dashboard charts and a conduct form, in a real browser."""

import pytest
from playwright.sync_api import expect

from common.audit.services import acting_as
from common.extensions import db
from prison_ims.housing.services import allocate, seed_layout
from tests.e2e.test_browser_login import sign_in
from tests.prison_ims.helpers import admit
from tests.prison_ims.test_housing import cell

pytestmark = pytest.mark.e2e


def test_dashboard_charts_draw_and_a_visit_is_recorded(app, browser_page, live_server, make_user):
    with app.app_context(), acting_as("test"):
        seed_layout()
        admission = admit()
        allocate(admission, cell("MR", "A"))
        admission_id = admission.id
        db.session.commit()
    page = browser_page
    page.goto(f"{live_server}/prison/dashboard")
    sign_in(page, make_user("prison_records_supervisor"))
    expect(page.locator("#dash-total")).to_have_text("1")
    expect(page.locator("canvas[data-chart-drawn='1']")).to_have_count(5)

    page.goto(f"{live_server}/prison/conduct/admission/{admission_id}")
    form = page.locator("#visit-form")
    form.get_by_label("Visitor's name").fill("Ana Castillo")
    form.get_by_role("button", name="Record visit").click()
    expect(page.locator("#visit-form")).to_contain_text("relationship to the prisoner")
    page.locator("#visit-form").get_by_label("Relationship").fill("sister")
    page.locator("#visit-form").get_by_role("button", name="Record visit").click()
    expect(page.get_by_text("Visit recorded.")).to_be_visible()
    expect(page.get_by_role("cell", name="Ana Castillo")).to_be_visible()
