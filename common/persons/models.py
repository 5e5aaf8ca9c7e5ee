"""Master person index: a Person with stable id, and the source records that describe it."""

import uuid

from common.extensions import db
from common.models import Audited, Timestamped, Versioned
from common.textsearch import trigram_indexes

# The identity a source system records on a person record (the rest is the system's own).
IDENTITY_FIELDS = (
    "given_name",
    "middle_name",
    "surname",
    "date_of_birth",
    "sex",
    "gender_identity",
    "district",
    "address",
    "national_id",
)

SYSTEMS = {
    "prison": "Prison IMS",
    "lims": "Forensic LIMS",
    "court": "Court tracker",
    "import": "Register import",
}


def new_public_id():
    """A stable, meaningless identifier for a person (survives merges)."""
    return uuid.uuid4().hex


class Person(Audited, Versioned, Timestamped, db.Model):
    """One real human being. Apps point here; identity fields live on the records."""

    __tablename__ = "common_person"

    id = db.Column(db.Integer, primary_key=True)
    public_id = db.Column(db.String(32), unique=True, nullable=False, default=new_public_id)
    merged_into_id = db.Column(
        db.Integer, db.ForeignKey("common_person.id"), nullable=True, index=True
    )

    records = db.relationship("PersonRecord", back_populates="person", order_by="PersonRecord.id")

    @property
    def primary_record(self):
        """The earliest source record, used for display."""
        return self.records[0] if self.records else None

    def __str__(self):
        rec = self.primary_record
        return rec.full_name if rec else f"Person {self.public_id[:8]}"


class PersonRecord(Audited, Versioned, Timestamped, db.Model):
    """How one system recorded a person (names, birth date, identifiers)."""

    __tablename__ = "common_person_record"
    __table_args__ = (
        db.UniqueConstraint("system", "source_ref"),
        *trigram_indexes("common_person_record", "given_name", "middle_name", "surname"),
    )

    id = db.Column(db.Integer, primary_key=True)
    person_id = db.Column(db.Integer, db.ForeignKey("common_person.id"), nullable=False, index=True)
    system = db.Column(db.String(16), nullable=False)
    source_ref = db.Column(db.String(64), nullable=False)
    given_name = db.Column(db.String(80), nullable=False, default="")
    middle_name = db.Column(db.String(80), nullable=False, default="")
    surname = db.Column(db.String(120), nullable=False, default="")
    date_of_birth = db.Column(db.Date, nullable=True)
    sex = db.Column(db.String(1), nullable=False, default="U")
    gender_identity = db.Column(db.String(40), nullable=False, default="")
    district = db.Column(db.String(3), nullable=False, default="")
    address = db.Column(db.String(255), nullable=False, default="")
    national_id = db.Column(db.String(32), nullable=False, default="", index=True)
    aliases = db.Column(db.JSON, nullable=False, default=list)

    person = db.relationship(Person, back_populates="records")

    @property
    def full_name(self):
        """Given, middle and surname(s) as written by the source."""
        return " ".join(p for p in (self.given_name, self.middle_name, self.surname) if p)

    def __str__(self):
        return f"{self.full_name} ({self.system} {self.source_ref})"


class PersonMatchKey(db.Model):
    """A blocking key of a source record: candidates for a new record share a key."""

    __tablename__ = "common_person_match_key"

    record_id = db.Column(db.Integer, db.ForeignKey("common_person_record.id"), primary_key=True)
    key = db.Column(db.String(64), primary_key=True, index=True)


class PersonNameCount(db.Model):
    """How many records carry a normalised surname (kind 's') or given-name group ('g')."""

    __tablename__ = "common_person_name_count"

    kind = db.Column(db.String(1), primary_key=True)
    token = db.Column(db.String(80), primary_key=True)
    count = db.Column(db.Integer, nullable=False, default=0)


class MatchReview(Audited, Versioned, Timestamped, db.Model):
    """A pair of records the engine could not decide; a clerk links them or keeps them apart.

    `left_record_id` < `right_record_id`, so a pair is stored once and, once decided, never
    comes back to the queue.
    """

    __tablename__ = "common_person_match_review"
    __table_args__ = (db.UniqueConstraint("left_record_id", "right_record_id"),)

    id = db.Column(db.Integer, primary_key=True)
    left_record_id = db.Column(db.Integer, db.ForeignKey("common_person_record.id"), nullable=False)
    right_record_id = db.Column(
        db.Integer, db.ForeignKey("common_person_record.id"), nullable=False, index=True
    )
    score = db.Column(db.Float, nullable=False)
    explanation = db.Column(db.JSON, nullable=False, default=list)
    status = db.Column(db.String(12), nullable=False, default="open", index=True)
    decided_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)
    decided_at = db.Column(db.DateTime(timezone=True), nullable=True)

    left = db.relationship(PersonRecord, foreign_keys=[left_record_id])
    right = db.relationship(PersonRecord, foreign_keys=[right_record_id])


class PersonMerge(Audited, Timestamped, db.Model):
    """One merge of a person into another, with what moved, so it can be undone exactly."""

    __tablename__ = "common_person_merge"

    id = db.Column(db.Integer, primary_key=True)
    survivor_id = db.Column(db.Integer, db.ForeignKey("common_person.id"), nullable=False)
    absorbed_id = db.Column(db.Integer, db.ForeignKey("common_person.id"), nullable=False)
    moved = db.Column(db.JSON, nullable=False, default=dict)
    reason = db.Column(db.String(255), nullable=False, default="")
    merged_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)
    undone_at = db.Column(db.DateTime(timezone=True), nullable=True)
