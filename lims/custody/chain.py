"""The per-item custody hash chain: computing entry hashes and verifying every item."""

import hashlib
import hmac
import json
from datetime import UTC

from sqlalchemy import select

from common.audit.chain import VerifyResult
from common.audit.models import GENESIS_HASH

HASHED_FIELDS = (
    "item_id",
    "seq",
    "occurred_at",
    "from_kind",
    "from_user_id",
    "from_location_id",
    "from_label",
    "to_kind",
    "to_user_id",
    "to_location_id",
    "to_label",
    "purpose",
    "seal_intact",
    "receiver_authenticated",
    "notes",
    "recorded_by_id",
    "prev_hash",
)


def _utc_text(value):
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.isoformat(timespec="microseconds")


def entry_digest(key, fields):
    """HMAC-SHA256 over the canonical JSON of a custody entry's hashed fields."""
    payload = {name: fields.get(name) for name in HASHED_FIELDS}
    payload["occurred_at"] = _utc_text(payload["occurred_at"])
    message = json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str)
    return hmac.new(key.encode(), b"custody:" + message.encode(), hashlib.sha256).hexdigest()


def head_digest(key, item_id, count, last_hash):
    """HMAC sealing an item's chain length and last hash (detects entries cut off the end)."""
    message = f"custody-head:{item_id}:{count}:{last_hash}".encode()
    return hmac.new(key.encode(), message, hashlib.sha256).hexdigest()


def verify_entries(key, item_id, count, head, rows):
    """Check one item's entries (dicts, in seq order) against its sealed head; '' if intact."""
    expected_prev = GENESIS_HASH
    for position, row in enumerate(rows, start=1):
        if row["seq"] != position:
            return (
                f"entry {position} is missing (the chain jumps to entry {row['seq']}): "
                "an entry was deleted or renumbered"
            )
        if row["prev_hash"] != expected_prev:
            return (
                f"entry {position} does not follow the entry before it: entries were "
                "deleted, inserted or reordered"
            )
        if entry_digest(key, row) != row["entry_hash"]:
            return (
                f"entry {position} was altered after it was written: its content no longer "
                "matches its hash"
            )
        expected_prev = row["entry_hash"]
    if len(rows) != count or head_digest(key, item_id, len(rows), expected_prev) != head:
        return (
            f"the item's record says {count} entries but {len(rows)} are stored: entries at "
            "the end were deleted or added outside the system"
        )
    return ""


def verify_all_items(connection, key):
    """Walk every item's custody chain; a VerifyResult naming the first broken item."""
    from lims.custody.models import CustodyEntry
    from lims.intake.models import LabCase
    from lims.items.models import Item

    items = connection.execute(
        select(
            Item.id,
            Item.top_number,
            Item.sub_number,
            Item.custody_count,
            Item.custody_head,
            LabCase.lab_number,
        )
        .join(LabCase, LabCase.id == Item.case_id)
        .order_by(Item.id)
    ).all()
    table = CustodyEntry.__table__
    rows_by_item = {}
    result = connection.execution_options(yield_per=5000).execute(
        select(table).order_by(table.c.item_id, table.c.seq, table.c.id)
    )
    for row in result.mappings():
        rows_by_item.setdefault(row["item_id"], []).append(dict(row))
    checked = 0
    for item in items:
        rows = rows_by_item.pop(item.id, [])
        problem = verify_entries(key, item.id, item.custody_count, item.custody_head, rows)
        number = f"{item.top_number}.{item.sub_number}" if item.sub_number else item.top_number
        if problem:
            return VerifyResult(False, checked, f"{item.lab_number} item {number}: {problem}")
        checked += len(rows)
    if rows_by_item:
        orphan = min(rows_by_item)
        return VerifyResult(False, checked, f"custody entries for unknown item {orphan}")
    return VerifyResult(True, checked)
