"""Demo data → three feeds over HTTP → `justice bco pull` → `justice bco indicators`.

The indicator totals are checked against counts taken with SQL from the source database.
"""

import csv
from collections import defaultdict

import pytest
from sqlalchemy import text

from common.exports.consumer import repository
from common.exports.indicators import compute, load
from common.extensions import db
from common.timefmt import belize_today
from prison_ims.population.services import day_end
from tests.common.exports.helpers import make_token

pytestmark = pytest.mark.postgres

ADMISSIONS_BY_MONTH = """
    SELECT to_char(admitted_at AT TIME ZONE 'UTC', 'YYYY-MM'), count(*)
    FROM prison_admission GROUP BY 1"""
FILINGS_BY_MONTH = "SELECT to_char(filed_on, 'YYYY-MM'), count(*) FROM court_case GROUP BY 1"
LAB_REQUESTS_BY_MONTH = """
    SELECT to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM'), count(*)
    FROM lims_request GROUP BY 1"""
MONTH_END_POPULATION = """
    SELECT to_char(snapshot_date, 'YYYY-MM'), sum(count), sum(count) FILTER
        (WHERE legal_status = 'REMAND')
    FROM prison_population_snapshot s
    WHERE snapshot_date = (SELECT max(snapshot_date) FROM prison_population_snapshot t
                           WHERE date_trunc('month', t.snapshot_date)
                               = date_trunc('month', s.snapshot_date))
    GROUP BY 1"""


def _month_totals(counts, name):
    totals = defaultdict(int)
    for (indicator, month, *_dims), value in counts.items():
        if indicator == name:
            totals[month] += value
    return dict(totals)


def _source_counts(app):
    with app.app_context():
        run = lambda sql: {m: int(n) for m, n in db.session.execute(text(sql))}  # noqa: E731
        population = db.session.execute(text(MONTH_END_POPULATION)).all()
        latest = db.session.scalar(
            text("SELECT max(snapshot_date) FROM prison_population_snapshot")
        )
        held_then = db.session.scalar(
            text("SELECT sum(custody_delta) FROM prison_movement WHERE occurred_at < :cut"),
            {"cut": day_end(latest)},
        )
        latest_total = db.session.scalar(
            text("SELECT sum(count) FROM prison_population_snapshot WHERE snapshot_date = :d"),
            {"d": latest},
        )
        return {
            "admissions": run(ADMISSIONS_BY_MONTH),
            "filings": run(FILINGS_BY_MONTH),
            "lab_requests": run(LAB_REQUESTS_BY_MONTH),
            "population": {m: int(n) for m, n, _r in population},
            "remand": {m: int(r) for m, _n, r in population if r},
            "held_on_latest_day": (int(held_then), int(latest_total)),
        }


def _pull(justice_cli, sources, repo):
    result = justice_cli("bco", "pull", *sources, "--into", repo)
    assert result.exit_code == 0, result.output
    return [line for line in result.output.splitlines() if " stored" in line]


def _keys_by_system(data):
    keys = defaultdict(set)
    for (source, _dataset), items in data.items():
        keys[source].update(r["person_key"] for r in items if r.get("person_key"))
    return keys


def test_demo_feeds_pulled_into_the_repository_give_the_source_counts(
    app, live_server, justice_cli, tmp_path
):
    demo = justice_cli("demo", "--scale", "1")
    assert demo.exit_code == 0, demo.output
    expected = _source_counts(app)
    held, stored_total = expected["held_on_latest_day"]
    assert held == stored_total > 1000, "the snapshot equals the sum of the movements"

    repo = f"sqlite:///{tmp_path / 'bco.db'}"
    sources = []
    for name in ("prison", "lims", "court"):
        token = make_token(app, name, "bco-e2e")
        sources += ["--source", f"{name}={live_server}/{name}/api/export/v1/,{token}"]
    first = _pull(justice_cli, sources, repo)
    assert any(line.startswith("prison/population_snapshots: ") for line in first)

    data = load(repository(repo))
    keys = _keys_by_system(data)
    assert keys["prison"] & keys["lims"] & keys["court"], "someone is in all three systems"
    counts, rates = compute(data, today=belize_today())
    assert _month_totals(counts, "prison_admissions") == expected["admissions"]
    assert _month_totals(counts, "court_filings") == expected["filings"]
    assert _month_totals(counts, "lab_requests") == expected["lab_requests"]
    assert _month_totals(counts, "prison_population") == expected["population"]
    assert _month_totals(counts, "prison_on_remand") == expected["remand"]
    assert counts[("persons_in_more_than_one_system", "", "", "", "")] >= len(
        keys["prison"] & keys["lims"] & keys["court"]
    )

    out, pdf = tmp_path / "indicators.csv", tmp_path / "indicators.pdf"
    result = justice_cli("bco", "indicators", "--from", repo, "--out", str(out), "--pdf", str(pdf))
    assert result.exit_code == 0, result.output
    assert pdf.read_bytes().startswith(b"%PDF-")
    rows = list(csv.DictReader(out.open()))
    for row in rows:
        key = (row["indicator"], row["month"], row["sex"], row["age_band"], row["district"])
        if key in counts:
            value = counts[key]
            assert row["value"] == (str(value) if value >= 5 else "<5"), key
    assert any(r["value"] == "<5" for r in rows) and any(r["value"].isdigit() for r in rows)

    again = _pull(justice_cli, sources, repo)
    assert len(again) == len(first) and all(line.endswith(" 0 stored") for line in again)
