"""Mixins every editable record uses: timestamps and optimistic locking."""

from datetime import UTC, datetime

from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from common.extensions import db


def utcnow():
    """Timezone-aware current UTC time (stored as UTC, shown in Belize time)."""
    return datetime.now(UTC)


class Timestamped:
    """Adds created_at/updated_at in UTC."""

    created_at: Mapped[datetime] = mapped_column(
        db.DateTime(timezone=True), default=utcnow, nullable=False
    )
    updated_at: Mapped[datetime] = mapped_column(
        db.DateTime(timezone=True), default=utcnow, onupdate=utcnow, nullable=False
    )


class Versioned:
    """Optimistic locking: every UPDATE checks and bumps `version`.

    A form carries the version it was rendered with; `common.locking.check_version`
    refuses a stale submit, and SQLAlchemy refuses a concurrent flush (StaleDataError).
    """

    version: Mapped[int] = mapped_column(db.Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls):  # noqa: N805 - SQLAlchemy declared_attr signature
        return {"version_id_col": cls.version}


class Audited:
    """Marker: create/update/delete of this model is written to the audit trail.

    `__audit_exclude__` names fields whose values never go into the diff (hashes, secrets).
    """

    __audit_exclude__: tuple[str, ...] = ()


class Counter(db.Model):
    """The last number issued for one key, e.g. ``court:SC-CR:2025`` or ``lims:2026``."""

    __tablename__ = "common_counter"

    key = db.Column(db.String(80), primary_key=True)
    last_value = db.Column(db.Integer, nullable=False, default=0)
