"""The person index in the database: blocking keys and name counts kept at entry time, so a
new record is checked against the whole index by key lookups, never by a full scan."""

import contextvars
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import and_, delete, func, or_, select

from common.extensions import db
from common.persons.matching import MatchIndex, MatchSettings, blocking_keys, normalise
from common.persons.matching import PersonRecord as MatchRecord
from common.persons.matching.blocking import key_cap
from common.persons.matching.table import TermFrequencies
from common.persons.models import Person, PersonMatchKey, PersonNameCount, PersonRecord

MAX_CANDIDATE_RECORDS = 2000
# The running count of indexed records lives beside the name counts (no COUNT(*) per query).
TOTAL = ("n", "*records*")
# Candidates already computed for an identity while the index has not changed (see below).
_remembered = contextvars.ContextVar("remembered_candidates", default=None)


@contextmanager
def remembered_candidates():
    """Within the block, the same identity asked twice before anything is indexed is looked
    up once (an import places a person, then the app's service asks again on registering)."""
    token = _remembered.set({})
    try:
        yield
    finally:
        _remembered.reset(token)


def forget_candidates():
    """Drop the remembered candidates (the index changed, or work was rolled back)."""
    memo = _remembered.get()
    if memo is not None:
        memo.clear()


@dataclass
class Candidate:
    """An existing person who may be the one being entered, with the engine's reasoning."""

    person: Person
    record: PersonRecord
    score: float
    decision: str
    explanation: list


def as_match_record(record_id, fields):
    """The engine's view of identity fields (from a form or a stored record)."""
    get = fields.get if isinstance(fields, dict) else (lambda k, d=None: getattr(fields, k, d))
    return MatchRecord(
        record_id=str(record_id),
        given_name=get("given_name", "") or "",
        middle_name=get("middle_name", "") or "",
        surname=get("surname", "") or "",
        date_of_birth=get("date_of_birth"),
        sex=get("sex", "U") or "U",
        district=get("district", "") or "",
        address=get("address", "") or "",
        national_id=get("national_id", "") or "",
        aliases=tuple(get("aliases", ()) or ()),
    )


def _name_tokens(normalised):
    tokens = {("s", s) for s in set(normalised.surnames)}
    if normalised.given_groups:
        tokens.add(("g", normalised.given_groups[0]))
    return {(k, t[:80]) for k, t in tokens}


def index_record(record):
    """Store the blocking keys and name counts of a newly saved source record."""
    forget_candidates()
    normalised = normalise(as_match_record(record.id, record))
    for key in sorted(blocking_keys(normalised)):
        db.session.add(PersonMatchKey(record_id=record.id, key=key[:64]))
    tokens = _name_tokens(normalised) | {TOTAL}
    rows = _load_name_counts(tokens)
    for kind, token in sorted(tokens):
        row = rows.get((kind, token))
        if row is None:
            db.session.add(PersonNameCount(kind=kind, token=token, count=1))
        else:
            row.count += 1
    db.session.flush()


def _load_name_counts(tokens):
    """{(kind, token): row} of the existing name counts of `tokens`, in one query."""
    by_kind = {}
    for kind, token in tokens:
        by_kind.setdefault(kind, []).append(token)
    found = db.session.scalars(
        select(PersonNameCount).where(
            or_(
                *(
                    and_(PersonNameCount.kind == kind, PersonNameCount.token.in_(names))
                    for kind, names in by_kind.items()
                )
            )
        )
    )
    return {(row.kind, row.token): row for row in found}


def unindex_record(record):
    """Remove a record's keys and name counts (before its identity fields change)."""
    forget_candidates()
    normalised = normalise(as_match_record(record.id, record))
    db.session.execute(delete(PersonMatchKey).where(PersonMatchKey.record_id == record.id))
    for kind, token in _name_tokens(normalised) | {TOTAL}:
        row = db.session.get(PersonNameCount, (kind, token))
        if row is not None:
            row.count = max(0, row.count - 1)
    db.session.flush()


def _usable_keys(keys, settings):
    sizes = dict(
        db.session.execute(
            select(PersonMatchKey.key, func.count())
            .where(PersonMatchKey.key.in_(keys))
            .group_by(PersonMatchKey.key)
        ).all()
    )
    return [k for k in keys if 0 < sizes.get(k, 0) <= key_cap(k, settings.max_block)]


def _term_frequencies(normalised_records):
    wanted = set().union(*(_name_tokens(r) for r in normalised_records)) | {TOTAL}
    by_kind = {}
    for kind, token in wanted:
        by_kind.setdefault(kind, []).append(token)
    # One IN list per kind uses the (kind, token) primary key; a row-value IN does not.
    counts = db.session.execute(
        select(PersonNameCount.kind, PersonNameCount.token, PersonNameCount.count).where(
            or_(
                *(
                    and_(PersonNameCount.kind == kind, PersonNameCount.token.in_(tokens))
                    for kind, tokens in by_kind.items()
                )
            )
        )
    ).all()
    total = next((n for k, t, n in counts if (k, t) == TOTAL), 0)
    return TermFrequencies(
        surnames=Counter({t: n for k, t, n in counts if k == "s"}),
        given=Counter({t: n for k, t, n in counts if k == "g"}),
        total=total,
    )


def find_candidates(fields, limit=10, settings=None):
    """Best existing persons for the identity `fields`, best first, one row per person."""
    memo = _remembered.get()
    wanted = as_match_record("__new__", fields)
    memo_key = (repr(wanted), limit)
    if memo is not None and settings is None and memo_key in memo:
        return memo[memo_key]
    found = _find_candidates(wanted, limit, settings or MatchSettings())
    if memo is not None and settings is None:
        memo[memo_key] = found
    return found


def _find_candidates(wanted, limit, settings):
    query = normalise(wanted)
    keys = _usable_keys(sorted(k[:64] for k in blocking_keys(query)), settings)
    if not keys:
        return []
    record_ids = db.session.scalars(
        select(PersonMatchKey.record_id)
        .where(PersonMatchKey.key.in_(keys))
        .distinct()
        .limit(MAX_CANDIDATE_RECORDS)
    ).all()
    records = {
        r.id: r
        for r in db.session.scalars(select(PersonRecord).where(PersonRecord.id.in_(record_ids)))
    }
    index = MatchIndex(settings=settings)
    index.add_many(as_match_record(r.id, r) for r in records.values())
    index.tf = _term_frequencies(
        [query, *(normalise(as_match_record(r.id, r)) for r in records.values())]
    )
    return _best_per_person(
        index.candidates(query, limit=limit * 3, min_score=settings.review_threshold),
        records,
        limit,
    )


def _best_per_person(comparisons, records, limit):
    best = {}
    for comp in comparisons:
        record = records[int(comp.record_id)]
        person = surviving(record.person)
        if person.id not in best or comp.score > best[person.id].score:
            best[person.id] = Candidate(person, record, comp.score, comp.decision, comp.explanation)
    return sorted(best.values(), key=lambda c: -c.score)[:limit]


def surviving(person):
    """The person a (possibly merged) person now lives on as."""
    while person.merged_into_id:
        person = db.session.get(Person, person.merged_into_id)
    return person
