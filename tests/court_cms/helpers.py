"""Shared test data for the Court case tracker: cases filed through the services."""

from datetime import date, timedelta

from sqlalchemy import select

from common.audit.services import acting_as
from common.extensions import db
from common.iccs.models import NationalOffence
from common.timefmt import belize_today
from court_cms.cases.services import add_charge, add_party, file_case, record_outcome
from court_cms.hearings.services import schedule_hearing
from court_cms.reference.models import AdjournmentReason, Court

DEFENDANT = {
    "given_name": "Marvin",
    "middle_name": "",
    "surname": "Castillo",
    "date_of_birth": date(1990, 3, 14),
    "sex": "M",
    "district": "BZ",
}


def court(code="SC"):
    """A court of the reference list by its code."""
    return db.session.scalar(select(Court).where(Court.code == code))


def offence_id(index=0):
    """The id of a national offence from the reference list."""
    ids = db.session.scalars(select(NationalOffence.id).order_by(NationalOffence.id)).all()
    return ids[index]


def reason(code):
    """An adjournment reason by its code."""
    return db.session.scalar(select(AdjournmentReason).where(AdjournmentReason.code == code))


def days_ago(n):
    """The date n days before today."""
    return belize_today() - timedelta(days=n)


def file(code="SC", filed_on=None, **overrides):
    """File a case through the service (as a system actor) and flush; returns it."""
    data = {
        "court_id": court(code).id,
        "case_type": "CR",
        "case_number": "",
        "filed_on": filed_on or days_ago(60),
        "prosecuting_agency": "Office of the Director of Public Prosecutions",
        "police_case_number": "BZ-CID-2026-117",
        "prosecutor": "Crown Counsel A. Young",
        "judicial_officer": "Hon. Justice Moore",
    }
    data.update(overrides)
    with acting_as("test"):
        return file_case(data)


def defendant(case, person_public_id=None, **identity):
    """Add a defendant (a new person unless one is chosen) and flush."""
    with acting_as("test"):
        return add_party(
            case, "DEFENDANT", person_public_id, {**DEFENDANT, **identity}, "A. Sylvestre"
        )


def charge(party, index=0):
    """Lay a count against the defendant."""
    with acting_as("test"):
        return add_charge(party, offence_id(index), "on or about 1 March")


def outcome(count, **data):
    """Record plea/verdict/disposition on a count (version taken from the count)."""
    with acting_as("test"):
        return record_outcome(count, data, count.version)


def convict(count, on=None):
    """Guilty plea and conviction on a count."""
    on = on or days_ago(10)
    return outcome(count, plea="GUILTY", plea_on=on, disposition="CONVICTED", disposition_on=on)


def hearing(case, on=None, kind="MENTION", room=None, at=None):
    """List a hearing in the case's court."""
    room = room or case.court.courtrooms[0]
    with acting_as("test"):
        return schedule_hearing(case, kind, on or days_ago(1), room.id, at)
