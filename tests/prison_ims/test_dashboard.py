"""Rule 10 dashboard: every figure checked against a small hand-made history."""

import re
from datetime import date, timedelta

import pytest

from common.audit.services import acting_as
from common.extensions import db
from prison_ims.dashboard.figures import age_band, flows_by_month, population
from prison_ims.housing.services import allocate, seed_layout
from prison_ims.movements.services import record_movement
from prison_ims.times import belize_date, now_utc
from tests.conftest import login
from tests.prison_ims.helpers import admit
from tests.prison_ims.test_housing import cell

DAY = timedelta(days=1)


@pytest.fixture
def app_config(app_config):
    app_config["PRISON_ADMISSION_BACKDATE_DAYS"] = 5000
    return app_config


def _history(now):
    """Five admissions: a remand man, a sentenced woman, a boy, a released man, no cell."""
    today = belize_date(now)
    seed_layout()
    a = admit(given_name="Ann", date_of_birth=date(1980, 1, 1), admitted_at=now - 100 * DAY)
    allocate(a, cell("MR", "A"), at=now - 100 * DAY)
    b = admit(
        given_name="Beth",
        surname="Young",
        sex="F",
        date_of_birth=date(1985, 6, 1),
        authority_type="SENTENCE_WARRANT",
        legal_status="SENTENCED",
        admitted_at=now - 40 * DAY,
    )
    allocate(b, cell("FU", "FC"), at=now - 40 * DAY)
    c = admit(
        given_name="Carl",
        date_of_birth=date(today.year - 16, 1, 1),
        admitted_at=now - 20 * DAY,
    )
    allocate(c, cell("WY", "YR"), at=now - 20 * DAY)
    d = admit(given_name="Dan", date_of_birth=date(2000, 1, 1), admitted_at=now - 70 * DAY)
    record_movement(d, "REL", now - 10 * DAY, reason="acquitted")
    admit(given_name="Ed", date_of_birth=date(1960, 1, 1), admitted_at=now - 5 * DAY)
    return d


def test_age_bands_follow_the_setting(app):
    with app.app_context():
        assert [age_band(n) for n in (None, 15, 18, 20, 21, 34, 49, 50, 80)] == [
            "Unknown",
            "Under 18",
            "18-20",
            "18-20",
            "21-24",
            "25-34",
            "35-49",
            "50 and over",
            "50 and over",
        ]


def test_population_now_and_thirty_days_ago(app):
    now = now_utc()
    with app.app_context(), acting_as("test"):
        _history(now)
        pop = population(now)
        assert pop["total"] == 4
        assert pop["status"]["On remand (awaiting trial)"] == 3
        assert pop["status"]["Sentenced"] == 1
        assert pop["sex"] == {"Male": 3, "Female": 1, "Not recorded": 0}
        assert pop["age"]["Under 18"] == 1 and pop["age"]["35-49"] == 2
        assert pop["age"]["50 and over"] == 1
        held = {u["unit"].code: (u["held"], u["capacity"]) for u in pop["units"]}
        assert held["MR"] == (1, 576) and held["FU"] == (1, 56) and held["WY"] == (1, 60)
        assert held["MC"] == (0, 1008)
        assert pop["unallocated"] == 1 and pop["capacity"] == 1722
        assert pop["remand_share"] == 75.0
        before = population(now - 30 * DAY)
        assert before["total"] == 3
        assert before["sex"]["Female"] == 1 and before["age"]["Under 18"] == 0
        assert before["age"]["25-34"] == 1 and before["age"]["35-49"] == 2
        assert before["unallocated"] == 1 and before["remand_share"] == 66.7
        assert population(now - 200 * DAY)["total"] == 0


def test_admissions_and_releases_per_month(app):
    now = now_utc()
    with app.app_context(), acting_as("test"):
        _history(now)
        flows = flows_by_month(now)
        assert len(flows["labels"]) == 12
        assert flows["labels"][-1] == belize_date(now).strftime("%b %Y")
        assert sum(flows["admissions"]) == 5 and sum(flows["releases"]) == 1
        released = belize_date(now - 10 * DAY).strftime("%b %Y")
        assert flows["releases"][flows["labels"].index(released)] == 1
        expected = {}
        for days in (100, 40, 20, 70, 5):
            label = belize_date(now - days * DAY).strftime("%b %Y")
            expected[label] = expected.get(label, 0) + 1
        assert dict(zip(flows["labels"], flows["admissions"], strict=True)) == {
            label: expected.get(label, 0) for label in flows["labels"]
        }


def test_dashboard_page_for_the_supervisor_only(app, client, login_as, make_user):
    now = now_utc()
    with app.app_context(), acting_as("test"):
        _history(now)
        db.session.commit()
    login_as("prison_officer")
    assert client.get("/prison/dashboard").status_code == 403
    supervisor = app.test_client()
    login(supervisor, make_user("prison_records_supervisor"))
    html = supervisor.get("/prison/dashboard").get_data(as_text=True)
    assert re.search(r'id="dash-total">4<', html)
    assert re.search(r'id="dash-remand-share">75.0%<', html)
    assert re.search(r'id="dash-over-limit">0<', html)
    assert html.count("data-chart=") == 5 and "vendor/chartjs/chart.umd.min.js" in html
    day = belize_date(now - 30 * DAY).isoformat()
    past = supervisor.get(f"/prison/dashboard?at={day}").get_data(as_text=True)
    assert re.search(r'id="dash-total">3<', past)
    bad = supervisor.get("/prison/dashboard?at=31/02/2026").get_data(as_text=True)
    assert "Give the date as a calendar date" in bad
