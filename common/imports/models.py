"""Import runs (file, hash, counts, who), saved column mappings, and per-row source references."""

from common.extensions import db
from common.models import Audited, Timestamped

RUN_STATUSES = {
    "RUNNING": "Running",
    "DRY_RUN": "Dry run (nothing written)",
    "IMPORTED": "Imported",
    "FAILED": "Refused: errors, nothing written",
    "STOPPED": "Stopped: the rows before the recorded position are imported; resume to finish",
}
PHASES = {"checking": "rows checked", "writing": "rows written"}


class ImportRun(Audited, Timestamped, db.Model):
    """One dry run or import of one file: its SHA-256, mapping, counts and row problems."""

    __tablename__ = "common_import_run"
    __audit_exclude__ = ("problems",)

    id = db.Column(db.Integer, primary_key=True)
    app = db.Column(db.String(16), nullable=False, index=True)
    kind = db.Column(db.String(32), nullable=False)
    file_name = db.Column(db.String(255), nullable=False)
    sha256 = db.Column(db.String(64), nullable=False, index=True)
    size_bytes = db.Column(db.Integer, nullable=False, default=0)
    status = db.Column(db.String(12), nullable=False)
    mapping = db.Column(db.JSON, nullable=False, default=dict)
    rows_read = db.Column(db.Integer, nullable=False, default=0)
    created = db.Column(db.Integer, nullable=False, default=0)
    updated = db.Column(db.Integer, nullable=False, default=0)
    skipped = db.Column(db.Integer, nullable=False, default=0)
    errors = db.Column(db.Integer, nullable=False, default=0)
    warnings = db.Column(db.Integer, nullable=False, default=0)
    linked = db.Column(db.Integer, nullable=False, default=0)
    reviews = db.Column(db.Integer, nullable=False, default=0)
    problems = db.Column(db.JSON, nullable=False, default=list)
    user_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)
    # Progress and resumption: rows are written in committed batches; `position` is the
    # number of data rows (in file order) whose batch is committed.
    dry_run = db.Column(db.Boolean, nullable=False, default=False)
    phase = db.Column(db.String(12), nullable=False, default="")
    rows_done = db.Column(db.Integer, nullable=False, default=0)
    rows_total = db.Column(db.Integer, nullable=True)
    position = db.Column(db.Integer, nullable=False, default=0)
    message = db.Column(db.String(500), nullable=False, default="")
    heartbeat_at = db.Column(db.DateTime(timezone=True), nullable=True)

    @property
    def status_label(self):
        """The status in words."""
        return RUN_STATUSES.get(self.status, self.status)

    @property
    def finished(self):
        """Whether the run has ended (imported, dry run done, refused or stopped)."""
        return self.status != "RUNNING"

    @property
    def phase_label(self):
        """What the row counter of the current phase counts."""
        return PHASES.get(self.phase, "rows")


class ImportMapping(Audited, Timestamped, db.Model):
    """A saved column mapping (field -> header text) reusable for files of the same layout."""

    __tablename__ = "common_import_mapping"
    __table_args__ = (db.UniqueConstraint("app", "kind", "name"),)

    id = db.Column(db.Integer, primary_key=True)
    app = db.Column(db.String(16), nullable=False)
    kind = db.Column(db.String(32), nullable=False)
    name = db.Column(db.String(80), nullable=False)
    columns = db.Column(db.JSON, nullable=False, default=dict)
    created_by_id = db.Column(db.Integer, db.ForeignKey("common_user.id"), nullable=True)


class ImportRef(Timestamped, db.Model):
    """The stable source reference of an imported row and what it became (idempotence)."""

    __tablename__ = "common_import_ref"
    __table_args__ = (db.UniqueConstraint("app", "kind", "source_ref"),)

    id = db.Column(db.Integer, primary_key=True)
    app = db.Column(db.String(16), nullable=False)
    kind = db.Column(db.String(32), nullable=False)
    source_ref = db.Column(db.String(200), nullable=False)
    row_hash = db.Column(db.String(64), nullable=False)
    target_type = db.Column(db.String(40), nullable=False)
    target_id = db.Column(db.Integer, nullable=False)
    run_id = db.Column(db.Integer, db.ForeignKey("common_import_run.id"), nullable=True)
