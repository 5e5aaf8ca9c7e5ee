"""Bearer tokens for the export API: shown once at creation, stored as SHA-256, revocable."""

import hashlib
import secrets

from sqlalchemy import select

from common.exports.models import ExportToken
from common.extensions import db
from common.models import utcnow

APPS = ("prison", "lims", "court")


class TokenError(ValueError):
    """A token command that cannot be carried out; the message says why."""


def _digest(token):
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(app, name):
    """Create a token for one app's export API; returns (row, the token text)."""
    if app not in APPS:
        raise TokenError(f"unknown app {app!r}: use one of {', '.join(APPS)}")
    name = (name or "").strip()
    if not name:
        raise TokenError("a token needs a name saying who uses it (e.g. bco-repository)")
    active = db.session.scalar(
        select(ExportToken).where(
            ExportToken.app == app, ExportToken.name == name, ExportToken.revoked_at.is_(None)
        )
    )
    if active is not None:
        raise TokenError(f"an active {app} token named {name!r} exists: revoke it or pick a name")
    token = f"bzx_{app}_{secrets.token_urlsafe(32)}"
    row = ExportToken(app=app, name=name, token_hash=_digest(token))
    db.session.add(row)
    db.session.flush()
    return row, token


def revoke_token(app, name):
    """Revoke the active token of `app` called `name`."""
    row = db.session.scalar(
        select(ExportToken).where(
            ExportToken.app == app, ExportToken.name == name, ExportToken.revoked_at.is_(None)
        )
    )
    if row is None:
        raise TokenError(f"no active {app} token named {name!r} (see `justice tokens list`)")
    row.revoked_at = utcnow()
    db.session.flush()
    return row


def token_for(app, presented):
    """The active token row matching the presented text for this app, or None."""
    if not presented:
        return None
    row = db.session.scalar(select(ExportToken).where(ExportToken.token_hash == _digest(presented)))
    if row is None or row.app != app or row.revoked_at is not None:
        return None
    return row


def list_tokens():
    """Every token, newest first (no secrets: only names, apps and dates)."""
    return db.session.scalars(select(ExportToken).order_by(ExportToken.id.desc())).all()
