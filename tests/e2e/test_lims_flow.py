"""A lab case in a real browser: intake, item and sub-item, transfers, analysis, two reviews,
report PDF downloaded."""

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from tests.conftest import TEST_PASSWORD
from tests.e2e.test_browser_login import sign_in

pytestmark = pytest.mark.e2e


def _staff(app, make_user, role, name, disciplines=()):
    """A user of `role` with a recognisable name, qualified in `disciplines`."""
    from common.audit.services import acting_as
    from common.extensions import db
    from common.identity.models import User
    from lims.analysis.services import grant_qualification

    email = make_user(role)
    with app.app_context(), acting_as("test"):
        user = db.session.scalar(select(User).where(User.email == email))
        user.full_name = name
        for code in disciplines:
            grant_qualification(user, code)
        db.session.commit()
    return email


def _page_for(chromium, base, email):
    context = chromium.new_context(accept_downloads=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(f"{base}/lims/")
    sign_in(page, email)
    return page


def test_intake_to_downloaded_report(app, chromium, live_server, make_user, tmp_path):
    intake = _staff(app, make_user, "lab_intake", "Rosa Intake")
    analyst = _staff(app, make_user, "lab_analyst", "Devon Analyst", ["FIRE"])
    tech = _staff(app, make_user, "lab_reviewer", "Luis Technical", ["FIRE"])
    admin = _staff(app, make_user, "lab_reviewer", "Sharon Admin")
    manager = _staff(app, make_user, "lab_manager", "Ian Manager")

    page = _page_for(chromium, live_server, intake)
    page.goto(f"{live_server}/lims/cases/new")
    page.get_by_label("Submitting agency").fill("Belize Police Department")
    page.get_by_label("Submitting officer").fill("PC Andrea Young")
    page.get_by_label("Agency case / incident number").fill("ED-CR-2026-0456")
    page.get_by_label("Offence (ICCS)").select_option(index=1)
    page.get_by_role("button", name="Open the case").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("NFSS-")
    case_url = page.url

    page.get_by_role("link", name="Record an item").click()
    page.get_by_label("Item type").select_option("FIREARM")
    page.get_by_label("Description").fill("Black 9mm pistol")
    page.get_by_label("Seal numbers").fill("S-1001")
    page.get_by_label("Condition on receipt").select_option("SEALED")
    page.get_by_role("button", name="Record the item").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("item 1")
    item_url = page.url

    page.get_by_role("link", name="Divide into a sub-item").click()
    page.get_by_label("Item type").select_option("AMMUNITION")
    page.get_by_label("Description").fill("Magazine removed from the pistol")
    page.get_by_label("Condition on receipt").select_option("SEALED")
    page.get_by_role("button", name="Record the item").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("item 1.1")

    page.goto(item_url)
    page.get_by_label("A person").check()
    page.get_by_label("Receiving person").select_option(label=f"Devon Analyst ({analyst})")
    page.get_by_label("Receiver's password").fill("wrong-password")
    page.get_by_label("Purpose").select_option("ANALYSIS")
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Record the transfer").click()
    expect(page.get_by_text("must enter their own password")).to_be_visible()
    page.get_by_label("A person").check()
    page.get_by_label("Receiving person").select_option(label=f"Devon Analyst ({analyst})")
    page.get_by_label("Receiver's password").fill(TEST_PASSWORD)
    page.get_by_label("Purpose").select_option("ANALYSIS")
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Record the transfer").click()
    expect(page.locator("[data-holder]")).to_contain_text("Devon Analyst")
    expect(page.locator('[data-chain="intact"]')).to_contain_text("2 entries")

    page.goto(case_url)
    page.get_by_role("link", name="Request an analysis").click()
    page.get_by_label("Discipline").select_option("FIRE")
    page.get_by_label("Items to examine").select_option(index=0)
    page.get_by_role("button", name="Open the request").click()
    expect(page.locator("[data-state]")).to_have_text("Waiting for an analyst")
    request_url = page.url

    boss = _page_for(chromium, live_server, manager)
    boss.goto(request_url)
    boss.get_by_label("Analyst").select_option(label="Devon Analyst")
    boss.get_by_role("button", name="Assign").click()
    expect(boss.locator("[data-state]")).to_have_text("Assigned to an analyst")

    lab = _page_for(chromium, live_server, analyst)
    lab.goto(request_url)
    lab.get_by_role("link", name="Record the result").click()
    lab.get_by_label("Findings").fill("Test-fired; breech-face marks compared.")
    lab.get_by_label("Conclusion").fill("The cartridge cases were fired in this pistol.")
    lab.get_by_role("button", name="Record the result").click()
    expect(lab.locator("[data-state]")).to_have_text("Result recorded, in review")

    for email, kind in ((tech, "TECHNICAL"), (admin, "ADMINISTRATIVE")):
        reviewer = _page_for(chromium, live_server, email)
        reviewer.goto(request_url)
        reviewer.get_by_label("Review", exact=True).select_option(kind)
        reviewer.get_by_label("Approve", exact=True).check()
        reviewer.get_by_role("button", name="Record the review").click()
        expect(reviewer.get_by_text("approved.")).to_be_visible()
    expect(reviewer.locator("[data-state]")).to_have_text("Reviewed, report to release")

    reviewer.get_by_role("button", name="Release the report").click()
    with reviewer.expect_download() as download_info:
        reviewer.get_by_role("link", name=re.compile("Report version 1")).click()
    saved = tmp_path / "report.pdf"
    download_info.value.save_as(saved)
    assert saved.read_bytes()[:4] == b"%PDF"
    expect(reviewer.locator("[data-state]")).to_have_text("Completed (report released)")
