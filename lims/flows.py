"""What the laboratory tells the other systems: case numbers, request states, never results."""

from sqlalchemy import func, select

from common.extensions import db
from common.flows.refs import LabCaseRef, LabRequestRef
from common.flows.registry import provides
from lims.analysis.models import AnalysisRequest
from lims.intake.models import CasePerson, LabCase
from lims.metrics.services import dashboard
from lims.times import belize_date


def _case_ref(case):
    return LabCaseRef(case.id, case.lab_number, belize_date(case.received_at))


def _request_ref(r):
    return LabRequestRef(
        id=r.id,
        lab_case_id=r.case_id,
        lab_number=r.case.lab_number,
        discipline=r.discipline_label,
        state=r.state_label,
        received_on=belize_date(r.received_at),
        completed_on=belize_date(r.completed_at) if r.completed_at else None,
    )


@provides("lims.case_by_number")
def case_by_number(number):
    """The lab case with this lab number, or None."""
    number = (number or "").strip().upper()
    case = db.session.scalar(select(LabCase).where(func.upper(LabCase.lab_number) == number))
    return _case_ref(case) if case else None


@provides("lims.cases")
def cases(ids):
    """LabCaseRefs of the given case ids, by lab number."""
    if not ids:
        return []
    query = select(LabCase).where(LabCase.id.in_(list(ids))).order_by(LabCase.lab_number)
    return [_case_ref(c) for c in db.session.scalars(query)]


@provides("lims.requests_of_cases")
def requests_of_cases(case_ids):
    """LabRequestRefs of every request of the given lab cases, oldest first."""
    if not case_ids:
        return []
    query = (
        select(AnalysisRequest)
        .where(AnalysisRequest.case_id.in_(list(case_ids)))
        .order_by(AnalysisRequest.received_at, AnalysisRequest.id)
    )
    return [_request_ref(r) for r in db.session.scalars(query)]


@provides("lims.requests")
def requests(ids):
    """LabRequestRefs of the given request ids, oldest first."""
    if not ids:
        return []
    query = (
        select(AnalysisRequest)
        .where(AnalysisRequest.id.in_(list(ids)))
        .order_by(AnalysisRequest.received_at, AnalysisRequest.id)
    )
    return [_request_ref(r) for r in db.session.scalars(query)]


@provides("lims.person_cases")
def person_cases(person_id):
    """[{case: LabCaseRef, role, requests: [LabRequestRef]}] of the lab cases naming a person."""
    links = db.session.scalars(
        select(CasePerson)
        .join(LabCase, LabCase.id == CasePerson.case_id)
        .where(CasePerson.person_id == person_id)
        .order_by(LabCase.received_at.desc())
    )
    return [
        {
            "case": _case_ref(p.case),
            "role": p.role_label,
            "requests": [_request_ref(r) for r in p.case.requests],
        }
        for p in links
    ]


@provides("lims.headline")
def headline():
    """Open requests, backlog now and turnaround medians (the metrics page's figures)."""
    figures = dashboard()
    backlog_now = sum(values[-1] for values in figures["backlog"].values())
    return {
        "open_now": figures["open_now"],
        "backlog_now": backlog_now,
        "backlog_days": figures["backlog_days"],
        "backlog_by_discipline": {k: v[-1] for k, v in figures["backlog"].items()},
        "turnaround": figures["turnaround"],
    }
