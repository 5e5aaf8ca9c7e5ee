"""Import benchmark: a generated inmates register (.xlsx) imported into a fresh PostgreSQL database.

python benchmarks/imports/run.py                 # 100k rows
python benchmarks/imports/run.py --rows 2000     # quick
TEST_PG_URL overrides the server (default postgresql://postgres@127.0.0.1:5432/postgres).
Imports every row for real through the app services (admission, person index, movement,
audit, export outbox). Prints, as it goes, the rows checked / written and the rate so far;
at the end rows/s of the checking pass (read + map + validate, nothing written), of the
writing pass (committed batches), overall, and the peak memory (max RSS).
"""

import argparse
import io
import os
import resource
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402

from common.config import normalise_database_url  # noqa: E402
from common.imports.samples import INMATE_HEADER, random_inmate_rows  # noqa: E402

ADMIN_URL = os.environ.get("TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


def workbook(rows):
    """An .xlsx register of `rows` generated rows (write-only, streamed)."""
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Admissions")
    sheet.append(["BELIZE CENTRAL PRISON - ADMISSION REGISTER"])
    sheet.append([])
    sheet.append(INMATE_HEADER)
    for row in random_inmate_rows(rows):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def admin(sql):
    engine = create_engine(normalise_database_url(ADMIN_URL), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(sql))
    engine.dispose()


class Analyzer:
    """Refresh the planner's statistics every `every` rows written when the server has
    autovacuum off (as a development server may): production's autovacuum does the same.
    Without it the plans chosen on the empty tables stay, and a lookup by admission scans the
    whole movement table once it holds some 100,000 rows."""

    def __init__(self, url, every):
        self.engine = create_engine(normalise_database_url(url), isolation_level="AUTOCOMMIT")
        with self.engine.connect() as conn:
            self.needed = conn.execute(text("SHOW autovacuum")).scalar() == "off"
        self.every, self.next = every, every
        if self.needed:
            print(f"autovacuum is off on this server: ANALYZE every {every:,} rows written")

    def __call__(self, phase, done, total):
        if self.needed and phase == "writing" and done >= self.next:
            self.next = done + self.every
            with self.engine.connect() as conn:
                conn.execute(text("ANALYZE"))


def peak_mb():
    """Peak resident memory of this process in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Clock:
    """Times the phases of the run from its progress reports and prints a line now and then."""

    def __init__(self, every):
        self.every, self.started, self.phase, self.shown = every, {}, None, 0
        self.ended = {}

    def __call__(self, phase, done, total):
        now = time.perf_counter()
        if phase != self.phase:
            if self.phase:
                self.ended[self.phase] = (now, self.last)
            self.phase, self.shown = phase, 0
            self.started[phase] = (now, done)
        self.last = done
        if done - self.shown >= self.every:
            self.shown = done
            began, first = self.started[phase]
            rate = (done - first) / max(now - began, 1e-9)
            of = f" of {total:,}" if total else ""
            print(f"  {phase}: {done:,}{of} rows, {now - began:,.0f} s, {rate:,.1f} rows/s, "
                  f"peak memory {peak_mb():,.0f} MB", flush=True)  # fmt: skip

    def rate(self, phase, end=None):
        """(rows, seconds) of a phase."""
        began, first = self.started[phase]
        stop, last = self.ended.get(phase, (end or time.perf_counter(), self.last))
        return last - first, stop - began


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000, help="rows in the register")
    parser.add_argument("--batch", type=int, default=500, help="rows per committed batch")
    parser.add_argument("--report-every", type=int, default=5_000, help="rows between lines")
    args = parser.parse_args()
    import flask_migrate

    from common.audit.services import acting_as
    from common.extensions import db
    from common.identity.services import sync_roles_and_agencies
    from common.imports.registry import get_importer
    from common.imports.services import run_import
    from common.portal import create_app

    started = time.perf_counter()
    data = workbook(args.rows)
    print(f"generated {args.rows} rows: {len(data) / 1e6:.1f} MB in "
          f"{time.perf_counter() - started:.1f} s", flush=True)  # fmt: skip
    name = f"justice_bench_{uuid.uuid4().hex[:8]}"
    admin(f'CREATE DATABASE "{name}"')
    url = ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        with tempfile.TemporaryDirectory() as tmp:
            app = create_app({"SQLALCHEMY_DATABASE_URI": url, "INSTANCE_DIR": tmp,
                              "AUDIT_KEY": "bench", "SECRET_KEY": "bench",
                              "IMPORT_MAX_BYTES": 200_000_000,
                              "IMPORT_BATCH_ROWS": args.batch})  # fmt: skip
            with app.app_context(), acting_as("benchmark"):
                flask_migrate.upgrade()
                sync_roles_and_agencies()
                db.session.commit()
                importer = get_importer("prison", "inmates")
                clock, analyzer = Clock(args.report_every), Analyzer(url, 5_000)

                def progress(phase, done, total):
                    clock(phase, done, total)
                    analyzer(phase, done, total)

                start = time.perf_counter()
                run = run_import(importer, data, "bench.xlsx", dry_run=False, progress=progress)
                seconds = time.perf_counter() - start
                for phase, what in (("checking", "read + map + validate, nothing written"),
                                    ("writing", "written in committed batches")):  # fmt: skip
                    rows, spent = clock.rate(phase, start + seconds)
                    print(f"{phase} ({what}): {rows:,} rows in {spent:,.1f} s = "
                          f"{rows / max(spent, 1e-9):,.1f} rows/s")  # fmt: skip
                print(f"import: {run.status}, {run.rows_read:,} rows, {run.created:,} created, "
                      f"{run.errors} errors, {run.linked:,} linked, {run.reviews:,} to review "
                      f"in {seconds:,.1f} s = {run.rows_read / seconds:,.1f} rows/s overall",
                      flush=True)  # fmt: skip
                if run.message:
                    print(run.message)
                for p in [p for p in run.problems if p["severity"] == "error"][:5]:
                    print(f"  row {p['row']}: {p['problem']} ({p['severity']})")
                db.session.remove()
                db.engine.dispose()
                analyzer.engine.dispose()
        print(f"peak memory (max RSS): {peak_mb():,.0f} MB")
    finally:
        admin(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'")
        admin(f'DROP DATABASE IF EXISTS "{name}"')


if __name__ == "__main__":
    main()
