"""`justice bco pull` against the real apps over HTTP: incremental, idempotent, deletes."""

from sqlalchemy import create_engine, func, select

from common.audit.services import acting_as
from common.exports.consumer import records
from common.extensions import db
from tests.common.exports.helpers import file_court_case, make_token
from tests.prison_ims.helpers import admit


def _repository_counts(url):
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(
            select(records.c.source, records.c.dataset, func.count()).group_by(
                records.c.source, records.c.dataset
            )
        ).all()
    engine.dispose()
    return {(s, d): n for s, d, n in rows}


def test_pull_stores_every_record_then_only_changes(app, live_server, justice_cli, tmp_path):
    from court_cms.cases.models import Charge
    from court_cms.cases.services import record_outcome
    from court_cms.hearings.models import Hearing

    ids = file_court_case(app)
    with app.app_context():
        admit()
        db.session.commit()
    repo = f"sqlite:///{tmp_path / 'bco.db'}"
    sources = [
        "--source",
        f"prison={live_server}/prison/api/export/v1/,{make_token(app, 'prison', 'bco')}",
        "--source",
        f"court={live_server}/court/api/export/v1,{make_token(app, 'court', 'bco')}",
    ]
    first = justice_cli("bco", "pull", *sources, "--into", repo)
    assert first.exit_code == 0, first.output
    assert "court/charges: 1 read, 1 stored" in first.output
    counts = _repository_counts(repo)
    assert counts[("court", "charges")] == 1 and counts[("prison", "admissions")] == 1
    assert counts[("court", "hearings")] == 1 and counts[("prison", "remand_episodes")] == 1

    again = justice_cli("bco", "pull", *sources, "--into", repo)
    assert again.exit_code == 0 and " stored" in again.output
    stored = [line for line in again.output.splitlines() if "stored" in line]
    assert len(stored) == 9 and all(line.endswith(" 0 stored") for line in stored)

    with app.app_context(), acting_as("test"):
        charge = db.session.get(Charge, ids["charge"])
        record_outcome(charge, {"plea": "GUILTY", "plea_on": charge.party.case.filed_on}, 1)
        db.session.delete(db.session.get(Hearing, ids["hearing"]))
        db.session.commit()
    third = justice_cli("bco", "pull", *sources, "--into", repo)
    assert "court/charges: 1 read, 1 stored" in third.output
    assert "court/hearings: 1 read, 1 stored" in third.output
    assert ("court", "hearings") not in _repository_counts(repo)
    engine = create_engine(repo)
    with engine.connect() as conn:
        data = conn.execute(select(records.c.data).where(records.c.dataset == "charges")).scalar()
    engine.dispose()
    assert data["plea"] == "GUILTY"


def test_a_bad_source_or_token_is_refused_with_exit_code_2(app, live_server, justice_cli, tmp_path):
    repo = f"sqlite:///{tmp_path / 'bco.db'}"
    malformed = justice_cli("bco", "pull", "--source", "prison", "--into", repo)
    assert malformed.exit_code == 2 and "NAME=URL,TOKEN" in malformed.output
    scheme = justice_cli("bco", "pull", "--source", "prison=file:///etc/passwd,x", "--into", repo)
    assert scheme.exit_code == 2 and "http://" in scheme.output
    url = f"{live_server}/prison/api/export/v1/"
    bad = justice_cli("bco", "pull", "--source", f"prison={url},wrong", "--into", repo)
    assert bad.exit_code == 2 and "401" in bad.output
