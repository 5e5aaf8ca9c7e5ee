"""Loads case and hearing facts from the database and computes the published measures."""

from datetime import date

from sqlalchemy import func, select

from common.extensions import db
from common.timefmt import belize_today
from court_cms.cases.models import Case
from court_cms.hearings.models import Hearing
from court_cms.metrics import measures as m
from court_cms.reference.models import AdjournmentReason, Court
from court_cms.settings import setting


def case_facts(court_id=None):
    """CaseFacts of every case (of one court), with trial settings counted per case."""
    trials = dict(
        db.session.execute(
            select(Hearing.case_id, func.count())
            .where(Hearing.hearing_type == "TRIAL")
            .group_by(Hearing.case_id)
        ).all()
    )
    held_trial = set(
        db.session.scalars(
            select(Hearing.case_id).where(
                Hearing.hearing_type == "TRIAL", Hearing.outcome == "HELD"
            )
        )
    )
    query = select(Case.id, Court.code, Case.filed_on, Case.disposed_on).join(Court)
    if court_id:
        query = query.where(Case.court_id == court_id)
    facts = []
    for case_id, court, filed, disposed in db.session.execute(query):
        facts.append(
            m.CaseFacts(
                case_id=str(case_id),
                court=court,
                filed_on=filed,
                disposed_on=disposed,
                disposed_by_trial=disposed is not None and case_id in held_trial,
                trial_settings=trials.get(case_id, 0) if case_id in held_trial else 0,
            )
        )
    return facts


def hearing_facts(period, court_id=None):
    """HearingFacts of the hearings held or adjourned in the period."""
    query = (
        select(
            Hearing.case_id,
            Court.code,
            Hearing.scheduled_on,
            Hearing.outcome,
            AdjournmentReason.label,
            Hearing.responsible_side,
        )
        .join(Hearing.case)
        .join(Court, Court.id == Case.court_id)
        .outerjoin(AdjournmentReason, AdjournmentReason.id == Hearing.adjournment_reason_id)
        .where(
            Hearing.scheduled_on.between(period.start, period.end),
            Hearing.outcome.in_(("HELD", "ADJOURNED")),
        )
    )
    if court_id:
        query = query.where(Case.court_id == court_id)
    return [
        m.HearingFacts(
            case_id=str(cid),
            court=court,
            date=day,
            outcome=outcome.lower(),
            reason_code=reason,
            responsible_side=side,
        )
        for cid, court, day, outcome, reason, side in db.session.execute(query)
    ]


def measures(period, court_id=None, as_of=None):
    """Every published measure for the period (and court)."""
    cases = case_facts(court_id)
    hearings = hearing_facts(period, court_id)
    as_of = as_of or min(period.end, belize_today())
    return {
        "clearance": m.clearance_rate(cases, period),
        "time_to_disposition": m.time_to_disposition(
            cases, period, setting("COURT_TIME_STANDARDS")
        ),
        "pending_age": m.pending_age(cases, as_of, setting("COURT_AGE_BANDS")),
        "certainty": m.trial_date_certainty(cases, period),
        "disposition_time": m.disposition_time(cases, period),
        "adjournments": m.adjournments(hearings, period),
    }


def yearly_flow(court_id=None, years=10, today=None):
    """Per year: filed, disposed, pending at year end, M2 clearance rate and CEPEJ days."""
    today = today or belize_today()
    cases = case_facts(court_id)
    labels = list(range(today.year - years + 1, today.year + 1))
    flow = {"labels": [str(y) for y in labels], "filed": [], "disposed": [], "pending": []}
    flow.update(clearance=[], disposition_time=[])
    for year in labels:
        period = m.Period(date(year, 1, 1), min(date(year, 12, 31), today))
        clearance = m.clearance_rate(cases, period)
        cepej = m.disposition_time(cases, period)
        flow["filed"].append(clearance.incoming)
        flow["disposed"].append(clearance.outgoing)
        flow["pending"].append(cepej.pending_at_end)
        flow["clearance"].append(_rounded(clearance.rate))
        flow["disposition_time"].append(_rounded(cepej.days))
    return flow


def _rounded(value):
    return None if value is None else round(value, 1)
