"""Feeds → `justice bco pull` → `justice bco indicators`: totals equal the source counts."""

import csv

from sqlalchemy import func, select

from common.exports.consumer import repository
from common.exports.indicators import age_band, compute, load, suppressed
from common.extensions import db
from common.timefmt import belize_today
from tests.common.exports.helpers import DEFENDANT, file_court_case, make_token
from tests.common.exports.test_lims_feeds import lab_case_with_suspect
from tests.prison_ims.helpers import admit


def test_age_bands_and_suppression():
    assert [age_band(a) for a in (None, 16, 18, 30, 49, 50)] == [
        "unknown",
        "0-17",
        "18-24",
        "25-34",
        "35-49",
        "50+",
    ]
    assert suppressed(4) == "<5" and suppressed(0) == "<5" and suppressed(5) == 5


def test_indicators_from_the_repository_match_the_sources(app, live_server, justice_cli, tmp_path):
    from court_cms.cases.models import Case
    from prison_ims.admissions.models import Admission

    with app.app_context():
        prison_person = admit().person.public_id
        for n in range(5):
            admit(given_name=f"Kevin{n}", surname="Young", national_id=f"0001{n}")
        admit(given_name="Ana", surname="Pop", sex="F", national_id="0002")
        db.session.commit()
    file_court_case(app)
    file_court_case(app, {**DEFENDANT, "given_name": "Rosa", "national_id": "000999111"})
    lab_case_with_suspect(app)
    with app.app_context():
        from court_cms.cases.services import add_charge, add_party

        case = db.session.get(Case, 1)
        party = add_party(case, "DEFENDANT", prison_person, {"given_name": "Marvin"})
        add_charge(party, case.parties[0].charges[0].national_offence_id)
        db.session.commit()
        admissions = db.session.scalar(select(func.count(Admission.id)))
        filings = db.session.scalar(select(func.count(Case.id)))
    repo = f"sqlite:///{tmp_path / 'bco.db'}"
    args = []
    for app_name in ("prison", "lims", "court"):
        token = make_token(app, app_name, "bco")
        args += ["--source", f"{app_name}={live_server}/{app_name}/api/export/v1/,{token}"]
    assert justice_cli("bco", "pull", *args, "--into", repo).exit_code == 0

    counts, _medians = compute(load(repository(repo)), today=belize_today())
    total = lambda name: sum(v for k, v in counts.items() if k[0] == name)  # noqa: E731
    assert total("prison_admissions") == admissions == 7
    this_month = f"{belize_today():%Y-%m}"
    population = sum(v for k, v in counts.items() if k[:2] == ("prison_population", this_month))
    assert population == 7
    assert total("court_filings") == filings == 2
    # The prisoner Marvin is charged in court too: one person seen by two systems.
    assert counts[("persons_in_more_than_one_system", "", "", "", "")] == 1

    out = tmp_path / "indicators.csv"
    result = justice_cli("bco", "indicators", "--from", repo, "--out", str(out))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open()))
    admitted = [r for r in rows if r["indicator"] == "prison_admissions"]
    men = [r for r in admitted if r["sex"] == "M" and r["age_band"] == "35-49"]
    women = [r for r in admitted if r["sex"] == "F"]
    assert [r["value"] for r in men] == ["6"] and [r["value"] for r in women] == ["<5"]
    assert all(r["value"] == "<5" for r in rows if r["indicator"] == "court_filings")
