"""Export benchmark: the full-snapshot CSV of 1,000,000 rows, app against PostgreSQL COPY.

python benchmarks/exports/run.py                  # 1,000,000 population snapshot rows
python benchmarks/exports/run.py --rows 100000    # quick
TEST_PG_URL overrides the server (default postgresql://postgres@127.0.0.1:5432/postgres).

A fresh database is migrated and filled server-side with `generate_series` (no ORM). The app
path is `GET /prison/api/export/v1/population_snapshots.csv` through the Flask test client,
consumed chunk by chunk as a client would read it; the reference is
`COPY (SELECT the same columns) TO STDOUT WITH CSV HEADER` into a counting sink, in the same
run. Prints rows, seconds and rows/s of both, the ratio, whether the two outputs are
byte-identical, and the peak memory (max RSS) of the export.
"""

import argparse
import csv
import hashlib
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

ADMIN_URL = os.environ.get("TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
COMBINATIONS = 4 * 3 * 6 * 6  # legal status × sex × age band × unit: one day's possible rows
FILL = f"""
INSERT INTO prison_population_snapshot
    (snapshot_date, legal_status, sex, age_band, unit_code, count, computed_at)
SELECT date '2000-01-01' + (g / {COMBINATIONS}),
       (ARRAY['REMAND', 'CONVICTED_UNSENTENCED', 'SENTENCED', 'CIVIL'])[1 + g % 4],
       (ARRAY['F', 'M', 'U'])[1 + (g / 4) % 3],
       (ARRAY['0-17', '18-24', '25-34', '35-49', '50+', 'unknown'])[1 + (g / 12) % 6],
       (ARRAY['MR', 'MC', 'MX', 'FU', 'WY', ''])[1 + (g / 72) % 6],
       1 + (g::bigint * 7919) % 97,
       now()
FROM generate_series(0, :last) AS g
"""
# The columns and order of the app's CSV: envelope, then the dataset's fields. record_version
# and change_seq are the dataset's last change number, 0 when (as here) nothing was emitted.
SELECT = """
SELECT 'upsert' AS op, id AS record_id, 0 AS record_version, 0 AS change_seq,
       snapshot_date, legal_status, sex, age_band, NULLIF(unit_code, '') AS unit_code, count
FROM prison_population_snapshot
"""
COPY = f"COPY ({SELECT}) TO STDOUT WITH CSV HEADER"
BATCH = 5000


class CountingSink:
    """A file-like target that counts bytes and lines and hashes what it is given."""

    def __init__(self):
        self.bytes = self.lines = 0
        self.digest = hashlib.sha256()

    def write(self, data):
        if isinstance(data, str):
            data = data.encode()
        self.bytes += len(data)
        self.lines += data.count(b"\n")
        self.digest.update(data)
        return len(data)


def admin(sql):
    engine = create_engine(normalise_database_url(ADMIN_URL), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(sql))
    engine.dispose()


def rss_mb():
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fill(db, rows):
    """Bulk-generate `rows` snapshot rows in the database itself; returns seconds taken."""
    started = time.perf_counter()
    db.session.execute(text(FILL), {"last": rows - 1})
    db.session.commit()
    db.session.execute(text("ANALYZE prison_population_snapshot"))
    db.session.commit()
    return time.perf_counter() - started


def app_export(client, token):
    """Stream the snapshot CSV through the app; returns (sink, seconds)."""
    sink = CountingSink()
    started = time.perf_counter()
    response = client.get(
        "/prison/api/export/v1/population_snapshots.csv",
        headers={"Authorization": f"Bearer {token}"},
        buffered=False,
    )
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    for chunk in response.response:
        sink.write(chunk)
    response.close()
    return sink, time.perf_counter() - started


def copy_export(db):
    """PostgreSQL's own COPY of the same columns into a counting sink; returns (sink, s)."""
    sink = CountingSink()
    connection = db.engine.raw_connection()
    try:
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.copy_expert(COPY, sink)
        seconds = time.perf_counter() - started
    finally:
        connection.close()
    return sink, seconds


def driver_floor(db):
    """The app's SELECT read through a psycopg2 server-side cursor and written with the csv
    module, with no app around it: what any Python exporter pays; returns (sink, seconds)."""
    sink = CountingSink()
    connection = db.engine.raw_connection()
    try:
        started = time.perf_counter()
        with connection.cursor(name="floor") as cursor:
            cursor.itersize = BATCH
            cursor.execute(SELECT)
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\n")
            writer.writerow([c.name for c in cursor.description or ()])
            while rows := cursor.fetchmany(BATCH):
                writer.writerows(rows)
                sink.write(buffer.getvalue())
                buffer.seek(0)
                buffer.truncate()
        seconds = time.perf_counter() - started
    finally:
        connection.close()
    return sink, seconds


def report(label, sink, seconds):
    rows = sink.lines - 1
    print(
        f"{label:32} {rows:>10,} rows {sink.bytes / 1e6:7.1f} MB {seconds:7.2f} s "
        f"{rows / seconds:>12,.0f} rows/s",
        flush=True,
    )


def run(url, rows, tmp, profile=False):
    import flask_migrate

    from common.audit.services import acting_as
    from common.exports.tokens import create_token
    from common.extensions import db
    from common.suite import create_suite

    config = {"SQLALCHEMY_DATABASE_URI": url, "INSTANCE_DIR": tmp, "SECRET_KEY": "bench"}
    suite = create_suite({**config, "AUDIT_KEY": "bench", "PSEUDONYM_KEY": "bench"})
    with suite.app_context(), acting_as("benchmark"):
        flask_migrate.upgrade(directory=str(ROOT / "migrations"))
        print(f"generated {rows:,} rows with generate_series in {fill(db, rows):.1f} s")
        _row, token = create_token("prison", "benchmark")
        db.session.commit()
        copy_sink, copy_seconds = copy_export(db)
    before = rss_mb()
    if profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
    app_sink, app_seconds = app_export(suite.test_client(), token)
    if profile:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    peak = rss_mb()
    with suite.app_context():
        floor_sink, floor_seconds = driver_floor(db)
    report("PostgreSQL COPY ... TO STDOUT", copy_sink, copy_seconds)
    report("psycopg2 cursor + csv module", floor_sink, floor_seconds)
    report("app population_snapshots.csv", app_sink, app_seconds)
    same = app_sink.digest.digest() == copy_sink.digest.digest()
    print(f"ratio (app time / COPY time): {app_seconds / copy_seconds:.1f}x "
          f"(driver floor {floor_seconds / copy_seconds:.1f}x); "
          f"outputs byte-identical: {'yes' if same else 'no'}")  # fmt: skip
    print(f"peak RSS of the app export: {before:,.0f} MB before it, {peak:,.0f} MB after "
          f"(CSV size {app_sink.bytes / 1e6:,.0f} MB)")  # fmt: skip
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    with suite.app_context():
        db.session.remove()
        db.engine.dispose()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--profile", action="store_true", help="cProfile the app export")
    args = parser.parse_args()
    name = f"justice_bench_{uuid.uuid4().hex[:8]}"
    admin(f'CREATE DATABASE "{name}"')
    url = ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        with tempfile.TemporaryDirectory() as tmp:
            run(url, args.rows, tmp, args.profile)
    finally:
        admin(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'")
        admin(f'DROP DATABASE IF EXISTS "{name}"')


if __name__ == "__main__":
    main()
