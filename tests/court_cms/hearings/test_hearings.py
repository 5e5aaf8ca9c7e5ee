"""Hearings: listing, held or adjourned with a reason and side, over the service and HTTP."""

import pytest
from sqlalchemy import func, select

from common.audit.services import acting_as
from common.extensions import db
from court_cms.cases.models import Case
from court_cms.errors import CourtError
from court_cms.hearings.models import Hearing
from court_cms.hearings.services import adjourn, record_held
from tests.conftest import csrf_from
from tests.court_cms.helpers import days_ago, file, hearing, reason
from tests.court_cms.http import case_on_file, page


def _hearings():
    return db.session.scalar(select(func.count()).select_from(Hearing))


def test_hearing_before_the_filing_date_is_refused(app):
    with app.app_context():
        case = file(filed_on=days_ago(30))
        with pytest.raises(CourtError, match="before the case was filed") as refused:
            hearing(case, on=days_ago(31))
        assert refused.value.field == "scheduled_on"
        db.session.rollback()
        assert _hearings() == 0


def test_courtroom_must_belong_to_the_court(app):
    with app.app_context():
        case = file("SC")
        other = file("MCTO")
        with pytest.raises(CourtError, match="Choose a courtroom of Supreme Court"):
            hearing(case, room=other.court.courtrooms[0])


def test_adjournment_needs_a_reason_and_lists_the_next_date(app):
    with app.app_context(), acting_as("test"):
        case = file()
        listed = hearing(case, on=days_ago(1), kind="TRIAL")
        db.session.commit()
        with pytest.raises(CourtError, match="every adjournment needs one") as refused:
            adjourn(listed, {"next_on": days_ago(-14)}, listed.version)
        assert refused.value.field == "reason_id"
        db.session.rollback()
        listed = db.session.get(Hearing, listed.id)
        assert listed.outcome == "SCHEDULED" and _hearings() == 1
        with pytest.raises(CourtError, match="new date"):
            adjourn(listed, {"reason_id": reason("WITNESS_ABSENT").id}, listed.version)
        with pytest.raises(CourtError, match="Explain the reason"):
            adjourn(
                listed, {"reason_id": reason("OTHER").id, "next_on": days_ago(-7)}, listed.version
            )
        following = adjourn(
            listed,
            {"reason_id": reason("NOT_PRODUCED").id, "next_on": days_ago(-14)},
            listed.version,
        )
        assert listed.outcome == "ADJOURNED" and listed.responsible_side == "PRISON"
        assert listed.next_hearing_id == following.id
        assert following.hearing_type == "TRIAL" and following.scheduled_on == days_ago(-14)
        with pytest.raises(CourtError, match="already recorded"):
            record_held(listed, "", listed.version)
        with pytest.raises(CourtError, match="has not taken place yet"):
            record_held(following, "", following.version)


def test_side_responsible_can_differ_from_the_reason_default(app):
    with app.app_context(), acting_as("test"):
        listed = hearing(file())
        adjourn(
            listed,
            {
                "reason_id": reason("WITNESS_ABSENT").id,
                "responsible_side": "DEFENCE",
                "next_on": days_ago(-3),
            },
            listed.version,
        )
        assert listed.responsible_side == "DEFENCE"


def _outcome_form(detail, hearing_id, version, **data):
    return {"csrf_token": csrf_from(detail), "version": str(version), **data}


def test_clerk_lists_and_adjourns_a_hearing_over_http(app, client, login_as):
    case_id, _party, _charge = case_on_file(app)
    with app.app_context():
        room_id = db.session.get(Case, case_id).court.courtrooms[0].id
    login_as("court_clerk")
    detail = page(client, f"/court/cases/{case_id}")
    early = client.post(
        f"/court/cases/{case_id}/hearings",
        data={
            "csrf_token": csrf_from(detail),
            "hearing_type": "MENTION",
            "scheduled_on": days_ago(400).isoformat(),
            "courtroom_id": str(room_id),
        },
    )
    assert early.status_code == 422
    assert "A hearing cannot be before the case was filed" in early.get_data(True)
    listed = client.post(
        f"/court/cases/{case_id}/hearings",
        data={
            "csrf_token": csrf_from(detail),
            "hearing_type": "MENTION",
            "scheduled_on": days_ago(1).isoformat(),
            "scheduled_time": "09:30",
            "courtroom_id": str(room_id),
        },
    )
    assert listed.status_code == 302
    with app.app_context():
        hearing_id = db.session.scalar(select(Hearing.id))
    url = f"/court/cases/hearings/{hearing_id}/outcome"
    no_reason = client.post(
        url, data=_outcome_form(detail, hearing_id, 1, outcome="ADJOURNED", next_on="2099-01-05")
    )
    assert no_reason.status_code == 422
    assert "every adjournment needs one" in no_reason.get_data(True)
    with app.app_context():
        assert _hearings() == 1
        reason_id = reason("WITNESS_ABSENT").id
    done = client.post(
        url,
        data=_outcome_form(
            detail,
            hearing_id,
            1,
            outcome="ADJOURNED",
            reason_id=str(reason_id),
            next_on=days_ago(-10).isoformat(),
        ),
    )
    assert done.status_code == 302
    detail = page(client, f"/court/cases/{case_id}")
    assert "Witness absent (Prosecution)" in detail
    with app.app_context():
        assert _hearings() == 2


def test_judicial_officer_cannot_record_an_outcome(app, client, login_as):
    with app.app_context():
        listed = hearing(file())
        db.session.commit()
        hearing_id = listed.id
    login_as("judicial_officer")
    detail = page(client, "/court/cases/")
    response = client.post(
        f"/court/cases/hearings/{hearing_id}/outcome",
        data={"csrf_token": csrf_from(detail), "outcome": "HELD", "version": "1"},
    )
    assert response.status_code == 403
