"""Analysis requests by discipline, analyst qualifications, results and their reviews."""

from common.extensions import db
from common.models import Audited, Timestamped, Versioned

DISCIPLINES = {
    "DNA": "DNA",
    "TOX": "Toxicology",
    "DRUG": "Drug chemistry",
    "FIRE": "Firearms and toolmarks",
    "LATENT": "Latent prints",
    "PATH": "Pathology / autopsy",
    "DIGITAL": "Digital forensics",
}
PRIORITIES = {"ROUTINE": "Routine", "URGENT": "Urgent", "COURT": "Court date set"}
REQUEST_STATES = {
    "OPEN": "Waiting for an analyst",
    "ASSIGNED": "Assigned to an analyst",
    "RESULT": "Result recorded, in review",
    "REVIEWED": "Reviewed, report to release",
    "COMPLETED": "Completed (report released)",
}
REVIEW_KINDS = {"TECHNICAL": "Technical review", "ADMINISTRATIVE": "Administrative review"}

request_items = db.Table(
    "lims_request_item",
    db.Column("request_id", db.Integer, db.ForeignKey("lims_request.id"), primary_key=True),
    db.Column("item_id", db.Integer, db.ForeignKey("lims_item.id"), primary_key=True),
)


class Qualification(Audited, Versioned, Timestamped, db.Model):
    """An analyst's authorisation to work (and review) in one discipline."""

    __tablename__ = "lims_qualification"
    __table_args__ = (db.UniqueConstraint("user_id", "discipline"),)

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=False, index=True)
    discipline = db.Column(db.String(8), nullable=False)
    qualified_on = db.Column(db.Date, nullable=False)
    active = db.Column(db.Boolean, nullable=False, default=True)

    user = db.relationship("User")

    @property
    def discipline_label(self):
        """The discipline in words."""
        return DISCIPLINES.get(self.discipline, self.discipline)


class AnalysisRequest(Audited, Versioned, Timestamped, db.Model):
    """A request to examine items of a case in one discipline."""

    __tablename__ = "lims_request"

    id = db.Column(db.Integer, primary_key=True)
    case_id = db.Column(db.Integer, db.ForeignKey("lims_case.id"), nullable=False, index=True)
    discipline = db.Column(db.String(8), nullable=False, index=True)
    priority = db.Column(db.String(8), nullable=False, default="ROUTINE")
    due_date = db.Column(db.Date, nullable=True)
    questions = db.Column(db.Text, nullable=False, default="")
    state = db.Column(db.String(10), nullable=False, default="OPEN", index=True)
    received_at = db.Column(db.DateTime(timezone=True), nullable=False, index=True)
    analyst_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True, index=True)
    assigned_at = db.Column(db.DateTime(timezone=True), nullable=True)
    completed_at = db.Column(db.DateTime(timezone=True), nullable=True, index=True)
    returned_reason = db.Column(db.String(255), nullable=False, default="")

    case = db.relationship("LabCase", backref=db.backref("requests", order_by="AnalysisRequest.id"))
    analyst = db.relationship("User")
    items = db.relationship("Item", secondary=request_items, order_by="Item.id")
    results = db.relationship("Result", back_populates="request", order_by="Result.id")

    @property
    def discipline_label(self):
        """The discipline in words."""
        return DISCIPLINES.get(self.discipline, self.discipline)

    @property
    def state_label(self):
        """The state in words."""
        return REQUEST_STATES.get(self.state, self.state)

    @property
    def priority_label(self):
        """The priority in words."""
        return PRIORITIES.get(self.priority, self.priority)

    @property
    def current_result(self):
        """The latest result not rejected, or None."""
        live = [r for r in self.results if r.state != "REJECTED"]
        return live[-1] if live else None

    def __str__(self):
        return f"{self.case.lab_number} {self.discipline_label} request {self.id}"


class Result(Audited, Versioned, Timestamped, db.Model):
    """An analyst's findings on a request; reviewed twice before a report is released."""

    __tablename__ = "lims_result"

    id = db.Column(db.Integer, primary_key=True)
    request_id = db.Column(db.Integer, db.ForeignKey("lims_request.id"), nullable=False, index=True)
    analyst_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=False)
    recorded_at = db.Column(db.DateTime(timezone=True), nullable=False)
    method = db.Column(db.String(160), nullable=False, default="")
    findings = db.Column(db.Text, nullable=False)
    conclusion = db.Column(db.Text, nullable=False)
    state = db.Column(db.String(10), nullable=False, default="IN_REVIEW")
    rejection_reason = db.Column(db.String(255), nullable=False, default="")

    request = db.relationship(AnalysisRequest, back_populates="results")
    analyst = db.relationship("User")
    reviews = db.relationship("Review", back_populates="result", order_by="Review.id")

    def review_of(self, kind):
        """The approving review of this kind, or None."""
        return next((r for r in self.reviews if r.kind == kind and r.approved), None)


class Review(Audited, Timestamped, db.Model):
    """A technical or administrative review of a result: approved, or rejected with a reason."""

    __tablename__ = "lims_review"

    id = db.Column(db.Integer, primary_key=True)
    result_id = db.Column(db.Integer, db.ForeignKey("lims_result.id"), nullable=False, index=True)
    kind = db.Column(db.String(16), nullable=False)
    reviewer_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=False)
    reviewed_at = db.Column(db.DateTime(timezone=True), nullable=False)
    approved = db.Column(db.Boolean, nullable=False)
    reason = db.Column(db.String(255), nullable=False, default="")

    result = db.relationship(Result, back_populates="reviews")
    reviewer = db.relationship("User")

    @property
    def kind_label(self):
        """The kind in words."""
        return REVIEW_KINDS.get(self.kind, self.kind)
