"""Sending, listing and deciding inbox items; the sender writes them in its own transaction.

An item is written by the sending system's service in the same transaction as the order
that causes it, so an order is never recorded without its item, nor an item without its
order. The receiving system decides each item once: accepted (with what it did, kept in its
own tables) or rejected with a reason.
"""

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm.exc import StaleDataError

from common.extensions import db
from common.inbox.models import ITEM_KINDS, InboxItem
from common.locking import check_version
from common.models import utcnow
from common.persons.models import IDENTITY_FIELDS


class InboxError(ValueError):
    """A decision on an item that breaks a rule; `field` names the form field to fix."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


class InboxConflict(InboxError):
    """The item was decided by someone else since it was shown."""


def identity_snapshot(record):
    """The identity a sender recorded for a person, as JSON-ready values (for pre-filling)."""
    snap = {}
    for name in IDENTITY_FIELDS:
        value = getattr(record, name, "")
        snap[name] = value.isoformat() if isinstance(value, date) else (value or "")
    snap["full_name"] = record.full_name
    return snap


def send_item(
    kind,
    *,
    sender,
    receiver,
    person_id,
    case_id,
    case_reference,
    source,
    ordered_on,
    details,
    next_court_date=None,
    next_court="",
    user_id=None,
):
    """Write a pending item for the receiving system (flushed, in the caller's transaction)."""
    if kind not in ITEM_KINDS:
        raise ValueError(f"unknown inbox item kind {kind!r}")
    item = InboxItem(
        sender=sender,
        receiver=receiver,
        kind=kind,
        person_id=person_id,
        case_id=case_id,
        case_reference=case_reference,
        source_type=source.__class__.__name__,
        source_id=source.id,
        details=details,
        ordered_on=ordered_on,
        next_court_date=next_court_date,
        next_court=next_court or "",
        sent_by_id=user_id,
    )
    db.session.add(item)
    db.session.flush()
    return item


def pending_items(receiver):
    """Items waiting for a decision of the receiving system, oldest first."""
    return db.session.scalars(
        select(InboxItem)
        .where(InboxItem.receiver == receiver, InboxItem.state == "PENDING")
        .order_by(InboxItem.created_at, InboxItem.id)
    ).all()


def pending_count(receiver):
    """How many items wait for the receiving system (the badge in its menu)."""
    return db.session.scalar(
        select(func.count(InboxItem.id)).where(
            InboxItem.receiver == receiver, InboxItem.state == "PENDING"
        )
    )


def decided_items(receiver, limit=50):
    """The latest decided items of the receiving system, newest first."""
    return db.session.scalars(
        select(InboxItem)
        .where(InboxItem.receiver == receiver, InboxItem.state != "PENDING")
        .order_by(InboxItem.decided_at.desc(), InboxItem.id.desc())
        .limit(limit)
    ).all()


def items_for_case(sender, case_id):
    """Every item a case sent, in the order sent (for the sender's case page)."""
    return db.session.scalars(
        select(InboxItem)
        .where(InboxItem.sender == sender, InboxItem.case_id == case_id)
        .order_by(InboxItem.created_at, InboxItem.id)
    ).all()


def items_of_person(sender, case_id, person_id):
    """Items a case sent about one person (has the receiver been told about them?)."""
    return [i for i in items_for_case(sender, case_id) if i.person_id == person_id]


def _already_decided(item):
    who = item.decided_by.display_name if item.decided_by else "another user"
    when = f"{item.decided_at:%d %b %Y %H:%M} UTC" if item.decided_at else ""
    return InboxConflict(
        f"This item was already {item.state_label.lower()} by {who} {when}: nothing was "
        "changed. Reload the inbox to see the current items."
    )


def lock_pending(item_id, receiver, version):
    """The item, row-locked for a decision; refused when decided or changed since shown."""
    item = db.session.execute(
        select(InboxItem)
        .where(InboxItem.id == item_id, InboxItem.receiver == receiver)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).scalar_one_or_none()
    if item is None:
        raise InboxError("This item is not in your inbox.")
    if item.state != "PENDING":
        raise _already_decided(item)
    check_version(item, version, "This inbox item")
    return item


def _decided(item):
    """Flush the decision; a concurrent decision of the same item loses here."""
    try:
        db.session.flush()
    except StaleDataError as exc:
        raise InboxConflict(
            "This item was decided by someone else at the same moment: nothing was changed. "
            "Reload the inbox to see the current items."
        ) from exc
    return item


def mark_accepted(item, user_id):
    """Record that the receiver accepted the item (what it did is kept on its side)."""
    item.state = "ACCEPTED"
    item.decided_by_id = user_id
    item.decided_at = utcnow()
    return _decided(item)


def reject_item(item, reason, user_id):
    """Reject a locked pending item with the reason the sender will read."""
    reason = (reason or "").strip()
    if len(reason) < 5:
        raise InboxError(
            "Give the reason for rejecting the item (the court reads it), for example "
            "'Not in the custody of Belize Central Prison'.",
            "reason",
        )
    item.state = "REJECTED"
    item.reject_reason = reason[:500]
    item.decided_by_id = user_id
    item.decided_at = utcnow()
    return _decided(item)
