"""Movements: every entry to and exit from the prison; custody is reconstructed from them."""

from common.extensions import db
from common.models import Audited, Timestamped

MOVEMENT_KINDS = {
    "ADM": "Admission",
    "CRT": "Out to court",
    "HOSP": "Out to hospital",
    "TMP": "Temporary release",
    "ESC": "Escape",
    "RET": "Return",
    "TRN": "Transfer out",
    "REL": "Release",
}
STATES = {
    "IN": "In the prison",
    "CRT": "At court (escorted)",
    "HOSP": "At hospital (escorted)",
    "TMP": "On temporary release",
    "ESC": "Unlawfully at large",
    "OUT": "Discharged",
}
IN_CUSTODY_STATES = ("IN", "CRT", "HOSP", "TMP")


class Movement(Audited, Timestamped, db.Model):
    """One movement, with its effect on the count: entries are never edited, only added.

    `custody_delta` (+1, 0, -1) changes the number of persons in custody and `present_delta`
    the number inside the walls, so any count at any time is the sum of the movements before.
    """

    __tablename__ = "prison_movement"
    __table_args__ = (
        # Custody at any moment is the sum of the few movements that change it.
        db.Index(
            "ix_prison_movement_custody_change",
            "admission_id",
            "occurred_at",
            "custody_delta",
            postgresql_where=db.text("custody_delta <> 0"),
            sqlite_where=db.text("custody_delta <> 0"),
        ),
        # Where a person was at a moment: their last movement before it.
        db.Index("ix_prison_movement_admission_last", "admission_id", "id"),
    )

    id = db.Column(db.Integer, primary_key=True)
    admission_id = db.Column(
        db.Integer, db.ForeignKey("prison_admission.id"), nullable=False, index=True
    )
    kind = db.Column(db.String(4), nullable=False)
    occurred_at = db.Column(db.DateTime(timezone=True), nullable=False, index=True)
    from_state = db.Column(db.String(4), nullable=True)
    to_state = db.Column(db.String(4), nullable=False)
    custody_delta = db.Column(db.SmallInteger, nullable=False)
    present_delta = db.Column(db.SmallInteger, nullable=False)
    place = db.Column(db.String(160), nullable=False, default="")
    reason = db.Column(db.String(255), nullable=False, default="")
    recorded_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)

    admission = db.relationship("Admission")

    @property
    def kind_label(self):
        """The movement in words."""
        return MOVEMENT_KINDS.get(self.kind, self.kind)

    @property
    def state_label(self):
        """Where the person was after this movement."""
        return STATES.get(self.to_state, self.to_state)


class CustodyNow(db.Model):
    """Each admission's latest movement, kept by a database trigger on prison_movement.

    Derived, never written by the application: the trigger (migration 0021) upserts the row
    on every movement inserted, however it is inserted (a form, an import, the demo loader).
    Custody *now* reads it; custody at any other moment is rebuilt from the movements, and
    the roll checks the two against the sums of the movements.
    """

    __tablename__ = "prison_custody_now"

    admission_id = db.Column(db.Integer, db.ForeignKey("prison_admission.id"), primary_key=True)
    movement_id = db.Column(db.Integer, db.ForeignKey("prison_movement.id"), nullable=False)
    # Not indexed, so that the trigger's rewrites are in-place (HOT) updates: migration 0022.
    state = db.Column(db.String(4), nullable=False)


class MovementDay(db.Model):
    """The sums of one UTC day's movement deltas, kept by a database trigger on prison_movement.

    Derived, never written by the application (migration 0023). Movements are only ever
    added, so the count at a moment is the days before it from here plus that day's few
    movements, instead of a sum over the whole history.
    """

    __tablename__ = "prison_movement_day"

    day = db.Column(db.Date, primary_key=True)
    custody = db.Column(db.Integer, nullable=False)
    present = db.Column(db.Integer, nullable=False)
    movements = db.Column(db.Integer, nullable=False)
