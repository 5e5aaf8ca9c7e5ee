"""Files that are not a register are refused with a clear message and nothing written."""

import pytest
from sqlalchemy import func, select

from common.extensions import db
from common.imports.mapping import MappingError
from common.imports.models import ImportRun
from common.imports.reader import ImportRefused
from tests.common.imports.helpers import run, sample


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("register.docx", "Word document"),
        ("empty.csv", "empty"),
        ("no_header.csv", "No header row found"),
        ("formulas.xlsx", "formulas without a saved result"),
        ("encrypted.xlsx", "password-protected"),
    ],
)
def test_bad_files_are_refused(app, name, message):
    with app.app_context():
        with pytest.raises(ImportRefused, match=message):
            run("prison", "inmates", name)
        assert db.session.scalar(select(func.count()).select_from(ImportRun)) == 0


def test_a_file_over_the_size_limit_is_refused(app):
    with app.app_context():
        data = sample("inmates_register.xlsx") + b"\0" * 50_000_000
        with pytest.raises(ImportRefused, match="largest accepted is 20 MB"):
            run("prison", "inmates", "big.xlsx", data=data)


def test_a_missing_required_column_is_refused(app):
    with app.app_context():
        with pytest.raises(MappingError, match="No column is mapped to Surname"):
            run("prison", "inmates", "inmates_register.xlsx", mapping={"given_name": "Nombre"})
