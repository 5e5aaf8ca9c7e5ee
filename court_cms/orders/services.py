"""Orders, sentences and appeals: what may be ordered, and the alarms on expired remands."""

from datetime import date, timedelta

from sqlalchemy import select

from common.extensions import db
from court_cms.errors import CourtError
from court_cms.orders.models import ORDER_KINDS, SENTENCE_KINDS, Appeal, CourtOrder, Sentence
from court_cms.settings import setting

NEEDS_EXPIRY = {"REMAND", "WARRANT_ARREST", "WARRANT_PRODUCTION"}


def make_order(case, party, data, user_id=None, today=None):
    """Record an order against a defendant. A remand runs to the next court date."""
    today = today or date.today()
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
    party.in_custody = kind in ("REMAND", "BAIL_REFUSED", "WARRANT_COMMITMENT") or (
        party.in_custody and kind not in ("BAIL",)
    )
    db.session.flush()
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
    today = today or date.today()
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
    today = today or date.today()
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


def record_sentence(charge, data, user_id=None, today=None):
    """Sentence a convicted charge; imprisonment needs a term (or life) and a start date."""
    today = today or date.today()
    if charge.disposition != "CONVICTED":
        raise CourtError("Only a charge with a conviction can be sentenced.")
    kind = data.get("kind")
    if kind not in SENTENCE_KINDS:
        raise CourtError("Choose the kind of sentence.", "kind")
    imposed = data["imposed_on"]
    if imposed < charge.disposition_on or imposed > today:
        raise CourtError("The sentence date must fall between conviction and today.", "imposed_on")
    years, months, days = (int(data.get(k) or 0) for k in ("years", "months", "days"))
    life = bool(data.get("life"))
    if min(years, months, days) < 0:
        raise CourtError("Years, months and days cannot be negative.", "years")
    if kind in ("CUSTODIAL", "SUSPENDED", "PROBATION", "COMMUNITY") and not (
        life or years or months or days
    ):
        raise CourtError(
            "Give the term (years, months, days) — or tick life imprisonment.", "years"
        )
    if life and kind != "CUSTODIAL":
        raise CourtError("Only imprisonment can be for life.", "life")
    if kind == "FINE" and not data.get("fine_amount"):
        raise CourtError("Give the amount of the fine.", "fine_amount")
    start = data.get("start_on") or imposed
    consecutive = _consecutive_target(charge, data.get("consecutive_to_id"))
    sentence = Sentence(
        charge_id=charge.id,
        kind=kind,
        imposed_on=imposed,
        start_on=start if kind == "CUSTODIAL" else None,
        years=years,
        months=months,
        days=days,
        life=life,
        consecutive_to_id=consecutive.id if consecutive else None,
        fine_amount=data.get("fine_amount"),
        note=(data.get("note") or "").strip(),
        recorded_by_id=user_id,
    )
    db.session.add(sentence)
    db.session.flush()
    return sentence


def _consecutive_target(charge, sentence_id):
    if not sentence_id:
        return None
    target = db.session.get(Sentence, sentence_id)
    if target is None or target.kind != "CUSTODIAL" or target.charge.party_id != charge.party_id:
        raise CourtError(
            "A sentence can only run consecutively to another prison sentence of the same "
            "defendant.",
            "consecutive_to_id",
        )
    return target


def sentences_of(party):
    """Sentences passed on a defendant's charges."""
    ids = [c.id for c in party.charges]
    if not ids:
        return []
    return db.session.scalars(
        select(Sentence).where(Sentence.charge_id.in_(ids)).order_by(Sentence.id)
    ).all()


def appeal_deadline(party):
    """Last day to lodge an appeal: the configured days after the latest sentence."""
    sentences = sentences_of(party)
    base = max((s.imposed_on for s in sentences), default=None)
    if base is None:
        base = max(
            (c.disposition_on for c in party.charges if c.disposition == "CONVICTED"), default=None
        )
    return base + timedelta(days=setting("COURT_APPEAL_DAYS")) if base else None


def lodge_appeal(case, party, lodged_on, grounds, today=None):
    """Record an appeal; lodging after the deadline is refused (leave is a separate order)."""
    today = today or date.today()
    deadline = appeal_deadline(party)
    if deadline is None:
        raise CourtError("There is no conviction of this defendant to appeal against.")
    if lodged_on > today:
        raise CourtError("The lodging date cannot be in the future.", "lodged_on")
    if lodged_on > deadline:
        raise CourtError(
            f"The appeal is out of time: the deadline was {deadline:%d %b %Y}. An appeal out "
            "of time needs leave of the court first.",
            "lodged_on",
        )
    appeal = Appeal(
        case_id=case.id,
        party_id=party.id,
        lodged_on=lodged_on,
        deadline_on=deadline,
        grounds=grounds.strip(),
    )
    db.session.add(appeal)
    db.session.flush()
    return appeal
