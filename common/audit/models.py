"""The append-only audit trail and its chain head."""

from common.extensions import db

GENESIS_HASH = "0" * 64


class AuditEntry(db.Model):
    """One audited event. Rows are only ever inserted; `entry_hash` chains them."""

    __tablename__ = "common_audit_log"

    id = db.Column(
        db.BigInteger().with_variant(db.Integer, "sqlite"), primary_key=True, autoincrement=False
    )
    occurred_at = db.Column(db.DateTime(timezone=True), nullable=False, index=True)
    app = db.Column(db.String(16), nullable=False, default="common")
    actor_id = db.Column(db.Integer, nullable=True, index=True)
    actor = db.Column(db.String(255), nullable=False)
    action = db.Column(db.String(32), nullable=False, index=True)
    entity_type = db.Column(db.String(64), nullable=False, index=True)
    entity_id = db.Column(db.String(64), nullable=True, index=True)
    changes = db.Column(db.Text, nullable=False, default="{}")
    ip = db.Column(db.String(64), nullable=True)
    prev_hash = db.Column(db.String(64), nullable=False)
    entry_hash = db.Column(db.String(64), nullable=False)


class AuditHead(db.Model):
    """Single row holding the last entry's id and hash; locked while appending."""

    __tablename__ = "common_audit_head"

    id = db.Column(db.Integer, primary_key=True, autoincrement=False)
    last_id = db.Column(db.BigInteger().with_variant(db.Integer, "sqlite"), nullable=False)
    last_hash = db.Column(db.String(64), nullable=False)
