"""The statistics page: measures from the register, filtered by court and period."""

from common.audit.services import acting_as
from common.extensions import db
from common.timefmt import belize_today
from court_cms.hearings.services import adjourn, record_held
from court_cms.metrics.measures import Period
from court_cms.statistics.services import measures
from tests.court_cms.helpers import (
    charge,
    convict,
    court,
    days_ago,
    defendant,
    file,
    hearing,
    outcome,
    reason,
)
from tests.court_cms.http import page


def _register():
    """Two SC cases filed 100 and 50 days ago (the first disposed by trial), one MCBZ case."""
    tried = file(filed_on=days_ago(100))
    count = charge(defendant(tried))
    first = hearing(tried, days_ago(40), "TRIAL")
    adjourn(first, {"reason_id": reason("WITNESS_ABSENT").id, "next_on": days_ago(20)}, 1)
    second = first.next_hearing
    record_held(second, "", second.version)
    outcome(count, verdict="GUILTY", disposition="CONVICTED", disposition_on=days_ago(20))
    pending = file(filed_on=days_ago(50))
    defendant(pending)
    other = file("MCBZ", filed_on=days_ago(30))
    convict(charge(defendant(other)), days_ago(10))


def test_measures_from_the_register(app):
    with app.app_context(), acting_as("test"):
        _register()
        period = Period(days_ago(365), belize_today())
        sc = measures(period, court("SC").id)
        assert (sc["clearance"].incoming, sc["clearance"].outgoing) == (2, 1)
        assert sc["clearance"].rate == 50.0
        assert sc["time_to_disposition"].median_days == 80.0
        assert sc["pending_age"].pending == 1
        assert sc["certainty"].distribution["2"].count == 1
        assert sc["disposition_time"].days == 365.0
        assert sc["adjournments"].by_reason["Witness absent"].count == 1
        assert sc["adjournments"].by_side["PROSECUTION"].count == 1
        everything = measures(period)
        assert everything["clearance"].incoming == 3 and everything["clearance"].outgoing == 2


def test_statistics_page_filters_and_draws_charts(app, client, login_as):
    with app.app_context(), acting_as("test"):
        _register()
        db.session.commit()
        sc = court("SC").id
    login_as("court_registrar")
    html = page(client, f"/court/statistics/?court={sc}&from={days_ago(365)}&to={belize_today()}")
    assert "50.0 %" in html and "(1 disposed / 2 filed)" in html
    for chart in ("flow", "clearance", "ttd", "age", "certainty", "cepej", "reasons", "sides"):
        assert f'id="{chart}"' in html, chart
    assert "chart.umd.min.js" in html and "Witness absent" in html
    backwards = page(client, f"/court/statistics/?from={belize_today()}&to={days_ago(30)}")
    assert "turned round" in backwards
