"""Production list from the courts' listings; attendance; 'not produced' is the prison's."""

from datetime import time, timedelta
from io import BytesIO

from pypdf import PdfReader
from sqlalchemy import select

from common.extensions import db
from common.inbox.models import ProductionListing
from court_cms.hearings.models import Hearing
from tests.common.inbox.helpers import TODAY, html, signed_in
from tests.conftest import csrf_from
from tests.court_cms.helpers import charge, defendant, file, hearing, reason
from tests.prison_ims.helpers import admit

TOMORROW = TODAY + timedelta(days=1)


def _held_defendant_listed(app, on, at=None):
    """A case whose defendant the prison holds, listed on a day; (case, hearing, booking)."""
    with app.app_context():
        case = file()
        party = defendant(case)
        party.in_custody = True
        charge(party)
        booking = admit(party.person.public_id).booking_number
        listed = hearing(case, on=on, at=at)
        free = file(police_case_number="BZ-CID-2026-900")
        defendant(free, given_name="Kevin", surname="Flowers", date_of_birth=None)
        hearing(free, on=on, at=at)
        db.session.commit()
        return case.id, listed.id, booking, case.case_number


def test_tomorrows_list_holds_the_inmates_listed_and_prints_for_the_escort(app, make_user):
    officer, _ = signed_in(app, make_user, "prison_officer")
    _, _, booking, number = _held_defendant_listed(app, TOMORROW, time(9, 30))
    page = html(officer, "/prison/production/")
    assert booking in page and number in page and "09:30" in page
    assert "Supreme Court (Belize City)" in page
    assert "Kevin Flowers" not in page  # listed, but not held by the prison
    assert booking not in html(officer, f"/prison/production/?date={TODAY.isoformat()}")
    response = officer.get(f"/prison/production/pdf?date={TOMORROW.isoformat()}")
    assert response.mimetype == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(response.data)).pages)
    assert booking in text and "Escort officer in charge" in text


def _attendance(clerk, app, hearing_id, case_id, attendance):
    with app.app_context():
        listing = db.session.scalars(
            select(ProductionListing).where(ProductionListing.hearing_id == hearing_id)
        ).first()
        listing_id, version = listing.id, listing.version
    page = html(clerk, f"/court/cases/{case_id}")
    return clerk.post(
        f"/court/cases/hearings/{hearing_id}/attendance",
        data={
            "csrf_token": csrf_from(page),
            "listing_id": listing_id,
            "version": version,
            "attendance": attendance,
        },
    )


def test_clerk_records_attendance_after_the_day_not_before(app, make_user):
    clerk, _ = signed_in(app, make_user, "court_clerk")
    case_id, hearing_id, _, _ = _held_defendant_listed(app, TODAY - timedelta(days=1))
    response = _attendance(clerk, app, hearing_id, case_id, "PRODUCED")
    assert response.status_code == 302
    page = html(clerk, f"/court/cases/{case_id}")
    assert "Produced" in page.split('id="attendance"')[1]

    later_case, later_hearing, _, _ = _held_defendant_listed(app, TOMORROW)
    refused = _attendance(clerk, app, later_hearing, later_case, "PRODUCED")
    assert refused.status_code == 422
    assert "record who appeared on or after that day" in refused.get_data(as_text=True)


def _adjourn(clerk, app, hearing_id, case_id, **extra):
    with app.app_context():
        version = db.session.get(Hearing, hearing_id).version
        not_produced = reason("NOT_PRODUCED").id
    page = html(clerk, f"/court/cases/{case_id}")
    data = {
        "csrf_token": csrf_from(page),
        "version": version,
        "outcome": "ADJOURNED",
        "reason_id": not_produced,
        "responsible_side": "",
        "next_on": (TODAY + timedelta(days=7)).isoformat(),
        "next_type": "",
        "note": "",
    }
    data.update(extra)
    return clerk.post(f"/court/cases/hearings/{hearing_id}/outcome", data=data)


def test_an_adjournment_for_not_producing_the_accused_is_attributed_to_the_prison(app, make_user):
    clerk, _ = signed_in(app, make_user, "court_clerk")
    officer, _ = signed_in(app, make_user, "prison_officer")
    case_id, hearing_id, booking, _ = _held_defendant_listed(app, TODAY)

    refused = _adjourn(clerk, app, hearing_id, case_id, responsible_side="DEFENCE")
    assert refused.status_code == 422
    assert "is attributed to the prison" in refused.get_data(as_text=True)

    assert _adjourn(clerk, app, hearing_id, case_id).status_code == 302
    with app.app_context():
        adjourned = db.session.get(Hearing, hearing_id)
        assert adjourned.responsible_side == "PRISON"
        listing = db.session.scalars(
            select(ProductionListing).where(ProductionListing.hearing_id == hearing_id)
        ).one()
        assert (listing.attendance, listing.responsible_side) == ("NOT_PRODUCED", "PRISON")
    court_page = html(clerk, f"/court/cases/{case_id}")
    assert "attributed to the prison" in court_page
    production = html(officer, "/prison/production/")
    record = production.split("Not produced at court since")[1]
    assert "Marvin Castillo" in record and "attributed to the prison" in record
    next_week = html(officer, f"/prison/production/?date={(TODAY + timedelta(days=7)).isoformat()}")
    assert booking in next_week  # the new date is on the list for that day
