"""`justice persons link|dedupe`: outputs and bad-input errors (exit code 2, row named)."""

import csv

from click.testing import CliRunner

from common.persons.cli import persons

HEADER = "record_id,given_name,middle_name,surname,date_of_birth,sex,district,national_id,aliases\n"


def _write(path, rows):
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def _run(*args):
    return CliRunner().invoke(persons, [str(a) for a in args])


def test_link_writes_one_match_per_record(tmp_path):
    left = _write(
        tmp_path / "l.csv",
        [
            "1,José,Luis,García López,1990-03-12,M,CY,123456789,",
            "2,Wilfred,,Young,1975-06-30,M,BZ,,",
        ],
    )
    right = _write(
        tmp_path / "r.csv",
        [
            "a,Jose,Luis,Garcia Lopez,1990-03-12,M,CY,123456789,",
            "b,Wilfred,,Young,1975-06-30,M,BZ,,",
            "c,Ana,,Pop,2001-01-01,F,TOL,,",
        ],
    )
    out = tmp_path / "links.csv"
    result = _run("link", left, right, "--out", out)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    matches = {(r["left_id"], r["right_id"]) for r in rows if r["decision"] == "match"}
    assert matches == {("1", "a"), ("2", "b")}
    assert all(r["right_id"] != "c" for r in rows)


def test_dedupe_groups_the_same_person(tmp_path):
    path = _write(
        tmp_path / "d.csv",
        [
            "1,José,Luis,García López,1990-03-12,M,CY,123456789,",
            "2,Jose,Luis,Garcia Lopez,1990-03-12,M,CY,123456789,",
            "3,Ana,,Pop,2001-01-01,F,TOL,,",
        ],
    )
    out = tmp_path / "clusters.csv"
    result = _run("dedupe", path, "--out", out)
    assert result.exit_code == 0, result.output
    clusters = {r["record_id"]: r["person_id"] for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert clusters["1"] == clusters["2"] != clusters["3"]


def test_missing_record_id_column_is_exit_2(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("given_name,surname\nAna,Pop\n", encoding="utf-8")
    result = _run("dedupe", path, "--out", tmp_path / "o.csv")
    assert result.exit_code == 2 and "record_id" in result.output


def test_duplicate_ids_name_the_row(tmp_path):
    path = _write(tmp_path / "dup.csv", ["1,Ana,,Pop,2001-01-01,F,TOL,,", "1,Luis,,Coc,,M,TOL,,"])
    result = _run("dedupe", path, "--out", tmp_path / "o.csv")
    assert result.exit_code == 2 and "duplicate" in result.output.lower() and "3" in result.output


def test_unparseable_date_names_the_row(tmp_path):
    path = _write(tmp_path / "date.csv", ["1,Ana,,Pop,31/02/2001,F,TOL,,"])
    result = _run("dedupe", path, "--out", tmp_path / "o.csv")
    assert result.exit_code == 2 and "row 2" in result.output.lower()


def test_missing_file_is_exit_2(tmp_path):
    result = _run("dedupe", tmp_path / "nope.csv", "--out", tmp_path / "o.csv")
    assert result.exit_code == 2


def test_reindex_rebuilds_keys(app, app_config, monkeypatch):
    from datetime import date

    from sqlalchemy import delete, func, select

    from common.audit.services import acting_as
    from common.extensions import db
    from common.persons.models import PersonMatchKey
    from common.persons.services import register_record
    from common.portal import create_app

    with app.app_context(), acting_as("test"):
        register_record(
            "prison",
            "B-1",
            given_name="Ana",
            surname="Pop",
            date_of_birth=date(2001, 1, 1),
            sex="F",
        )
        db.session.commit()
        keys = db.session.scalar(select(func.count()).select_from(PersonMatchKey))
        db.session.execute(delete(PersonMatchKey))
        db.session.commit()
    monkeypatch.setattr("common.cli.make_app", lambda: create_app(app_config))
    result = _run("reindex")
    assert result.exit_code == 0 and "1 record(s) indexed" in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(PersonMatchKey)) == keys > 0


def test_dedupe_archive_profile_and_training(tmp_path):
    path = _write(
        tmp_path / "d.csv",
        [
            "1,Herbert,,Williams Wynn,1860-06-06,M,CY,,",
            "2,Sir,,Williams Wynn,1860-06-06,M,CY,,",
            "3,Ana,,Pop,2001-01-01,F,TOL,,",
        ],
    )
    out = tmp_path / "clusters.csv"

    def clusters(*options):
        result = _run("dedupe", path, "--out", out, *options)
        assert result.exit_code == 0, result.output
        return {r["record_id"]: r["person_id"] for r in csv.DictReader(out.open(encoding="utf-8"))}

    assert clusters()["1"] != clusters()["2"]
    archive = clusters("--profile", "archive")
    assert archive["1"] == archive["2"] != archive["3"]
    assert clusters("--train")["3"] == "3"
    result = _run("dedupe", path, "--out", out, "--profile", "loose")
    assert result.exit_code == 2 and "loose" in result.output
