"""Account lockout after repeated failed sign-ins, and sign-in auditing."""

from datetime import UTC, datetime, timedelta

from flask import current_app
from sqlalchemy import select

from common.audit.services import record_event
from common.extensions import db
from common.timefmt import belize_time


def _as_utc(value):
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def is_locked_now(user, now=None):
    """True while the account's lock period runs."""
    now = now or datetime.now(UTC)
    return bool(user.locked_until and _as_utc(user.locked_until) > now)


def lock_message(user):
    """The sentence shown on the sign-in form of a locked account."""
    return (
        f"This account is locked after {current_app.config['LOCKOUT_MAX_FAILURES']} "
        f"failed sign-in attempts. Try again after {belize_time(user.locked_until)} "
        "(Belize time) or ask an administrator to unlock it."
    )


def register_failure(user, auth_type, tfa):
    """Count a failed credential; lock the account at the limit. Commits at once."""
    # Row lock: parallel wrong guesses against one account must each count.
    stored = db.session.execute(
        select(type(user).failed_login_count).where(type(user).id == user.id).with_for_update()
    ).scalar_one()
    user.failed_login_count = (stored or 0) + 1
    details = {
        "auth_type": auth_type,
        "second_factor": tfa,
        "consecutive_failures": user.failed_login_count,
    }
    if user.failed_login_count >= current_app.config["LOCKOUT_MAX_FAILURES"]:
        minutes = current_app.config["LOCKOUT_MINUTES"]
        user.locked_until = datetime.now(UTC) + timedelta(minutes=minutes)
        details["locked_for_minutes"] = minutes
    record_event(db.session, "login_failed", "User", user.id, details)
    # A failed sign-in renders the form again without committing; the count must persist.
    db.session.commit()


def register_locked_attempt(user):
    """Audit a sign-in with the right password on a locked account. Commits at once."""
    record_event(
        db.session,
        "login_failed",
        "User",
        user.id,
        {"auth_type": "password", "reason": "account locked"},
    )
    db.session.commit()


def register_success(sender, user, **extra):
    """Signal handler: reset the failure count and audit the sign-in."""
    user.failed_login_count = 0
    user.locked_until = None
    record_event(
        db.session, "login", "User", user.id, {"method": extra.get("authn_via", ["password"])}
    )


def unlock(user):
    """Administrator action: clear a lock."""
    user.failed_login_count = 0
    user.locked_until = None
