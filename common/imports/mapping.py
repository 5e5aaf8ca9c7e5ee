"""Column mapping: propose one from the header (accent, case and spacing tolerant), load, save."""

import json
import re
import unicodedata

from sqlalchemy import select

from common.extensions import db
from common.imports.models import ImportMapping


class MappingError(ValueError):
    """A mapping that cannot be used; the message says which field or column is wrong."""


def normalise(text):
    """Header text folded for comparison: no accents, lower case, words separated by one space."""
    text = unicodedata.normalize("NFKD", str(text or ""))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def synonym_index(fields):
    """{normalised synonym: field name} over every field's label, name and synonyms."""
    index = {}
    for f in fields:
        for text in (f.name.replace("_", " "), f.label, *f.synonyms):
            index.setdefault(normalise(text), f.name)
    return index


def propose_mapping(headers, fields):
    """{field name: header text} for every field whose synonym is a header; first one wins."""
    index = synonym_index(fields)
    proposal = {}
    for header in headers:
        name = index.get(normalise(header))
        if name and name not in proposal:
            proposal[name] = header
    return proposal


def check_mapping(mapping, headers, fields):
    """Refuse a mapping naming unknown fields or absent columns, or missing a required field."""
    names = {f.name for f in fields}
    present = {normalise(h) for h in headers if h}
    for name, header in mapping.items():
        if name not in names:
            raise MappingError(f"'{name}' is not a field of this register.")
        if header and normalise(header) not in present:
            raise MappingError(
                f"The column '{header}' chosen for {name.replace('_', ' ')} is not in the file."
            )
    missing = [f.label for f in fields if f.required and not mapping.get(f.name)]
    if missing:
        raise MappingError(
            "No column is mapped to " + ", ".join(missing) + ": choose the column holding it."
        )


def column_positions(mapping, headers):
    """{field name: column index} for a checked mapping."""
    where = {}
    for index, header in enumerate(headers):
        where.setdefault(normalise(header), index)
    return {name: where[normalise(h)] for name, h in mapping.items() if h}


def load_mapping_file(path):
    """A mapping from a JSON file: {"field": "Header text", ...} (or {"columns": {...}})."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, json.JSONDecodeError) as exc:
        raise MappingError(f"The mapping file cannot be read: {exc}") from exc
    data = data.get("columns", data) if isinstance(data, dict) else None
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise MappingError('A mapping file is a JSON object: {"field": "Header text", ...}.')
    return data


def save_mapping(app, kind, name, columns, user_id=None):
    """Save (or replace) a named mapping for this register kind; returns it (flushed)."""
    name = (name or "").strip()
    if not name:
        raise MappingError("Give the mapping a name to save it under.")
    saved = db.session.scalar(
        select(ImportMapping).where(
            ImportMapping.app == app, ImportMapping.kind == kind, ImportMapping.name == name
        )
    )
    if saved is None:
        saved = ImportMapping(app=app, kind=kind, name=name, created_by_id=user_id)
        db.session.add(saved)
    saved.columns = dict(columns)
    db.session.flush()
    return saved


def saved_mappings(app, kind):
    """Saved mappings of a register kind, by name."""
    return db.session.scalars(
        select(ImportMapping)
        .where(ImportMapping.app == app, ImportMapping.kind == kind)
        .order_by(ImportMapping.name)
    ).all()
