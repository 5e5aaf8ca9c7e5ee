"""Single-user page times on the load database: how each page grows with the data.

    python benchmarks/load/pages.py --scale 1
    python benchmarks/load/pages.py --scale 10

Uses the database `benchmarks/load/run.py` builds for the scale (`justice_load_s<scale>`),
serves the suite in-process (no network, no other users) and times each page --repeat times
after one warm-up, printing the median and the slowest per page, the database size and the
main table counts.
"""

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.load.run import database_for  # noqa: E402

DEMO_PASSWORD = "Belize-Demo-2026"  # noqa: S105 - the documented demo credential
PAGES = {
    "officer@demo.justice.bz": [
        "/prison/",
        "/prison/admissions/",
        "/prison/admissions/?q=castillo",
        "/prison/movements/roll",
        "/prison/remand/",
    ],
    "supervisor@demo.justice.bz": ["/prison/dashboard"],
    "clerk@demo.justice.bz": ["/court/", "/court/cases/", "/court/cases/?q=castillo"],
    "registrar@demo.justice.bz": ["/court/statistics/"],
    "intake@demo.justice.bz": ["/lims/", "/lims/cases/", "/lims/requests/", "/lims/storage/"],
    "labmanager@demo.justice.bz": ["/lims/metrics"],
    "management@demo.justice.bz": ["/management/"],
}
COUNTS = {
    "persons": "common_person",
    "person records": "common_person_record",
    "prison admissions": "prison_admission",
    "prison movements": "prison_movement",
    "court cases": "court_case",
    "hearings": "court_hearing",
    "lab cases": "lims_case",
    "lab items": "lims_item",
    "audit entries": "common_audit_log",
    "feed changes": "common_export_change",
}


def signed_in(app, email):
    """A test client signed in through the real form."""
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    client.post("/login", data={"email": email, "password": DEMO_PASSWORD, "csrf_token": token})
    return client


def time_page(client, url, repeat):
    """(median ms, slowest ms) of `repeat` GETs after one warm-up; stops on a non-200."""
    if client.get(url).status_code != 200:
        raise SystemExit(f"{url} did not answer 200")
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = database_for(args.scale)
    os.environ.setdefault("LOGIN_RATE_LIMIT", "10000 per minute")
    from sqlalchemy import text

    from common.extensions import db
    from common.suite import create_suite

    app = create_suite()
    with app.app_context():
        size = db.session.scalar(
            text("SELECT pg_size_pretty(pg_database_size(current_database()))")
        )
        counts = {
            k: db.session.scalar(text(f"SELECT count(*) FROM {t}")) for k, t in COUNTS.items()
        }  # noqa: S608 - fixed names
    print(f"demo scale {args.scale}: database {size}")
    print("  " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    print(f"{'page':34} {'median ms':>9} {'slowest':>8}")
    for email, urls in PAGES.items():
        client = signed_in(app, email)
        for url in urls:
            median, worst = time_page(client, url, args.repeat)
            print(f"{url:34} {median:9.0f} {worst:8.0f}")


if __name__ == "__main__":
    main()
