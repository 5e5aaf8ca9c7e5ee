"""Lab reports: versioned, signed PDFs; a released version is never changed."""

from sqlalchemy import event, inspect

from common.extensions import db
from common.models import Audited, Timestamped


class Report(Audited, Timestamped, db.Model):
    """One released version of a request's report; an amendment is a new version."""

    __tablename__ = "lims_report"
    __table_args__ = (db.UniqueConstraint("request_id", "version_number"),)
    __audit_exclude__ = ("pdf",)

    id = db.Column(db.Integer, primary_key=True)
    request_id = db.Column(db.Integer, db.ForeignKey("lims_request.id"), nullable=False, index=True)
    result_id = db.Column(db.Integer, db.ForeignKey("lims_result.id"), nullable=False)
    version_number = db.Column(db.Integer, nullable=False)
    amends_id = db.Column(db.Integer, db.ForeignKey("lims_report.id"), nullable=True)
    amendment_reason = db.Column(db.String(255), nullable=False, default="")
    conclusion = db.Column(db.Text, nullable=False)
    signatures = db.Column(db.JSON, nullable=False, default=list)
    released_at = db.Column(db.DateTime(timezone=True), nullable=False)
    released_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=False)
    pdf = db.Column(db.LargeBinary, nullable=False)
    pdf_sha256 = db.Column(db.String(64), nullable=False)

    request = db.relationship(
        "AnalysisRequest", backref=db.backref("reports", order_by="Report.version_number")
    )
    result = db.relationship("Result")
    amends = db.relationship("Report", remote_side=[id])
    released_by = db.relationship("User")

    @property
    def label(self):
        """'Report version 2 (amends version 1)'."""
        text = f"Report version {self.version_number}"
        return text + (f" (amends version {self.amends.version_number})" if self.amends else "")


@event.listens_for(Report, "before_update")
def _released_reports_are_immutable(mapper, connection, target):
    changed = [a.key for a in inspect(target).attrs if a.history.has_changes()]
    if changed:
        raise ValueError("A released report is never changed: issue an amended version.")


@event.listens_for(Report, "before_delete")
def _released_reports_are_kept(mapper, connection, target):
    raise ValueError("A released report is never deleted.")
