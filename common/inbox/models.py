"""Pending items one system sends another, and the defendants listed at court hearings.

Both tables carry plain ids of the sending system's records (a court case, a hearing): the
receiving system never reads the sender's tables, only what the item says.
"""

from datetime import date

from common.extensions import db
from common.models import Audited, Timestamped, Versioned
from common.persons.merge import register_person_reference

ITEM_KINDS = {
    "remand_order": "Remand in custody",
    "custodial_sentence": "Custodial sentence",
    "release_action": "Release ordered",
}
ITEM_STATES = {"PENDING": "Pending", "ACCEPTED": "Accepted", "REJECTED": "Rejected"}
ATTENDANCE = {"PRODUCED": "Produced", "NOT_PRODUCED": "Not produced"}


class InboxItem(Audited, Versioned, Timestamped, db.Model):
    """An action a court order asks of the prison, pending until an officer decides it."""

    __tablename__ = "common_inbox_item"

    id = db.Column(db.Integer, primary_key=True)
    sender = db.Column(db.String(16), nullable=False)
    receiver = db.Column(db.String(16), nullable=False, index=True)
    kind = db.Column(db.String(24), nullable=False)
    person_id = db.Column(db.Integer, db.ForeignKey("common_person.id"), nullable=False, index=True)
    case_id = db.Column(db.Integer, nullable=False, index=True)
    case_reference = db.Column(db.String(40), nullable=False)
    source_type = db.Column(db.String(40), nullable=False)
    source_id = db.Column(db.Integer, nullable=False)
    details = db.Column(db.JSON, nullable=False, default=dict)
    ordered_on = db.Column(db.Date, nullable=False)
    next_court_date = db.Column(db.Date, nullable=True)
    next_court = db.Column(db.String(160), nullable=False, default="")
    state = db.Column(db.String(10), nullable=False, default="PENDING", index=True)
    reject_reason = db.Column(db.String(500), nullable=False, default="")
    sent_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)
    decided_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)
    decided_at = db.Column(db.DateTime(timezone=True), nullable=True)

    person = db.relationship("Person")
    decided_by = db.relationship("User", foreign_keys=[decided_by_id])

    @property
    def kind_label(self):
        """The kind of item in words."""
        return ITEM_KINDS.get(self.kind, self.kind)

    @property
    def state_label(self):
        """The state in words."""
        return ITEM_STATES.get(self.state, self.state)

    @property
    def person_name(self):
        """The name the sender recorded for the person."""
        return (self.details or {}).get("identity", {}).get("full_name") or str(self.person)

    @property
    def born_on(self):
        """The date of birth the sender recorded, or None."""
        born = (self.details or {}).get("identity", {}).get("date_of_birth")
        return date.fromisoformat(born) if born else None

    def __str__(self):
        return f"{self.kind_label} {self.case_reference}"


class ProductionListing(Audited, Versioned, Timestamped, db.Model):
    """A defendant listed at a court hearing, and whether they were produced at it."""

    __tablename__ = "common_production_listing"
    __table_args__ = (db.UniqueConstraint("hearing_id", "person_id"),)

    id = db.Column(db.Integer, primary_key=True)
    hearing_id = db.Column(db.Integer, nullable=False, index=True)
    case_id = db.Column(db.Integer, nullable=False, index=True)
    case_reference = db.Column(db.String(40), nullable=False)
    person_id = db.Column(db.Integer, db.ForeignKey("common_person.id"), nullable=False, index=True)
    defendant_name = db.Column(db.String(200), nullable=False, default="")
    court = db.Column(db.String(120), nullable=False)
    courtroom = db.Column(db.String(60), nullable=False)
    listed_on = db.Column(db.Date, nullable=False, index=True)
    listed_at = db.Column(db.Time, nullable=True)
    hearing_type = db.Column(db.String(60), nullable=False, default="")
    attendance = db.Column(db.String(14), nullable=True)
    attendance_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)
    attendance_at = db.Column(db.DateTime(timezone=True), nullable=True)
    responsible_side = db.Column(db.String(12), nullable=True)
    adjournment_reason = db.Column(db.String(160), nullable=False, default="")
    withdrawn_at = db.Column(db.DateTime(timezone=True), nullable=True)
    withdrawn_reason = db.Column(db.String(200), nullable=False, default="")

    person = db.relationship("Person")

    @property
    def attendance_label(self):
        """Produced / not produced / not recorded."""
        return ATTENDANCE.get(self.attendance, "Not recorded")


register_person_reference(InboxItem, "person_id")
register_person_reference(ProductionListing, "person_id")
