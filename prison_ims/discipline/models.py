"""Discipline: incidents and the people involved, charges, awards, complaints (Rule 8)."""

from common.extensions import db
from common.models import Audited, Timestamped, Versioned

PARTY_ROLES = {
    "ALLEGED": "Alleged to have taken part",
    "VICTIM": "Injured or harmed",
    "WITNESS": "Witness",
    "STAFF": "Staff member involved",
}
CHARGE_STATUSES = {"PENDING": "Awaiting adjudication", "PROVEN": "Proven", "DISMISSED": "Dismissed"}
COMPLAINT_STATUSES = {
    "RECEIVED": "Received",
    "INVESTIGATING": "Under investigation",
    "REFERRED": "Referred to an independent authority",
    "UPHELD": "Closed: upheld",
    "NOT_UPHELD": "Closed: not upheld",
}
CLOSED_COMPLAINT_STATUSES = ("UPHELD", "NOT_UPHELD")


class Incident(Audited, Timestamped, db.Model):
    """Something that happened in the prison: type, time, place, what was seen."""

    __tablename__ = "prison_incident"

    id = db.Column(db.Integer, primary_key=True)
    kind = db.Column(db.String(24), nullable=False, index=True)
    occurred_at = db.Column(db.DateTime(timezone=True), nullable=False, index=True)
    location = db.Column(db.String(160), nullable=False)
    description = db.Column(db.Text, nullable=False)
    recorded_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)

    parties = db.relationship(
        "IncidentParty", back_populates="incident", order_by="IncidentParty.id"
    )


class IncidentParty(Audited, Timestamped, db.Model):
    """A person involved in an incident: a prisoner (by admission) or someone else by name."""

    __tablename__ = "prison_incident_party"

    id = db.Column(db.Integer, primary_key=True)
    incident_id = db.Column(
        db.Integer, db.ForeignKey("prison_incident.id"), nullable=False, index=True
    )
    admission_id = db.Column(
        db.Integer, db.ForeignKey("prison_admission.id"), nullable=True, index=True
    )
    name = db.Column(db.String(160), nullable=False, default="")
    role = db.Column(db.String(12), nullable=False)

    incident = db.relationship(Incident, back_populates="parties")
    admission = db.relationship("Admission")

    @property
    def role_label(self):
        """The part played, in words."""
        return PARTY_ROLES.get(self.role, self.role)


class DisciplinaryCharge(Audited, Versioned, Timestamped, db.Model):
    """A charge against a prisoner, adjudicated once: proven (with awards) or dismissed."""

    __tablename__ = "prison_disciplinary_charge"

    id = db.Column(db.Integer, primary_key=True)
    admission_id = db.Column(
        db.Integer, db.ForeignKey("prison_admission.id"), nullable=False, index=True
    )
    incident_id = db.Column(db.Integer, db.ForeignKey("prison_incident.id"), nullable=True)
    offence = db.Column(db.String(24), nullable=False)
    particulars = db.Column(db.Text, nullable=False)
    charged_at = db.Column(db.DateTime(timezone=True), nullable=False)
    charged_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)
    status = db.Column(db.String(12), nullable=False, default="PENDING", index=True)
    decided_at = db.Column(db.DateTime(timezone=True), nullable=True)
    decided_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)
    finding = db.Column(db.Text, nullable=False, default="")

    admission = db.relationship("Admission")
    incident = db.relationship(Incident)
    awards = db.relationship(
        "DisciplinaryAward", back_populates="charge", order_by="DisciplinaryAward.id"
    )

    @property
    def status_label(self):
        """The state of the charge in words."""
        return CHARGE_STATUSES.get(self.status, self.status)


class DisciplinaryAward(Audited, Timestamped, db.Model):
    """A punishment on a proven charge; `forfeited_days` of remission flow into release dates."""

    __tablename__ = "prison_disciplinary_award"

    id = db.Column(db.Integer, primary_key=True)
    charge_id = db.Column(
        db.Integer, db.ForeignKey("prison_disciplinary_charge.id"), nullable=False, index=True
    )
    admission_id = db.Column(
        db.Integer, db.ForeignKey("prison_admission.id"), nullable=False, index=True
    )
    kind = db.Column(db.String(24), nullable=False)
    days = db.Column(db.Integer, nullable=False, default=0)
    forfeited_days = db.Column(db.Integer, nullable=False, default=0)
    awarded_at = db.Column(db.DateTime(timezone=True), nullable=False)
    awarded_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)

    charge = db.relationship(DisciplinaryCharge, back_populates="awards")


class Complaint(Audited, Versioned, Timestamped, db.Model):
    """A prisoner's complaint or an allegation of ill-treatment, with its handling status."""

    __tablename__ = "prison_complaint"

    id = db.Column(db.Integer, primary_key=True)
    admission_id = db.Column(
        db.Integer, db.ForeignKey("prison_admission.id"), nullable=False, index=True
    )
    category = db.Column(db.String(24), nullable=False, index=True)
    received_at = db.Column(db.DateTime(timezone=True), nullable=False)
    against = db.Column(db.String(160), nullable=False, default="")
    description = db.Column(db.Text, nullable=False)
    status = db.Column(db.String(16), nullable=False, default="RECEIVED", index=True)
    referred_to = db.Column(db.String(160), nullable=False, default="")
    recorded_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)

    admission = db.relationship("Admission")
    steps = db.relationship(
        "ComplaintStep", back_populates="complaint", order_by="ComplaintStep.id"
    )

    @property
    def status_label(self):
        """The handling status in words."""
        return COMPLAINT_STATUSES.get(self.status, self.status)


class ComplaintStep(Audited, Timestamped, db.Model):
    """One step in handling a complaint (the first is its receipt); never edited."""

    __tablename__ = "prison_complaint_step"

    id = db.Column(db.Integer, primary_key=True)
    complaint_id = db.Column(
        db.Integer, db.ForeignKey("prison_complaint.id"), nullable=False, index=True
    )
    status = db.Column(db.String(16), nullable=False)
    at = db.Column(db.DateTime(timezone=True), nullable=False)
    note = db.Column(db.Text, nullable=False, default="")
    by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)

    complaint = db.relationship(Complaint, back_populates="steps")

    @property
    def status_label(self):
        """The status reached, in words."""
        return COMPLAINT_STATUSES.get(self.status, self.status)
