"""Custody transfers: who may hand over to whom, receiver authentication, the hash chain."""

from flask import current_app
from flask_security import verify_password
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from common.extensions import db
from common.identity.models import User
from common.locking import lock_for_update
from lims.custody.chain import entry_digest, head_digest, verify_entries
from lims.custody.models import PURPOSES, CustodyEntry
from lims.errors import LimsError
from lims.times import as_utc, now_utc


def person_label(user):
    """How a person appears in the chain: name and email."""
    return f"{user.full_name or user.email} ({user.email})"


def _key():
    return current_app.config["AUDIT_KEY"]


def append_entry(item, **fields):
    """Append one entry to the item's chain and move the item to its new holder; flushed."""
    fields.setdefault("occurred_at", now_utc())
    fields["occurred_at"] = as_utc(fields["occurred_at"]).replace(microsecond=0)
    fields.update(item_id=item.id, seq=item.custody_count + 1, prev_hash=item.custody_last_hash)
    fields.setdefault("notes", "")
    fields.setdefault("receiver_authenticated", False)
    for name in ("from_user_id", "from_location_id", "to_user_id", "to_location_id"):
        fields.setdefault(name, None)
    fields["entry_hash"] = entry_digest(_key(), fields)
    entry = CustodyEntry(item=item, **fields)
    db.session.add(entry)
    item.custody_count = fields["seq"]
    item.custody_last_hash = fields["entry_hash"]
    item.custody_head = head_digest(_key(), item.id, item.custody_count, fields["entry_hash"])
    _move(item, fields["to_user_id"], fields["to_location_id"])
    db.session.flush()
    return entry


def _move(item, user_id, location_id):
    from lims.items.models import StorageLocation

    item.custodian = db.session.get(User, user_id) if user_id else None
    item.location = db.session.get(StorageLocation, location_id) if location_id else None


def record_first_entry(item, case, receiver, parent=None, at=None):
    """The first entry: from the submitting officer (or the parent item) to the receiver."""
    if parent is not None:
        source = {"from_kind": "DIVISION", "from_label": f"Divided from item {parent.number}"}
        purpose = "ANALYSIS"
    else:
        source = {
            "from_kind": "AGENCY",
            "from_label": f"{case.officer_name} {case.officer_number}".strip() + f", {case.agency}",
        }
        purpose = "RECEIPT"
    return append_entry(
        item,
        **source,
        occurred_at=at or (case.received_at if parent is None else now_utc()),
        to_kind="PERSON",
        to_user_id=receiver.id,
        to_label=person_label(receiver),
        purpose=purpose,
        seal_intact=item.condition == "SEALED",
        receiver_authenticated=True,
        recorded_by_id=receiver.id,
    )


def check_movable(item):
    """Refuse any movement of a disposed item or an item on legal hold."""
    if item.state == "DISPOSED":
        raise LimsError(f"Item {item.number} has been disposed: it can no longer be moved.")
    if item.legal_hold:
        raise LimsError(
            f"Item {item.number} is on legal hold ({item.legal_hold_reason}): it cannot be "
            "moved or disposed until the lab manager lifts the hold."
        )


def _check_giver(item, actor):
    if item.custodian_id is not None and item.custodian_id != actor.id:
        raise LimsError(
            f"Item {item.number} is held by {item.holder_label}: only the person holding an "
            "item hands it over."
        )


def _check_receiver(item, actor, receiver, password):
    if receiver is None or not receiver.active:
        raise LimsError("Choose the person receiving the item.", "to_user_id")
    if receiver.id == item.custodian_id:
        raise LimsError(f"{person_label(receiver)} already holds the item.", "to_user_id")
    if not receiver.has_permission("lims.custody.transfer"):
        raise LimsError("The receiver is not laboratory staff allowed to hold evidence.")
    if receiver.id == actor.id:
        return True
    if not password or not receiver.password or not verify_password(password, receiver.password):
        raise LimsError(
            f"The receiver's password is not correct: {receiver.full_name or receiver.email} "
            "must enter their own password to accept the item. Nothing was recorded.",
            "receiver_password",
        )
    return True


def transfer(item, actor, data):
    """Record a transfer from the item's holder to a person or a storage location.

    `data`: to_kind ('PERSON' or 'LOCATION'), to_user_id or to_location_id, purpose,
    seal_intact, notes, receiver_password (a person receiving re-enters their password).
    """
    from lims.items.models import StorageLocation

    lock_for_update(item)  # two hand-overs of one item at once: the second sees the first
    check_movable(item)
    if data.get("purpose") not in PURPOSES:
        raise LimsError("Choose the purpose of the transfer.", "purpose")
    if data.get("seal_intact") is None:
        raise LimsError("Say whether the seal is intact.", "seal_intact")
    notes = (data.get("notes") or "").strip()[:255]
    if not data["seal_intact"] and not notes:
        raise LimsError("The seal is not intact: describe its state in the notes.", "notes")
    _check_giver(item, actor)
    source = _source_fields(item)
    if data.get("to_kind") == "LOCATION":
        if item.location_id is not None:
            raise LimsError(
                f"A move from one storage location to another is not allowed: a person always "
                f"stands between. Take item {item.number} out of {item.location.path} into "
                "your custody first, then store it.",
                "to_location_id",
            )
        location = db.session.get(StorageLocation, int(data.get("to_location_id") or 0))
        if location is None:
            raise LimsError("Choose the storage location.", "to_location_id")
        target = {"to_kind": "LOCATION", "to_location_id": location.id, "to_label": location.path}
        authenticated = False
    elif data.get("to_kind") == "PERSON":
        receiver = db.session.get(User, int(data.get("to_user_id") or 0))
        authenticated = _check_receiver(item, actor, receiver, data.get("receiver_password"))
        target = {
            "to_kind": "PERSON",
            "to_user_id": receiver.id,
            "to_label": person_label(receiver),
        }
    else:
        raise LimsError("Choose whether the item goes to a person or a storage location.")
    return append_entry(
        item,
        **source,
        **target,
        purpose=data["purpose"],
        seal_intact=bool(data["seal_intact"]),
        notes=notes,
        receiver_authenticated=authenticated,
        recorded_by_id=actor.id,
    )


def _source_fields(item):
    if item.custodian_id is not None:
        return {
            "from_kind": "PERSON",
            "from_user_id": item.custodian_id,
            "from_label": person_label(item.custodian),
        }
    return {
        "from_kind": "LOCATION",
        "from_location_id": item.location_id,
        "from_label": item.location.path,
    }


def entries_of(item):
    """The item's custody entries in order."""
    return list(
        db.session.scalars(
            select(CustodyEntry).where(CustodyEntry.item_id == item.id).order_by(CustodyEntry.seq)
        )
    )


def chain_problem(item):
    """'' when the item's chain is intact, else what is wrong with it."""
    table = CustodyEntry.__table__
    rows = db.session.connection().execute(
        select(table).where(table.c.item_id == item.id).order_by(table.c.seq, table.c.id)
    )
    return verify_entries(
        _key(), item.id, item.custody_count, item.custody_head, [dict(r) for r in rows.mappings()]
    )


def custody_staff():
    """Active users who may hold evidence, by name."""
    users = db.session.scalars(
        select(User)
        .where(User.active.is_(True))
        .options(selectinload(User.roles))
        .order_by(User.full_name)
    )
    return [u for u in users if u.has_permission("lims.custody.transfer")]
