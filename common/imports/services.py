"""Run an import: read, map, validate every row, write through the app's services, record it.

A dry run does all the work, writing included (so its counts and the services' refusals are
exact), inside one transaction that it rolls back. A real import first checks every row and
writes nothing if any row has an error; it then writes the rows in batches of
IMPORT_BATCH_ROWS, each committed together with the position reached. A batch that the app's
service refuses, or that an interruption cuts short, is rolled back whole, so no partial batch
is ever left: the run stops at its recorded position and `resume_run` continues from there.
"""

import hashlib
from datetime import UTC, timedelta

from common.audit.services import deferred_audit, discarded_audit
from common.extensions import db
from common.imports.mapping import (
    check_mapping,
    column_positions,
    normalise,
    propose_mapping,
    synonym_index,
)
from common.imports.models import ImportRun
from common.imports.progress import Tracker
from common.imports.reader import ImportRefused, read_table
from common.imports.rows import (
    COUNTS,
    RowRefused,
    has_error,
    known_refs,
    new_counts,
    parse_row,
    problem,
    ref_of,
    write_row,
)
from common.imports.settings import setting
from common.imports.values import Context
from common.models import utcnow
from common.persons.index_store import forget_candidates, remembered_candidates

RESULT_COUNTS = COUNTS[1:]


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


def start_run(importer, data, file_name, mapping=None, dry_run=True, user_id=None):
    """Check the file and the mapping, and record a new running run (flushed).

    Raises ImportRefused (not a register) or MappingError; nothing is recorded then.
    """
    table = open_table(importer, data, file_name)
    mapping = dict(mapping) if mapping else propose_mapping(table.headers, importer.fields)
    mapping = {k: v for k, v in mapping.items() if v}
    check_mapping(mapping, table.headers, importer.fields)
    importer.check_user(user_id)
    run = ImportRun(
        app=importer.app,
        kind=importer.kind,
        file_name=(file_name or "")[-255:],
        sha256=file_hash(data),
        size_bytes=len(data),
        status="RUNNING",
        dry_run=dry_run,
        mapping=mapping,
        user_id=user_id,
    )
    db.session.add(run)
    db.session.flush()
    return run


def run_import(importer, data, file_name, mapping=None, dry_run=True, user_id=None, progress=None):
    """Dry-run or import a file in this thread; returns the finished ImportRun (committed).

    `progress(phase, rows done, rows in the phase or None)` is called every few rows.
    """
    run = start_run(importer, data, file_name, mapping, dry_run, user_id)
    return execute_run(importer, run, data, progress)


def execute_run(importer, run, data, progress=None):
    """Execute a started run (dry run or import); commits; returns the run."""
    db.session.commit()
    tracker = Tracker(run.id, progress)
    if run.dry_run:
        return rehearse(importer, run, data, tracker)
    counts, problems = check_rows(importer, run, data, tracker)
    if has_error(problems):
        return finish(run, "FAILED", counts, problems)
    return write_rows(importer, run, data, tracker, counts, problems)


def parsed_rows(importer, run, data):
    """(row number, values, problems) of every data row, read with the run's mapping."""
    table = open_table(importer, data, run.file_name)
    positions = column_positions(run.mapping, table.headers)
    ctx = Context(setting("IMPORT_DAY_FIRST"), setting("IMPORT_TWO_DIGIT_YEAR_PIVOT"))
    for number, cells in table.rows:
        values, found = parse_row(importer, number, cells, positions, run.mapping, ctx)
        yield number, values, found


def check_rows(importer, run, data, tracker):
    """Read and check every row, writing nothing; returns (counts, problems)."""
    counts, problems = new_counts(), []
    tracker.start("checking")
    for _number, _values, found in parsed_rows(importer, run, data):
        counts["rows"] += 1
        problems.extend(found)
        tracker.step()
    tracker.report()
    return counts, problems


def rehearse(importer, run, data, tracker):
    """The dry run: every row written (each in a savepoint) and all of it rolled back."""
    counts, problems = new_counts(), []
    tracker.start("checking")
    open_transaction(run)
    with importer.writing(), discarded_audit(db.session), remembered_candidates():
        for number, values, found in parsed_rows(importer, run, data):
            counts["rows"] += 1
            problems.extend(found)
            if not has_error(found):
                savepoint = db.session.begin_nested()
                try:
                    write_row(importer, run, values, run.user_id, counts)
                    savepoint.commit()
                except ValueError as exc:
                    savepoint.rollback()
                    forget_candidates()
                    problems.append(problem(number, "", "", str(exc)))
            tracker.step()
    db.session.rollback()
    tracker.report()
    return finish(run, "DRY_RUN", counts, problems)


def open_transaction(run):
    """Make sure the dry run's savepoints sit inside a transaction it can roll back.

    SQLite's driver begins a transaction only at the first write, so a savepoint before it
    would commit when released: write the run's phase first there. (On PostgreSQL nothing
    is needed, and the run row must stay unlocked for the progress updates.)
    """
    if db.engine.dialect.name == "sqlite":
        run.phase = "checking"
        db.session.flush()


def write_rows(importer, run, data, tracker, counts, problems):
    """Write the checked rows from the run's position on, one committed batch at a time."""
    run.phase, run.rows_total = "writing", counts["rows"]
    db.session.commit()
    tracker.start("writing", run.rows_total, run.position)
    size, batch = max(1, setting("IMPORT_BATCH_ROWS")), []
    try:
        for index, (number, values, _found) in enumerate(parsed_rows(importer, run, data)):
            if index < run.position:
                continue
            batch.append((number, values))
            if len(batch) == size:
                commit_batch(importer, run, batch, counts, tracker)
                batch = []
        if batch:
            commit_batch(importer, run, batch, counts, tracker)
        tracker.report()
    except RowRefused as exc:
        db.session.rollback()
        problems.append(problem(exc.row, "", "", exc.text))
        return finish(run, "STOPPED" if run.position else "FAILED", counts, problems,
                      stop_message(run, exc.row))  # fmt: skip
    return finish(run, "IMPORTED", counts, problems)


def commit_batch(importer, run, batch, totals, tracker):
    """Write one batch and commit it with the new position; raises RowRefused (nothing kept)."""
    counts = new_counts()
    refs = known_refs(importer, [ref_of(importer, values) for _number, values in batch])
    with importer.writing(), deferred_audit(db.session), remembered_candidates():
        for number, values in batch:
            try:
                write_row(importer, run, values, run.user_id, counts, refs)
            except ValueError as exc:
                raise RowRefused(number, str(exc)) from exc
            tracker.step()
    for name in RESULT_COUNTS:
        totals[name] += counts[name]
        setattr(run, name, totals[name])
    run.position += len(batch)
    run.rows_done, run.heartbeat_at = run.position, utcnow()
    db.session.commit()


def stop_message(run, row):
    """Why a run stopped and what was kept."""
    return (
        f"Row {row} was refused: the batch holding it was not written. The first "
        f"{run.position} rows are imported (the recorded position). Correct the row and import "
        "the file again (rows already imported are skipped), or resume once the cause is fixed."
    )


def finish(run, status, counts, problems, message=""):
    """Record the outcome, counts and problems of a run; commits; returns the run."""
    errors = sum(p["severity"] == "error" for p in problems)
    run.status, run.phase, run.message = status, "", message[:500]
    run.rows_read = run.rows_done = counts["rows"]
    if status in ("DRY_RUN", "IMPORTED") or run.rows_total is None:
        run.rows_total = counts["rows"]
    if status == "STOPPED":
        run.rows_done = run.position
    for name in RESULT_COUNTS:
        setattr(run, name, counts[name])
    run.errors, run.warnings = errors, len(problems) - errors
    run.problems = problems[: setting("IMPORT_REPORT_MAX_PROBLEMS")]
    db.session.commit()
    return run


def resumable(run):
    """Whether an import can be resumed: stopped, or running with no progress for too long."""
    if run.dry_run or run.status not in ("STOPPED", "RUNNING"):
        return False
    if run.status == "STOPPED":
        return True
    last = run.heartbeat_at or run.updated_at
    if last is None:
        return True
    last = last if last.tzinfo else last.replace(tzinfo=UTC)  # SQLite keeps naive UTC
    return utcnow() - last > timedelta(minutes=setting("IMPORT_STALE_MINUTES"))


def resume_run(importer, run, data, progress=None):
    """Continue a stopped or interrupted import from its recorded position; returns the run."""
    if not resumable(run):
        raise ImportRefused(f"Import run #{run.id} is {run.status_label.lower()}: not resumable.")
    if file_hash(data) != run.sha256:
        raise ImportRefused(
            f"This is not the file of run #{run.id} (its SHA-256 differs): resume with the same "
            "file, or import the corrected file as a new run."
        )
    run.status, run.message = "RUNNING", ""
    tracker = Tracker(run.id, progress)
    if run.rows_total is None:  # interrupted while checking: check again from the start
        return execute_run(importer, run, data, progress)
    counts = {"rows": run.rows_total, **{name: getattr(run, name) for name in RESULT_COUNTS}}
    problems = [p for p in run.problems if p["severity"] == "warning"]
    return write_rows(importer, run, data, tracker, counts, problems)


def stop_run(run_id, message):
    """Mark a run that ended unexpectedly: a dry run as failed, an import as stopped."""
    run = db.session.get(ImportRun, run_id)
    if run is None or run.finished:
        return
    run.status = "FAILED" if run.dry_run else "STOPPED"
    run.phase, run.message = "", message[:500]
    db.session.commit()


__all__ = ["ImportRefused", "preview", "run_import", "file_hash", "resume_run", "start_run"]
