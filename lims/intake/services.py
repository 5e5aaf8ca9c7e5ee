"""Case intake: lab case numbers, the submission details and the persons concerned."""

from datetime import timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload

from common.audit.services import record_event
from common.counters import take_next
from common.extensions import db
from common.iccs.models import NationalOffence
from common.persons.index_store import surviving
from common.persons.models import Person
from common.persons.services import PersonChoiceError, attach_record
from lims.errors import LimsError
from lims.intake.models import PERSON_ROLES, CasePerson, LabCase
from lims.settings import setting
from lims.times import as_utc, belize_date, now_utc

CASE_FIELDS = (
    "agency",
    "officer_name",
    "officer_number",
    "agency_case_number",
    "national_offence_id",
    "incident_date",
    "district",
    "received_at",
    "notes",
)
REQUIRED = (
    ("agency", "Give the submitting agency (for example 'Belize Police Department')."),
    ("officer_name", "Give the name of the submitting officer."),
    ("agency_case_number", "Give the agency's case or incident number."),
    ("national_offence_id", "Choose the offence from the list."),
    ("received_at", "Give the date and time the lab received the submission."),
)


def next_lab_number(received_at):
    """Issue the next lab case number of the receipt year (gap-free, never repeated)."""
    year = belize_date(received_at).year
    seq = take_next(f"lims:case:{year}")
    return setting("LIMS_CASE_NUMBER_FORMAT").format(year=year, seq=seq)


def check_case_data(data, now=None):
    """Refuse a submission with missing details, an unknown offence or impossible dates."""
    for name, message in REQUIRED:
        if not data.get(name):
            raise LimsError(message, name)
    if db.session.get(NationalOffence, int(data["national_offence_id"])) is None:
        raise LimsError("Choose the offence from the list.", "national_offence_id")
    received = as_utc(data["received_at"])
    now = now or now_utc()
    if received > now + timedelta(minutes=setting("LIMS_FUTURE_TOLERANCE_MINUTES")):
        raise LimsError(
            "The receipt time is in the future: check the date and time.", "received_at"
        )
    incident = data.get("incident_date")
    if incident and incident > belize_date(received):
        raise LimsError(
            "The incident date is after the lab received the items: check both dates.",
            "incident_date",
        )


def create_case(data, user_id=None):
    """Open a lab case for a submission; returns the LabCase (flushed)."""
    check_case_data(data)
    values = {k: data.get(k) for k in CASE_FIELDS if data.get(k) is not None}
    values["received_at"] = as_utc(values["received_at"])
    case = LabCase(
        lab_number=next_lab_number(values["received_at"]), received_by_id=user_id, **values
    )
    db.session.add(case)
    db.session.flush()
    return case


def _already_in_case(case, role, person_public_id):
    if not person_public_id:
        return False
    person = db.session.scalar(select(Person).where(Person.public_id == person_public_id))
    if person is None:
        return False
    person = surviving(person)
    return any(p.person_id == person.id and p.role == role for p in case.persons)


def add_person(case, role, person_public_id, identity):
    """Add a suspect, victim or deceased person, found or created in the person index."""
    if role not in PERSON_ROLES:
        raise LimsError("Choose the person's role in the case.", "role")
    if _already_in_case(case, role, person_public_id):
        raise LimsError(f"This person is already recorded as {role.lower()} in the case.")
    ref = f"{case.lab_number}/P{len(case.persons) + 1}"
    try:
        record = attach_record("lims", ref, person_public_id, identity)
    except PersonChoiceError as exc:
        raise LimsError(str(exc)) from exc
    link = CasePerson(role=role, person_id=record.person_id, person_record=record)
    case.persons.append(link)
    db.session.flush()
    return link


def case_for_view(case_id):
    """Load a case for display; each opening is audited."""
    case = db.session.get(LabCase, case_id)
    if case is not None:
        record_event(db.session, "view", "LabCase", case.id, {"screen": "case"})
    return case


def search_cases(text="", page=1):
    """Cases matching every word (lab number, agency number, agency, officer), newest first."""
    query = select(LabCase).options(joinedload(LabCase.offence))
    for word in (text or "").split():
        like = f"%{word}%"
        query = query.where(
            or_(
                LabCase.lab_number.ilike(like),
                LabCase.agency_case_number.ilike(like),
                LabCase.agency.ilike(like),
                LabCase.officer_name.ilike(like),
            )
        )
    query = query.order_by(LabCase.received_at.desc(), LabCase.id.desc())
    return db.paginate(query, page=page, per_page=setting("LIMS_PAGE_SIZE"), error_out=False)
