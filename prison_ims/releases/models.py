"""Releases: the checklist done, the authority for release and the certificate number."""

from common.extensions import db
from common.models import Audited, Timestamped

RELEASE_GROUNDS = {
    "SENTENCE_SERVED": "Sentence served (earliest release date reached)",
    "COURT_ORDER": "Court order (acquittal, discharge, appeal allowed)",
    "BAIL": "Admitted to bail",
    "FINE_PAID": "Fine paid",
    "PARDON": "Pardon or remission by the Governor-General",
    "OTHER": "Other lawful authority",
}


class Release(Audited, Timestamped, db.Model):
    """The discharge of a person from custody: one per admission, with its REL movement."""

    __tablename__ = "prison_release"

    id = db.Column(db.Integer, primary_key=True)
    admission_id = db.Column(
        db.Integer, db.ForeignKey("prison_admission.id"), nullable=False, unique=True
    )
    certificate_number = db.Column(db.String(32), nullable=False, unique=True)
    released_at = db.Column(db.DateTime(timezone=True), nullable=False)
    grounds = db.Column(db.String(20), nullable=False)
    authority_reference = db.Column(db.String(120), nullable=False)
    authority_checked = db.Column(db.Boolean, nullable=False)
    property_returned = db.Column(db.Boolean, nullable=False)
    release_date_verified = db.Column(db.Boolean, nullable=False)
    calculation_id = db.Column(
        db.Integer, db.ForeignKey("prison_release_calculation.id"), nullable=True
    )
    early_release_reason = db.Column(db.Text, nullable=False, default="")
    destination = db.Column(db.String(160), nullable=False, default="")
    movement_id = db.Column(db.Integer, db.ForeignKey("prison_movement.id"), nullable=False)
    released_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)

    admission = db.relationship("Admission")
    calculation = db.relationship("ReleaseDateCalculation")
    movement = db.relationship("Movement")
    released_by = db.relationship("User")

    @property
    def grounds_label(self):
        """The grounds in words."""
        return RELEASE_GROUNDS.get(self.grounds, self.grounds)
