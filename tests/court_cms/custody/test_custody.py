"""What court orders send to the prison, in the same transaction as the order."""

import pytest
from sqlalchemy import select

from common.audit.services import acting_as
from common.extensions import db
from common.inbox.models import InboxItem, ProductionListing
from court_cms.appeals.services import decide_appeal, lodge_appeal
from court_cms.errors import CourtError
from court_cms.orders.services import make_order
from court_cms.sentences.services import record_sentence
from tests.court_cms.helpers import (
    charge,
    convict,
    days_ago,
    defendant,
    file,
    hearing,
    outcome,
)


def _items():
    return db.session.scalars(select(InboxItem).order_by(InboxItem.id)).all()


def _remand(case, party, runs_to=None):
    with acting_as("test"):
        return make_order(
            case,
            party,
            {"kind": "REMAND", "made_on": days_ago(1), "expires_on": runs_to or days_ago(-13)},
        )


def test_a_remand_sends_the_person_case_order_and_next_court_date(app):
    with app.app_context():
        case = file()
        party = defendant(case)
        charge(party)
        _remand(case, party)
        (item,) = _items()
        assert (item.kind, item.sender, item.receiver) == ("remand_order", "court", "prison")
        assert item.person_id == party.person_id and item.case_reference == case.case_number
        assert item.next_court_date == days_ago(-13) and item.next_court == case.court.name
        assert item.details["identity"]["surname"] == "Castillo"
        assert item.details["offences"][0]["count"] == 1


def test_a_refused_order_sends_nothing(app):
    with app.app_context():
        case = file()
        party = defendant(case)
        with acting_as("test"), pytest.raises(CourtError):
            make_order(case, party, {"kind": "REMAND", "made_on": days_ago(1)})
        assert _items() == []


def test_a_fine_for_a_remanded_defendant_frees_them_once(app):
    with app.app_context():
        case = file()
        party = defendant(case)
        count = charge(party)
        _remand(case, party)
        convict(count)
        with acting_as("test"):
            record_sentence(count, {"kind": "FINE", "imposed_on": days_ago(5), "fine_amount": 500})
        kinds = [i.kind for i in _items()]
        assert kinds == ["remand_order", "release_action"]
        assert "Fine of BZ$ 500.00" in _items()[-1].details["release"]["reason"]


def test_an_acquittal_of_someone_never_held_sends_nothing(app):
    with app.app_context():
        case = file()
        count = charge(defendant(case))
        outcome(count, verdict="NOT_GUILTY", disposition="ACQUITTED", disposition_on=days_ago(2))
        assert _items() == []


def test_release_waits_for_the_last_count(app):
    with app.app_context():
        case = file()
        party = defendant(case)
        first, second = charge(party), charge(party, 1)
        _remand(case, party)
        outcome(first, disposition="WITHDRAWN", disposition_on=days_ago(3))
        assert [i.kind for i in _items()] == ["remand_order"]
        outcome(second, verdict="NOT_GUILTY", disposition="ACQUITTED", disposition_on=days_ago(2))
        release = _items()[-1]
        assert release.kind == "release_action" and release.ordered_on == days_ago(2)
        assert "acquitted, withdrawn" in release.details["release"]["reason"]


def test_an_appeal_allowed_frees_a_sentenced_defendant(app):
    with app.app_context():
        case = file()
        party = defendant(case)
        count = charge(party)
        convict(count, on=days_ago(20))
        with acting_as("test"):
            record_sentence(count, {"kind": "CUSTODIAL", "imposed_on": days_ago(20), "years": 3})
            appeal = lodge_appeal(case, party, days_ago(10), "Misdirection")
            decide_appeal(appeal, "ALLOWED", days_ago(1), "Conviction quashed", appeal.version)
        assert [i.kind for i in _items()] == ["custodial_sentence", "release_action"]
        assert _items()[-1].details["release"]["reason"] == "Appeal allowed: Conviction quashed"


def test_a_defendant_added_after_listing_is_on_the_listing(app):
    with app.app_context():
        case = file()
        first = defendant(case)
        listed = hearing(case, on=days_ago(-2))
        second = defendant(case, given_name="Kevin", surname="Flowers", date_of_birth=None)
        people = set(
            db.session.scalars(
                select(ProductionListing.person_id).where(ProductionListing.hearing_id == listed.id)
            )
        )
        assert people == {first.person_id, second.person_id}
