"""Lab case ↔ court case links, and adjournments linked to the lab request awaited.

These tables belong to no app: they hold the lab's and the court's record ids as plain
integers (common tables never point at an app's tables; the ids are checked by the services
through the apps' providers, and neither app deletes a case, a hearing or a request). Links
are never deleted: they are part of the record of who knew what, when.
"""

from common.extensions import db
from common.models import Audited, Timestamped


class CaseLink(Audited, Timestamped, db.Model):
    """A lab case concerns a court case (one lab case may concern several court cases)."""

    __tablename__ = "common_case_link"
    __table_args__ = (db.UniqueConstraint("lab_case_id", "court_case_id"),)

    id = db.Column(db.Integer, primary_key=True)
    lab_case_id = db.Column(db.Integer, nullable=False, index=True)
    court_case_id = db.Column(db.Integer, nullable=False, index=True)
    linked_from = db.Column(db.String(8), nullable=False)  # "lims" or "court"
    created_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)


class LabWait(Audited, Timestamped, db.Model):
    """An adjournment "awaiting forensic report", linked to the lab request it waits for."""

    __tablename__ = "common_lab_wait"

    id = db.Column(db.Integer, primary_key=True)
    hearing_id = db.Column(db.Integer, nullable=False, unique=True)
    court_case_id = db.Column(db.Integer, nullable=False, index=True)
    lab_request_id = db.Column(db.Integer, nullable=False, index=True)
    adjourned_on = db.Column(db.Date, nullable=False)
    created_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)
