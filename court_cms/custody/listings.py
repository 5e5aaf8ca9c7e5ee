"""The court's production listings: defendants of each hearing, their attendance, and
adjournments because the accused was not produced (attributed to the prison).

COURT_NOT_PRODUCED_REASON (court setting): the adjournment reason code meaning the accused
was not produced from prison; such an adjournment is attributed to the prison.
"""

from sqlalchemy import select

from common.extensions import db
from common.inbox import production
from common.inbox.services import InboxError, items_for_case
from common.timefmt import belize_today
from court_cms.errors import CourtError
from court_cms.hearings.models import Hearing
from court_cms.settings import setting

PRISON_SIDE = "PRISON"


def _hearing_data(hearing):
    case = hearing.case
    return {
        "hearing_id": hearing.id,
        "case_id": case.id,
        "case_reference": case.case_number,
        "court": case.court.name,
        "courtroom": hearing.courtroom.name,
        "listed_on": hearing.scheduled_on,
        "listed_at": hearing.scheduled_time,
        "hearing_type": hearing.type_label,
    }


def publish_hearing(hearing):
    """Write the listings of a hearing for every defendant of its case."""
    defendants = [(p.person_id, p.name) for p in hearing.case.defendants]
    if not defendants:
        return []
    return production.list_defendants(_hearing_data(hearing), defendants)


def publish_case(case, today=None):
    """Refresh the listings of a case's hearings still to come (a defendant was added)."""
    today = today or belize_today()
    for hearing in db.session.scalars(
        select(Hearing).where(
            Hearing.case_id == case.id,
            Hearing.outcome == "SCHEDULED",
            Hearing.scheduled_on >= today,
        )
    ):
        publish_hearing(hearing)


def is_not_produced(reason):
    """True for the adjournment reason meaning the accused was not produced from prison."""
    return reason is not None and reason.code == setting("COURT_NOT_PRODUCED_REASON")


def check_not_produced_side(reason, side):
    """An adjournment because the accused was not produced is the prison's to answer for."""
    if is_not_produced(reason) and side and side != PRISON_SIDE:
        raise CourtError(
            f"'{reason.label}' is attributed to the prison: choose 'Prison' or 'As the reason "
            "says' as the side responsible, or choose another reason.",
            "responsible_side",
        )


def hearing_adjourned(hearing, reason):
    """After an adjournment for not producing the accused, attribute it on the listings."""
    if not is_not_produced(reason):
        return []
    held = {p.person_id for p in hearing.case.defendants if p.in_custody}
    return production.attribute_adjournment(hearing.id, PRISON_SIDE, reason.label, held)


def record_attendance(hearing, listing_id, attendance, version, user_id=None, today=None):
    """Record whether one listed defendant was produced at the hearing."""
    listing = next(
        (x for x in production.listings_of_hearing(hearing.id) if x.id == listing_id), None
    )
    if listing is None:
        raise CourtError("Choose a defendant listed at this hearing.")
    try:
        return production.record_attendance(
            listing, attendance, version, user_id, hearing.scheduled_on, today
        )
    except InboxError as exc:
        raise CourtError(str(exc), exc.field) from exc


def hearing_vacated(hearing, reason):
    """A hearing that will not sit takes its defendants off the prison's production list."""
    return production.withdraw_listings(hearing.id, f"Hearing vacated: {reason}")


def custody_context(case):
    """The case page's view of the prison: items sent and the listings of each hearing."""
    return {
        "prison_items": items_for_case("court", case.id),
        "listings": production.listings_of_case(case.id),
    }
