"""Writing the outbox: every flush that touches an exported record adds a change row.

Ordering: before writing outbox rows the writer takes the audit chain lock, which it holds
until commit (every exported model is audited, so it usually holds it already). Writers of
exported data are therefore serialised, and `seq` values become visible in commit order:
a cursor never skips a change that commits later with a smaller number.
"""

from sqlalchemy import event, insert, inspect, select
from sqlalchemy.orm import Session

from common.audit.chain import lock_head
from common.exports.datasets import all_datasets
from common.exports.models import ExportChange
from common.models import utcnow

PERSON_MODELS = ("Person", "PersonRecord")


_WATCHERS = {"datasets": None, "table": {}}


def _watchers():
    """{model class: [(dataset, fn)]} over every dataset, rebuilt only when datasets change."""
    datasets = all_datasets()
    if _WATCHERS["datasets"] != [id(d) for d in datasets]:
        table = {}
        for dataset in datasets:
            for model, fn in dataset.watch.items():
                table.setdefault(model, []).append((dataset, fn))
        _WATCHERS.update(datasets=[id(d) for d in datasets], table=table)
    return _WATCHERS["table"]


def _persons_touched(obj):
    """Person ids whose exported records change with `obj` (a Person or PersonRecord)."""
    name = type(obj).__name__
    state = inspect(obj)
    ids = set()
    if name == "Person":
        ids.add(obj.id)
        history = state.attrs.merged_into_id.history
        ids.update(v for v in (*history.deleted, *history.added, obj.merged_into_id) if v)
    elif name == "PersonRecord":
        history = state.attrs.person_id.history
        ids.update(v for v in (*history.deleted, *history.added, obj.person_id) if v)
    return ids


def changed_records(session, objects):
    """{(app, dataset): {record ids}} affected by these flushed objects."""
    watchers = _watchers()
    changes = {}
    person_ids = set()
    for obj in objects:
        if type(obj).__name__ in PERSON_MODELS and type(obj).__module__.startswith("common."):
            person_ids |= _persons_touched(obj)
        for cls in type(obj).__mro__:
            for dataset, fn in watchers.get(cls, ()):
                with session.no_autoflush:
                    ids = {str(i) for i in fn(session, obj) if i is not None}
                if ids:
                    changes.setdefault((dataset.app, dataset.name), set()).update(ids)
    if person_ids:
        for dataset in all_datasets():
            if dataset.by_person is None:
                continue
            with session.no_autoflush:
                rows = session.execute(dataset.by_person(sorted(person_ids))).scalars()
                ids = {str(i) for i in rows}
            if ids:
                changes.setdefault((dataset.app, dataset.name), set()).update(ids)
    return changes


def write_changes(connection, changes):
    """Insert outbox rows for `changes` in this transaction, under the audit chain lock."""
    now = utcnow()
    rows = [
        {"app": app, "dataset": name, "record_id": rid, "changed_at": now}
        for (app, name), ids in sorted(changes.items())
        for rid in sorted(ids)
    ]
    if not rows:
        return 0  # an empty executemany would insert one row of defaults
    lock_head(connection)
    connection.execute(insert(ExportChange.__table__), rows)
    return len(rows)


def _after_flush(session, flush_context):
    objects = [*session.new, *session.dirty, *session.deleted]
    if not objects:
        return
    changes = changed_records(session, objects)
    write_changes(session.connection(), changes)


def install_outbox():
    """Hook the outbox writer into every SQLAlchemy session (idempotent)."""
    if not event.contains(Session, "after_flush", _after_flush):
        event.listen(Session, "after_flush", _after_flush)


def backfill(session, dataset, batch=5000, progress=None):
    """Emit a change for every record now in `dataset` (records loaded in bulk, new feeds)."""
    sub = dataset.query().subquery()
    ids = session.execute(select(sub.c.record_id)).scalars().all()
    total = 0
    chunk = []
    for rid in ids:
        chunk.append(str(rid))
        if len(chunk) >= batch:
            total += write_changes(session.connection(), {(dataset.app, dataset.name): chunk})
            chunk = []
            if progress:
                progress(total)
    total += write_changes(session.connection(), {(dataset.app, dataset.name): chunk})
    return total


def last_seq(session, app, dataset):
    """The newest change number of a dataset (0 when it has none)."""
    query = (
        select(ExportChange.seq)
        .where(ExportChange.app == app, ExportChange.dataset == dataset)
        .order_by(ExportChange.seq.desc())
        .limit(1)
    )
    return session.scalar(query) or 0
