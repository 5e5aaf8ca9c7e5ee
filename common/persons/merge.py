"""Merge two persons and undo it exactly: every source record and app reference moves back.

Apps that point at a person register the column with `register_person_reference`, so a merge
moves their rows to the surviving person and an unmerge restores them row by row.
"""

from datetime import UTC, datetime

from sqlalchemy import select, update

from common.extensions import db
from common.persons.models import Person, PersonMerge, PersonRecord

_REFERENCES = {}


class MergeError(ValueError):
    """A merge or unmerge that breaks a rule; the message says which."""


def register_person_reference(model, column_name):
    """Declare that `model.column_name` holds a Person id that must follow merges."""
    _REFERENCES[f"{model.__tablename__}.{column_name}"] = (model, column_name)


def _move_references(from_id, to_id):
    moved = {}
    for name, (model, column) in _REFERENCES.items():
        col = getattr(model, column)
        ids = db.session.scalars(select(model.id).where(col == from_id)).all()
        if ids:
            db.session.execute(update(model).where(model.id.in_(ids)).values({column: to_id}))
            moved[name] = ids
    return moved


def merge_persons(survivor, absorbed, reason="", user_id=None):
    """Merge `absorbed` into `survivor`; the survivor keeps its stable id."""
    if survivor.id == absorbed.id:
        raise MergeError("A person cannot be merged with themself.")
    if absorbed.merged_into_id or survivor.merged_into_id:
        raise MergeError("One of these persons was already merged; open the surviving person.")
    record_ids = [r.id for r in absorbed.records]
    for record in list(absorbed.records):
        record.person = survivor
    absorbed.merged_into_id = survivor.id
    moved = {"records": record_ids, "references": _move_references(absorbed.id, survivor.id)}
    merge = PersonMerge(
        survivor_id=survivor.id,
        absorbed_id=absorbed.id,
        moved=moved,
        reason=reason,
        merged_by_id=user_id,
    )
    db.session.add(merge)
    db.session.flush()
    return merge


def unmerge(merge):
    """Undo a merge: the absorbed person, its records and app references come back."""
    if merge.undone_at is not None:
        raise MergeError("This merge was already undone.")
    survivor = db.session.get(Person, merge.survivor_id)
    if survivor.merged_into_id:
        raise MergeError("The surviving person was merged again later: undo that merge first.")
    absorbed = db.session.get(Person, merge.absorbed_id)
    for record in db.session.scalars(
        select(PersonRecord).where(PersonRecord.id.in_(merge.moved["records"]))
    ):
        record.person = absorbed
    for name, ids in merge.moved.get("references", {}).items():
        model, column = _REFERENCES[name]
        db.session.execute(update(model).where(model.id.in_(ids)).values({column: absorbed.id}))
    absorbed.merged_into_id = None
    merge.undone_at = datetime.now(UTC)
    db.session.flush()
    return absorbed
