"""Visits (visitor, relationship, date) and property handed in or out after intake."""

from common.extensions import db
from common.models import Audited, Timestamped

VISIT_KINDS = {"SOCIAL": "Family or friends", "LEGAL": "Legal adviser", "OFFICIAL": "Official"}
PROPERTY_DIRECTIONS = {"IN": "Received into store", "OUT": "Handed out of store"}


class Visit(Audited, Timestamped, db.Model):
    """One visit to a prisoner."""

    __tablename__ = "prison_visit"

    id = db.Column(db.Integer, primary_key=True)
    admission_id = db.Column(
        db.Integer, db.ForeignKey("prison_admission.id"), nullable=False, index=True
    )
    visited_at = db.Column(db.DateTime(timezone=True), nullable=False, index=True)
    visitor_name = db.Column(db.String(160), nullable=False, index=True)
    relationship = db.Column(db.String(60), nullable=False)
    kind = db.Column(db.String(10), nullable=False, default="SOCIAL")
    visitor_identifier = db.Column(db.String(60), nullable=False, default="")
    notes = db.Column(db.String(255), nullable=False, default="")
    recorded_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)

    admission = db.relationship("Admission")

    @property
    def kind_label(self):
        """The kind of visit in words."""
        return VISIT_KINDS.get(self.kind, self.kind)


class PropertyMovement(Audited, Timestamped, db.Model):
    """Property received for, or handed out of the store by, a prisoner after intake."""

    __tablename__ = "prison_property_movement"

    id = db.Column(db.Integer, primary_key=True)
    admission_id = db.Column(
        db.Integer, db.ForeignKey("prison_admission.id"), nullable=False, index=True
    )
    direction = db.Column(db.String(3), nullable=False)
    description = db.Column(db.String(120), nullable=False)
    quantity = db.Column(db.Integer, nullable=False)
    occurred_at = db.Column(db.DateTime(timezone=True), nullable=False)
    counterpart = db.Column(db.String(160), nullable=False, default="")
    reason = db.Column(db.String(255), nullable=False, default="")
    recorded_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)

    @property
    def direction_label(self):
        """In or out, in words."""
        return PROPERTY_DIRECTIONS.get(self.direction, self.direction)
