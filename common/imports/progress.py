"""Progress of a run (rows counted, stored on the run for the page that polls it), and runs
started in a background thread by the browser."""

import logging
import threading

from flask import current_app
from sqlalchemy import update

from common.audit.services import acting_as
from common.extensions import db
from common.imports.models import ImportRun
from common.imports.settings import setting
from common.models import utcnow

log = logging.getLogger(__name__)
THREADS = []  # background runs started by this process, so they can be waited for


def store_progress(run_id, **values):
    """Write progress on the run in its own short transaction, visible at once to pollers.

    The import's own transaction never updates the run row while rows are written, so this
    never waits for it. SQLite locks the whole file: there progress moves with the batches.
    """
    if db.engine.dialect.name == "sqlite":
        return
    table = ImportRun.__table__
    with db.engine.begin() as connection:
        connection.execute(
            update(table)
            .where(table.c.id == run_id)
            .values(**values, heartbeat_at=utcnow(), updated_at=utcnow())
        )


class Tracker:
    """Counts the rows of a phase ('checking', 'writing'), reporting every few rows."""

    def __init__(self, run_id, echo=None):
        self.run_id, self.echo = run_id, echo
        self.every = max(1, setting("IMPORT_PROGRESS_EVERY"))
        self.phase, self.done, self.total = "", 0, None

    def start(self, phase, total=None, done=0):
        """Begin a phase (of `total` rows if known), `done` rows being done already."""
        self.phase, self.total, self.done = phase, total, done
        self.report()

    def step(self, rows=1):
        """Count rows; report when a multiple of the reporting interval is passed."""
        before = self.done // self.every
        self.done += rows
        if self.done // self.every != before:
            self.report()

    def report(self):
        """Store the count on the run and echo it (command line)."""
        store_progress(self.run_id, phase=self.phase, rows_done=self.done, rows_total=self.total)
        if self.echo:
            self.echo(self.phase, self.done, self.total)


def run_in_background(importer, run_id, data, user_id, actor, resume=False):
    """Execute (or resume) a started run in a thread; the page polls the run's progress."""
    app = current_app._get_current_object()
    thread = threading.Thread(
        target=_execute_in_thread,
        args=(app, importer, run_id, data, user_id, actor, resume),
        name=f"import-run-{run_id}",
        daemon=True,
    )
    THREADS.append(thread)
    thread.start()
    return thread


def _execute_in_thread(app, importer, run_id, data, user_id, actor, resume):
    from common.imports.services import execute_run, resume_run, stop_run

    with app.app_context(), acting_as(actor, user_id):
        try:
            run = db.session.get(ImportRun, run_id)
            (resume_run if resume else execute_run)(importer, run, data)
        except Exception as exc:  # the run must not stay "running" whatever went wrong
            log.exception("import run %s stopped", run_id)
            db.session.rollback()
            stop_run(run_id, f"Stopped by an unexpected error ({type(exc).__name__}): {exc}")
        finally:
            db.session.remove()


def wait_for_background(timeout=120):
    """Wait for the background runs started by this process (tests, shutdown)."""
    while THREADS:
        THREADS.pop().join(timeout)
