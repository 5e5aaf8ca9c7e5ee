"""Header mapping proposals and register date formats."""

from datetime import date

import pytest

from common.imports.mapping import propose_mapping
from common.imports.registry import get_importer
from common.imports.values import Context, ValueProblem, to_date


def test_spanish_english_accented_headers_are_mapped(app):
    with app.app_context():
        fields = get_importer("prison", "inmates").fields
    headers = ["APELLIDO", "  Given  Name", "Fecha de nacimiento", "D.O.B.", "Délito", "Estado"]
    proposal = propose_mapping(headers, fields)
    assert proposal["surname"] == "APELLIDO"
    assert proposal["given_name"] == "  Given  Name"
    assert proposal["date_of_birth"] == "Fecha de nacimiento"  # first one wins
    assert proposal["offence"] == "Délito"
    assert proposal["legal_status"] == "Estado"


@pytest.mark.parametrize(
    ("value", "expected", "warns"),
    [
        ("12/03/2019", date(2019, 3, 12), True),
        ("25/03/2019", date(2019, 3, 25), False),
        ("2019-03-12", date(2019, 3, 12), False),
        ("12-Mar-19", date(2019, 3, 12), False),
        ("12-abr-2019", date(2019, 4, 12), False),
        ("05-Jun-67", date(1967, 6, 5), False),
        (43536, date(2019, 3, 12), False),
        ("43536", date(2019, 3, 12), False),
        ("03/25/2019", date(2019, 3, 25), True),
    ],
)
def test_register_dates(value, expected, warns):
    ctx = Context()
    assert to_date(value, ctx) == expected
    assert bool(ctx.warnings) == warns


@pytest.mark.parametrize("value", ["31/02/2019", "sometime 2019", "2019-13-01"])
def test_impossible_dates_are_problems(value):
    with pytest.raises(ValueProblem):
        to_date(value, Context())
