"""Bulk entry into the person index, for loads of thousands of records (demo data).

Each record gets a new Person, its blocking keys and its share of the name counts exactly as
`register_record` gives them one by one, in a handful of statements. Bulk rows bypass the
audit flush hook, so one audit entry per table records what was loaded and how many rows.
"""

from collections import Counter

from sqlalchemy import bindparam, insert, select, update

from common.audit.services import record_event
from common.extensions import db
from common.persons.index_store import TOTAL, _name_tokens, as_match_record
from common.persons.matching import blocking_keys, normalise
from common.persons.models import SYSTEMS, Person, PersonMatchKey, PersonNameCount, PersonRecord

BATCH = 5000


def _insert(model, rows):
    """Insert rows in batches; returns the new ids in order."""
    table = model.__table__
    ids = []
    for start in range(0, len(rows), BATCH):
        result = db.session.execute(
            insert(table).returning(table.c.id, sort_by_parameter_order=True),
            rows[start : start + BATCH],
        )
        ids.extend(row[0] for row in result)
    return ids


def _index_rows(record_ids, identities):
    """Blocking-key rows and name-count increments of new records."""
    keys, counts = [], Counter()
    for record_id, identity in zip(record_ids, identities, strict=True):
        normalised = normalise(as_match_record(record_id, identity))
        keys.extend(
            {"record_id": record_id, "key": k}
            for k in sorted({key[:64] for key in blocking_keys(normalised)})
        )
        counts.update(_name_tokens(normalised) | {TOTAL})
    return keys, counts


def _existing_tokens(counts):
    """The (kind, token) pairs of `counts` that already have a row."""
    found = set()
    by_kind = {}
    for kind, token in counts:
        by_kind.setdefault(kind, []).append(token)
    for kind, tokens in by_kind.items():
        for start in range(0, len(tokens), 500):
            found.update(
                db.session.execute(
                    select(PersonNameCount.kind, PersonNameCount.token).where(
                        PersonNameCount.kind == kind,
                        PersonNameCount.token.in_(tokens[start : start + 500]),
                    )
                ).all()
            )
    return found


def _add_name_counts(counts):
    """Add to the name counts, creating the tokens not seen before (any database)."""
    existing = _existing_tokens(counts)
    table = PersonNameCount.__table__
    rows = [{"k": k, "t": t, "n": n} for (k, t), n in sorted(counts.items()) if (k, t) in existing]
    if rows:
        db.session.connection().execute(
            update(table)
            .where(table.c.kind == bindparam("k"), table.c.token == bindparam("t"))
            .values(count=table.c.count + bindparam("n")),
            rows,
        )
    new = [
        {"kind": k, "token": t, "count": n}
        for (k, t), n in sorted(counts.items())
        if (k, t) not in existing
    ]
    for start in range(0, len(new), BATCH):
        db.session.execute(insert(table), new[start : start + BATCH])
    for obj in list(db.session.identity_map.values()):
        if isinstance(obj, PersonNameCount):
            db.session.expire(obj)  # loaded before the update: reload before the next change


def bulk_register(system, entries, source="bulk", person_ids=None):
    """Register (source_ref, identity) entries, indexed; returns the record ids in order.

    Each record goes to the person of the same position in `person_ids`, or to a new Person
    when `person_ids` is None.
    """
    if system not in SYSTEMS:
        raise ValueError(f"unknown system {system!r}")
    if not entries:
        return []
    db.session.flush()
    new_persons = person_ids is None
    if new_persons:
        person_ids = _insert(Person, [{} for _ in entries])
    identities = [identity for _, identity in entries]
    records = [
        {"person_id": pid, "system": system, "source_ref": ref, **identity}
        for pid, (ref, identity) in zip(person_ids, entries, strict=True)
    ]
    record_ids = _insert(PersonRecord, records)
    keys, counts = _index_rows(record_ids, identities)
    for start in range(0, len(keys), BATCH):
        db.session.execute(insert(PersonMatchKey.__table__), keys[start : start + BATCH])
    _add_name_counts(counts)
    loaded = (("Person", person_ids),) if new_persons else ()
    for entity, rows in (*loaded, ("PersonRecord", record_ids)):
        record_event(db.session, "bulk_load", entity, None, {"rows": len(rows), "source": source})
    return record_ids
