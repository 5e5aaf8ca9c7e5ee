"""Committed batches with a recorded position: no partial batch is ever left, a stopped or
interrupted import resumes where it stopped, and progress is visible while it runs."""

import pytest
from sqlalchemy import create_engine, func, select, text

from common.audit.models import AuditEntry
from common.config import normalise_database_url
from common.extensions import db
from common.imports.models import ImportRef, ImportRun
from common.imports.registry import get_importer
from common.imports.samples import INMATE_ROWS, inmates_xlsx
from common.imports.services import resumable, resume_run
from prison_ims.admissions.models import Admission
from tests.common.imports.helpers import run, sample

LATE = ["2099/1", "Late", "Lou", "1990-01-01", "M", "Cayo", "2099-01-01", "Murder", "Remand", "",
        None]  # fmt: skip


def count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def audited_admissions():
    return db.session.scalar(
        select(func.count())
        .select_from(AuditEntry)
        .where(AuditEntry.entity_type == "Admission", AuditEntry.action == "create")
    )


@pytest.fixture
def batches_of_two(app):
    app.config.update(IMPORT_BATCH_ROWS=2, IMPORT_PROGRESS_EVERY=1)


@pytest.fixture
def crash_on_row(monkeypatch):
    """Make the importer fail unexpectedly (as a lost connection would) on the n-th create."""
    importer = get_importer("prison", "inmates")
    real, calls = importer.create, []

    def arm(n):
        def create(values, user_id=None):
            calls.append(values["register_no"])
            if len(calls) == n:
                raise RuntimeError("connection to the database lost")
            return real(values, user_id)

        monkeypatch.setattr(importer, "create", create)
        return calls

    yield arm
    monkeypatch.setattr(importer, "create", real)


def test_an_interrupted_import_leaves_whole_batches_and_resumes_from_its_position(
    app, batches_of_two, crash_on_row, monkeypatch
):
    calls = crash_on_row(6)  # the second row of the third batch
    with app.app_context():
        with pytest.raises(RuntimeError):
            run("prison", "inmates", "inmates_register.xlsx")
        db.session.rollback()
        stopped = db.session.scalar(select(ImportRun))
        assert (stopped.status, stopped.position, stopped.created) == ("RUNNING", 4, 4)
        # row 5 was written in the same batch as row 6: rolled back with it, not left half-done
        assert (count(Admission), count(ImportRef), audited_admissions()) == (4, 4, 4)
        assert not resumable(stopped)  # still "running" until its progress is stale
        app.config["IMPORT_STALE_MINUTES"] = 0
        assert resumable(stopped)
        monkeypatch.undo()
        calls.clear()
        done = resume_run(get_importer("prison", "inmates"), stopped,
                          sample("inmates_register.xlsx"))  # fmt: skip
        assert (done.status, done.position, done.rows_read) == ("IMPORTED", 6, 6)
        assert (done.created, done.skipped, done.linked) == (6, 0, 1)
        assert (count(Admission), count(ImportRef), audited_admissions()) == (6, 6, 6)


def test_a_row_refused_after_some_batches_stops_the_run_at_its_position(app, batches_of_two):
    with app.app_context():
        result = run("prison", "inmates", "x.xlsx", data=inmates_xlsx([*INMATE_ROWS, LATE]))
        assert (result.status, result.position, result.created) == ("STOPPED", 6, 6)
        assert "Row 13 was refused" in result.message and "first 6 rows" in result.message
        assert any("future" in p["problem"] for p in result.problems)
        assert count(Admission) == 6
        with pytest.raises(ValueError, match="not the file of run"):
            resume_run(get_importer("prison", "inmates"), result, sample("inmates_register.xlsx"))
        fixed = run("prison", "inmates", "inmates_register.xlsx")
        assert (fixed.status, fixed.created, fixed.skipped) == ("IMPORTED", 0, 6)


@pytest.mark.postgres  # SQLite locks the whole file: there progress moves with the batches
def test_progress_is_visible_to_others_while_the_rows_are_written(
    app, app_config, batches_of_two, monkeypatch
):
    seen = []
    engine = create_engine(normalise_database_url(app_config["SQLALCHEMY_DATABASE_URI"]))

    def watch(phase, done, total):
        with engine.connect() as other:  # another connection: sees committed data only
            row = other.execute(text("SELECT phase, rows_done, rows_total FROM common_import_run"))
            seen.append(tuple(row.one()))

    from common.imports import services

    with app.app_context():
        services.run_import(get_importer("prison", "inmates"), sample("inmates_register.xlsx"),
                            "r.xlsx", dry_run=False, progress=watch)  # fmt: skip
    engine.dispose()
    assert ("checking", 3, None) in seen
    assert ("writing", 5, 6) in seen
    assert seen[-1] == ("writing", 6, 6)
