"""Import pages: upload, proposed mapping, dry run, confirm; downloads; permissions."""

import io
import re

import openpyxl
import pytest
from sqlalchemy import func, select

from common.extensions import db
from common.imports.models import ImportMapping, ImportRun
from common.imports.progress import wait_for_background
from common.imports.registry import get_importer
from common.imports.services import preview
from prison_ims.admissions.models import Admission
from tests.common.imports.helpers import sample
from tests.conftest import csrf_from

UPLOAD = "/imports/prison/inmates/upload"


def upload(client, name, prefix=UPLOAD):
    page = client.get(prefix)
    assert page.status_code == 200
    return client.post(
        prefix,
        data={"csrf_token": csrf_from(page.get_data(as_text=True)),
              "file": (io.BytesIO(sample(name)), name)},
        content_type="multipart/form-data",
    )  # fmt: skip


def mapping_data(app, app_name, kind, name):
    with app.app_context():
        importer = get_importer(app_name, kind)
        _headers, proposal = preview(importer, sample(name), name)
    return {f"col_{f.name}": proposal.get(f.name, "") for f in importer.fields}


def admissions(app):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Admission))


def test_upload_dry_run_confirm_and_download(app, client, login_as):
    login_as("prison_records_supervisor")
    response = upload(client, "inmates_register.xlsx")
    assert response.status_code == 302
    mapping_url = response.headers["Location"]
    page = client.get(mapping_url).get_data(as_text=True)
    assert '<option selected value="Apellido">' in page
    form = {**mapping_data(app, "prison", "inmates", "inmates_register.xlsx"),
            "csrf_token": csrf_from(page), "file_name": "inmates_register.xlsx",
            "save_as": "BCP 2019 layout", "action": "dry_run"}  # fmt: skip
    dry = client.post(mapping_url, data=form)
    assert dry.status_code == 302
    wait_for_background()
    report = client.get(dry.headers["Location"]).get_data(as_text=True)
    assert "Dry run (nothing written)" in report and "Would be created</dt><dd" in report
    assert admissions(app) == 0
    run_id = int(re.search(r"/runs/(\d+)", dry.headers["Location"])[1])
    csv_body = client.get(f"/imports/prison/runs/{run_id}/problems.csv").get_data()
    assert b"ambiguous" in csv_body
    xlsx = client.get(f"/imports/prison/runs/{run_id}/problems.xlsx").get_data()
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx)).active
    assert next(sheet.iter_rows(values_only=True))[:4] == ("row", "column", "value", "problem")
    confirm = client.post(
        re.search(r'action="([^"]+)" class="js-import-progress"', report)[1],
        data={**form, "action": "import", "save_as": "", "csrf_token": csrf_from(report)},
    )
    assert confirm.status_code == 302
    wait_for_background()
    assert "Imported" in client.get(confirm.headers["Location"]).get_data(as_text=True)
    assert admissions(app) == 6
    reused = client.get(mapping_url + "&saved=BCP+2019+layout").get_data(as_text=True)
    assert "BCP 2019 layout</a>" in reused
    with app.app_context():
        assert db.session.scalar(select(ImportMapping.name)) == "BCP 2019 layout"
        runs = db.session.scalars(select(ImportRun).order_by(ImportRun.id)).all()
        assert [r.status for r in runs] == ["DRY_RUN", "IMPORTED"]


def test_a_word_document_is_refused_on_the_form(app, client, login_as):
    login_as("prison_records_supervisor")
    response = upload(client, "register.docx")
    assert response.status_code == 200
    assert "This is a Word document, not a spreadsheet" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ImportRun)) == 0


def test_court_registrar_imports_the_case_register(app, client, login_as):
    login_as("court_registrar")
    response = upload(client, "court_register.csv", "/imports/court/cases/upload")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    form = {**mapping_data(app, "court", "cases", "court_register.csv"),
            "csrf_token": csrf_from(page), "file_name": "court_register.csv",
            "action": "import"}  # fmt: skip
    done = client.post(response.headers["Location"], data=form)
    wait_for_background()
    assert "Imported" in client.get(done.headers["Location"]).get_data(as_text=True)


@pytest.mark.parametrize(
    ("role", "url"),
    [
        ("prison_officer", UPLOAD),
        ("prison_records_supervisor", "/imports/court/cases/upload"),
        ("court_clerk", "/imports/court/cases/upload"),
        ("court_registrar", "/imports/prison"),
        ("judicial_officer", "/imports/court"),
        ("lab_intake", "/imports/lims"),
        ("lab_analyst", "/imports/lims/cases/upload"),
        ("prison_records_supervisor", "/imports/lims"),
    ],
)
def test_other_roles_get_403(client, login_as, role, url):
    login_as(role)
    assert client.get(url).status_code == 403


def test_the_start_page_links_to_the_imports_a_role_may_run(client, login_as):
    login_as("court_registrar")
    page = client.get("/").get_data(as_text=True)
    assert 'href="/imports/court"' in page
    assert 'href="/imports/prison"' not in page


def import_through_pages(app, client, app_name, kind, name):
    """Upload, accept the proposed mapping and import; returns the run page URL."""
    response = upload(client, name, f"/imports/{app_name}/{kind}/upload")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    form = {**mapping_data(app, app_name, kind, name), "csrf_token": csrf_from(page),
            "file_name": name, "action": "import"}  # fmt: skip
    done = client.post(response.headers["Location"], data=form)
    assert done.status_code == 302
    wait_for_background()
    return done.headers["Location"]


def test_the_status_of_a_run_is_polled_as_json(app, client, login_as):
    login_as("prison_records_supervisor")
    run_url = import_through_pages(app, client, "prison", "inmates", "inmates_register.xlsx")
    status = client.get(run_url + "/status.json").get_json()
    assert status["finished"] and status["status"] == "IMPORTED" and not status["resumable"]
    assert (status["rows_done"], status["rows_total"], status["created"]) == (6, 6, 6)
    page = client.get(run_url).get_data(as_text=True)
    assert "6 of 6 rows written" in page and 'data-finished="true"' in page


def test_the_lab_manager_imports_the_lab_register(app, client, login_as):
    from lims.items.models import Item

    login_as("lab_manager")
    run_url = import_through_pages(app, client, "lims", "cases", "lab_register.xlsx")
    page = client.get(run_url).get_data(as_text=True)
    assert "Imported" in page and "6 of 6 rows written" in page
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Item)) == 6


def test_a_stopped_import_is_resumed_from_the_run_page(app, client, login_as, monkeypatch):
    app.config["IMPORT_BATCH_ROWS"] = 2
    importer = get_importer("prison", "inmates")
    real, calls = importer.create, []

    def create(values, user_id=None):
        calls.append(1)
        if len(calls) == 6:
            raise RuntimeError("the server was restarted")
        return real(values, user_id)

    monkeypatch.setattr(importer, "create", create)
    login_as("prison_records_supervisor")
    run_url = import_through_pages(app, client, "prison", "inmates", "inmates_register.xlsx")
    page = client.get(run_url).get_data(as_text=True)
    assert "Stopped by an unexpected error (RuntimeError): the server was restarted" in page
    assert "Resume from row position 4" in page and "4 of 6 rows written" in page
    assert admissions(app) == 4
    monkeypatch.setattr(importer, "create", real)
    resumed = client.post(run_url + "/resume", data={"csrf_token": csrf_from(page)})
    assert resumed.status_code == 302
    wait_for_background()
    page = client.get(run_url).get_data(as_text=True)
    assert "Imported" in page and "6 of 6 rows written" in page
    assert admissions(app) == 6


def test_a_run_left_running_by_a_restart_offers_resume_once_stale(app, client, login_as):
    from common.audit.services import acting_as
    from common.imports.services import start_run
    from common.imports.storage import keep

    login_as("prison_records_supervisor")
    data = sample("inmates_register.xlsx")
    with app.app_context(), acting_as("test"):
        run = start_run(get_importer("prison", "inmates"), data, "r.xlsx", dry_run=False)
        keep(run.sha256, data)
        db.session.commit()
        url = f"/imports/prison/runs/{run.id}"
    page = client.get(url).get_data(as_text=True)
    assert 'data-finished="false"' in page and "Resume" not in page
    assert client.get(url + "/status.json").get_json()["resumable"] is False
    app.config["IMPORT_STALE_MINUTES"] = 0
    assert client.get(url + "/status.json").get_json()["resumable"] is True
    page = client.get(url).get_data(as_text=True)
    assert 'data-finished="true"' in page and "Resume from row position 0" in page
    client.post(url + "/resume", data={"csrf_token": csrf_from(page)})
    wait_for_background()
    assert "6 of 6 rows written" in client.get(url).get_data(as_text=True)
    assert admissions(app) == 6
