"""'Today' is the Belize date at the court as at the prison, even late in the Belize evening.

The clock is frozen at 03:30 UTC on 11 March 2026, which is 21:30 on 10 March in Belize.
"""

import sys
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

import common.timefmt
import prison_ims.times
from common.extensions import db
from prison_ims.admissions.models import Admission
from prison_ims.remand.models import CourtDate
from tests.common.inbox.helpers import admit_form, html, latest_item, signed_in
from tests.conftest import csrf_from
from tests.court_cms.helpers import charge, defendant, file, offence_id

FROZEN = datetime(2026, 3, 11, 3, 30, tzinfo=UTC)
BELIZE_DAY = date(2026, 3, 10)


@pytest.fixture
def belize_evening(monkeypatch):
    """Every module's `now_utc` (the suite's clock seam) reads the frozen moment."""
    clocks = {common.timefmt.now_utc, prison_ims.times.now_utc}
    for module in list(sys.modules.values()):
        if getattr(module, "now_utc", None) in clocks:
            monkeypatch.setattr(module, "now_utc", lambda: FROZEN)
    assert common.timefmt.belize_today() == BELIZE_DAY


def _case(app):
    with app.app_context():
        case = file(filed_on=date(2026, 2, 2))
        party = defendant(case)
        charge(party)
        db.session.commit()
        return case.id, party.id


def _remand(clerk, case_id, party_id, made_on):
    page = html(clerk, f"/court/cases/{case_id}")
    return clerk.post(
        f"/court/cases/{case_id}/orders",
        data={
            "csrf_token": csrf_from(page),
            "party_id": party_id,
            "kind": "REMAND",
            "made_on": made_on,
            "expires_on": "2026-03-24",
        },
    )


def test_the_court_defaults_to_the_belize_date(app, make_user, belize_evening):
    clerk, _ = signed_in(app, make_user, "court_clerk")
    new_case = html(clerk, "/court/cases/new")
    assert 'value="2026-03-10"' in new_case  # filed on: today in Belize, not 11 March
    assert "Tuesday 10 March 2026" in html(clerk, "/court/cause-list/")


def test_an_order_dated_tomorrow_in_belize_is_refused(app, make_user, belize_evening):
    clerk, _ = signed_in(app, make_user, "court_clerk")
    case_id, party_id = _case(app)
    response = _remand(clerk, case_id, party_id, "2026-03-11")
    assert response.status_code == 422
    assert "The order date must fall between filing and today." in response.get_data(as_text=True)


def test_a_remand_made_in_the_belize_evening_is_admitted_on(app, make_user, belize_evening):
    clerk, _ = signed_in(app, make_user, "court_clerk")
    officer, _ = signed_in(app, make_user, "prison_officer")
    case_id, party_id = _case(app)
    assert _remand(clerk, case_id, party_id, BELIZE_DAY.isoformat()).status_code == 302

    item_id, version = latest_item(app, "remand_order")
    page = html(officer, f"/prison/inbox/{item_id}/admit")
    assert 'value="2026-03-10"' in page  # the order's date, as the court recorded it
    assert 'value="2026-03-10T21:30"' in page  # admitted now, Belize time
    with app.app_context():
        offence = offence_id()
    data = admit_form(
        page, version, offence, authority_date="2026-03-10", admitted_at="2026-03-10T21:30"
    )
    response = officer.post(f"/prison/inbox/{item_id}/admit", data=data)
    body = response.get_data(as_text=True)
    assert "dated after the admission" not in body
    assert response.status_code == 302, body[:3000]
    with app.app_context():
        admission = db.session.scalars(select(Admission)).one()
        assert admission.authority_date == BELIZE_DAY
        assert db.session.scalars(select(CourtDate.due_on)).one() == date(2026, 3, 24)
