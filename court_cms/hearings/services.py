"""Hearing rules: scheduling, outcomes, adjournments with reason and responsible side."""

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from common.extensions import db
from common.links.services import LinkError, record_lab_wait
from common.locking import check_version
from common.timefmt import belize_today
from court_cms.custody.listings import (
    check_not_produced_side,
    hearing_adjourned,
    hearing_vacated,
    publish_hearing,
)
from court_cms.errors import CourtError
from court_cms.hearings.models import HEARING_TYPES, Hearing
from court_cms.reference.models import SIDES, AdjournmentReason, Courtroom
from court_cms.settings import setting


def _courtroom(case, courtroom_id):
    room = db.session.get(Courtroom, courtroom_id) if courtroom_id else None
    if room is None or room.court_id != case.court_id:
        raise CourtError(f"Choose a courtroom of {case.court.name}.", "courtroom_id")
    return room


def schedule_hearing(case, hearing_type, on, courtroom_id, at=None, user_id=None):
    """List a case for a hearing; never before the case was filed, never on a closed case."""
    if case.status == "DISPOSED":
        raise CourtError("The case is disposed: reopen it before listing a hearing.")
    if hearing_type not in HEARING_TYPES:
        raise CourtError("Choose the type of hearing.", "hearing_type")
    if on < case.filed_on:
        raise CourtError(
            f"A hearing cannot be before the case was filed ({case.filed_on:%d %b %Y}).",
            "scheduled_on",
        )
    room = _courtroom(case, courtroom_id)
    hearing = Hearing(
        case_id=case.id,
        courtroom_id=room.id,
        hearing_type=hearing_type,
        scheduled_on=on,
        scheduled_time=at,
        recorded_by_id=user_id,
    )
    db.session.add(hearing)
    db.session.flush()
    publish_hearing(hearing)
    return hearing


def record_held(hearing, note, version, user_id=None, today=None):
    """The hearing took place."""
    _check_can_record(hearing, version, today)
    hearing.outcome = "HELD"
    hearing.note = note or ""
    hearing.recorded_by_id = user_id
    db.session.flush()


def adjourn(hearing, data, version, user_id=None, today=None):
    """Adjourn with a reason code and the side responsible; the next date is listed at once."""
    _check_can_record(hearing, version, today)
    reason = db.session.get(AdjournmentReason, data.get("reason_id") or 0)
    if reason is None or not reason.active:
        raise CourtError(
            "Choose the reason for the adjournment from the list: every adjournment needs one.",
            "reason_id",
        )
    check_not_produced_side(reason, data.get("responsible_side"))
    side = data.get("responsible_side") or reason.default_side
    if side not in SIDES:
        raise CourtError("Choose the side responsible for the adjournment.", "responsible_side")
    if reason.code == "OTHER" and not (data.get("note") or "").strip():
        raise CourtError("Explain the reason in the note when it is 'Other'.", "note")
    next_on = data.get("next_on")
    if next_on is None or next_on <= hearing.scheduled_on:
        raise CourtError("Give the new date: a day after this hearing.", "next_on")
    following = schedule_hearing(
        hearing.case,
        data.get("next_type") or hearing.hearing_type,
        next_on,
        data.get("next_courtroom_id") or hearing.courtroom_id,
        user_id=user_id,
    )
    hearing.outcome = "ADJOURNED"
    hearing.adjournment_reason_id = reason.id
    hearing.responsible_side = side
    hearing.note = (data.get("note") or "").strip()
    hearing.next_hearing_id = following.id
    hearing.recorded_by_id = user_id
    db.session.flush()
    if reason.code in setting("COURT_FORENSIC_REASON_CODES"):
        _link_lab_wait(hearing, data.get("lab_request_id"), user_id)
    hearing_adjourned(hearing, reason)
    return following


def _link_lab_wait(hearing, lab_request_id, user_id):
    """An adjournment awaiting a forensic report names the open lab request it waits for."""
    try:
        record_lab_wait(hearing.id, hearing.case_id, hearing.scheduled_on, lab_request_id, user_id)
    except LinkError as exc:
        raise CourtError(str(exc), exc.field) from exc


def vacate(hearing, reason, version, user_id=None, today=None):
    """Take a listed hearing off the list before its day; its production listings go too."""
    check_version(hearing, version, "This hearing")
    if hearing.outcome != "SCHEDULED":
        raise CourtError("The outcome of this hearing is already recorded.")
    if hearing.scheduled_on <= (today or belize_today()):
        raise CourtError(
            "Only a hearing still to come can be vacated: record what happened at this one "
            "(held or adjourned, with the reason)."
        )
    reason = (reason or "").strip()
    if len(reason) < 5:
        raise CourtError(
            "Give the reason the hearing is vacated (judge unavailable, court closed, …).",
            "reason",
        )
    hearing.outcome = "VACATED"
    hearing.note = reason
    hearing.recorded_by_id = user_id
    db.session.flush()
    return hearing_vacated(hearing, reason)


def _check_can_record(hearing, version, today):
    check_version(hearing, version, "This hearing")
    if hearing.outcome != "SCHEDULED":
        raise CourtError("The outcome of this hearing is already recorded.")
    if hearing.scheduled_on > (today or belize_today()):
        raise CourtError("The hearing has not taken place yet: record its outcome on the day.")


def hearings_of(case_id):
    """A case's hearings in date order."""
    return db.session.scalars(
        select(Hearing)
        .where(Hearing.case_id == case_id)
        .options(joinedload(Hearing.reason), joinedload(Hearing.courtroom))
        .order_by(Hearing.scheduled_on, Hearing.id)
    ).all()


def next_hearing(case_id, today=None):
    """The next scheduled hearing of a case, or None."""
    return db.session.scalar(
        select(Hearing)
        .where(
            Hearing.case_id == case_id,
            Hearing.outcome == "SCHEDULED",
            Hearing.scheduled_on >= (today or belize_today()),
        )
        .order_by(Hearing.scheduled_on)
        .limit(1)
    )
