"""Load test: 50 signed-in users for 5 minutes against gunicorn + PostgreSQL, per-flow figures.

    python benchmarks/load/run.py                       # make load: --scale 10, 50 users, 5 min
    python benchmarks/load/run.py --scale 1 --users 20 --duration 1m

Creates (once) the database `justice_load_s<scale>` on the local PostgreSQL server
(TEST_PG_URL), migrates it and loads `justice demo --scale N`; later runs reuse it. Then
starts gunicorn (`--workers`, default 2 × cores + 1) on a free port, runs locust headless
with benchmarks/load/locustfile.py, and prints p50/p95/p99 per flow and the error count.
"""

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402

from benchmarks.load.report import READ_TARGET_MS, format_table, read_failures, read_stats  # noqa: E402
from common.config import normalise_database_url  # noqa: E402

ADMIN_URL = os.environ.get("TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
BIN = Path(sys.executable).parent


def database_for(scale):
    """The URL of the load database for `scale`, created on first use."""
    name = f"justice_load_s{scale}"
    engine = create_engine(normalise_database_url(ADMIN_URL), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        exists = conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
        if not exists:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


def analyse(url):
    """Fresh planner statistics after the bulk load, as autovacuum would give in service."""
    engine = create_engine(normalise_database_url(url), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("VACUUM ANALYZE"))
    engine.dispose()


def justice(env, *args):
    """Run a `justice` command, echoing its output; stops on failure."""
    subprocess.run([str(BIN / "justice"), *args], env=env, check=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - localhost
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server did not answer at {url} within {seconds} s")


def run_locust(host, users, duration, prefix, env, spawn_rate=1.0):
    """Run locust headless; its CSV statistics land at `prefix`_*.csv."""
    subprocess.run(
        [
            str(BIN / "locust"),
            "-f",
            str(ROOT / "benchmarks/load/locustfile.py"),
            "--host",
            host,
            "--headless",
            "--users",
            str(users),
            "--spawn-rate",
            str(spawn_rate),
            "--run-time",
            duration,
            "--csv",
            prefix,
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        env=env,
        check=False,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", default="5m")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    # Staff arrive and sign in one a second: argon2 makes every sign-in deliberately costly,
    # and fifty at once would measure that storm rather than the work. The measured five
    # minutes include this ramp-up.
    parser.add_argument("--spawn-rate", type=float, default=1.0, help="users started a second")
    args = parser.parse_args()

    url = database_for(args.scale)
    env = {**os.environ, "DATABASE_URL": url, "JUSTICE_ENV": "development"}
    # Every simulated user signs in from this one address: lift the per-address sign-in limit.
    env.setdefault("LOGIN_RATE_LIMIT", "10000 per minute")
    env["PYTHONPATH"] = str(ROOT)
    justice(env, "db", "upgrade")
    justice(env, "demo", "--scale", str(args.scale))
    analyse(url)
    port = free_port()
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "common.wsgi:suite",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        host = f"http://127.0.0.1:{port}"
        wait_until_up(f"{host}/prison/health")
        with tempfile.TemporaryDirectory() as tmp:
            prefix = f"{tmp}/load"
            run_locust(host, args.users, args.duration, prefix, env, args.spawn_rate)
            rows, failures = read_stats(prefix), read_failures(prefix)
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(
        f"\n{args.users} users for {args.duration}, demo scale {args.scale}, "
        f"gunicorn {args.workers} workers, {os.cpu_count()} cores, "
        f"{args.spawn_rate:g} users started a second "
        "(the load generator runs on the same machine)"
    )
    for line in format_table(rows):
        print(line)
    for flow, error, count in failures:
        print(f"error ×{count}: {flow}: {error}")
    print(f"target: 0 errors, p95 ≤ {READ_TARGET_MS} ms for read pages")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
