"""An admission end to end in a real browser: person, authority, cell, court, sentence,
confirmed release date (second officer), release and the certificate downloaded."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from common.timefmt import belize_today
from tests.conftest import TEST_PASSWORD

pytestmark = pytest.mark.e2e


def sign_in(page, base, email):
    """Sign in through the form, landing back on the prison home page."""
    page.goto(f"{base}/prison/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def _seed(app):
    """Cells, and the person already known to the index from a court case."""
    from common.audit.services import acting_as
    from common.extensions import db
    from common.persons.services import register_record
    from prison_ims.housing.services import seed_layout

    with app.app_context(), acting_as("test"):
        seed_layout()
        register_record(
            "court",
            "SC-CR-9/2025",
            given_name="Marvin",
            surname="Castillo",
            sex="M",
            date_of_birth=date(1990, 3, 14),
        )
        db.session.commit()


def admit_known_person(page, base):
    """Fill the admission form, choosing the person the index proposes."""
    page.goto(f"{base}/prison/admissions/new")
    page.get_by_label("Commitment authority").select_option("REMAND_WARRANT")
    page.get_by_label("Issuing court").fill("Belize Magistrate's Court")
    page.get_by_label("Date of the warrant or order").fill(belize_today().isoformat())
    page.get_by_label("Warrant or order reference").fill("RW-501/2026")
    page.get_by_label("Legal status").select_option("REMAND")
    page.get_by_label("Given name").fill("Marvin")
    page.get_by_label("Surname(s)").fill("Castillo")
    page.get_by_label("Date of birth").fill("1990-03-14")
    page.get_by_label("Sex", exact=True).select_option("M")
    page.get_by_label(re.compile(r"Marvin Castillo .* in court")).check()
    page.get_by_label("Offence 1").select_option(index=1)
    page.get_by_label("Item 1").fill("wallet")
    page.get_by_label("Quantity 1").fill("1")
    page.get_by_role("button", name=re.compile("Admit")).click()
    expect(page.get_by_text(re.compile(r"Admitted: booking number BCP-"))).to_be_visible()


def place_and_go_to_court(page):
    """A cell, then out to court and back, then sentenced."""
    page.get_by_label("Cell", exact=True).select_option(index=1)
    page.get_by_role("button", name="Place").click()
    expect(page.get_by_text(re.compile(r"placed in cell"))).to_be_visible()
    page.get_by_label("Movement", exact=True).select_option("CRT")
    page.get_by_label("Court, hospital, facility or place").fill("Supreme Court, Belize")
    page.get_by_role("button", name="Record").click()
    expect(page.get_by_text("Out to court recorded")).to_be_visible()
    page.get_by_label("Movement", exact=True).select_option("RET")
    page.get_by_role("button", name="Record").click()
    expect(page.get_by_text("Return recorded")).to_be_visible()
    page.get_by_label("New legal status").select_option("SENTENCED")
    page.get_by_label("Reason (court order and date)").fill("Sentenced, Supreme Court")
    page.get_by_role("button", name="Change status").click()
    expect(page.get_by_text("Legal status changed")).to_be_visible()


def record_sentence(page):
    """A one-year sentence that began two years ago (release is due)."""
    page.get_by_role("link", name="Sentences and release dates").click()
    page.get_by_label("Offence the sentence is for").select_option(index=1)
    page.get_by_label("Sentence starts").fill(date(belize_today().year - 2, 1, 15).isoformat())
    page.get_by_label("Years").fill("1")
    page.get_by_role("button", name="Record sentence").click()
    expect(page.get_by_text("Sentence recorded")).to_be_visible()
    expect(page.locator("#preliminary")).to_have_text("PRELIMINARY")
    expect(page.get_by_role("button", name=re.compile("Confirm these"))).to_have_count(0)


def test_admission_to_release_with_certificate(app, live_server, browser_page, make_user):
    _seed(app)
    officer, supervisor = make_user("prison_officer"), make_user("prison_records_supervisor")
    page = browser_page
    sign_in(page, live_server, officer)
    admit_known_person(page, live_server)
    admission_url = page.url
    place_and_go_to_court(page)
    record_sentence(page)
    sentences_url = page.url
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, live_server, supervisor)
    page.goto(sentences_url)
    page.get_by_role("button", name=re.compile("Confirm these release dates")).click()
    expect(page.get_by_text("Release dates confirmed.")).to_be_visible()
    expect(page.locator("#calculation")).to_contain_text("CONFIRMED")

    page.goto(admission_url)
    page.get_by_role("link", name="Release", exact=True).click()
    expect(page.get_by_text(re.compile(r"^Confirmed earliest release date:"))).to_be_visible()
    page.get_by_label("Grounds for release").select_option("SENTENCE_SERVED")
    page.get_by_label("Warrant, order or calculation reference").fill("Confirmed ERD")
    page.get_by_label("Authority for release checked").check()
    page.get_by_label("Release date verified").check()
    page.get_by_role("button", name="Release", exact=True).click()
    expect(page.get_by_text("Return the property held")).to_be_visible()
    page.get_by_label("Property returned").check()
    page.get_by_label("Authority for release checked").check()
    page.get_by_label("Release date verified").check()
    page.get_by_role("button", name="Release", exact=True).click()
    expect(page.get_by_text(re.compile(r"certificate REL-\d{4}-00001"))).to_be_visible()

    with page.expect_download() as info:
        page.get_by_role("link", name="Release certificate (PDF)").click()
    download = info.value
    assert download.suggested_filename.startswith("release-certificate-REL-")
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    page.goto(admission_url)
    expect(page.get_by_text("Discharged").first).to_be_visible()
