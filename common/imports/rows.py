"""One row of a register: parse and check its cells, then create, update or skip its record."""

import hashlib
import json

from sqlalchemy import select

from common.extensions import db
from common.imports.models import ImportRef
from common.imports.reader import cell_text

COUNTS = ("rows", "created", "updated", "skipped", "linked", "reviews")


class RowRefused(Exception):
    """The app's service refused a row while it was written; the batch is rolled back."""

    def __init__(self, row, text):
        super().__init__(text)
        self.row, self.text = row, text


def new_counts():
    """Zeroed counters of a run or a batch."""
    return dict.fromkeys(COUNTS, 0)


def problem(row, column, value, text, severity="error"):
    """One line of the problem report."""
    return {
        "row": row,
        "column": column,
        "value": cell_text(value),
        "problem": text,
        "severity": severity,
    }


def has_error(problems):
    """Whether any problem is an error (not only warnings)."""
    return any(p["severity"] == "error" for p in problems)


def read_cell(f, raw, number, column, ctx, problems):
    """The parsed value of one cell, noting its problems and warnings."""
    from common.imports.values import ValueProblem

    if raw is None:
        if f.required:
            problems.append(problem(number, column, raw, f"{f.label} is required."))
        return None
    ctx.warnings = []
    try:
        value = f.parse(raw, ctx)
    except ValueProblem as exc:
        problems.append(problem(number, column, raw, str(exc)))
        value = None
    for text in ctx.warnings:
        problems.append(problem(number, column, raw, text, "warning"))
    return value


def parse_row(importer, number, cells, positions, mapping, ctx):
    """(values, problems) of one data row."""
    values, problems = {}, []
    for f in importer.fields:
        if f.name not in positions:
            values[f.name] = None
            continue
        raw = cells[positions[f.name]] if positions[f.name] < len(cells) else None
        values[f.name] = read_cell(f, raw, number, mapping[f.name], ctx, problems)
    if not has_error(problems):
        for name, text in importer.check(values):
            problems.append(problem(number, mapping.get(name, name), values.get(name), text))
    return values, problems


def row_hash(values):
    """A fingerprint of a row's values: unchanged rows are skipped on a later import."""
    return hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()


def ref_of(importer, values):
    """The row's stable source reference, as stored."""
    return importer.source_ref(values)[:200]


def known_refs(importer, refs):
    """{source reference: ImportRef} of the given references already imported (one query)."""
    found = {}
    refs = sorted(set(refs))
    for start in range(0, len(refs), 1000):
        found.update(
            (r.source_ref, r)
            for r in db.session.scalars(
                select(ImportRef).where(
                    ImportRef.app == importer.app,
                    ImportRef.kind == importer.kind,
                    ImportRef.source_ref.in_(refs[start : start + 1000]),
                )
            )
        )
    return found


def count_outcomes(counts, outcome):
    """Add the person outcomes of a created row ('match', 'review', 'new' or several)."""
    for one in (outcome,) if isinstance(outcome, str) else tuple(outcome or ()):
        counts["linked"] += one == "match"
        counts["reviews"] += one == "review"


def write_row(importer, run, values, user_id, counts, refs=None):
    """Create, update or skip one valid row according to its source reference.

    `refs` holds the references of the batch looked up beforehand; a reference created here
    is added to it, so a row repeated in the same file is skipped.
    """
    ref_text = ref_of(importer, values)
    if refs is None:
        refs = known_refs(importer, [ref_text])
    ref = refs.get(ref_text)
    fingerprint = row_hash(values)
    if ref is not None and ref.row_hash == fingerprint:
        counts["skipped"] += 1
        return
    if ref is not None:
        changed = importer.update(values, ref.target_id, user_id)
        ref.row_hash, ref.run_id = fingerprint, run.id
        counts["updated" if changed else "skipped"] += 1
        return
    target_type, target_id, outcome = importer.create(values, user_id)
    refs[ref_text] = ImportRef(
        app=importer.app,
        kind=importer.kind,
        source_ref=ref_text,
        row_hash=fingerprint,
        target_type=target_type,
        target_id=target_id,
        run_id=run.id,
    )
    db.session.add(refs[ref_text])
    counts["created"] += 1
    count_outcomes(counts, outcome)
