"""Daily population snapshots: counts of persons in custody at the end of each day."""

from common.extensions import db
from common.models import utcnow


class PopulationSnapshot(db.Model):
    """How many persons of one legal status, sex, age band and unit were held on a date.

    Counts are derived from the admission, status, housing and movement history, so they are
    recomputed rather than edited: a re-run replaces a date's rows (and is audited once per
    date, see `prison_ims.population.services`). `unit_code` is empty for persons without a
    cell that day.
    """

    __tablename__ = "prison_population_snapshot"
    __table_args__ = (
        db.UniqueConstraint("snapshot_date", "legal_status", "sex", "age_band", "unit_code"),
    )

    id = db.Column(db.Integer, primary_key=True)
    snapshot_date = db.Column(db.Date, nullable=False, index=True)
    legal_status = db.Column(db.String(24), nullable=False)
    sex = db.Column(db.String(1), nullable=False)
    age_band = db.Column(db.String(8), nullable=False)
    unit_code = db.Column(db.String(12), nullable=False, default="")
    count = db.Column(db.Integer, nullable=False)
    computed_at = db.Column(db.DateTime(timezone=True), nullable=False, default=utcnow)

    @property
    def key(self):
        """(legal status, sex, age band, unit code): what one row counts."""
        return (self.legal_status, self.sex, self.age_band, self.unit_code)
