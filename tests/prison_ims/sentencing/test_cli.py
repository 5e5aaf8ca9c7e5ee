"""`justice prison release-dates CASE.json`."""

import json

import pytest
from click.testing import CliRunner

from prison_ims.sentencing.cli import prison

GOOD_CASE = {
    "sentences": [
        {
            "id": "A",
            "start": "2024-01-10",
            "years": 2,
            "months": 6,
            "days": 0,
            "life": False,
            "consecutive_to": None,
        }
    ],
    "remand_days": 120,
    "forfeited_remission_days": 0,
}


@pytest.fixture
def runner():
    return CliRunner()


def write(tmp_path, text, name="case.json"):
    """A case file holding text."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_good_file_prints_json(runner, tmp_path):
    result = runner.invoke(prison, ["release-dates", write(tmp_path, json.dumps(GOOD_CASE))])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    # Worked in test_engine: SED 11 Mar 2026, ERD 11 May 2025.
    assert data["sentence_expiry_date"] == "2026-03-11"
    assert data["earliest_release_date"] == "2025-05-11"
    assert data["working"]
    assert result.stdout.startswith("{\n  ")


def test_reads_stdin(runner):
    result = runner.invoke(prison, ["release-dates", "-"], input=json.dumps(GOOD_CASE))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["term_days"] == 912


def test_invalid_case_exits_2_with_message(runner, tmp_path):
    bad = {"sentences": [{"id": "B", "start": "2024-01-10", "years": 1, "consecutive_to": "X"}]}
    result = runner.invoke(prison, ["release-dates", write(tmp_path, json.dumps(bad))])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Error: Sentence B: consecutive_to 'X' does not name")


def test_bad_json_exits_2_with_message(runner, tmp_path):
    result = runner.invoke(prison, ["release-dates", write(tmp_path, '{"sentences": [')])
    assert result.exit_code == 2
    assert "Error: " in result.stderr
    assert "is not valid JSON" in result.stderr
    assert "line 1" in result.stderr


def test_non_utf8_file_exits_2(runner, tmp_path):
    path = tmp_path / "case.json"
    path.write_bytes(b'{"sentences": "\xff"}')
    result = runner.invoke(prison, ["release-dates", str(path)])
    assert result.exit_code == 2
    assert "not UTF-8" in result.stderr


def test_missing_file_exits_2(runner, tmp_path):
    result = runner.invoke(prison, ["release-dates", str(tmp_path / "nope.json")])
    assert result.exit_code == 2
    assert "Error" in result.stderr
