"""Metrics: turnaround percentiles and NIJ backlog per discipline, and the dashboard page."""

from datetime import UTC, datetime, timedelta

from lims.metrics.services import backlog_series, is_backlog, percentile, turnaround


def _at(day):
    return datetime(2026, 1, 1, tzinfo=UTC) + timedelta(days=day)


def test_percentiles_are_nearest_rank():
    values = list(range(1, 11))
    assert percentile(values, 0.5) == 5
    assert percentile(values, 0.9) == 9
    assert percentile([7], 0.9) == 7


def test_turnaround_per_discipline_counts_only_completed_requests():
    rows = [("DNA", _at(0), _at(10)), ("DNA", _at(0), _at(20)), ("DNA", _at(0), None)]
    dna = next(t for t in turnaround(rows) if t["discipline"] == "DNA")
    assert dna["completed"] == 2 and dna["median"] == 10 and dna["p90"] == 20
    tox = next(t for t in turnaround(rows) if t["discipline"] == "Toxicology")
    assert tox["completed"] == 0 and tox["median"] is None


def test_backlog_is_not_completed_within_the_days_of_receipt():
    assert not is_backlog(_at(0), None, _at(29), 30)
    assert is_backlog(_at(0), None, _at(31), 30)
    assert is_backlog(_at(0), _at(40), _at(35), 30)
    assert not is_backlog(_at(0), _at(20), _at(35), 30)


def test_backlog_series_over_month_ends():
    rows = [("DNA", _at(0), None), ("DNA", _at(0), _at(45)), ("TOX", _at(50), None)]
    labels, series = backlog_series(rows, months=4, days=30, now=_at(100))
    assert labels[-1] == "Today" and len(labels) == 4
    # month ends: 1 Feb (day 31), 1 Mar (day 59), 1 Apr (day 90), now (day 100)
    assert series["DNA"] == [2, 1, 1, 1]
    assert series["Toxicology"] == [0, 0, 1, 1]


def test_metrics_page_for_the_manager_only(app, client, login_as, make_user):
    from tests.lims.helpers import client_as

    login_as("lab_manager")
    page = client.get("/lims/metrics")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and 'id="backlog"' in html and "90th percentile" in html
    analyst, _ = client_as(app, make_user, "lab_analyst")
    assert analyst.get("/lims/metrics").status_code == 403
