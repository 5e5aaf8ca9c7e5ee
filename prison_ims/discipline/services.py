"""Discipline rules: incidents, charges adjudicated by a second person, awards, complaints."""

from datetime import timedelta

from sqlalchemy import func, select

from common.extensions import db
from common.locking import check_version
from prison_ims.admissions.models import Admission
from prison_ims.conduct_settings import conduct_setting
from prison_ims.discipline.models import (
    CLOSED_COMPLAINT_STATUSES,
    COMPLAINT_STATUSES,
    PARTY_ROLES,
    Complaint,
    ComplaintStep,
    DisciplinaryAward,
    DisciplinaryCharge,
    Incident,
    IncidentParty,
)
from prison_ims.movements.services import in_custody
from prison_ims.settings import setting
from prison_ims.times import as_utc, now_utc
from prison_ims.visits.services import state_at


class ConductError(ValueError):
    """A conduct record that breaks a rule; `field` names the form field to fix, if one."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


def check_recorded_time(at, field="occurred_at"):
    """A recorded time is given and not in the future; returns it as UTC."""
    if at is None:
        raise ConductError("Give the date and time.", field)
    at = as_utc(at)
    if at > now_utc() + timedelta(minutes=setting("PRISON_FUTURE_TOLERANCE_MINUTES")):
        raise ConductError("The time is in the future: check the date and time.", field)
    return at


def require_text(value, message, field):
    """Stripped text, or a refusal naming the field."""
    value = (value or "").strip()
    if not value:
        raise ConductError(message, field)
    return value


def require_in_custody_at(admission, at, what):
    """Refuse a record about someone who was not in custody at `at`."""
    if not in_custody(state_at(admission.id, at)):
        raise ConductError(
            f"{admission.booking_number} was not in custody at that time: "
            f"no {what} can be recorded for then."
        )


def admission_by_booking(booking):
    """The admission with this booking number, or a refusal."""
    admission = db.session.scalar(
        select(Admission).where(Admission.booking_number == (booking or "").strip().upper())
    )
    if admission is None:
        raise ConductError(f"No admission has booking number {booking!r}.", "parties")
    return admission


def record_incident(data, parties, user_id=None):
    """Record an incident with the people involved: parties = [(booking or '', name, role)]."""
    kinds = conduct_setting("PRISON_INCIDENT_TYPES")
    if data.get("kind") not in kinds:
        raise ConductError("Choose the type of incident.", "kind")
    at = check_recorded_time(data.get("occurred_at"))
    location = require_text(data.get("location"), "Say where it happened.", "location")
    description = require_text(
        data.get("description"), "Describe what happened and what was done.", "description"
    )
    resolved = []
    for booking, name, role in parties:
        if not (booking or "").strip() and not (name or "").strip():
            continue
        if role not in PARTY_ROLES:
            raise ConductError("Choose the part each person played.", "parties")
        admission = admission_by_booking(booking) if (booking or "").strip() else None
        if admission is not None:
            require_in_custody_at(admission, at, "incident")
        resolved.append((admission, (name or "").strip(), role))
    if not resolved:
        raise ConductError(
            "Name at least one person involved (a booking number, or a name for others).",
            "parties",
        )
    incident = Incident(
        kind=data["kind"],
        occurred_at=at,
        location=location,
        description=description,
        recorded_by_id=user_id,
    )
    db.session.add(incident)
    db.session.flush()
    for admission, name, role in resolved:
        db.session.add(
            IncidentParty(
                incident_id=incident.id,
                admission_id=admission and admission.id,
                name=name or (admission and admission.person_record.full_name) or "",
                role=role,
            )
        )
    db.session.flush()
    return incident


def lay_charge(admission, data, user_id=None):
    """Charge a prisoner with a disciplinary offence (adjudicated later by a supervisor)."""
    if data.get("offence") not in conduct_setting("PRISON_DISCIPLINARY_OFFENCES"):
        raise ConductError("Choose the disciplinary offence.", "offence")
    at = check_recorded_time(data.get("charged_at"), "charged_at")
    particulars = require_text(
        data.get("particulars"), "Give the particulars: what, when and where.", "particulars"
    )
    require_in_custody_at(admission, at, "charge")
    incident_id = data.get("incident_id") or None
    if incident_id and db.session.get(Incident, incident_id) is None:
        raise ConductError(f"There is no incident number {incident_id}.", "incident_id")
    charge = DisciplinaryCharge(
        admission_id=admission.id,
        incident_id=incident_id,
        offence=data["offence"],
        particulars=particulars,
        charged_at=at,
        charged_by_id=user_id,
    )
    db.session.add(charge)
    db.session.flush()
    return charge


def check_award(charge, kind, days, forfeited, legal_status):
    """Refuse an award the rules do not allow; returns (days, forfeited days)."""
    if kind not in conduct_setting("PRISON_AWARD_TYPES"):
        raise ConductError("Choose the award.", "award")
    days, forfeited = int(days or 0), int(forfeited or 0)
    if days < 0 or forfeited < 0:
        raise ConductError("Days cannot be negative.", "days")
    if kind == "FORFEIT_REMISSION":
        most = conduct_setting("PRISON_MAX_FORFEIT_DAYS_PER_AWARD")
        if legal_status != "SENTENCED":
            raise ConductError(
                "Only a sentenced prisoner earns remission: choose another award.", "award"
            )
        if not 1 <= forfeited <= most:
            raise ConductError(
                f"Give the remission days forfeited: 1 to {most} for one award.",
                "forfeited_days",
            )
        return 0, forfeited
    if forfeited:
        raise ConductError(
            "Remission days are forfeited only by an award of forfeiture of remission.",
            "forfeited_days",
        )
    if kind == "SEPARATION":
        most = conduct_setting("PRISON_MAX_SEPARATION_DAYS")
        if not 1 <= days <= most:
            raise ConductError(f"Separation is for 1 to {most} days (Mandela Rules 43-44).", "days")
    return days, 0


def adjudicate(charge, finding, reason, award, version, user_id=None):
    """Decide a charge (PROVEN with an award, or DISMISSED); never by the charging officer.

    `award` is (kind, days, forfeited days) or None; a proven charge needs one.
    """
    check_version(charge, version, f"Charge {charge.id}")
    if charge.status != "PENDING":
        raise ConductError(f"This charge was already decided: {charge.status_label.lower()}.")
    if user_id is not None and user_id == charge.charged_by_id:
        raise ConductError(
            "The officer who laid the charge cannot adjudicate it: another supervisor must."
        )
    if finding not in ("PROVEN", "DISMISSED"):
        raise ConductError("Choose the finding: proven or dismissed.", "finding")
    reason = require_text(reason, "Give the reasons for the finding.", "reason")
    now = now_utc()
    if finding == "PROVEN":
        if award is None or not award[0]:
            raise ConductError("A proven charge needs an award (a caution at least).", "award")
        days, forfeited = check_award(charge, award[0], award[1], award[2], _status(charge))
        db.session.add(
            DisciplinaryAward(
                charge_id=charge.id,
                admission_id=charge.admission_id,
                kind=award[0],
                days=days,
                forfeited_days=forfeited,
                awarded_at=now,
                awarded_by_id=user_id,
            )
        )
    charge.status, charge.finding = finding, reason
    charge.decided_at, charge.decided_by_id = now, user_id
    db.session.flush()
    return charge


def _status(charge):
    return db.session.get(Admission, charge.admission_id).legal_status


def forfeited_days_for_admission(admission_id) -> int:
    """Remission days forfeited by every award made under an admission (for release dates)."""
    total = db.session.scalar(
        select(func.coalesce(func.sum(DisciplinaryAward.forfeited_days), 0)).where(
            DisciplinaryAward.admission_id == admission_id
        )
    )
    return int(total or 0)


def receive_complaint(admission, data, user_id=None):
    """Record a complaint or an ill-treatment allegation as received."""
    if data.get("category") not in conduct_setting("PRISON_COMPLAINT_CATEGORIES"):
        raise ConductError("Choose the category of complaint.", "category")
    at = check_recorded_time(data.get("received_at"), "received_at")
    description = require_text(
        data.get("description"), "Write down the complaint in the prisoner's words.", "description"
    )
    complaint = Complaint(
        admission_id=admission.id,
        category=data["category"],
        received_at=at,
        against=(data.get("against") or "").strip(),
        description=description,
        recorded_by_id=user_id,
    )
    db.session.add(complaint)
    db.session.flush()
    db.session.add(
        ComplaintStep(complaint_id=complaint.id, status="RECEIVED", at=at, note="", by_id=user_id)
    )
    db.session.flush()
    return complaint


def move_complaint(complaint, status, note, referred_to, version, user_id=None):
    """Take a complaint to its next handling status, keeping every step."""
    check_version(complaint, version, f"Complaint {complaint.id}")
    if status not in COMPLAINT_STATUSES or status == "RECEIVED":
        raise ConductError("Choose the new status.", "status")
    if complaint.status in CLOSED_COMPLAINT_STATUSES:
        raise ConductError("This complaint is closed; record a new one if it is raised again.")
    if status == complaint.status:
        raise ConductError(f"The complaint is already '{complaint.status_label}'.", "status")
    note = require_text(note, "Say what was done or decided.", "note")
    if status == "REFERRED":
        complaint.referred_to = require_text(
            referred_to, "Name the independent authority it was referred to.", "referred_to"
        )
    if (
        status in CLOSED_COMPLAINT_STATUSES
        and complaint.category == "ILL_TREATMENT"
        and not complaint.referred_to
    ):
        raise ConductError(
            "An allegation of ill-treatment is closed only after referral to an independent "
            "authority (Mandela Rule 57(3)): record the referral first.",
            "status",
        )
    complaint.status = status
    complaint.steps.append(ComplaintStep(status=status, at=now_utc(), note=note, by_id=user_id))
    db.session.flush()
    return complaint


def _page(query, page):
    return db.paginate(query, page=page, per_page=setting("PRISON_PAGE_SIZE"), error_out=False)


def search_incidents(kind="", page=1):
    """Incidents, newest first, optionally of one type; paginated."""
    query = select(Incident)
    if kind:
        query = query.where(Incident.kind == kind)
    return _page(query.order_by(Incident.occurred_at.desc(), Incident.id.desc()), page)


def search_charges(status="", page=1):
    """Disciplinary charges, newest first, optionally in one status; paginated."""
    query = select(DisciplinaryCharge)
    if status:
        query = query.where(DisciplinaryCharge.status == status)
    return _page(query.order_by(DisciplinaryCharge.charged_at.desc()), page)


def search_complaints(category="", status="", page=1):
    """Complaints, newest first, filtered by category and status; paginated."""
    query = select(Complaint)
    if category:
        query = query.where(Complaint.category == category)
    if status == "OPEN":
        query = query.where(Complaint.status.not_in(CLOSED_COMPLAINT_STATUSES))
    elif status:
        query = query.where(Complaint.status == status)
    return _page(query.order_by(Complaint.received_at.desc(), Complaint.id.desc()), page)


def incidents_of(admission_id):
    """Incidents a person was involved in, newest first."""
    return db.session.scalars(
        select(Incident)
        .join(IncidentParty)
        .where(IncidentParty.admission_id == admission_id)
        .distinct()
        .order_by(Incident.occurred_at.desc())
    ).all()


def charges_of(admission_id):
    """Charges under one admission, newest first."""
    return db.session.scalars(
        select(DisciplinaryCharge)
        .where(DisciplinaryCharge.admission_id == admission_id)
        .order_by(DisciplinaryCharge.charged_at.desc())
    ).all()


def complaints_of(admission_id):
    """Complaints made under one admission, newest first."""
    return db.session.scalars(
        select(Complaint)
        .where(Complaint.admission_id == admission_id)
        .order_by(Complaint.received_at.desc())
    ).all()
