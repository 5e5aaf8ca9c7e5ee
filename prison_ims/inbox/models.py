"""What accepting a court item did in the prison, and the court cases an admission serves."""

from common.extensions import db
from common.models import Audited, Timestamped


class CourtCaseLink(Audited, Timestamped, db.Model):
    """An admission held on (or released from) a court case; written on accepting an item."""

    __tablename__ = "prison_court_case_link"
    __table_args__ = (db.UniqueConstraint("admission_id", "court_case_id"),)

    id = db.Column(db.Integer, primary_key=True)
    admission_id = db.Column(
        db.Integer, db.ForeignKey("prison_admission.id"), nullable=False, index=True
    )
    court_case_id = db.Column(db.Integer, nullable=False, index=True)
    case_reference = db.Column(db.String(40), nullable=False)
    court = db.Column(db.String(120), nullable=False, default="")
    inbox_item_id = db.Column(db.Integer, db.ForeignKey("common_inbox_item.id"), nullable=False)
    linked_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)

    admission = db.relationship("Admission")


class InboxAcceptance(Audited, Timestamped, db.Model):
    """One court item accepted into an admission, with what it recorded there."""

    __tablename__ = "prison_inbox_acceptance"

    id = db.Column(db.Integer, primary_key=True)
    inbox_item_id = db.Column(
        db.Integer, db.ForeignKey("common_inbox_item.id"), nullable=False, unique=True
    )
    admission_id = db.Column(
        db.Integer, db.ForeignKey("prison_admission.id"), nullable=False, index=True
    )
    new_admission = db.Column(db.Boolean, nullable=False, default=False)
    outcome = db.Column(db.String(255), nullable=False, default="")
    court_date_id = db.Column(db.Integer, db.ForeignKey("prison_court_date.id"), nullable=True)
    sentence_id = db.Column(db.Integer, db.ForeignKey("prison_sentence.id"), nullable=True)
    calculation_id = db.Column(
        db.Integer, db.ForeignKey("prison_release_calculation.id"), nullable=True
    )
    accepted_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)

    item = db.relationship("InboxItem")
    admission = db.relationship("Admission")
    accepted_by = db.relationship("User")
