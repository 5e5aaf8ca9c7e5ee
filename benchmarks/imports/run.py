"""Import benchmark: a generated inmates register (.xlsx) imported into a fresh PostgreSQL database.

python benchmarks/imports/run.py                 # 100k rows
python benchmarks/imports/run.py --rows 2000     # quick
TEST_PG_URL overrides the server (default postgresql://postgres@127.0.0.1:5432/postgres).
Prints rows/s for reading + mapping + validating the whole register (no writing), then for a
real import of --write-rows rows through the app services, and the peak memory (max RSS).
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


def validate_only(importer, data):
    """Read, map and check every row as an import does, writing nothing; returns rows read."""
    from common.imports.mapping import column_positions, propose_mapping
    from common.imports.services import open_table, parse_row
    from common.imports.values import Context

    table = open_table(importer, data, "bench.xlsx")
    mapping = propose_mapping(table.headers, importer.fields)
    positions, ctx, count = column_positions(mapping, table.headers), Context(), 0
    for number, cells in table.rows:
        parse_row(importer, number, cells, positions, mapping, ctx)
        count += 1
    return count


def peak_mb():
    """Peak resident memory of this process in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000, help="rows read and validated")
    parser.add_argument("--write-rows", type=int, default=2_000, help="rows imported for real")
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
                              "IMPORT_MAX_BYTES": 200_000_000})  # fmt: skip
            with app.app_context(), acting_as("benchmark"):
                flask_migrate.upgrade()
                sync_roles_and_agencies()
                db.session.commit()
                importer = get_importer("prison", "inmates")
                start = time.perf_counter()
                read = validate_only(importer, data)
                seconds = time.perf_counter() - start
                print(
                    f"read + map + validate (no writing): {read} rows in {seconds:.1f} s = "
                    f"{read / seconds:,.0f} rows/s; peak memory {peak_mb():,.0f} MB",
                    flush=True,
                )
                small = workbook(args.write_rows)
                start = time.perf_counter()
                run = run_import(importer, small, "bench.xlsx", dry_run=False)
                db.session.commit()
                seconds = time.perf_counter() - start
                print(f"import: {run.rows_read} rows, {run.created} created, {run.errors} errors, "
                      f"{run.linked} linked, {run.reviews} to review in {seconds:.1f} s = "
                      f"{run.rows_read / seconds:,.0f} rows/s", flush=True)  # fmt: skip
                db.session.remove()
                db.engine.dispose()
        print(f"peak memory (max RSS): {peak_mb():,.0f} MB")
    finally:
        admin(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'")
        admin(f'DROP DATABASE IF EXISTS "{name}"')


if __name__ == "__main__":
    main()
