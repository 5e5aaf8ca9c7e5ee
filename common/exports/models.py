"""The export outbox (one row per changed exported record) and the BCO pull tokens."""

from common.extensions import db
from common.models import Audited, utcnow


class ExportChange(db.Model):
    """One change of one exported record, written in the transaction that made it.

    `seq` grows in commit order: outbox rows are only written while the writer holds the
    audit chain lock (see `common.exports.outbox`), so a reader that has seen `seq` N has
    seen every committed change up to N.
    """

    __tablename__ = "common_export_change"
    __table_args__ = (db.Index("ix_common_export_change_feed", "app", "dataset", "seq"),)

    seq = db.Column(db.BigInteger().with_variant(db.Integer, "sqlite"), primary_key=True)
    app = db.Column(db.String(16), nullable=False)
    dataset = db.Column(db.String(40), nullable=False)
    record_id = db.Column(db.String(64), nullable=False)
    changed_at = db.Column(db.DateTime(timezone=True), nullable=False, default=utcnow)


class ExportToken(Audited, db.Model):
    """A bearer token for one app's export API; only its SHA-256 is stored."""

    __tablename__ = "common_export_token"
    __audit_exclude__ = ("token_hash",)

    id = db.Column(db.Integer, primary_key=True)
    app = db.Column(db.String(16), nullable=False)
    name = db.Column(db.String(80), nullable=False)
    token_hash = db.Column(db.String(64), unique=True, nullable=False)
    created_at = db.Column(db.DateTime(timezone=True), nullable=False, default=utcnow)
    revoked_at = db.Column(db.DateTime(timezone=True), nullable=True)

    @property
    def active(self):
        return self.revoked_at is None
