"""Sentence rules: what each kind of sentence needs, and consecutive prison terms."""

from sqlalchemy import select

from common.extensions import db
from common.timefmt import belize_today
from court_cms.custody.services import sentence_recorded
from court_cms.errors import CourtError
from court_cms.orders.models import SENTENCE_KINDS, Sentence

NEEDS_TERM = {"SUSPENDED", "PROBATION"}


def _term(data):
    years, months, days = (int(data.get(k) or 0) for k in ("years", "months", "days"))
    if min(years, months, days) < 0:
        raise CourtError("Years, months and days cannot be negative.", "years")
    return years, months, days


def _check_kind_needs(kind, data, term, life):
    """Refuse a sentence that lacks what its kind needs (term, amount, hours, period)."""
    if life and kind != "CUSTODIAL":
        raise CourtError("Only imprisonment can be for life.", "life")
    if kind == "CUSTODIAL" and not (life or any(term)):
        raise CourtError(
            "Give the term of imprisonment (years, months, days) — or tick life imprisonment.",
            "years",
        )
    if kind in NEEDS_TERM and not any(term):
        what = "the suspended term" if kind == "SUSPENDED" else "the period of probation"
        raise CourtError(f"Give {what} (years, months, days).", "years")
    if kind == "SUSPENDED" and not data.get("suspended_for_months"):
        raise CourtError(
            "Give the months for which the term is suspended (the operational period).",
            "suspended_for_months",
        )
    if kind == "FINE" and not data.get("fine_amount"):
        raise CourtError("Give the amount of the fine.", "fine_amount")
    if kind == "COMMUNITY" and not data.get("community_hours"):
        raise CourtError("Give the hours of community service.", "community_hours")
    if kind != "CUSTODIAL" and data.get("consecutive_to_id"):
        raise CourtError(
            "Only a prison sentence runs consecutively; choose 'Concurrent'.", "consecutive_to_id"
        )


def record_sentence(charge, data, user_id=None, today=None):
    """Sentence a convicted charge; each kind is checked for what it needs."""
    today = today or belize_today()
    if charge.disposition != "CONVICTED":
        raise CourtError("Only a charge with a conviction can be sentenced.")
    kind = data.get("kind")
    if kind not in SENTENCE_KINDS:
        raise CourtError("Choose the kind of sentence.", "kind")
    imposed = data.get("imposed_on")
    if imposed is None:
        raise CourtError("Give the date of the sentence.", "imposed_on")
    if imposed < charge.disposition_on or imposed > today:
        raise CourtError(
            f"The sentence date must fall between the conviction "
            f"({charge.disposition_on:%d %b %Y}) and today.",
            "imposed_on",
        )
    term = _term(data)
    life = bool(data.get("life"))
    _check_kind_needs(kind, data, term, life)
    start = data.get("start_on") or imposed
    if kind == "CUSTODIAL" and start < charge.party.case.filed_on:
        raise CourtError("The sentence cannot start before the case was filed.", "start_on")
    consecutive = _consecutive_target(charge, data.get("consecutive_to_id"))
    sentence = Sentence(
        charge_id=charge.id,
        kind=kind,
        imposed_on=imposed,
        start_on=start if kind == "CUSTODIAL" else None,
        years=term[0],
        months=term[1],
        days=term[2],
        life=life,
        consecutive_to_id=consecutive.id if consecutive else None,
        fine_amount=data.get("fine_amount") if kind == "FINE" else None,
        community_hours=data.get("community_hours") if kind == "COMMUNITY" else None,
        suspended_for_months=data.get("suspended_for_months") if kind == "SUSPENDED" else None,
        note=(data.get("note") or "").strip(),
        recorded_by_id=user_id,
    )
    db.session.add(sentence)
    db.session.flush()
    sentence_recorded(sentence, user_id)
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
    if target.charge_id == charge.id:
        raise CourtError("A sentence cannot run consecutively to itself.", "consecutive_to_id")
    return target


def sentences_of(party):
    """Sentences passed on a defendant's charges."""
    ids = [c.id for c in party.charges]
    if not ids:
        return []
    return db.session.scalars(
        select(Sentence).where(Sentence.charge_id.in_(ids)).order_by(Sentence.id)
    ).all()


def custodial_sentences(since=None):
    """Prison sentences recorded (since a date), for the prison to take over."""
    query = select(Sentence).where(Sentence.kind == "CUSTODIAL")
    if since:
        query = query.where(Sentence.imposed_on >= since)
    return db.session.scalars(query.order_by(Sentence.imposed_on, Sentence.id)).all()
