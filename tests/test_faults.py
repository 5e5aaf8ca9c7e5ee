"""The database connection dies in the middle of a request: 503, nothing half-saved, recovery."""

import pytest
from sqlalchemy import create_engine, select, text

import court_cms.cases.services as case_services
from common.audit.models import AuditEntry
from common.config import normalise_database_url
from common.extensions import db
from common.timefmt import belize_today
from court_cms.cases.models import Case, CaseStatusChange
from tests.conftest import PG_ADMIN_URL
from tests.court_cms.http import case_on_file
from tests.hostile import form_fields
from tests.lims.helpers import client_as

pytestmark = pytest.mark.postgres


def terminate_own_backend():
    """Kill the PostgreSQL backend serving this request's session, from another connection."""
    pid = db.session.execute(text("SELECT pg_backend_pid()")).scalar()
    admin = create_engine(normalise_database_url(PG_ADMIN_URL), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    admin.dispose()


def _kill_during_status_change(monkeypatch, sent_first):
    """Make the next case status change lose its connection halfway through."""
    original = case_services._status

    def status_then_die(*args, **kwargs):
        original(*args, **kwargs)
        if sent_first:
            db.session.flush()  # the status and history rows reach the server first
        terminate_own_backend()

    monkeypatch.setattr(case_services, "_status", status_then_die)
    return original


def _counts(app, case_id):
    with app.app_context():
        changes = db.session.scalars(
            select(CaseStatusChange.reason).where(CaseStatusChange.case_id == case_id)
        ).all()
        audit = db.session.scalar(select(db.func.count()).select_from(AuditEntry))
        return db.session.get(Case, case_id).status, changes, audit


@pytest.mark.parametrize("sent_first", [False, True], ids=["at-flush", "at-commit"])
def test_connection_killed_mid_request_gives_503_and_saves_nothing(
    app, make_user, monkeypatch, justice_cli, sent_first
):
    case_id, _party, _charge = case_on_file(app)
    clerk, _ = client_as(app, make_user, "court_clerk")
    page, action = (
        f"/court/cases/{case_id}/forms/case?form=status",
        f"/court/cases/{case_id}/status",
    )
    form = {**form_fields(clerk.get(page).get_data(as_text=True), action),
            "status": "TRANSFERRED", "changed_on": belize_today().isoformat(),
            "reason": "Transferred to Belmopan"}  # fmt: skip
    before = _counts(app, case_id)

    original = _kill_during_status_change(monkeypatch, sent_first)
    response = clerk.post(action, data=form)
    html = response.get_data(as_text=True)
    assert response.status_code == 503
    assert "temporarily unavailable" in html and "Nothing was saved" in html
    assert "Traceback" not in html
    assert _counts(app, case_id) == before, "a dropped connection must leave no partial write"

    monkeypatch.setattr(case_services, "_status", original)
    assert clerk.get(page).status_code == 200, "the next request is served normally"
    assert clerk.post(action, data=form).status_code == 302, "and the change can be made again"
    status, changes, _audit = _counts(app, case_id)
    assert status == "TRANSFERRED" and changes.count("Transferred to Belmopan") == 1
    verified = justice_cli("audit", "verify")
    assert verified.exit_code == 0 and "BROKEN" not in verified.output, verified.output
    assert "OK: " in verified.output


def test_json_clients_get_a_json_503(app, make_user, monkeypatch):
    clerk, _ = client_as(app, make_user, "court_clerk")
    monkeypatch.setattr(
        "court_cms.dashboard.views.render_template",
        lambda *a, **k: terminate_own_backend() or db.session.execute(text("SELECT 1")),
    )
    response = clerk.get("/court/", headers={"Accept": "application/json"})
    assert response.status_code == 503
    assert response.get_json()["error"] == "Service temporarily unavailable"
