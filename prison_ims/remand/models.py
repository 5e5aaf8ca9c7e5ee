"""Remand: court dates a person is due to appear on (the movements record only past trips)."""

from common.extensions import db
from common.models import Audited, Timestamped


class CourtDate(Audited, Timestamped, db.Model):
    """A date a person in custody is due at court, as the warrant or the court's list says."""

    __tablename__ = "prison_court_date"

    id = db.Column(db.Integer, primary_key=True)
    admission_id = db.Column(
        db.Integer, db.ForeignKey("prison_admission.id"), nullable=False, index=True
    )
    due_on = db.Column(db.Date, nullable=False, index=True)
    court = db.Column(db.String(160), nullable=False)
    purpose = db.Column(db.String(160), nullable=False, default="")
    recorded_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)
