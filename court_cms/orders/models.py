"""Orders (bail, remand, warrants), sentences and appeals of a case."""

from common.extensions import db
from common.models import Audited, Timestamped, Versioned

ORDER_KINDS = {
    "BAIL": "Bail granted",
    "BAIL_REFUSED": "Bail refused",
    "REMAND": "Remand in custody",
    "WARRANT_ARREST": "Warrant of arrest",
    "WARRANT_COMMITMENT": "Warrant of commitment",
    "WARRANT_PRODUCTION": "Production order",
}
SENTENCE_KINDS = {
    "CUSTODIAL": "Imprisonment",
    "FINE": "Fine",
    "SUSPENDED": "Suspended sentence",
    "COMMUNITY": "Community service",
    "PROBATION": "Probation",
}
APPEAL_OUTCOMES = {
    "ALLOWED": "Allowed",
    "DISMISSED": "Dismissed",
    "WITHDRAWN": "Withdrawn",
    "VARIED": "Sentence varied",
}


class CourtOrder(Audited, Versioned, Timestamped, db.Model):
    """An order concerning a defendant, with the date it runs to."""

    __tablename__ = "court_order"

    id = db.Column(db.Integer, primary_key=True)
    case_id = db.Column(db.Integer, db.ForeignKey("court_case.id"), nullable=False, index=True)
    party_id = db.Column(db.Integer, db.ForeignKey("court_party.id"), nullable=False, index=True)
    kind = db.Column(db.String(20), nullable=False)
    made_on = db.Column(db.Date, nullable=False)
    expires_on = db.Column(db.Date, nullable=True, index=True)
    conditions = db.Column(db.String(1000), nullable=False, default="")
    surety = db.Column(db.String(255), nullable=False, default="")
    bail_amount = db.Column(db.Numeric(12, 2), nullable=True)
    ended_on = db.Column(db.Date, nullable=True)
    ended_reason = db.Column(db.String(255), nullable=False, default="")
    made_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)

    case = db.relationship("Case")
    party = db.relationship("Party")

    @property
    def kind_label(self):
        return ORDER_KINDS.get(self.kind, self.kind)


class Sentence(Audited, Versioned, Timestamped, db.Model):
    """The sentence passed on one convicted charge."""

    __tablename__ = "court_sentence"

    id = db.Column(db.Integer, primary_key=True)
    charge_id = db.Column(db.Integer, db.ForeignKey("court_charge.id"), nullable=False, index=True)
    kind = db.Column(db.String(12), nullable=False)
    imposed_on = db.Column(db.Date, nullable=False)
    start_on = db.Column(db.Date, nullable=True)
    years = db.Column(db.Integer, nullable=False, default=0)
    months = db.Column(db.Integer, nullable=False, default=0)
    days = db.Column(db.Integer, nullable=False, default=0)
    life = db.Column(db.Boolean, nullable=False, default=False)
    consecutive_to_id = db.Column(db.Integer, db.ForeignKey("court_sentence.id"), nullable=True)
    fine_amount = db.Column(db.Numeric(12, 2), nullable=True)
    community_hours = db.Column(db.Integer, nullable=True)
    suspended_for_months = db.Column(db.Integer, nullable=True)
    note = db.Column(db.String(500), nullable=False, default="")
    recorded_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)

    charge = db.relationship("Charge")
    consecutive_to = db.relationship("Sentence", remote_side=[id])

    @property
    def term_label(self):
        if self.life:
            return "life"
        parts = [(self.years, "year"), (self.months, "month"), (self.days, "day")]
        return ", ".join(f"{n} {w}{'s' if n != 1 else ''}" for n, w in parts if n) or "—"

    @property
    def summary(self):
        """The sentence as the case page and registers write it."""
        if self.kind == "CUSTODIAL":
            runs = "consecutive" if self.consecutive_to_id else "concurrent"
            start = f", from {self.start_on:%d %b %Y}" if self.start_on else ""
            return f"Imprisonment, {self.term_label} ({runs}{start})"
        if self.kind == "FINE":
            default = f"; in default {self.term_label}" if self.term_label != "—" else ""
            return f"Fine of BZ$ {self.fine_amount:,.2f}{default}"
        if self.kind == "SUSPENDED":
            return (
                f"Imprisonment, {self.term_label}, suspended for {self.suspended_for_months} months"
            )
        if self.kind == "COMMUNITY":
            return f"Community service, {self.community_hours} hours"
        return f"Probation, {self.term_label}"


class Appeal(Audited, Versioned, Timestamped, db.Model):
    """An appeal against conviction or sentence, with its deadline and outcome."""

    __tablename__ = "court_appeal"

    id = db.Column(db.Integer, primary_key=True)
    case_id = db.Column(db.Integer, db.ForeignKey("court_case.id"), nullable=False, index=True)
    party_id = db.Column(db.Integer, db.ForeignKey("court_party.id"), nullable=False)
    lodged_on = db.Column(db.Date, nullable=False)
    deadline_on = db.Column(db.Date, nullable=False)
    grounds = db.Column(db.String(1000), nullable=False, default="")
    outcome = db.Column(db.String(12), nullable=True)
    outcome_on = db.Column(db.Date, nullable=True)
    outcome_note = db.Column(db.String(500), nullable=False, default="")

    case = db.relationship("Case")
    party = db.relationship("Party")
