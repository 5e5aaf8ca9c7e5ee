"""Writing the audit trail: automatic field diffs on flush, plus explicit events."""

import contextvars
import json
from contextlib import contextmanager
from datetime import UTC, date, datetime
from decimal import Decimal

from flask import current_app, has_app_context, has_request_context, request
from flask_login import current_user
from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, scoped_session

from common.audit.chain import append_entries, lock_head
from common.models import Audited, Versioned

NOT_DIFFED = {"updated_at"}
_cli_actor = contextvars.ContextVar("cli_actor", default=None)


@contextmanager
def acting_as(actor, user_id=None):
    """Attribute audit entries written outside a request (CLI, jobs) to `actor` (a label),
    and to the user `user_id` when the job runs on someone's behalf."""
    token = _cli_actor.set((user_id, actor))
    try:
        yield
    finally:
        _cli_actor.reset(token)


def current_actor():
    """(user id or None, label) for the person or process making the change."""
    cli = _cli_actor.get()
    if cli is not None:
        return cli
    if has_request_context() and current_user and current_user.is_authenticated:
        return current_user.id, current_user.email
    return None, "system"


def _plain(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple | set):
        return [_plain(v) for v in value]
    if isinstance(value, bytes):
        return "<binary>"
    return value


def _entity_label(obj):
    return obj.__class__.__name__


def _entity_id(obj):
    ident = inspect(obj).identity
    return ",".join(str(v) for v in ident) if ident else None


def field_diff(obj, mode):
    """Field-level diff {field: [old, new]} of an audited object for create/update/delete."""
    state = inspect(obj)
    hidden = set(getattr(obj, "__audit_exclude__", ())) | NOT_DIFFED
    diff = {}
    for attr in state.mapper.column_attrs:
        name = attr.key
        if name in NOT_DIFFED:
            continue
        hist = state.attrs[name].history
        if mode == "create":
            old, new = None, state.attrs[name].value
        elif mode == "delete":
            old, new = state.attrs[name].value, None
        elif hist.has_changes():
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
        else:
            continue
        if old is None and new is None:
            continue
        diff[name] = ["<hidden>", "<hidden>"] if name in hidden else [_plain(old), _plain(new)]
    diff.update(_collection_diff(state))
    if mode == "update" and diff and isinstance(obj, Versioned) and "version" not in diff:
        # The mapper bumps the version inside the flush, outside attribute history.
        diff["version"] = [obj.version - 1, obj.version]
    return diff


def _collection_diff(state):
    diff = {}
    for rel in state.mapper.relationships:
        if not rel.uselist:
            continue
        hist = state.attrs[rel.key].history
        if hist.added or hist.deleted:
            diff[rel.key] = {
                "removed": sorted(str(x) for x in hist.deleted),
                "added": sorted(str(x) for x in hist.added),
            }
    return diff


def _app_name():
    return current_app.config.get("APP_NAME", "common") if has_app_context() else "common"


def _ip():
    return request.remote_addr if has_request_context() else None


def _entry(action, entity_type, entity_id, changes):
    actor_id, actor = current_actor()
    return {
        "app": _app_name(),
        "actor_id": actor_id,
        "actor": actor,
        "action": action,
        "entity_type": entity_type,
        "entity_id": None if entity_id is None else str(entity_id),
        "changes": json.dumps(changes, sort_keys=True, default=str),
        "ip": _ip(),
    }


def _audit_key():
    return current_app.config["AUDIT_KEY"]


def _audited(objects):
    return [o for o in objects if isinstance(o, Audited)]


DEFERRED = "audit_deferred_entries"


def _before_flush(session, flush_context, instances):
    if DEFERRED in session.info:
        return  # the chain lock is already held for the whole batch
    if _audited(session.new) or _audited(session.dirty) or _audited(session.deleted):
        lock_head(session.connection())


def _after_flush(session, flush_context):
    if session.info.get(DEFERRED, []) is None:
        return
    entries = []
    for obj in _audited(session.new):
        entries.append(
            _entry("create", _entity_label(obj), _entity_id(obj), field_diff(obj, "create"))
        )
    for obj in _audited(session.dirty):
        if session.is_modified(obj, include_collections=True):
            diff = field_diff(obj, "update")
            if diff:
                entries.append(_entry("update", _entity_label(obj), _entity_id(obj), diff))
    for obj in _audited(session.deleted):
        entries.append(
            _entry("delete", _entity_label(obj), _entity_id(obj), field_diff(obj, "delete"))
        )
    _append(session, entries)


def _append(session, entries):
    """Append entries now, or keep them for the end of a deferred batch (in order)."""
    if not entries:
        return
    if DEFERRED in session.info:
        if session.info[DEFERRED] is None:
            return  # discarded: the caller rolls the work back
        now = datetime.now(UTC)
        session.info[DEFERRED].extend(dict(e, occurred_at=now) for e in entries)
    else:
        append_entries(session.connection(), _audit_key(), entries)


@contextmanager
def deferred_audit(session):
    """Write the audit entries of many flushes in one append at the end of the block.

    Every record still gets its own entry, with the time of its flush; only the round trips
    to the chain (lock, insert, head update per flush) are saved. The chain lock is taken
    first and held to the commit, so writers lock in the same order as without deferral.
    If the block raises, its entries are dropped with the transaction the caller rolls back.
    """
    if DEFERRED in session.info:
        yield
        return
    lock_head(session.connection())
    session.info[DEFERRED] = []
    try:
        yield
        session.flush()
        entries = session.info.pop(DEFERRED)
        if entries:
            append_entries(session.connection(), _audit_key(), entries)
    finally:
        session.info.pop(DEFERRED, None)


@contextmanager
def discarded_audit(session):
    """For work the caller rolls back whatever happens (a dry run): the audit entries its
    flushes would write are not computed into the chain at all, saving every round trip."""
    if DEFERRED in session.info:
        yield
        return
    lock_head(session.connection())
    session.info[DEFERRED] = None
    try:
        yield
    finally:
        session.info.pop(DEFERRED, None)


def install_listeners():
    """Hook the audit writer into every SQLAlchemy session (idempotent)."""
    if not event.contains(Session, "after_flush", _after_flush):
        event.listen(Session, "before_flush", _before_flush)
        event.listen(Session, "after_flush", _after_flush)


def record_event(session, action, entity_type, entity_id=None, details=None):
    """Write one explicit audit entry (login, failed login, export, view) in this transaction."""
    _append(session, [_entry(action, entity_type, entity_id, details or {})])


def commit_view_entry(session):
    """Commit a page view's audit entry, releasing the chain lock before the page renders,
    without expiring the records just read for it (they would be read again otherwise)."""
    if isinstance(session, scoped_session):
        session = session()
    keep = session.expire_on_commit
    session.expire_on_commit = False
    try:
        session.commit()
    finally:
        session.expire_on_commit = keep
