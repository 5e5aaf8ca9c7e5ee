"""Admissions: the commitment authority, Rule 7 entries, offences and legal status history."""

from common.extensions import db
from common.models import Audited, Timestamped, Versioned
from common.persons.merge import register_person_reference
from common.textsearch import trigram_indexes

AUTHORITY_TYPES = {
    "REMAND_WARRANT": "Remand warrant",
    "COMMITTAL_ORDER": "Committal order",
    "SENTENCE_WARRANT": "Sentence warrant",
}
LEGAL_STATUSES = {
    "REMAND": "On remand (awaiting trial)",
    "CONVICTED_UNSENTENCED": "Convicted, awaiting sentence",
    "SENTENCED": "Sentenced",
    "CIVIL": "Civil prisoner",
}


class Admission(Audited, Versioned, Timestamped, db.Model):
    """One committal of a person to the prison, from admission to discharge."""

    __tablename__ = "prison_admission"
    __table_args__ = trigram_indexes("prison_admission", "booking_number", "authority_reference")

    id = db.Column(db.Integer, primary_key=True)
    booking_number = db.Column(db.String(32), unique=True, nullable=False)
    person_id = db.Column(db.Integer, db.ForeignKey("common_person.id"), nullable=False, index=True)
    person_record_id = db.Column(
        db.Integer, db.ForeignKey("common_person_record.id"), nullable=False, index=True
    )
    authority_type = db.Column(db.String(20), nullable=False)
    authority_court = db.Column(db.String(120), nullable=False)
    authority_date = db.Column(db.Date, nullable=False)
    authority_reference = db.Column(db.String(60), nullable=False)
    reason = db.Column(db.Text, nullable=False, default="")
    arrested_at = db.Column(db.DateTime(timezone=True), nullable=True)
    arrest_place = db.Column(db.String(160), nullable=False, default="")
    admitted_at = db.Column(db.DateTime(timezone=True), nullable=False, index=True)
    visible_injuries = db.Column(db.Text, nullable=False, default="")
    ill_treatment_claims = db.Column(db.Text, nullable=False, default="")
    property_items = db.Column(db.JSON, nullable=False, default=list)
    children = db.Column(db.JSON, nullable=False, default=list)
    next_of_kin_name = db.Column(db.String(160), nullable=False, default="")
    next_of_kin_relationship = db.Column(db.String(60), nullable=False, default="")
    next_of_kin_contact = db.Column(db.String(160), nullable=False, default="")
    legal_status = db.Column(db.String(24), nullable=False, index=True)
    photo_file = db.Column(db.String(64), nullable=False, default="")
    admitted_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)

    person = db.relationship("Person")
    person_record = db.relationship("PersonRecord")
    offences = db.relationship(
        "AdmissionOffence", back_populates="admission", order_by="AdmissionOffence.id"
    )
    status_changes = db.relationship(
        "LegalStatusChange",
        back_populates="admission",
        order_by="(LegalStatusChange.changed_at, LegalStatusChange.id)",
    )

    @property
    def authority_label(self):
        """The authority type in words."""
        return AUTHORITY_TYPES.get(self.authority_type, self.authority_type)

    @property
    def status_label(self):
        """The legal status in words."""
        return LEGAL_STATUSES.get(self.legal_status, self.legal_status)

    def __str__(self):
        return self.booking_number


class AdmissionOffence(Audited, Timestamped, db.Model):
    """An offence the admission is for, from the shared national offence list (with ICCS)."""

    __tablename__ = "prison_admission_offence"

    id = db.Column(db.Integer, primary_key=True)
    admission_id = db.Column(
        db.Integer, db.ForeignKey("prison_admission.id"), nullable=False, index=True
    )
    national_offence_id = db.Column(
        db.Integer, db.ForeignKey("common_national_offence.id"), nullable=False
    )
    particulars = db.Column(db.String(255), nullable=False, default="")

    admission = db.relationship(Admission, back_populates="offences")
    offence = db.relationship("NationalOffence")

    def __str__(self):
        return str(self.offence) if self.offence else str(self.national_offence_id)


class LegalStatusChange(Audited, Timestamped, db.Model):
    """One change of legal status (the first row is the status at admission)."""

    __tablename__ = "prison_legal_status_change"

    id = db.Column(db.Integer, primary_key=True)
    admission_id = db.Column(
        db.Integer, db.ForeignKey("prison_admission.id"), nullable=False, index=True
    )
    from_status = db.Column(db.String(24), nullable=True)
    to_status = db.Column(db.String(24), nullable=False)
    changed_at = db.Column(db.DateTime(timezone=True), nullable=False)
    reason = db.Column(db.String(255), nullable=False, default="")
    changed_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)

    admission = db.relationship(Admission, back_populates="status_changes")

    @property
    def to_label(self):
        """The new status in words."""
        return LEGAL_STATUSES.get(self.to_status, self.to_status)


register_person_reference(Admission, "person_id")
