"""Cases, their parties and the charges against each defendant, with status history."""

from common.extensions import db
from common.models import Audited, Timestamped, Versioned
from common.persons.merge import register_person_reference
from common.textsearch import trigram_indexes

CASE_TYPES = {"CR": "Criminal", "CRA": "Criminal appeal", "MISC": "Miscellaneous"}
CASE_STATUSES = {
    "PENDING": "Pending",
    "DISPOSED": "Disposed",
    "TRANSFERRED": "Transferred",
    "REOPENED": "Reopened",
}
PARTY_ROLES = {
    "DEFENDANT": "Defendant",
    "COMPLAINANT": "Complainant / victim",
    "WITNESS": "Witness",
}
PLEAS = {"GUILTY": "Guilty", "NOT_GUILTY": "Not guilty", "NO_PLEA": "No plea entered"}
VERDICTS = {"GUILTY": "Guilty", "NOT_GUILTY": "Not guilty"}
DISPOSITIONS = {
    "CONVICTED": "Convicted",
    "ACQUITTED": "Acquitted",
    "DISMISSED": "Dismissed",
    "WITHDRAWN": "Withdrawn",
    "NOLLE_PROSEQUI": "Nolle prosequi",
    "DISCHARGED": "Discharged",
}


class Case(Audited, Versioned, Timestamped, db.Model):
    """A case registered in one court."""

    __tablename__ = "court_case"
    __table_args__ = trigram_indexes("court_case", "case_number", "police_case_number")

    id = db.Column(db.Integer, primary_key=True)
    case_number = db.Column(db.String(32), unique=True, nullable=False)
    court_id = db.Column(db.Integer, db.ForeignKey("court_court.id"), nullable=False, index=True)
    case_type = db.Column(db.String(6), nullable=False)
    filed_on = db.Column(db.Date, nullable=False, index=True)
    prosecuting_agency = db.Column(db.String(120), nullable=False)
    police_case_number = db.Column(db.String(40), nullable=False, default="")
    judicial_officer = db.Column(db.String(120), nullable=False, default="")
    prosecutor = db.Column(db.String(160), nullable=False, default="")
    status = db.Column(db.String(12), nullable=False, default="PENDING", index=True)
    disposed_on = db.Column(db.Date, nullable=True)
    created_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)

    court = db.relationship("Court")
    parties = db.relationship("Party", back_populates="case", order_by="Party.id")
    status_history = db.relationship(
        "CaseStatusChange", order_by="CaseStatusChange.id", back_populates="case"
    )

    @property
    def defendants(self):
        return [p for p in self.parties if p.role == "DEFENDANT"]

    def __str__(self):
        return self.case_number


class CaseStatusChange(Audited, Timestamped, db.Model):
    """One change of a case's status; never edited, never deleted."""

    __tablename__ = "court_case_status_change"

    id = db.Column(db.Integer, primary_key=True)
    case_id = db.Column(db.Integer, db.ForeignKey("court_case.id"), nullable=False, index=True)
    to_status = db.Column(db.String(12), nullable=False)
    changed_on = db.Column(db.Date, nullable=False)
    reason = db.Column(db.String(255), nullable=False, default="")
    changed_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)

    case = db.relationship(Case, back_populates="status_history")


class Party(Audited, Versioned, Timestamped, db.Model):
    """A person taking part in a case, linked to the shared person index."""

    __tablename__ = "court_party"

    id = db.Column(db.Integer, primary_key=True)
    case_id = db.Column(db.Integer, db.ForeignKey("court_case.id"), nullable=False, index=True)
    role = db.Column(db.String(12), nullable=False)
    person_id = db.Column(db.Integer, db.ForeignKey("common_person.id"), nullable=False, index=True)
    person_record_id = db.Column(
        db.Integer, db.ForeignKey("common_person_record.id"), nullable=False
    )
    counsel = db.Column(db.String(160), nullable=False, default="")
    in_custody = db.Column(db.Boolean, nullable=False, default=False)

    case = db.relationship(Case, back_populates="parties")
    person = db.relationship("Person")
    record = db.relationship("PersonRecord")
    charges = db.relationship("Charge", back_populates="party", order_by="Charge.count_number")

    @property
    def name(self):
        return self.record.full_name


class Charge(Audited, Versioned, Timestamped, db.Model):
    """One count against a defendant: offence, plea, verdict and disposition."""

    __tablename__ = "court_charge"
    __table_args__ = (db.UniqueConstraint("party_id", "count_number"),)

    id = db.Column(db.Integer, primary_key=True)
    party_id = db.Column(db.Integer, db.ForeignKey("court_party.id"), nullable=False, index=True)
    count_number = db.Column(db.Integer, nullable=False)
    national_offence_id = db.Column(
        db.Integer, db.ForeignKey("common_national_offence.id"), nullable=False
    )
    particulars = db.Column(db.String(500), nullable=False, default="")
    plea = db.Column(db.String(12), nullable=True)
    plea_on = db.Column(db.Date, nullable=True)
    verdict = db.Column(db.String(12), nullable=True)
    disposition = db.Column(db.String(16), nullable=True)
    disposition_on = db.Column(db.Date, nullable=True)

    party = db.relationship(Party, back_populates="charges")
    offence = db.relationship("NationalOffence")


register_person_reference(Party, "person_id")
