"""The remand delay report and the management dashboard over HTTP."""

import pytest
from sqlalchemy import select

from common.audit.models import AuditEntry
from common.extensions import db
from tests.common.flows.story import remand_story
from tests.conftest import login
from tests.court_cms.helpers import court


@pytest.fixture
def story(app):
    with app.app_context():
        parts = remand_story()
        db.session.commit()
        return {"name": parts["admission"].person_record.full_name, "sc": court("SC").id}


def signed_in(app, make_user, role):
    client = app.test_client()
    login(client, make_user(role))
    return client


def table_after(page, heading):
    return page.split(heading)[1].split("</table>")[0]


def test_registrar_sees_remand_days_by_reason_and_side(app, make_user, story):
    registrar = signed_in(app, make_user, "court_registrar")
    # 1 Mar to 29 Apr included: 9 / 21 / 15 / 15 days (see test_attribution.py).
    page = registrar.get("/flows/remand-delay?to=2026-04-29").get_data(as_text=True)
    assert "60 remand days of 1 remand episodes" in page
    reasons = table_after(page, "Days by reason")
    assert '<td>Prosecution not ready</td><td class="text-end">21</td>' in reasons
    assert '<td>Awaiting forensic report</td><td class="text-end">15</td>' in reasons
    assert '<td>Accused not produced from prison</td><td class="text-end">15</td>' in reasons
    assert '<td>Awaiting first hearing</td><td class="text-end">9</td>' in reasons
    sides = table_after(page, "Days by side responsible")
    assert '<td>Forensic laboratory</td><td class="text-end">15</td>' in sides
    assert "data-chart=" in page  # the stacked bar chart
    closest = table_after(page, 'id="closest"')
    assert story["name"] in closest
    with app.app_context():
        opened = db.session.scalar(
            select(AuditEntry).where(AuditEntry.entity_type == "RemandDelayReport")
        )
        assert opened is not None and opened.actor.startswith("court_registrar")


def test_the_report_filters_by_court_and_period(app, make_user, story):
    judge = signed_in(app, make_user, "judicial_officer")
    april = judge.get("/flows/remand-delay?from=2026-04-01&to=2026-04-29").get_data(as_text=True)
    assert "29 remand days" in april
    with app.app_context():
        other_id = court("MCBZ").id
    none = judge.get(f"/flows/remand-delay?court={other_id}&to=2026-04-29").get_data(as_text=True)
    assert "No remand day in this period." in none
    mine = judge.get(f"/flows/remand-delay?court={story['sc']}&to=2026-04-29").get_data(
        as_text=True
    )
    assert "60 remand days" in mine
    backwards = judge.get("/flows/remand-delay?from=2026-05-01&to=2026-04-01").get_data(
        as_text=True
    )
    assert "The period starts after it ends" in backwards
    assert "The last 12 months are shown instead" in backwards
    wrong = judge.get("/flows/remand-delay?from=1 March").get_data(as_text=True)
    assert "Give the dates as calendar dates" in wrong


@pytest.mark.parametrize(
    "role, status",
    [
        ("prison_records_supervisor", 200),
        ("court_registrar", 200),
        ("judicial_officer", 200),
        ("management", 200),
        ("court_clerk", 403),
        ("prison_officer", 403),
        ("lab_manager", 403),
    ],
)
def test_who_may_open_the_delay_report(app, make_user, role, status):
    client = signed_in(app, make_user, role)
    assert client.get("/flows/remand-delay").status_code == status


def test_management_dashboard_puts_the_three_systems_side_by_side(app, make_user, story):
    manager = signed_in(app, make_user, "management")
    page = manager.get("/management/").get_data(as_text=True)
    assert 'id="prison-remand">1 (100.0%)' in page
    assert 'id="lims-open">1<' in page
    assert "Clearance rate" in page and "Median days to disposition" in page
    assert "Remand delay attribution, last 12 months" in page
    assert "Awaiting forensic report" in page
    landing = manager.get("/").get_data(as_text=True)
    assert "management dashboard" in landing
    # Read only: no system of its own.
    for url in ("/prison/", "/court/cases/", "/lims/cases/"):
        assert manager.get(url).status_code == 403, url
    assert signed_in(app, make_user, "court_registrar").get("/management/").status_code == 403
