"""Hearings: scheduled by type, then held or adjourned with a reason and the side responsible."""

from common.extensions import db
from common.models import Audited, Timestamped, Versioned

HEARING_TYPES = {
    "MENTION": "Mention",
    "BAIL": "Bail application",
    "PI": "Preliminary inquiry",
    "PLEA": "Arraignment / plea",
    "CASE_MGMT": "Case management",
    "TRIAL": "Trial",
    "SENTENCING": "Sentencing",
    "JUDGMENT": "Judgment",
}
OUTCOMES = {
    "SCHEDULED": "Scheduled",
    "HELD": "Held",
    "ADJOURNED": "Adjourned",
    "VACATED": "Vacated (not sitting)",
}


class Hearing(Audited, Versioned, Timestamped, db.Model):
    """One listing of a case before a court on a day."""

    __tablename__ = "court_hearing"

    id = db.Column(db.Integer, primary_key=True)
    case_id = db.Column(db.Integer, db.ForeignKey("court_case.id"), nullable=False, index=True)
    courtroom_id = db.Column(db.Integer, db.ForeignKey("court_courtroom.id"), nullable=False)
    hearing_type = db.Column(db.String(12), nullable=False)
    scheduled_on = db.Column(db.Date, nullable=False, index=True)
    scheduled_time = db.Column(db.Time, nullable=True)
    outcome = db.Column(db.String(10), nullable=False, default="SCHEDULED")
    adjournment_reason_id = db.Column(
        db.Integer, db.ForeignKey("court_adjournment_reason.id"), nullable=True
    )
    responsible_side = db.Column(db.String(12), nullable=True)
    note = db.Column(db.String(500), nullable=False, default="")
    next_hearing_id = db.Column(db.Integer, db.ForeignKey("court_hearing.id"), nullable=True)
    recorded_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)

    case = db.relationship("Case")
    courtroom = db.relationship("Courtroom")
    reason = db.relationship("AdjournmentReason")
    next_hearing = db.relationship("Hearing", remote_side=[id])

    @property
    def type_label(self):
        return HEARING_TYPES.get(self.hearing_type, self.hearing_type)
