"""Run an import: read, map, validate every row, write through the app's services, record it.

A dry run and a real import do the same work inside one savepoint; the dry run (or an import
with any error) rolls it back, so the database is left as it was and the counts are exact.
"""

import hashlib
import json

from sqlalchemy import select

from common.extensions import db
from common.imports.mapping import (
    check_mapping,
    column_positions,
    normalise,
    propose_mapping,
    synonym_index,
)
from common.imports.models import ImportRef, ImportRun
from common.imports.reader import ImportRefused, cell_text, read_table
from common.imports.settings import setting
from common.imports.values import Context, ValueProblem


def file_hash(data):
    """SHA-256 of the file bytes (hex)."""
    return hashlib.sha256(data).hexdigest()


def open_table(importer, data, file_name):
    """The file's header and rows, refusing a file that is not a register of this kind."""
    known = synonym_index(importer.fields)
    return read_table(
        data,
        file_name,
        lambda text: normalise(text) in known,
        setting("IMPORT_HEADER_SCAN_ROWS"),
        setting("IMPORT_MAX_BYTES"),
    )


def preview(importer, data, file_name):
    """(table headers, proposed mapping) for the mapping screen; refuses a bad file."""
    table = open_table(importer, data, file_name)
    return table.headers, propose_mapping(table.headers, importer.fields)


def problem(row, column, value, text, severity="error"):
    """One line of the problem report."""
    return {
        "row": row,
        "column": column,
        "value": cell_text(value),
        "problem": text,
        "severity": severity,
    }


def parse_row(importer, number, cells, positions, mapping, ctx):
    """(values, problems) of one data row."""
    values, problems = {}, []
    for f in importer.fields:
        if f.name not in positions:
            values[f.name] = None
            continue
        raw = cells[positions[f.name]] if positions[f.name] < len(cells) else None
        column = mapping[f.name]
        if raw is None:
            values[f.name] = None
            if f.required:
                problems.append(problem(number, column, raw, f"{f.label} is required."))
            continue
        ctx.warnings = []
        try:
            values[f.name] = f.parse(raw, ctx)
        except ValueProblem as exc:
            values[f.name] = None
            problems.append(problem(number, column, raw, str(exc)))
        for text in ctx.warnings:
            problems.append(problem(number, column, raw, text, "warning"))
    if not any(p["severity"] == "error" for p in problems):
        for name, text in importer.check(values):
            problems.append(problem(number, mapping.get(name, name), values.get(name), text))
    return values, problems


def row_hash(values):
    """A fingerprint of a row's values: unchanged rows are skipped on a later import."""
    return hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()


def write_row(importer, run, values, user_id, counts):
    """Create, update or skip one valid row according to its source reference."""
    ref_text = importer.source_ref(values)[:200]
    ref = db.session.scalar(
        select(ImportRef).where(
            ImportRef.app == importer.app,
            ImportRef.kind == importer.kind,
            ImportRef.source_ref == ref_text,
        )
    )
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
    db.session.add(
        ImportRef(
            app=importer.app,
            kind=importer.kind,
            source_ref=ref_text,
            row_hash=fingerprint,
            target_type=target_type,
            target_id=target_id,
            run_id=run.id,
        )
    )
    counts["created"] += 1
    counts["linked"] += outcome == "match"
    counts["reviews"] += outcome == "review"


def process_rows(importer, table, mapping, run, user_id, progress):
    """Validate and write every row; returns (counts, problems)."""
    positions = column_positions(mapping, table.headers)
    ctx = Context(setting("IMPORT_DAY_FIRST"), setting("IMPORT_TWO_DIGIT_YEAR_PIVOT"))
    counts = dict.fromkeys(("rows", "created", "updated", "skipped", "linked", "reviews"), 0)
    problems, every = [], setting("IMPORT_PROGRESS_EVERY")
    with importer.writing():
        for number, cells in table.rows:
            counts["rows"] += 1
            values, found = parse_row(importer, number, cells, positions, mapping, ctx)
            problems.extend(found)
            if not any(p["severity"] == "error" for p in found):
                savepoint = db.session.begin_nested()
                try:
                    write_row(importer, run, values, user_id, counts)
                    savepoint.commit()
                except ValueError as exc:
                    savepoint.rollback()
                    problems.append(problem(number, "", "", str(exc)))
            if progress and counts["rows"] % every == 0:
                progress(every)
    if progress:
        progress(counts["rows"] % every)
    return counts, problems


def run_import(importer, data, file_name, mapping=None, dry_run=True, user_id=None, progress=None):
    """Dry-run or import a file; returns the ImportRun (flushed). Raises ImportRefused.

    Nothing is written when the file is refused, on a dry run, or when any row has an error
    (the run itself is kept, with its problem report).
    """
    table = open_table(importer, data, file_name)
    mapping = dict(mapping) if mapping else propose_mapping(table.headers, importer.fields)
    mapping = {k: v for k, v in mapping.items() if v}
    check_mapping(mapping, table.headers, importer.fields)
    run = ImportRun(
        app=importer.app,
        kind=importer.kind,
        file_name=(file_name or "")[-255:],
        sha256=file_hash(data),
        size_bytes=len(data),
        status="DRY_RUN",
        mapping=mapping,
        user_id=user_id,
    )
    db.session.add(run)
    db.session.flush()
    outer = db.session.begin_nested()
    counts, problems = process_rows(importer, table, mapping, run, user_id, progress)
    errors = sum(p["severity"] == "error" for p in problems)
    if dry_run or errors:
        outer.rollback()
    else:
        outer.commit()
    limit = setting("IMPORT_REPORT_MAX_PROBLEMS")
    run.status = "DRY_RUN" if dry_run else ("FAILED" if errors else "IMPORTED")
    run.rows_read = counts["rows"]
    for name in ("created", "updated", "skipped", "linked", "reviews"):
        setattr(run, name, counts[name])
    run.errors, run.warnings = errors, len(problems) - errors
    run.problems = problems[:limit]
    db.session.flush()
    return run


__all__ = ["ImportRefused", "preview", "run_import", "file_hash"]
