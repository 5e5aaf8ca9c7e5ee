"""`justice import <app> <kind> FILE [--mapping MAP.json] [--dry-run]`: counts, exit codes."""

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

import common.cli
from common.extensions import db
from common.imports.models import ImportRun
from prison_ims.admissions.models import Admission
from tests.common.imports.helpers import DATA


@pytest.fixture
def cli(app, monkeypatch):
    monkeypatch.setattr(common.cli, "make_app", lambda: app)

    def invoke(*args):
        return CliRunner().invoke(common.cli.main, ["import", *map(str, args)])

    return invoke


def admissions(app):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Admission))


def test_dry_run_then_import_then_nothing_new(app, cli):
    dry = cli("prison", "inmates", DATA / "inmates_register.xlsx", "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "Dry run (nothing written): 6 rows read; 6 created" in dry.output
    assert admissions(app) == 0
    done = cli("prison", "inmates", DATA / "inmates_register.xlsx")
    assert done.exit_code == 0, done.output
    assert "Imported: 6 rows read; 6 created" in done.output
    assert admissions(app) == 6
    again = cli("prison", "inmates", DATA / "inmates_register.xlsx")
    assert "0 created, 0 updated, 6 skipped" in again.output
    with app.app_context():
        runs = db.session.scalars(select(ImportRun).order_by(ImportRun.id)).all()
        assert [r.status for r in runs] == ["DRY_RUN", "IMPORTED", "IMPORTED"]
        assert len({r.sha256 for r in runs}) == 1


def test_a_mapping_file_is_used(app, cli, tmp_path):
    mapping = tmp_path / "map.json"
    columns = {"surname": "Apellido", "given_name": "Nombre", "admitted_on": "Date Admitted",
               "legal_status": "Status", "offence": "Offence", "register_no": "Reg No"}  # fmt: skip
    mapping.write_text(json.dumps(columns))
    result = cli("prison", "inmates", DATA / "inmates_register.xlsx", "--mapping", mapping)
    assert result.exit_code == 0, result.output
    with app.app_context():
        run = db.session.scalar(select(ImportRun))
        assert run.mapping == columns
        assert db.session.scalar(select(Admission)).person_record.date_of_birth is None


@pytest.mark.parametrize(
    ("name", "message"),
    [("register.docx", "Word document"), ("inmates_errors.csv", "3 rows read; 0 created")],
)
def test_bad_input_exits_with_code_2_and_writes_nothing(app, cli, name, message):
    result = cli("prison", "inmates", DATA / name)
    assert result.exit_code == 2
    assert message in result.output
    assert admissions(app) == 0


def test_a_50_mb_file_is_refused_before_reading(app, cli, tmp_path):
    big = tmp_path / "big.xlsx"
    with big.open("wb") as handle:
        handle.truncate(50_000_000)
    result = cli("prison", "inmates", big)
    assert result.exit_code == 2
    assert "50.0 MB; the largest accepted is 20 MB" in result.output


def test_unknown_importer(cli):
    result = cli("lims", "items", DATA / "court_register.csv")
    assert result.exit_code == 2
    assert "known: court cases, lims cases, prison inmates" in result.output


def test_the_lab_register_is_imported_for_a_named_lab_user(app, cli, make_user):
    from lims.custody.models import CustodyEntry
    from lims.items.models import Item

    refused = cli("lims", "cases", DATA / "lab_register.xlsx")
    assert refused.exit_code == 2
    assert "--user EMAIL" in refused.output
    unknown = cli("lims", "cases", DATA / "lab_register.xlsx", "--user", "nobody@x.bz")
    assert unknown.exit_code == 2 and "no active user" in unknown.output
    email = make_user("lab_manager")
    done = cli("lims", "cases", DATA / "lab_register.xlsx", "--user", email.upper())
    assert done.exit_code == 0, done.output
    assert "Imported: 6 rows read; 6 created" in done.output
    assert "Writing rows: 6 of 6" in done.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Item)) == 6
        holders = set(db.session.scalars(select(CustodyEntry.to_label)))
        assert holders == {f"Test lab_manager ({email})"}


def test_a_stopped_import_is_resumed_with_resume(app, cli, monkeypatch):
    from common.imports.registry import get_importer

    app.config["IMPORT_BATCH_ROWS"] = 4
    importer = get_importer("prison", "inmates")
    real, calls = importer.create, []

    def create(values, user_id=None):
        calls.append(1)
        if len(calls) == 5:
            raise RuntimeError("disk full")
        return real(values, user_id)

    monkeypatch.setattr(importer, "create", create)
    stopped = cli("prison", "inmates", DATA / "inmates_register.xlsx")
    assert stopped.exit_code == 1
    assert "Stopped: disk full. Resume with --resume 1." in stopped.output
    assert admissions(app) == 4
    wrong = cli("prison", "inmates", DATA / "court_register.csv", "--resume", "1")
    assert wrong.exit_code == 2 and "not the file of run #1" in wrong.output
    monkeypatch.setattr(importer, "create", real)
    resumed = cli("prison", "inmates", DATA / "inmates_register.xlsx", "--resume", "1")
    assert resumed.exit_code == 0, resumed.output
    assert "Imported: 6 rows read; 6 created" in resumed.output
    assert admissions(app) == 6
    again = cli("prison", "inmates", DATA / "inmates_register.xlsx", "--resume", "1")
    assert again.exit_code == 2 and "imported: not resumable" in again.output
