"""Person index services used by every app: register a record, search, summarise."""

from flask import current_app
from sqlalchemy import func, or_, select

from common.audit.services import record_event
from common.extensions import db
from common.memo import recent
from common.persons.index_store import find_candidates, index_record, surviving
from common.persons.models import SYSTEMS, MatchReview, Person, PersonRecord

SEARCH_FIELDS = (PersonRecord.given_name, PersonRecord.surname, PersonRecord.middle_name)


def register_record(system, source_ref, person=None, **identity):
    """Add a source record, attached to `person` or to a new Person; returns the record.

    The record is indexed (blocking keys, name counts) in the same transaction, so the very
    next entry in any app is checked against it.
    """
    if system not in SYSTEMS:
        raise ValueError(f"unknown system {system!r}")
    if person is None:
        person = Person()
        db.session.add(person)
    record = PersonRecord(system=system, source_ref=source_ref, person=person, **identity)
    db.session.add(record)
    db.session.flush()
    index_record(record)
    return record


class PersonChoiceError(ValueError):
    """The person chosen on a form can no longer be used."""


def attach_record(system, source_ref, person_public_id, identity):
    """Register a source record for the person the clerk chose (or a new person).

    When the clerk chose "a new person" but the engine finds a likely match, the pair goes
    to the review queue, so a duplicate is never created silently. Returns the record.
    """
    person = None
    if person_public_id:
        person = db.session.scalar(select(Person).where(Person.public_id == person_public_id))
        if person is None:
            raise PersonChoiceError("The person chosen is no longer in the index: search again.")
        person = surviving(person)
    identity = {k: v for k, v in identity.items() if v not in (None, "")}
    possible = find_candidates(identity, limit=1) if person is None else []
    record = register_record(system, source_ref, person=person, **identity)
    if possible and possible[0].decision in ("match", "review"):
        best = possible[0]
        queue_review(best.record, record, best.score, best.explanation)
    return record


def link_or_create(system, source_ref, settings=None, **identity):
    """Register a record the engine places: auto-link on `match`, queue a review on `review`,
    a new person otherwise. Returns (record, outcome)."""
    candidates = find_candidates(identity, limit=5, settings=settings)
    best = candidates[0] if candidates else None
    if best is not None and best.decision == "match":
        return register_record(system, source_ref, person=best.person, **identity), "match"
    record = register_record(system, source_ref, **identity)
    if best is not None and best.decision == "review":
        queue_review(best.record, record, best.score, best.explanation)
        return record, "review"
    return record, "new"


def queue_review(existing, new, score, explanation):
    """Put a pair before a clerk unless that pair was already queued or decided."""
    left, right = sorted((existing.id, new.id))
    if db.session.scalar(
        select(MatchReview.id).where(
            MatchReview.left_record_id == left, MatchReview.right_record_id == right
        )
    ):
        return None
    review = MatchReview(
        left_record_id=left,
        right_record_id=right,
        score=float(score),
        explanation=[{"field": e.field, "text": e.text, "weight": e.weight} for e in explanation],
    )
    db.session.add(review)
    db.session.flush()
    return review


def search_persons(text, page=1, per_page=25):
    """Persons whose records match every word of `text` in a name or identifier."""
    query = select(Person).where(Person.merged_into_id.is_(None)).order_by(Person.id)
    for word in (text or "").split():
        like = f"%{word}%"
        query = query.where(
            Person.records.any(
                or_(*(f.ilike(like) for f in SEARCH_FIELDS), PersonRecord.national_id == word)
            )
        )
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def person_for_view(public_id):
    """Load a person's full record for display; the view is audited."""
    person = db.session.scalars(select(Person).where(Person.public_id == public_id)).first()
    if person is not None:
        record_event(db.session, "view", "Person", person.id, {"screen": "person record"})
    return person


def index_summary():
    """Counts for the start page: persons, records per system, persons in several systems."""
    persons = (
        db.session.scalar(select(func.count(Person.id)).where(Person.merged_into_id.is_(None))) or 0
    )
    by_system = db.session.execute(
        select(PersonRecord.system, func.count())
        .group_by(PersonRecord.system)
        .order_by(PersonRecord.system)
    ).all()
    per_person = (
        select(PersonRecord.person_id)
        .group_by(PersonRecord.person_id)
        .having(func.count(func.distinct(PersonRecord.system)) > 1)
    ).subquery()
    multi = db.session.scalar(select(func.count()).select_from(per_person)) or 0
    return {
        "persons": persons,
        "multi_system": multi,
        "by_system": [(SYSTEMS.get(s, s), n) for s, n in by_system],
    }


def system_summary(system):
    """Records a system holds in the person index, how many also appear elsewhere, and when
    that was counted (at most PERSON_SUMMARY_MAX_AGE_SECONDS ago: the home pages show it)."""
    max_age = current_app.config["PERSON_SUMMARY_MAX_AGE_SECONDS"]
    figures, counted_at = recent(("system_summary", system), max_age, lambda: _count_shared(system))
    return dict(figures, counted_at=counted_at)


def _count_shared(system):
    records = (
        db.session.scalar(select(func.count(PersonRecord.id)).where(PersonRecord.system == system))
        or 0
    )
    own = select(PersonRecord.person_id).where(PersonRecord.system == system)
    shared = (
        db.session.scalar(
            select(func.count(func.distinct(PersonRecord.person_id))).where(
                PersonRecord.person_id.in_(own), PersonRecord.system != system
            )
        )
        or 0
    )
    return {"records": records, "shared": shared}
