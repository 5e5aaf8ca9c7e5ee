"""Courts, courtrooms and the configurable list of adjournment reasons."""

from common.extensions import db
from common.models import Audited, Timestamped, Versioned

COURT_LEVELS = {"MC": "Magistrates' Court", "SC": "Supreme Court"}
SIDES = {
    "PROSECUTION": "Prosecution",
    "DEFENCE": "Defence",
    "COURT": "Court",
    "PRISON": "Prison",
    "LAB": "Forensic laboratory",
    "OTHER": "Other",
}


class Court(Audited, Versioned, Timestamped, db.Model):
    """A court that registers cases under its own numbering (e.g. SC-CR-2025-0142)."""

    __tablename__ = "court_court"

    id = db.Column(db.Integer, primary_key=True)
    code = db.Column(db.String(12), unique=True, nullable=False)
    name = db.Column(db.String(120), nullable=False)
    level = db.Column(db.String(2), nullable=False)
    district = db.Column(db.String(3), nullable=False)
    active = db.Column(db.Boolean, nullable=False, default=True)

    courtrooms = db.relationship("Courtroom", back_populates="court", order_by="Courtroom.name")

    def __str__(self):
        return self.name


class Courtroom(Audited, Versioned, Timestamped, db.Model):
    """A room (or a judicial officer's list) in which a court sits."""

    __tablename__ = "court_courtroom"
    __table_args__ = (db.UniqueConstraint("court_id", "name"),)

    id = db.Column(db.Integer, primary_key=True)
    court_id = db.Column(db.Integer, db.ForeignKey("court_court.id"), nullable=False)
    name = db.Column(db.String(60), nullable=False)

    court = db.relationship(Court, back_populates="courtrooms")

    def __str__(self):
        return f"{self.court.name}, {self.name}"


class AdjournmentReason(Audited, Versioned, Timestamped, db.Model):
    """A reason code for adjourning a hearing, with the side usually responsible."""

    __tablename__ = "court_adjournment_reason"

    id = db.Column(db.Integer, primary_key=True)
    code = db.Column(db.String(24), unique=True, nullable=False)
    label = db.Column(db.String(160), nullable=False)
    default_side = db.Column(db.String(12), nullable=False)
    active = db.Column(db.Boolean, nullable=False, default=True)

    def __str__(self):
        return self.label
