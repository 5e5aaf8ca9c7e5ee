"""Admission rules: commitment authority, person index, booking number, status history."""

from datetime import timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import contains_eager

from common.audit.services import record_event
from common.counters import take_next
from common.extensions import db
from common.locking import check_version
from common.persons.index_store import surviving
from common.persons.models import IDENTITY_FIELDS, Person, PersonRecord
from common.persons.services import attach_record
from common.sqlfilters import in_ids
from prison_ims.admissions.models import (
    AUTHORITY_TYPES,
    LEGAL_STATUSES,
    Admission,
    AdmissionOffence,
    LegalStatusChange,
)
from prison_ims.movements.models import IN_CUSTODY_STATES, Movement
from prison_ims.movements.services import current_state, in_custody, record_movement
from prison_ims.settings import setting
from prison_ims.times import as_utc, belize_date, now_utc


class AdmissionError(ValueError):
    """An admission that breaks a rule; `field` names the form field to fix, if one."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


def next_booking_number(admitted_at):
    """Issue the next booking number of the admission year (gap-free, never repeated)."""
    year = belize_date(admitted_at).year
    seq = take_next(f"prison:booking:{year}")
    return setting("PRISON_BOOKING_NUMBER_FORMAT").format(year=year, seq=seq)


def check_authority(data):
    """Refuse an admission without a complete, plausible commitment authority."""
    if data.get("authority_type") not in AUTHORITY_TYPES:
        raise AdmissionError(
            "Choose the commitment authority: remand warrant, committal order or sentence "
            "warrant. No one is admitted without one.",
            "authority_type",
        )
    for name, label in (
        ("authority_court", "issuing court"),
        ("authority_reference", "warrant or order reference"),
        ("authority_date", "date of the warrant or order"),
    ):
        if not data.get(name):
            raise AdmissionError(f"Give the {label}: it is part of the commitment authority.", name)
    if data["authority_date"] > belize_date(data["admitted_at"]):
        raise AdmissionError(
            "The warrant or order is dated after the admission: check both dates.",
            "authority_date",
        )
    status = data.get("legal_status")
    if status not in LEGAL_STATUSES:
        raise AdmissionError("Choose the legal status.", "legal_status")
    allowed = setting("PRISON_STATUS_AUTHORITIES").get(status, ())
    if data["authority_type"] not in allowed:
        names = " or ".join(AUTHORITY_TYPES[a].lower() for a in allowed) or "no authority"
        raise AdmissionError(
            f"A person admitted as '{LEGAL_STATUSES[status]}' needs a {names}; "
            f"a {AUTHORITY_TYPES[data['authority_type']].lower()} does not support it.",
            "legal_status",
        )


def check_times(data, backdate_days=None):
    """Admission time neither in the future nor too far back; arrest before admission.

    `backdate_days` replaces the back-dating limit for history taken from paper registers.
    """
    admitted_at, now = as_utc(data["admitted_at"]), now_utc()
    if admitted_at > now + timedelta(minutes=setting("PRISON_FUTURE_TOLERANCE_MINUTES")):
        raise AdmissionError("The admission time is in the future.", "admitted_at")
    days = backdate_days if backdate_days is not None else setting("PRISON_ADMISSION_BACKDATE_DAYS")
    if admitted_at < now - timedelta(days=days):
        raise AdmissionError(
            f"The admission time is more than {days} days ago: ask the records supervisor.",
            "admitted_at",
        )
    if data.get("arrested_at") and as_utc(data["arrested_at"]) > admitted_at:
        raise AdmissionError("The arrest is recorded after the admission time.", "arrested_at")


def resolve_person(public_id):
    """The surviving person chosen in the form, or None for a new person."""
    if not public_id:
        return None
    person = db.session.scalar(select(Person).where(Person.public_id == public_id))
    if person is None:
        raise AdmissionError("The person chosen is no longer in the index: search again.")
    return surviving(person)


def open_admission_of(person):
    """The admission under which a person is in custody now, or None."""
    for admission in db.session.scalars(
        select(Admission).where(Admission.person_id == person.id).order_by(Admission.id.desc())
    ):
        if in_custody(current_state(admission.id)):
            return admission
    return None


def create_admission(data, person_public_id=None, user_id=None, backdate_days=None):
    """Admit a person on a commitment authority; returns the Admission (flushed).

    `data` holds the identity fields, the authority, the Rule 7 entries, `offences`
    [(national offence id, particulars)], `property_items` and `children` (lists of dicts).
    """
    check_authority(data)
    check_times(data, backdate_days)
    offences = [(oid, text) for oid, text in data.get("offences", []) if oid]
    if not offences and data["legal_status"] != "CIVIL":
        raise AdmissionError("Add at least one offence from the list.", "offences")
    person = resolve_person(person_public_id)
    if person is not None:
        already = open_admission_of(person)
        if already is not None:
            raise AdmissionError(
                f"This person is already in custody under booking {already.booking_number}: "
                "record a change of status or a return on that admission instead."
            )
    identity = {k: data.get(k) for k in IDENTITY_FIELDS}
    booking = next_booking_number(data["admitted_at"])
    record = attach_record("prison", booking, person and person.public_id, identity)
    admission = Admission(
        booking_number=booking,
        person_id=record.person_id,
        person_record_id=record.id,
        admitted_by_id=user_id,
        **{k: data.get(k) for k in ADMISSION_FIELDS if data.get(k) is not None},
    )
    db.session.add(admission)
    db.session.flush()
    for oid, particulars in offences:
        db.session.add(
            AdmissionOffence(
                admission_id=admission.id, national_offence_id=oid, particulars=particulars or ""
            )
        )
    db.session.add(
        LegalStatusChange(
            admission_id=admission.id,
            to_status=admission.legal_status,
            changed_at=admission.admitted_at,
            reason=f"Admitted on {admission.authority_label}",
            changed_by_id=user_id,
        )
    )
    record_movement(
        admission,
        "ADM",
        admission.admitted_at,
        place="Belize Central Prison",
        reason=admission.authority_label,
        user_id=user_id,
    )
    return admission


ADMISSION_FIELDS = (
    "authority_type",
    "authority_court",
    "authority_date",
    "authority_reference",
    "reason",
    "arrested_at",
    "arrest_place",
    "admitted_at",
    "visible_injuries",
    "ill_treatment_claims",
    "property_items",
    "children",
    "next_of_kin_name",
    "next_of_kin_relationship",
    "next_of_kin_contact",
    "legal_status",
)


def change_legal_status(admission, new_status, reason, version, user_id=None, at=None):
    """Change the legal status of a person in custody, keeping the history."""
    check_version(admission, version, f"Admission {admission.booking_number}")
    if new_status not in LEGAL_STATUSES:
        raise AdmissionError("Choose a legal status from the list.", "status")
    if new_status == admission.legal_status:
        raise AdmissionError(f"The legal status is already '{admission.status_label}'.", "status")
    if not (reason or "").strip():
        raise AdmissionError(
            "Give the reason (for example the court order and its date).", "reason"
        )
    if not in_custody(current_state(admission.id)):
        raise AdmissionError(f"{admission.booking_number} is no longer in custody.")
    change = LegalStatusChange(
        admission_id=admission.id,
        from_status=admission.legal_status,
        to_status=new_status,
        changed_at=as_utc(at) if at else now_utc(),
        reason=reason.strip(),
        changed_by_id=user_id,
    )
    admission.legal_status = new_status
    db.session.add(change)
    db.session.flush()
    return change


def admission_for_view(admission_id):
    """Load an admission for display; each opening is audited."""
    admission = db.session.get(Admission, admission_id)
    if admission is not None:
        record_event(db.session, "view", "Admission", admission.id, {"screen": "admission"})
    return admission


def search_admissions(text="", status="", custody="", page=1):
    """Admissions matching every word (name, booking, reference), newest first, paginated."""
    query = (
        select(Admission)
        .join(PersonRecord, PersonRecord.id == Admission.person_record_id)
        .options(contains_eager(Admission.person_record))
    )
    for word in (text or "").split():
        like = f"%{word}%"
        # Every condition reads an index (trigram or b-tree), combined by PostgreSQL.
        named = select(PersonRecord.id).where(
            or_(
                PersonRecord.given_name.ilike(like),
                PersonRecord.surname.ilike(like),
                PersonRecord.middle_name.ilike(like),
            )
        )
        query = query.where(
            or_(
                in_ids(Admission.person_record_id, named),
                Admission.booking_number.ilike(like),
                Admission.authority_reference.ilike(like),
            )
        )
    if status in LEGAL_STATUSES:
        query = query.where(Admission.legal_status == status)
    if custody in ("in", "out"):
        last = (
            select(Movement.to_state)
            .where(Movement.admission_id == Admission.id)
            .order_by(Movement.occurred_at.desc(), Movement.id.desc())
            .limit(1)
            .scalar_subquery()
        )
        held = last.in_(IN_CUSTODY_STATES)
        query = query.where(held if custody == "in" else ~held)
    query = query.order_by(Admission.admitted_at.desc(), Admission.id.desc())
    return db.paginate(query, page=page, per_page=setting("PRISON_PAGE_SIZE"), error_out=False)
