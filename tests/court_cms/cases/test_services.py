"""Case rules: numbering, duplicates, parties through the person index, charges, outcomes."""

from datetime import date

import pytest
from sqlalchemy import func, select

from common.audit.models import AuditEntry
from common.audit.services import acting_as
from common.extensions import db
from common.locking import ConflictError
from common.persons.models import PersonRecord
from common.persons.services import register_record
from common.timefmt import belize_today
from court_cms.cases.models import Case, CaseStatusChange, Charge, Party
from court_cms.cases.services import add_party, change_status, search_cases
from court_cms.errors import CourtError
from tests.court_cms.helpers import (
    charge,
    convict,
    court,
    days_ago,
    defendant,
    file,
    outcome,
)


def _count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_case_numbers_run_per_court_type_and_year(app):
    with app.app_context():
        year = days_ago(60).year
        first, second = file(), file()
        other_court = file("MCBZ")
        assert first.case_number == f"SC-CR-{year}-0001"
        assert second.case_number == f"SC-CR-{year}-0002"
        assert other_court.case_number == f"MCBZ-CR-{year}-0001"
        last_year = file(filed_on=date(year - 1, 6, 1))
        assert last_year.case_number == f"SC-CR-{year - 1}-0001"
        assert [s.to_status for s in first.status_history] == ["PENDING"]
        db.session.commit()
        audited = db.session.scalar(select(func.count()).where(AuditEntry.entity_type == "Case"))
        assert audited == 4


def test_case_number_format_is_a_setting(app):
    app.config["COURT_CASE_NUMBER_FORMAT"] = "{year}/{court}/{seq:03d}"
    with app.app_context():
        assert file().case_number == f"{days_ago(60).year}/SC/001"


def test_duplicate_case_number_is_refused_and_nothing_saved(app):
    with app.app_context():
        file(case_number="SC-CR-2025-0142")
        db.session.commit()
        with pytest.raises(CourtError, match="SC-CR-2025-0142 is already registered") as refused:
            file(case_number="sc-cr-2025-0142")
        assert refused.value.field == "case_number"
        db.session.rollback()
        assert _count(Case) == 1
        assert _count(CaseStatusChange) == 1


def test_future_filing_and_unknown_court_are_refused(app):
    with app.app_context():
        with pytest.raises(CourtError, match="future") as refused:
            file(filed_on=belize_today().replace(year=belize_today().year + 1))
        assert refused.value.field == "filed_on"
        with pytest.raises(CourtError, match="Choose the court"):
            file(court_id=99999)


def test_party_links_to_the_person_the_clerk_chose(app):
    with app.app_context(), acting_as("test"):
        prison = register_record(
            "prison", "BCP-2026-00007", given_name="Marvin", surname="Castillo", sex="M"
        )
        case = file()
        chosen = defendant(case, prison.person.public_id)
        new = add_party(
            case, "WITNESS", None, {"given_name": "Ana", "surname": "Flowers", "sex": "F"}
        )
        assert chosen.person_id == prison.person_id
        assert chosen.record.system == "court"
        assert new.person_id != prison.person_id
        assert chosen.counsel == "A. Sylvestre"
        with pytest.raises(CourtError, match="already a defendant"):
            defendant(case, prison.person.public_id)


def test_charges_are_laid_on_defendants_only_and_numbered(app):
    with app.app_context(), acting_as("test"):
        case = file()
        accused = defendant(case)
        witness = add_party(case, "WITNESS", None, {"given_name": "A", "surname": "B", "sex": "F"})
        assert [charge(accused).count_number, charge(accused, 1).count_number] == [1, 2]
        with pytest.raises(CourtError, match="defendants only"):
            charge(witness)


def test_verdict_on_a_withdrawn_charge_is_refused_and_the_charge_unchanged(app):
    with app.app_context():
        case = file()
        count = charge(defendant(case))
        outcome(count, disposition="WITHDRAWN", disposition_on=days_ago(5))
        db.session.commit()
        version = count.version
        with pytest.raises(CourtError, match="withdrawn: no verdict") as refused:
            outcome(count, verdict="GUILTY")
        assert refused.value.field == "verdict"
        db.session.rollback()
        stored = db.session.get(Charge, count.id)
        assert stored.verdict is None and stored.version == version


def test_outcome_rules(app):
    with app.app_context():
        case = file()
        count = charge(defendant(case))
        with pytest.raises(CourtError, match="needs a guilty plea or a guilty verdict"):
            outcome(count, disposition="CONVICTED", disposition_on=days_ago(1))
        with pytest.raises(CourtError, match="acquittal needs a verdict of not guilty"):
            outcome(count, verdict="GUILTY", disposition="ACQUITTED", disposition_on=days_ago(1))
        with pytest.raises(CourtError, match="date of the disposition"):
            outcome(count, plea="GUILTY", disposition="CONVICTED")
        with pytest.raises(CourtError, match="before the case was filed"):
            outcome(count, plea="GUILTY", plea_on=days_ago(400))
        with pytest.raises(CourtError, match="withdrawn, discontinued"):
            outcome(count, verdict="GUILTY", disposition="WITHDRAWN", disposition_on=days_ago(1))


def test_stale_outcome_form_is_refused(app):
    with app.app_context(), acting_as("test"):
        from court_cms.cases.services import record_outcome

        count = charge(defendant(file()))
        with pytest.raises(ConflictError):
            record_outcome(count, {"plea": "GUILTY"}, count.version + 1)


def test_case_is_disposed_when_every_charge_is_and_can_be_reopened(app):
    with app.app_context(), acting_as("test"):
        case = file()
        accused = defendant(case)
        first, second = charge(accused), charge(accused, 1)
        convict(first, days_ago(20))
        assert case.status == "PENDING"
        outcome(second, disposition="NOLLE_PROSEQUI", disposition_on=days_ago(15))
        assert case.status == "DISPOSED" and case.disposed_on == days_ago(15)
        with pytest.raises(CourtError, match="reopen it"):
            charge(accused)
        change_status(case, "REOPENED", days_ago(2), "Retrial ordered on appeal", case.version)
        assert case.disposed_on is None
        history = [(s.to_status, s.reason) for s in case.status_history]
        assert history == [
            ("PENDING", "Filed"),
            ("DISPOSED", "Every charge disposed of"),
            ("REOPENED", "Retrial ordered on appeal"),
        ]
        with pytest.raises(CourtError, match="Give the reason"):
            change_status(case, "TRANSFERRED", days_ago(1), "  ", case.version)
        with pytest.raises(CourtError, match="future"):
            change_status(case, "TRANSFERRED", date(2999, 1, 1), "x", case.version)


def test_search_finds_by_number_police_number_and_party(app):
    with app.app_context():
        case = file(police_case_number="OW-77")
        defendant(case)
        file()
        db.session.commit()
        assert [c.id for c in search_cases("castillo").items] == [case.id]
        assert [c.id for c in search_cases("OW-77").items] == [case.id]
        assert [c.id for c in search_cases("ow-77 CASTILLO").items] == [case.id]  # every word
        assert search_cases("castillo OW-78").total == 0
        assert search_cases("nobody-by-this-name").total == 0  # no party matches at all
        assert search_cases("", court_id=court("MCBZ").id).total == 0
        assert _count(Party) == 1
        assert _count(PersonRecord) == 1
