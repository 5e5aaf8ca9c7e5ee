"""What the court tells the other systems (providers of common.flows.registry)."""

from collections import defaultdict
from datetime import timedelta

from sqlalchemy import func, select

from common.extensions import db
from common.flows.refs import CourtCaseRef, HearingStep
from common.flows.registry import provides
from common.timefmt import belize_today
from court_cms.cases.models import CASE_STATUSES, PARTY_ROLES, Case, Party
from court_cms.hearings.models import Hearing
from court_cms.metrics.measures import Period
from court_cms.reference.models import SIDES, AdjournmentReason, Court
from court_cms.settings import setting
from court_cms.statistics.services import measures


def _ref(case):
    return CourtCaseRef(
        id=case.id,
        number=case.case_number,
        court_id=case.court_id,
        court=case.court.name,
        status=CASE_STATUSES.get(case.status, case.status),
        filed_on=case.filed_on,
    )


@provides("court.case_by_number")
def case_by_number(number):
    """The court case with this number (any case), or None."""
    number = (number or "").strip().upper()
    case = db.session.scalar(select(Case).where(func.upper(Case.case_number) == number))
    return _ref(case) if case else None


@provides("court.cases")
def cases(ids):
    """CourtCaseRefs of the given case ids, by number."""
    if not ids:
        return []
    found = db.session.scalars(
        select(Case).where(Case.id.in_(list(ids))).order_by(Case.case_number)
    )
    return [_ref(c) for c in found]


@provides("court.courts")
def courts():
    """(id, name) of the active courts."""
    rows = db.session.execute(
        select(Court.id, Court.name).where(Court.active.is_(True)).order_by(Court.name)
    )
    return [tuple(r) for r in rows]


@provides("court.hearing_steps")
def hearing_steps(person_ids):
    """{person id: [HearingStep]} of the hearings of every case the person is a defendant in."""
    result = defaultdict(list)
    if not person_ids:
        return result
    rows = db.session.execute(
        select(
            Party.person_id,
            Hearing.scheduled_on,
            Hearing.case_id,
            Case.court_id,
            Court.name,
            Hearing.outcome,
            AdjournmentReason.label,
            Hearing.responsible_side,
            Case.filed_on,
            Case.disposed_on,
        )
        .join(Case, Case.id == Party.case_id)
        .join(Hearing, Hearing.case_id == Case.id)
        .join(Court, Court.id == Case.court_id)
        .outerjoin(AdjournmentReason, AdjournmentReason.id == Hearing.adjournment_reason_id)
        .where(Party.role == "DEFENDANT", Party.person_id.in_(list(person_ids)))
        .order_by(Hearing.scheduled_on, Hearing.id)
    )
    for person_id, day, case_id, court_id, court, outcome, reason, side, filed, disposed in rows:
        side_label = SIDES.get(side, side) if side else None
        step = HearingStep(
            day, case_id, court_id, court, outcome, reason, side_label, filed, disposed
        )
        result[person_id].append(step)
    return result


@provides("court.person_cases")
def person_cases(person_id):
    """[{case: CourtCaseRef, role}] of the cases a person is a party to, newest first."""
    parties = db.session.scalars(
        select(Party)
        .join(Case, Case.id == Party.case_id)
        .where(Party.person_id == person_id)
        .order_by(Case.filed_on.desc(), Party.id)
    )
    return [{"case": _ref(p.case), "role": PARTY_ROLES.get(p.role, p.role)} for p in parties]


@provides("court.headline")
def headline(today=None):
    """Clearance rate and median days to disposition over the last 12 months, all courts."""
    today = today or belize_today()
    period = Period(today - timedelta(days=365), today)
    results = measures(period)
    clearance, ttd = results["clearance"], results["time_to_disposition"]
    pending = db.session.scalar(select(func.count(Case.id)).where(Case.status != "DISPOSED"))
    return {
        "period": period,
        "clearance_rate": None if clearance.rate is None else round(clearance.rate, 1),
        "filed": clearance.incoming,
        "disposed": clearance.outgoing,
        "median_days": ttd.median_days,
        "pending": pending or 0,
    }


@provides("court.adjournments_for")
def adjournments_for(case_ids, reason_codes):
    """[(hearing id, case id, day)] of the cases' adjournments with one of the reason codes."""
    if not case_ids:
        return []
    rows = db.session.execute(
        select(Hearing.id, Hearing.case_id, Hearing.scheduled_on)
        .join(AdjournmentReason, AdjournmentReason.id == Hearing.adjournment_reason_id)
        .where(
            Hearing.case_id.in_(list(case_ids)),
            Hearing.outcome == "ADJOURNED",
            AdjournmentReason.code.in_(list(reason_codes)),
        )
        .order_by(Hearing.scheduled_on, Hearing.id)
    )
    return [tuple(r) for r in rows]


@provides("court.forensic_reason_codes")
def forensic_reason_codes():
    """The adjournment reason codes meaning "awaiting the forensic laboratory" (a setting)."""
    return tuple(setting("COURT_FORENSIC_REASON_CODES"))
