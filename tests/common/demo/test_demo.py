"""`justice demo` and `justice users create` through the real CLI."""

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from common.audit.chain import verify_chain
from common.extensions import db
from common.identity.models import User
from common.persons.models import Person, PersonRecord


@pytest.fixture
def cli(justice_cli):
    """Run `justice` commands against the test database (see tests/conftest.py)."""
    return justice_cli


def test_demo_loads_accounts_and_linked_persons_deterministically(app, cli):
    result = cli("demo", "--scale", "1")
    assert result.exit_code == 0, result.output
    assert "Demo accounts created: 15" in result.output
    with app.app_context():
        demo_users = db.session.scalar(select(func.count()).where(User.demo_account.is_(True)))
        persons = db.session.scalar(select(func.count(Person.id)))
        systems = dict(
            db.session.execute(
                select(PersonRecord.system, func.count()).group_by(PersonRecord.system)
            ).all()
        )
        shared = db.session.scalar(
            select(func.count()).select_from(
                select(PersonRecord.person_id)
                .group_by(PersonRecord.person_id)
                .having(func.count(func.distinct(PersonRecord.system)) == 3)
                .subquery()
            )
        )
        first = db.session.scalar(select(PersonRecord).order_by(PersonRecord.id))
        assert verify_chain(db.session.connection(), app.config["AUDIT_KEY"]).ok
    # 1,000 persons shared by the three registers and 4,000 known only to the prison.
    assert demo_users == 15 and persons == 5000
    assert "Prison cells created: 142; persons known only to the prison: 4000" in result.output
    assert set(systems) == {"prison", "lims", "court"}
    assert shared > 20, "some people must appear in all three systems"
    assert first.source_ref.startswith("DEMO-") and first.surname
    _cross_system_demo_holds_together(app, result.output)
    again = cli("demo")
    assert "already loaded" in again.output


def _cross_system_demo_holds_together(app, output):
    """Linked lab and court cases, adjournments awaiting the lab, remand days attributed."""
    from common.flows.services import remand_delay_summary
    from common.links.models import CaseLink, LabWait
    from common.links.services import holding_up_court_cases
    from court_cms.hearings.models import Hearing

    assert "Lab cases linked to court cases: 60" in output
    with app.app_context():
        assert db.session.scalar(select(func.count(CaseLink.id))) == 60
        waits = db.session.scalars(select(LabWait)).all()
        assert waits, "some adjournments must be awaiting the lab"
        for wait in waits:
            adjourned = db.session.get(Hearing, wait.hearing_id)
            assert adjourned.reason.code == "AWAIT_FORENSIC"
            assert adjourned.case_id == wait.court_case_id
        assert holding_up_court_cases(), "the lab's panel must list requests"
        summary = remand_delay_summary()
        assert summary["total"] > 0 and summary["episodes"] > 0


def test_demo_is_refused_in_production(app, app_config, monkeypatch):
    from common.cli import main
    from common.portal import create_app
    from tests.conftest import production_config

    prod = production_config(app_config)
    monkeypatch.setattr("common.cli.make_app", lambda: create_app(prod))
    result = CliRunner().invoke(main, ["demo"])
    assert result.exit_code == 2 and "never loaded into a production" in result.output


def test_users_create_and_its_errors(app, cli):
    ok = cli(
        "users",
        "create",
        "--email",
        "Clerk@Court.bz",
        "--role",
        "court_clerk",
        "--name",
        "Ana Cal",
        "--password",
        "Long-Enough-Password-7",
    )
    assert ok.exit_code == 0, ok.output
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == "clerk@court.bz"))
        assert [r.name for r in user.roles] == ["court_clerk"] and user.agency.code == "JUD"
    dup = cli(
        "users",
        "create",
        "--email",
        "clerk@court.bz",
        "--role",
        "court_clerk",
        "--password",
        "Long-Enough-Password-7",
    )
    assert dup.exit_code == 2 and "already exists" in dup.output
    weak = cli(
        "users", "create", "--email", "x@court.bz", "--role", "court_clerk", "--password", "short"
    )
    assert weak.exit_code == 2 and "12" in weak.output
