"""Files that are not a register are refused with a clear message and nothing is written:
through the service, the upload page and the command line."""

import io

import pytest
from sqlalchemy import func, select

from common.audit.models import AuditEntry
from common.extensions import db
from common.imports.mapping import MappingError
from common.imports.models import ImportRun
from common.imports.reader import ImportRefused
from common.imports.samples import ENCRYPTED_PASSWORD
from common.imports.storage import folder
from common.persons.models import Person
from prison_ims.admissions.models import Admission
from tests.common.imports.helpers import DATA, run, sample
from tests.conftest import csrf_from

BIG = 50_000_000
BAD_FILES = [
    ("register.docx", "This is a Word document, not a spreadsheet"),
    ("empty.csv", "The file is empty"),
    ("no_header.csv", "No header row found"),
    ("formulas.xlsx", "formulas without a saved result"),
    ("encrypted.xlsx", "The workbook is password-protected"),
]


def written(app):
    """Rows in the tables an import writes, and whether any upload was kept."""
    with app.app_context():
        counts = tuple(
            db.session.scalar(select(func.count()).select_from(model))
            for model in (ImportRun, Admission, Person, AuditEntry)
        )
        return counts, sorted(p.name for p in folder().iterdir())


def big_file():
    """A 50 MB file named like a workbook."""
    return sample("inmates_register.xlsx") + b"\0" * BIG


def test_the_encrypted_sample_is_a_real_password_protected_workbook():
    msoffcrypto = pytest.importorskip("msoffcrypto")
    office = msoffcrypto.OfficeFile(io.BytesIO(sample("encrypted.xlsx")))
    assert office.is_encrypted()
    office.load_key(password=ENCRYPTED_PASSWORD)
    plain = io.BytesIO()
    office.decrypt(plain)
    assert plain.getvalue() == sample("inmates_register.xlsx")


@pytest.mark.parametrize(("name", "message"), BAD_FILES)
def test_bad_files_are_refused_by_the_service(app, name, message):
    before = written(app)
    with app.app_context(), pytest.raises(ImportRefused, match=message):
        run("prison", "inmates", name)
    assert written(app) == before


def test_a_file_over_the_size_limit_is_refused_by_the_service(app):
    before = written(app)
    with app.app_context(), pytest.raises(ImportRefused, match="largest accepted is 20 MB"):
        run("prison", "inmates", "big.xlsx", data=big_file())
    assert written(app) == before


def test_a_missing_required_column_is_refused(app):
    before = written(app)
    with app.app_context():
        with pytest.raises(MappingError, match="No column is mapped to Surname"):
            run("prison", "inmates", "inmates_register.xlsx", mapping={"given_name": "Nombre"})
    assert written(app) == before


def post_upload(client, name, data):
    page = client.get("/imports/prison/inmates/upload")
    return client.post(
        "/imports/prison/inmates/upload",
        data={"csrf_token": csrf_from(page.get_data(as_text=True)),
              "file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )  # fmt: skip


@pytest.mark.parametrize(("name", "message"), BAD_FILES)
def test_bad_files_are_explained_on_the_upload_form(app, client, login_as, name, message):
    login_as("prison_records_supervisor")
    before = written(app)
    response = post_upload(client, name, sample(name))
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert written(app) == before


def test_a_50_mb_upload_is_refused_as_too_large(app, client, login_as):
    login_as("prison_records_supervisor")
    before = written(app)
    response = post_upload(client, "big.xlsx", big_file())
    assert response.status_code == 413
    assert "File too large" in response.get_data(as_text=True)
    assert written(app) == before


@pytest.mark.parametrize(("name", "message"), BAD_FILES)
def test_bad_files_are_refused_on_the_command_line(app, justice_cli, name, message):
    before = written(app)
    result = justice_cli("import", "prison", "inmates", str(DATA / name))
    assert result.exit_code == 2
    assert message in result.output
    assert written(app) == before
