"""HMAC-SHA256 hash chain: computing, appending and verifying entries."""

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import insert, select, update

from common.audit.models import GENESIS_HASH, AuditEntry, AuditHead

HASHED_FIELDS = (
    "id",
    "occurred_at",
    "app",
    "actor_id",
    "actor",
    "action",
    "entity_type",
    "entity_id",
    "changes",
    "ip",
    "prev_hash",
)


def _utc_text(value):
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.isoformat(timespec="microseconds")


def entry_digest(key, fields):
    """HMAC-SHA256 over the canonical JSON of an entry's hashed fields."""
    payload = {name: fields.get(name) for name in HASHED_FIELDS}
    payload["occurred_at"] = _utc_text(payload["occurred_at"])
    message = json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str)
    return hmac.new(key.encode(), message.encode(), hashlib.sha256).hexdigest()


def _locked_head(connection):
    head = connection.execute(
        select(AuditHead.__table__).where(AuditHead.__table__.c.id == 1).with_for_update()
    ).first()
    if head is None:
        connection.execute(
            insert(AuditHead.__table__).values(id=1, last_id=0, last_hash=GENESIS_HASH)
        )
        return 0, GENESIS_HASH
    return head.last_id, head.last_hash


def lock_head(connection):
    """Take the chain lock early so every writer locks in the same order."""
    _locked_head(connection)


def append_entries(connection, key, entries):
    """Append entries (dicts of the non-hash fields) to the chain in this transaction."""
    if not entries:
        return
    last_id, last_hash = _locked_head(connection)
    rows = []
    for fields in entries:
        last_id += 1
        row = dict(fields, id=last_id, prev_hash=last_hash)
        row.setdefault("occurred_at", datetime.now(UTC))
        row["entry_hash"] = entry_digest(key, row)
        last_hash = row["entry_hash"]
        rows.append(row)
    connection.execute(insert(AuditEntry.__table__), rows)
    connection.execute(
        update(AuditHead.__table__)
        .where(AuditHead.__table__.c.id == 1)
        .values(last_id=last_id, last_hash=last_hash)
    )


@dataclass
class VerifyResult:
    """Outcome of walking the chain."""

    ok: bool
    checked: int
    problem: str = ""
    entry_id: int | None = None
    head_hash: str = GENESIS_HASH


def verify_chain(connection, key, progress=None):
    """Walk every entry in order and report the first broken one."""
    table = AuditEntry.__table__
    expected_prev, expected_id, checked = GENESIS_HASH, 1, 0
    result = connection.execution_options(yield_per=5000).execute(
        select(table).order_by(table.c.id)
    )
    for row in result.mappings():
        fields = dict(row)
        if row["id"] != expected_id:
            return VerifyResult(
                False,
                checked,
                f"entry {expected_id} is missing (the chain "
                f"jumps to entry {row['id']}): an entry was deleted",
                row["id"],
            )
        if row["prev_hash"] != expected_prev:
            return VerifyResult(
                False,
                checked,
                f"entry {row['id']} does not follow the entry "
                "before it: entries were deleted, inserted or reordered",
                row["id"],
            )
        if entry_digest(key, fields) != row["entry_hash"]:
            return VerifyResult(
                False,
                checked,
                f"entry {row['id']} was altered after it was "
                "written: its content no longer matches its hash",
                row["id"],
            )
        expected_prev, expected_id = row["entry_hash"], row["id"] + 1
        checked += 1
        if progress and checked % 1000 == 0:
            progress(1000)
    return _check_head(connection, checked, expected_id - 1, expected_prev)


def _check_head(connection, checked, last_id, last_hash):
    head = connection.execute(select(AuditHead.__table__)).first()
    if head is None and checked == 0:
        return VerifyResult(True, 0)
    if head is None or head.last_id != last_id or head.last_hash != last_hash:
        return VerifyResult(
            False,
            checked,
            "the chain head does not match the last entry: "
            "entries at the end were deleted or added outside the system",
            last_id,
        )
    return VerifyResult(True, checked, head_hash=last_hash)


# Other hash chains (e.g. a lab's chain of custody) that `justice audit verify` also checks.
# Each is registered as (name, "module:function"); the function takes (connection, key) and
# returns a VerifyResult. Registered by the owning app's models module, resolved lazily.
EXTRA_CHAINS = {}


def register_chain(name, verifier_path):
    """Ask `justice audit verify` to check one more chain (idempotent)."""
    EXTRA_CHAINS[name] = verifier_path


def verify_extra_chains(connection, key):
    """[(name, VerifyResult)] for every registered extra chain."""
    import importlib

    results = []
    for name, path in sorted(EXTRA_CHAINS.items()):
        module_name, function_name = path.split(":")
        verifier = getattr(importlib.import_module(module_name), function_name)
        results.append((name, verifier(connection, key)))
    return results
