"""Sentences, remand credit and release-date calculations (kept, never overwritten)."""

from common.extensions import db
from common.models import Audited, Timestamped, Versioned

CALCULATION_STATES = {
    "PRELIMINARY": "Preliminary: not yet confirmed by a second officer",
    "CONFIRMED": "Confirmed",
    "SUPERSEDED": "Superseded by a later calculation",
}


class PrisonSentence(Audited, Timestamped, db.Model):
    """One sentence on an admission: start and term, or life; consecutive or concurrent."""

    __tablename__ = "prison_sentence"

    id = db.Column(db.Integer, primary_key=True)
    admission_id = db.Column(
        db.Integer, db.ForeignKey("prison_admission.id"), nullable=False, index=True
    )
    label = db.Column(db.String(8), nullable=False)
    admission_offence_id = db.Column(
        db.Integer, db.ForeignKey("prison_admission_offence.id"), nullable=False
    )
    court = db.Column(db.String(120), nullable=False, default="")
    imposed_on = db.Column(db.Date, nullable=True)
    start_date = db.Column(db.Date, nullable=True)
    years = db.Column(db.Integer, nullable=False, default=0)
    months = db.Column(db.Integer, nullable=False, default=0)
    days = db.Column(db.Integer, nullable=False, default=0)
    life = db.Column(db.Boolean, nullable=False, default=False)
    consecutive_to_id = db.Column(db.Integer, db.ForeignKey("prison_sentence.id"), nullable=True)
    entered_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)

    __table_args__ = (db.UniqueConstraint("admission_id", "label"),)

    admission = db.relationship("Admission")
    offence = db.relationship("AdmissionOffence")
    consecutive_to = db.relationship("PrisonSentence", remote_side=[id])

    @property
    def term_text(self):
        """'2 years 6 months 0 days' or 'Life'."""
        if self.life:
            return "Life"
        return f"{self.years} years {self.months} months {self.days} days"

    @property
    def relation_text(self):
        """'Consecutive to S1' or 'Concurrent'."""
        if self.consecutive_to is not None:
            return f"Consecutive to {self.consecutive_to.label}"
        return "Concurrent"


class RemandCredit(Audited, Timestamped, db.Model):
    """Days on remand credited against the sentences; the latest entry is in force."""

    __tablename__ = "prison_remand_credit"

    id = db.Column(db.Integer, primary_key=True)
    admission_id = db.Column(
        db.Integer, db.ForeignKey("prison_admission.id"), nullable=False, index=True
    )
    days = db.Column(db.Integer, nullable=False)
    basis = db.Column(db.String(255), nullable=False)
    recorded_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)


class ReleaseDateCalculation(Audited, Versioned, Timestamped, db.Model):
    """One run of the release-date engine (or an override of its dates), with its working.

    `engine_*` hold what the engine gave; `sed`/`erd` are the dates in force (different only
    when overridden, with a reason). Preliminary until a second officer confirms.
    """

    __tablename__ = "prison_release_calculation"

    id = db.Column(db.Integer, primary_key=True)
    admission_id = db.Column(
        db.Integer, db.ForeignKey("prison_admission.id"), nullable=False, index=True
    )
    state = db.Column(db.String(12), nullable=False, default="PRELIMINARY")
    inputs = db.Column(db.JSON, nullable=False)
    policy = db.Column(db.JSON, nullable=False)
    result = db.Column(db.JSON, nullable=False)
    life = db.Column(db.Boolean, nullable=False, default=False)
    engine_sed = db.Column(db.Date, nullable=True)
    engine_erd = db.Column(db.Date, nullable=True)
    sed = db.Column(db.Date, nullable=True)
    erd = db.Column(db.Date, nullable=True)
    override_reason = db.Column(db.Text, nullable=False, default="")
    trigger = db.Column(db.String(120), nullable=False, default="")
    calculated_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)
    calculated_at = db.Column(db.DateTime(timezone=True), nullable=False)
    confirmed_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)
    confirmed_at = db.Column(db.DateTime(timezone=True), nullable=True)

    admission = db.relationship("Admission")
    calculated_by = db.relationship("User", foreign_keys=[calculated_by_id])
    confirmed_by = db.relationship("User", foreign_keys=[confirmed_by_id])

    @property
    def state_label(self):
        """The state in words."""
        return CALCULATION_STATES.get(self.state, self.state)

    @property
    def overridden(self):
        """True when the dates in force are not the engine's."""
        return bool(self.override_reason)

    @property
    def working(self):
        """The engine's lines of working."""
        return list((self.result or {}).get("working", []))
