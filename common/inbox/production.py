"""Production listings: who the court has listed on which day, and who was produced.

The court writes a listing for each defendant of a hearing when it lists the hearing (same
transaction); the prison reads the listings of a day to build its production list, keeping
only the persons it holds. A hearing vacated before its day withdraws its listings: they are
kept, marked withdrawn, and are on no production list. After the day the court records each
defendant's attendance; an adjournment because the accused was not produced is attributed
on the listings too.
"""

from sqlalchemy import select

from common.extensions import db
from common.inbox.models import ATTENDANCE, ProductionListing
from common.inbox.services import InboxError
from common.locking import check_version
from common.models import utcnow
from common.timefmt import belize_today


def list_defendants(hearing, defendants):
    """Write (or refresh) the listings of a hearing; `hearing` is a dict, `defendants`
    [(person id, name)]. Returns the listings of the hearing."""
    existing = {
        listing.person_id: listing for listing in listings_of_hearing(hearing["hearing_id"])
    }
    for person_id, name in defendants:
        listing = existing.get(person_id)
        if listing is None:
            listing = ProductionListing(hearing_id=hearing["hearing_id"], person_id=person_id)
            db.session.add(listing)
            existing[person_id] = listing
        listing.defendant_name = name[:200]
        for key in ("case_id", "case_reference", "court", "courtroom", "listed_on", "listed_at"):
            setattr(listing, key, hearing[key])
        listing.hearing_type = hearing.get("hearing_type", "")
    db.session.flush()
    return list(existing.values())


def listings_of_hearing(hearing_id):
    """The defendants listed at one hearing."""
    return db.session.scalars(
        select(ProductionListing)
        .where(ProductionListing.hearing_id == hearing_id)
        .order_by(ProductionListing.id)
    ).all()


def withdraw_listings(hearing_id, reason):
    """Withdraw the listings of a hearing that will not sit; returns those withdrawn."""
    withdrawn = [x for x in listings_of_hearing(hearing_id) if x.withdrawn_at is None]
    for listing in withdrawn:
        listing.withdrawn_at = utcnow()
        listing.withdrawn_reason = reason[:200]
    db.session.flush()
    return withdrawn


def listings_of_case(case_id):
    """{hearing id: [listings]} of a case, leaving out withdrawn listings."""
    result = {}
    for listing in db.session.scalars(
        select(ProductionListing)
        .where(ProductionListing.case_id == case_id, ProductionListing.withdrawn_at.is_(None))
        .order_by(ProductionListing.id)
    ):
        result.setdefault(listing.hearing_id, []).append(listing)
    return result


def listings_on(day, person_ids=None):
    """Listings of a day (of some persons) not withdrawn, by court, sitting time and courtroom."""
    query = select(ProductionListing).where(
        ProductionListing.listed_on == day, ProductionListing.withdrawn_at.is_(None)
    )
    if person_ids is not None:
        query = query.where(ProductionListing.person_id.in_(list(person_ids) or [0]))
    found = db.session.scalars(query).all()
    return sorted(
        found,
        key=lambda x: (
            x.court,
            x.listed_at is None,
            x.listed_at.isoformat() if x.listed_at else "",
            x.courtroom,
            x.case_reference,
        ),
    )


def record_attendance(listing, attendance, version, user_id, hearing_day, today=None):
    """Record whether a listed defendant was produced; only on or after the hearing day."""
    check_version(listing, version, f"The attendance of {listing.defendant_name}")
    if attendance not in ATTENDANCE:
        raise InboxError("Choose produced or not produced.", "attendance")
    if listing.withdrawn_at is not None:
        raise InboxError(f"The listing was withdrawn: {listing.withdrawn_reason}")
    if hearing_day > (today or belize_today()):
        raise InboxError(
            f"The hearing is on {hearing_day:%d %b %Y}: record who appeared on or after that day."
        )
    listing.attendance = attendance
    listing.attendance_by_id = user_id
    listing.attendance_at = utcnow()
    db.session.flush()
    return listing


def attribute_adjournment(hearing_id, side, reason_label, in_custody_ids):
    """Mark the not-produced defendants of an adjourned hearing with the side responsible.

    Defendants already recorded as not produced carry the attribution; when none was
    recorded, the defendants the court holds in custody and without attendance are taken
    as not produced (the reason says so).
    """
    listings = listings_of_hearing(hearing_id)
    marked = [x for x in listings if x.attendance == "NOT_PRODUCED"]
    if not marked:
        marked = [x for x in listings if x.attendance is None and x.person_id in in_custody_ids]
        for listing in marked:
            listing.attendance = "NOT_PRODUCED"
            listing.attendance_at = utcnow()
    for listing in marked:
        listing.responsible_side = side
        listing.adjournment_reason = reason_label[:160]
    db.session.flush()
    return marked


def not_produced_since(since, person_ids=None):
    """Listings since a day at which the defendant was not produced, newest first."""
    query = select(ProductionListing).where(
        ProductionListing.attendance == "NOT_PRODUCED", ProductionListing.listed_on >= since
    )
    if person_ids is not None:
        query = query.where(ProductionListing.person_id.in_(list(person_ids) or [0]))
    return db.session.scalars(
        query.order_by(ProductionListing.listed_on.desc(), ProductionListing.id.desc())
    ).all()
