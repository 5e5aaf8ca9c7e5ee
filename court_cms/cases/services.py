"""Case rules: numbering, filing, parties through the person index, charges and outcomes."""

from sqlalchemy import func, or_, select
from sqlalchemy.orm import joinedload, selectinload

from common.audit.services import record_event
from common.counters import take_next
from common.extensions import db
from common.iccs.models import NationalOffence
from common.locking import check_version
from common.persons.models import PersonRecord
from common.persons.services import PersonChoiceError, attach_record
from common.sqlfilters import in_ids
from common.timefmt import belize_today
from court_cms.cases.models import CASE_STATUSES, PARTY_ROLES, Case, CaseStatusChange, Charge, Party
from court_cms.custody.listings import publish_case
from court_cms.custody.services import charge_disposed
from court_cms.errors import CourtError
from court_cms.reference.models import Court
from court_cms.settings import setting

FINAL_DISPOSITIONS_WITHOUT_VERDICT = {"WITHDRAWN", "NOLLE_PROSEQUI", "DISMISSED", "DISCHARGED"}


def next_case_number(court, case_type, filed_on):
    """The next number of this court, case type and filing year (never repeated)."""
    seq = take_next(f"court:{court.code}:{case_type}:{filed_on.year}")
    return setting("COURT_CASE_NUMBER_FORMAT").format(
        court=court.code, type=case_type, year=filed_on.year, seq=seq
    )


def file_case(data, user_id=None, today=None):
    """Register a new case; returns it (flushed). A given case number must be unused."""
    today = today or belize_today()
    court = db.session.get(Court, data["court_id"])
    if court is None or not court.active:
        raise CourtError("Choose the court the case is filed in.", "court_id")
    if data["filed_on"] > today:
        raise CourtError("The filing date cannot be in the future.", "filed_on")
    number = (data.get("case_number") or "").strip().upper()
    if number:
        if db.session.scalar(select(Case.id).where(Case.case_number == number)):
            raise CourtError(
                f"Case number {number} is already registered: check the number, or leave it "
                "empty and the system issues the next one.",
                "case_number",
            )
    else:
        number = next_case_number(court, data["case_type"], data["filed_on"])
    case = Case(
        case_number=number,
        court_id=court.id,
        case_type=data["case_type"],
        filed_on=data["filed_on"],
        prosecuting_agency=data["prosecuting_agency"],
        police_case_number=data.get("police_case_number") or "",
        judicial_officer=data.get("judicial_officer") or "",
        prosecutor=data.get("prosecutor") or "",
        created_by_id=user_id,
    )
    _status(case, "PENDING", data["filed_on"], "Filed", user_id)
    db.session.add(case)
    db.session.flush()
    return case


def _status(case, status, on, reason, user_id):
    case.status = status
    case.status_history.append(
        CaseStatusChange(to_status=status, changed_on=on, reason=reason, changed_by_id=user_id)
    )


def add_party(case, role, person_public_id, identity, counsel="", in_custody=False):
    """Add a defendant, complainant or witness, found or created in the person index."""
    if case.status == "DISPOSED":
        raise CourtError("The case is disposed: reopen it before adding parties.")
    if role not in PARTY_ROLES:
        raise CourtError("Choose the role of the party.", "role")
    taken = db.session.scalar(select(func.count(Party.id)).where(Party.case_id == case.id))
    ref = f"{case.case_number}/{role[:3]}/{taken + 1}"
    try:
        record = attach_record("court", ref, person_public_id, identity)
    except PersonChoiceError as exc:
        raise CourtError(str(exc)) from exc
    already = select(Party.id).where(
        Party.case_id == case.id, Party.person_id == record.person_id, Party.role == role
    )
    if db.session.scalar(already):
        raise CourtError(f"This person is already a {PARTY_ROLES[role].lower()} in the case.")
    party = Party(
        role=role,
        person_id=record.person_id,
        person_record_id=record.id,
        counsel=counsel,
        in_custody=in_custody,
    )
    case.parties.append(party)
    db.session.flush()
    if role == "DEFENDANT":
        publish_case(case)
    return party


def add_charge(party, national_offence_id, particulars=""):
    """Add the next count against a defendant."""
    if party.role != "DEFENDANT":
        raise CourtError("Charges are laid against defendants only.")
    if party.case.status == "DISPOSED":
        raise CourtError("The case is disposed: reopen it before adding charges.")
    count = max((c.count_number for c in party.charges), default=0) + 1
    offence = db.session.get(NationalOffence, national_offence_id or 0)
    if offence is None or not offence.active:
        raise CourtError("Choose the offence from the list.", "offence")
    charge = Charge(
        count_number=count,
        national_offence_id=offence.id,
        particulars=particulars,
    )
    party.charges.append(charge)
    db.session.flush()
    return charge


def record_outcome(charge, data, version, user_id=None, today=None):
    """Plea, verdict and disposition of a charge; closes the case when every charge is done."""
    today = today or belize_today()
    check_version(charge, version, f"Count {charge.count_number}")
    case = charge.party.case
    for field in ("plea_on", "disposition_on"):
        day = data.get(field)
        if day and day < case.filed_on:
            raise CourtError("The date is before the case was filed.", field)
        if day and day > today:
            raise CourtError("The date cannot be in the future.", field)
    if charge.disposition in FINAL_DISPOSITIONS_WITHOUT_VERDICT and data.get("verdict"):
        raise CourtError(
            f"The charge was {charge.disposition.lower().replace('_', ' ')}: no verdict can be "
            "recorded on it.",
            "verdict",
        )
    disposition = data.get("disposition") or charge.disposition
    verdict = data.get("verdict") or charge.verdict
    if disposition in FINAL_DISPOSITIONS_WITHOUT_VERDICT and data.get("verdict"):
        raise CourtError(
            "A withdrawn, discontinued, dismissed or discharged charge has no verdict: clear "
            "the verdict or choose another disposition.",
            "verdict",
        )
    if (
        disposition == "CONVICTED"
        and verdict != "GUILTY"
        and (data.get("plea") or charge.plea) != "GUILTY"
    ):
        raise CourtError("A conviction needs a guilty plea or a guilty verdict.", "disposition")
    if disposition == "ACQUITTED" and verdict != "NOT_GUILTY":
        raise CourtError("An acquittal needs a verdict of not guilty.", "disposition")
    if disposition and not (data.get("disposition_on") or charge.disposition_on):
        raise CourtError("Give the date of the disposition.", "disposition_on")
    for field in ("plea", "plea_on", "verdict", "disposition", "disposition_on"):
        if data.get(field):
            setattr(charge, field, data[field])
    db.session.flush()
    _close_if_done(case, user_id)
    if data.get("disposition"):
        charge_disposed(charge, user_id)
    return charge


def _close_if_done(case, user_id):
    charges = [c for p in case.defendants for c in p.charges]
    if charges and all(c.disposition for c in charges) and case.status != "DISPOSED":
        last = max(c.disposition_on for c in charges)
        case.disposed_on = last
        _status(case, "DISPOSED", last, "Every charge disposed of", user_id)


def change_status(case, status, on, reason, version, user_id=None, today=None):
    """Reopen or transfer a case; the change is kept in the history."""
    check_version(case, version, f"Case {case.case_number}")
    if on > (today or belize_today()):
        raise CourtError("The date cannot be in the future.", "changed_on")
    if status not in CASE_STATUSES or status == case.status:
        raise CourtError("Choose a different status.", "status")
    if not reason.strip():
        raise CourtError("Give the reason for the change of status.", "reason")
    if on < case.filed_on:
        raise CourtError("The date is before the case was filed.", "changed_on")
    if status in ("PENDING", "REOPENED"):
        case.disposed_on = None
    elif status == "DISPOSED":
        case.disposed_on = on
    _status(case, status, on, reason.strip(), user_id)
    db.session.flush()


def search_cases(text="", court_id=None, status="", page=1):
    """Cases by number, police number or party name, newest first."""
    query = (
        select(Case)
        .options(
            selectinload(Case.parties).joinedload(Party.record),
            joinedload(Case.court),
        )
        .order_by(Case.filed_on.desc(), Case.id.desc())
    )
    if court_id:
        query = query.where(Case.court_id == court_id)
    if status:
        query = query.where(Case.status == status)
    for word in text.split():
        like = f"%{word}%"
        # Every condition reads an index (trigram or b-tree), combined by PostgreSQL.
        named = (
            select(Party.case_id)
            .join(PersonRecord, PersonRecord.id == Party.person_record_id)
            .where(or_(PersonRecord.surname.ilike(like), PersonRecord.given_name.ilike(like)))
        )
        query = query.where(
            or_(
                Case.case_number.ilike(like),
                Case.police_case_number.ilike(like),
                in_ids(Case.id, named),
            )
        )
    return db.paginate(query, page=page, per_page=setting("COURT_PAGE_SIZE"), error_out=False)


def case_for_view(case_id):
    """A case for its page, with its court and courtrooms, parties, charges and offences;
    opening it is audited (it names persons)."""
    parties = selectinload(Case.parties)
    case = db.session.get(
        Case,
        case_id,
        options=[
            joinedload(Case.court).selectinload(Court.courtrooms),
            parties.joinedload(Party.record),
            parties.joinedload(Party.person),
            parties.selectinload(Party.charges).joinedload(Charge.offence),
        ],
    )
    if case is not None:
        record_event(db.session, "view", "Case", case.id, {"screen": "case page"})
    return case
