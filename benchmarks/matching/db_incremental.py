"""One new record against a person index held in PostgreSQL: latency of find_candidates.

    python benchmarks/matching/db_incremental.py --size 100000 --queries 300

Creates a scratch database, migrates it, bulk-loads `size` synthetic Belize records with their
blocking keys and name counts (the same rows `register_record` writes, loaded in bulk),
then times `find_candidates` for register variants of indexed people and prints
p50/p95/p99 in milliseconds. The scratch database is dropped at the end.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
import uuid
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import create_engine, text  # noqa: E402

from common.persons.index_store import _name_tokens, as_match_record  # noqa: E402
from common.persons.matching import blocking_keys, normalise  # noqa: E402
from common.persons.synthetic import PopulationGenerator  # noqa: E402

ADMIN_URL = "postgresql+psycopg2://postgres@127.0.0.1:5432/postgres"


def _identity(p):
    return {
        "given_name": p.given_name,
        "middle_name": p.middle_name,
        "surname": p.surname,
        "date_of_birth": p.date_of_birth,
        "sex": p.sex,
        "district": p.district,
        "national_id": p.national_id or "",
        "aliases": list(p.aliases),
    }


def _copy(conn, table, columns, rows):
    buf = io.StringIO()
    for row in rows:
        buf.write("\t".join("\\N" if v is None else str(v).replace("\t", " ") for v in row))
        buf.write("\n")
    buf.seek(0)
    with conn.connection.dbapi_connection.cursor() as cur:
        cur.copy_expert(f"COPY {table} ({', '.join(columns)}) FROM STDIN", buf)


def load(url, size, seed=7):
    """Bulk-load `size` persons (one record each) with keys and name counts; returns people."""
    gen = PopulationGenerator(seed=seed)
    people = gen.people(size)
    persons, records, keys, counts = [], [], [], Counter()
    for n, p in enumerate(people, start=1):
        persons.append((n, uuid.uuid4().hex, 1, "now()", "now()"))
        ident = _identity(p)
        records.append(
            (
                n,
                n,
                "prison",
                f"B-{n}",
                ident["given_name"],
                ident["middle_name"],
                ident["surname"],
                ident["date_of_birth"],
                ident["sex"],
                "",
                ident["district"],
                "",
                ident["national_id"],
                "[]",
                1,
                "now()",
                "now()",
            )
        )
        rec = normalise(as_match_record(n, ident))
        keys.extend((n, k[:64]) for k in blocking_keys(rec))
        counts.update(_name_tokens(rec))
        if n % 50000 == 0:
            print(f"  prepared {n}", file=sys.stderr)
    engine = create_engine(url)
    with engine.begin() as conn:
        _copy(
            conn,
            "common_person",
            ("id", "public_id", "version", "created_at", "updated_at"),
            persons,
        )
        _copy(
            conn,
            "common_person_record",
            (
                "id",
                "person_id",
                "system",
                "source_ref",
                "given_name",
                "middle_name",
                "surname",
                "date_of_birth",
                "sex",
                "gender_identity",
                "district",
                "address",
                "national_id",
                "aliases",
                "version",
                "created_at",
                "updated_at",
            ),
            records,
        )
        _copy(conn, "common_person_match_key", ("record_id", "key"), keys)
        _copy(
            conn,
            "common_person_name_count",
            ("kind", "token", "count"),
            [(k, t, c) for (k, t), c in counts.items()],
        )
        conn.execute(text("SELECT setval('common_person_id_seq', :n)"), {"n": size})
        conn.execute(text("SELECT setval('common_person_record_id_seq', :n)"), {"n": size})
        conn.execute(text("ANALYZE"))
    engine.dispose()
    return gen, people, len(keys)


def measure(url, gen, people, queries):
    """Time find_candidates for register variants of indexed people (ms per query)."""
    from common.persons.index_store import find_candidates
    from common.portal import create_app

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True})
    step = max(1, len(people) // queries)
    timings, found = [], 0
    with app.app_context():
        find_candidates(_identity(people[0]))  # warm the connection and caches
        for i in range(0, len(people), step)[:queries]:
            variant = gen.register_variant(people[i], severity="typical")
            start = time.perf_counter()
            result = find_candidates(_identity(variant))
            timings.append((time.perf_counter() - start) * 1000)
            found += any(c.person.id == i + 1 for c in result)  # person ids follow load order
    return timings, found


def main():
    """Create, load, measure, drop; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--profile", action="store_true", help="print where query time goes")
    args = parser.parse_args()
    import flask_migrate

    from common.portal import create_app

    name = f"justice_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        with create_app({"SQLALCHEMY_DATABASE_URI": url}).app_context():
            flask_migrate.upgrade()
        t0 = time.perf_counter()
        gen, people, nkeys = load(url, args.size)
        load_s = time.perf_counter() - t0
        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.enable()
        timings, found = measure(url, gen, people, args.queries)
        if args.profile:
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        q = statistics.quantiles(timings, n=100)
        print(
            f"index size: {args.size:,} records, {nkeys:,} blocking keys (bulk load {load_s:.0f} s)"
        )
        print(
            f"find_candidates over {len(timings)} queries: p50 {q[49]:.1f} ms, "
            f"p95 {q[94]:.1f} ms, p99 {q[98]:.1f} ms; the right person was among the "
            f"candidates for {found}/{len(timings)}"
        )
    finally:
        with admin.connect() as conn:
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :n AND pid <> pg_backend_pid()"
                ),
                {"n": name},
            )
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))


if __name__ == "__main__":
    main()
