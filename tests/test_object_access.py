"""Object-level access: knowing (or guessing) a record's id opens nothing outside your role."""

import pytest

from common.audit.services import acting_as
from common.extensions import db
from common.imports.models import ImportRun
from lims.reports.models import Report
from lims.reports.services import release_report
from tests.court_cms.http import case_on_file
from tests.lims.helpers import client_as, reviewed_request
from tests.prison_ims.helpers import admit

OUTSIDE_THE_LAB = ("court_clerk", "court_registrar", "judicial_officer", "prison_officer",
                   "bco_analyst", "auditor")  # fmt: skip
OUTSIDE_THE_COURT = ("prison_officer", "prison_records_supervisor", "lab_analyst",
                     "lab_manager", "bco_analyst", "auditor")  # fmt: skip
OUTSIDE_THE_PRISON = ("court_clerk", "judicial_officer", "lab_intake", "lab_manager",
                      "bco_analyst", "auditor")  # fmt: skip


@pytest.fixture
def lab_objects(app):
    """A released lab report and the item and case behind it; returns their URLs."""
    with app.app_context(), acting_as("test"):
        parts = reviewed_request()
        parts["review"](parts["result"], "TECHNICAL", parts["tech"], True)
        parts["review"](parts["result"], "ADMINISTRATIVE", parts["admin"], True)
        report = release_report(parts["request"], parts["manager"])
        db.session.commit()
        return [
            f"/lims/reports/{report.id}.pdf",
            f"/lims/items/{parts['item'].id}",
            f"/lims/items/{parts['item'].id}/custody.pdf",
            f"/lims/cases/{parts['case'].id}",
            f"/lims/requests/{parts['request'].id}",
        ]


@pytest.mark.parametrize("role", OUTSIDE_THE_LAB)
def test_lab_records_are_refused_outside_the_lab(app, make_user, lab_objects, role):
    client, _ = client_as(app, make_user, role)
    for url in lab_objects:
        response = client.get(url)
        assert response.status_code == 403, f"{role} {url}"
        assert b"%PDF" not in response.data[:8]


def test_lab_staff_open_the_same_records(app, make_user, lab_objects):
    client, _ = client_as(app, make_user, "lab_analyst")
    for url in lab_objects:
        assert client.get(url).status_code == 200, url
    with app.app_context():
        assert db.session.query(Report).count() == 1


@pytest.mark.parametrize("role", OUTSIDE_THE_COURT)
def test_court_cases_are_refused_outside_the_court(app, make_user, role):
    case_id, _party, _charge = case_on_file(app)
    client, _ = client_as(app, make_user, role)
    assert client.get(f"/court/cases/{case_id}").status_code == 403
    assert client.get("/court/cause-list/pdf").status_code == 403
    clerk, _ = client_as(app, make_user, "court_clerk")
    assert clerk.get(f"/court/cases/{case_id}").status_code == 200


@pytest.mark.parametrize("role", OUTSIDE_THE_PRISON)
def test_prisoner_files_are_refused_outside_the_prison(app, make_user, role):
    with app.app_context():
        admission_id = admit().id
        db.session.commit()
    urls = [
        f"/prison/admissions/{admission_id}",
        f"/prison/admissions/{admission_id}/photo",
        f"/prison/documents/admissions/{admission_id}/record-sheet.pdf",
        f"/prison/conduct/admission/{admission_id}",
    ]
    client, _ = client_as(app, make_user, role)
    for url in urls:
        assert client.get(url).status_code == 403, f"{role} {url}"
    officer, _ = client_as(app, make_user, "prison_officer")
    assert officer.get(urls[0]).status_code == 200


def test_an_import_run_is_only_found_under_its_own_app(app, make_user):
    with app.app_context():
        run = ImportRun(app="prison", kind="inmates", file_name="register.xlsx",
                        sha256="0" * 64, status="DRY_RUN")  # fmt: skip
        db.session.add(run)
        db.session.commit()
        run_id = run.id
    registrar, _ = client_as(app, make_user, "court_registrar")
    assert registrar.get(f"/imports/court/runs/{run_id}").status_code == 404
    assert registrar.get(f"/imports/court/runs/{run_id}/problems.csv").status_code == 404
    assert registrar.get(f"/imports/prison/runs/{run_id}").status_code == 403
    supervisor, _ = client_as(app, make_user, "prison_records_supervisor")
    assert supervisor.get(f"/imports/prison/runs/{run_id}").status_code == 200
