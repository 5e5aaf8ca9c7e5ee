"""Lab cases: the submission from an agency, its offence and the persons concerned."""

from common.extensions import db
from common.models import Audited, Timestamped, Versioned
from common.persons.merge import register_person_reference

PERSON_ROLES = {"SUSPECT": "Suspect", "VICTIM": "Victim", "DECEASED": "Deceased"}


class LabCase(Audited, Versioned, Timestamped, db.Model):
    """One submission of evidence to the laboratory, under one lab case number."""

    __tablename__ = "lims_case"

    id = db.Column(db.Integer, primary_key=True)
    lab_number = db.Column(db.String(32), unique=True, nullable=False)
    agency = db.Column(db.String(160), nullable=False)
    officer_name = db.Column(db.String(160), nullable=False)
    officer_number = db.Column(db.String(40), nullable=False, default="")
    agency_case_number = db.Column(db.String(60), nullable=False)
    national_offence_id = db.Column(
        db.Integer, db.ForeignKey("common_national_offence.id"), nullable=False
    )
    incident_date = db.Column(db.Date, nullable=True)
    district = db.Column(db.String(3), nullable=False, default="")
    received_at = db.Column(db.DateTime(timezone=True), nullable=False, index=True)
    received_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)
    notes = db.Column(db.Text, nullable=False, default="")
    item_count = db.Column(db.Integer, nullable=False, default=0)

    offence = db.relationship("NationalOffence")
    received_by = db.relationship("User")
    persons = db.relationship("CasePerson", back_populates="case", order_by="CasePerson.id")
    items = db.relationship(
        "Item", back_populates="case", order_by="(Item.top_number, Item.sub_number)"
    )

    def __str__(self):
        return self.lab_number


class CasePerson(Audited, Timestamped, db.Model):
    """A suspect, victim or deceased person of a case, through the shared person index."""

    __tablename__ = "lims_case_person"
    __table_args__ = (db.UniqueConstraint("case_id", "person_id", "role"),)

    id = db.Column(db.Integer, primary_key=True)
    case_id = db.Column(db.Integer, db.ForeignKey("lims_case.id"), nullable=False, index=True)
    role = db.Column(db.String(12), nullable=False)
    person_id = db.Column(db.Integer, db.ForeignKey("common_person.id"), nullable=False, index=True)
    person_record_id = db.Column(
        db.Integer, db.ForeignKey("common_person_record.id"), nullable=False
    )

    case = db.relationship(LabCase, back_populates="persons")
    person = db.relationship("Person")
    person_record = db.relationship("PersonRecord")

    @property
    def role_label(self):
        """The role in words."""
        return PERSON_ROLES.get(self.role, self.role)

    @property
    def name(self):
        """The person's name as the lab recorded it."""
        return self.person_record.full_name

    def __str__(self):
        return f"{self.role_label}: {self.name}"


register_person_reference(CasePerson, "person_id")
