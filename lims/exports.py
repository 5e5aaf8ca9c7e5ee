"""The lab's BCO datasets: cases, persons of cases, analysis requests — never results.

Findings, conclusions, report text and item descriptions never leave the lab.
"""

from datetime import timedelta

from sqlalchemy import func, select

from common.exports.columns import with_offence, with_person
from common.exports.datasets import Dataset, register
from common.exports.datasets import schema_field as f
from lims.analysis.models import DISCIPLINES, PRIORITIES, REQUEST_STATES, AnalysisRequest
from lims.intake.models import CasePerson, LabCase
from lims.reports.models import Report
from lims.settings import setting
from lims.times import as_utc, now_utc

LAB_NUMBER = f("lab_number", "string", "Lab case number", required=True)
RECEIVED = f("received_at", "datetime", "When the lab received the case (UTC)", required=True)


def _cases_query():
    query = select(
        LabCase.id.label("record_id"),
        LabCase.lab_number,
        LabCase.received_at,
        LabCase.incident_date,
        LabCase.district,
    )
    return with_offence(query, LabCase.national_offence_id)


def _case_persons_query():
    query = select(
        CasePerson.id.label("record_id"),
        LabCase.id.label("case_id"),
        LabCase.lab_number,
        CasePerson.role,
    ).join(LabCase, LabCase.id == CasePerson.case_id)
    event = func.coalesce(LabCase.incident_date, LabCase.received_at)
    return with_person(query, CasePerson.person_id, CasePerson.person_record_id, event)


def _requests_query():
    released = (
        select(func.min(Report.released_at))
        .where(Report.request_id == AnalysisRequest.id)
        .scalar_subquery()
    )
    return select(
        AnalysisRequest.id.label("record_id"),
        LabCase.id.label("case_id"),
        LabCase.lab_number,
        AnalysisRequest.discipline,
        AnalysisRequest.priority,
        AnalysisRequest.state,
        AnalysisRequest.received_at,
        AnalysisRequest.completed_at,
        released.label("released_at"),
    ).join(LabCase, LabCase.id == AnalysisRequest.case_id)


def _turnaround(row):
    received, completed = as_utc(row["received_at"]), as_utc(row.get("completed_at"))
    limit = timedelta(days=setting("LIMS_BACKLOG_DAYS"))
    late = (completed - received > limit) if completed else (now_utc() - received > limit)
    days = (completed - received).days if completed else None
    return {**row, "turnaround_days": days, "backlog": late}


def _requests_of_case(session, case):
    query = select(AnalysisRequest.id).where(AnalysisRequest.case_id == case.id)
    return session.scalars(query).all()


def _case_persons_by_person(person_ids):
    return select(CasePerson.id).where(CasePerson.person_id.in_(person_ids))


DISTRICT = f("district", "string", "ISO 3166-2:BZ district of the incident")
register(
    Dataset(
        app="lims",
        name="cases",
        title="Lab cases",
        description="One row per case submitted to the lab: offence, district, dates.",
        fields=[LAB_NUMBER, RECEIVED, f("incident_date", "date"), DISTRICT],
        query=_cases_query,
        id_column=LabCase.id,
        watch={LabCase: lambda s, o: [o.id]},
        offence=True,
    )
)
register(
    Dataset(
        app="lims",
        name="case_persons",
        title="Persons of lab cases",
        description="Suspects, victims and deceased persons of a case, pseudonymised.",
        fields=[
            f("case_id", "integer", required=True),
            LAB_NUMBER,
            f("role", "string", required=True),
        ],
        query=_case_persons_query,
        id_column=CasePerson.id,
        watch={CasePerson: lambda s, o: [o.id]},
        by_person=_case_persons_by_person,
        person=True,
    )
)
register(
    Dataset(
        app="lims",
        name="requests",
        title="Analysis requests",
        description="One row per analysis request: discipline, dates, turnaround, backlog. "
        "No result detail.",
        fields=[
            f("case_id", "integer", required=True),
            LAB_NUMBER,
            f("discipline", "string", required=True, enum=list(DISCIPLINES)),
            f("priority", "string", required=True, enum=list(PRIORITIES)),
            f("state", "string", required=True, enum=list(REQUEST_STATES)),
            RECEIVED,
            f("completed_at", "datetime", "Report released: the request is complete"),
            f("released_at", "datetime", "First report version released"),
            f("turnaround_days", "integer", "Whole days received → completed", minimum=0),
            f(
                "backlog",
                "boolean",
                "Not completed within LIMS_BACKLOG_DAYS of receipt: completed late, or "
                "still open past the limit when this record was exported",
                required=True,
            ),
        ],
        query=_requests_query,
        id_column=AnalysisRequest.id,
        watch={
            AnalysisRequest: lambda s, o: [o.id],
            Report: lambda s, o: [o.request_id],
            LabCase: _requests_of_case,
        },
        transform=_turnaround,
    )
)
