"""Orders (bail, remand, warrants): what may be ordered, their end, and the alarms on expiry."""

from datetime import timedelta

from sqlalchemy import select

from common.extensions import db
from common.locking import check_version
from common.timefmt import belize_today
from court_cms.custody.services import order_recorded, remand_ended
from court_cms.errors import CourtError
from court_cms.orders.models import ORDER_KINDS, CourtOrder
from court_cms.settings import setting

NEEDS_EXPIRY = {"REMAND", "WARRANT_ARREST", "WARRANT_PRODUCTION"}


def make_order(case, party, data, user_id=None, today=None):
    """Record an order against a defendant. A remand runs to the next court date."""
    today = today or belize_today()
    kind = data.get("kind")
    if kind not in ORDER_KINDS:
        raise CourtError("Choose the kind of order.", "kind")
    if party is None or party.case_id != case.id or party.role != "DEFENDANT":
        raise CourtError("Orders are made against a defendant of this case.", "party_id")
    made_on = data["made_on"]
    if made_on < case.filed_on or made_on > today:
        raise CourtError("The order date must fall between filing and today.", "made_on")
    expires = data.get("expires_on")
    if kind in NEEDS_EXPIRY and expires is None:
        label = "the next court date" if kind == "REMAND" else "the expiry date"
        raise CourtError(f"Give {label} of the {ORDER_KINDS[kind].lower()}.", "expires_on")
    if expires is not None and expires <= made_on:
        raise CourtError("The order must run to a date after it was made.", "expires_on")
    if kind == "BAIL" and not (data.get("conditions") or "").strip():
        raise CourtError("Record the bail conditions (reporting, residence, surety).", "conditions")
    _end_open_custody_orders(party, kind, made_on)
    order = CourtOrder(
        case_id=case.id,
        party_id=party.id,
        kind=kind,
        made_on=made_on,
        expires_on=expires,
        conditions=(data.get("conditions") or "").strip(),
        surety=(data.get("surety") or "").strip(),
        bail_amount=data.get("bail_amount"),
        made_by_id=user_id,
    )
    db.session.add(order)
    was_in_custody = party.in_custody
    party.in_custody = kind in ("REMAND", "BAIL_REFUSED", "WARRANT_COMMITMENT") or (
        party.in_custody and kind not in ("BAIL",)
    )
    db.session.flush()
    order_recorded(order, was_in_custody, user_id)
    return order


def _end_open_custody_orders(party, new_kind, on):
    """A new remand or bail order supersedes the open remand/bail order of the defendant."""
    if new_kind not in ("REMAND", "BAIL", "BAIL_REFUSED"):
        return
    for order in open_orders(party.id):
        if order.kind in ("REMAND", "BAIL", "BAIL_REFUSED"):
            order.ended_on = on
            order.ended_reason = f"Superseded by {ORDER_KINDS[new_kind].lower()}"


def open_orders(party_id):
    """Orders of a defendant not yet ended."""
    return db.session.scalars(
        select(CourtOrder)
        .where(CourtOrder.party_id == party_id, CourtOrder.ended_on.is_(None))
        .order_by(CourtOrder.made_on)
    ).all()


def expired_remands(today=None, court_id=None):
    """Open remand orders whose date has passed: someone may be held without a valid order."""
    today = today or belize_today()
    query = select(CourtOrder).where(
        CourtOrder.kind == "REMAND",
        CourtOrder.ended_on.is_(None),
        CourtOrder.expires_on < today,
    )
    if court_id:
        from court_cms.cases.models import Case

        query = query.join(CourtOrder.case).where(Case.court_id == court_id)
    return db.session.scalars(query.order_by(CourtOrder.expires_on)).all()


def remands_due(today=None):
    """Open remand orders running out within the warning window."""
    today = today or belize_today()
    horizon = today + timedelta(days=setting("COURT_REMAND_WARNING_DAYS"))
    return db.session.scalars(
        select(CourtOrder)
        .where(
            CourtOrder.kind == "REMAND",
            CourtOrder.ended_on.is_(None),
            CourtOrder.expires_on >= today,
            CourtOrder.expires_on <= horizon,
        )
        .order_by(CourtOrder.expires_on)
    ).all()


def expired_warrants(today=None):
    """Open warrants (arrest, production) past their expiry: to be renewed or cancelled."""
    today = today or belize_today()
    return db.session.scalars(
        select(CourtOrder)
        .where(
            CourtOrder.kind.in_(("WARRANT_ARREST", "WARRANT_PRODUCTION")),
            CourtOrder.ended_on.is_(None),
            CourtOrder.expires_on < today,
        )
        .order_by(CourtOrder.expires_on)
    ).all()


def end_order(order, on, reason, version, user_id=None, today=None):
    """End an order (warrant executed, remand ended, bail revoked); the order itself is kept.

    A remand ended with nothing else holding the defendant sends the prison a release."""
    check_version(order, version, f"The {order.kind_label.lower()}")
    if order.ended_on is not None:
        raise CourtError("This order has already ended.")
    if not (reason or "").strip():
        raise CourtError("Give the reason the order ends (executed, cancelled, …).", "reason")
    if on is None or on < order.made_on or on > (today or belize_today()):
        raise CourtError(
            f"The date must fall between the order ({order.made_on:%d %b %Y}) and today.",
            "ended_on",
        )
    order.ended_on = on
    order.ended_reason = reason.strip()
    db.session.flush()
    remand_ended(order, user_id)
    return order
