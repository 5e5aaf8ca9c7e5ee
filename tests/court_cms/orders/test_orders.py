"""Orders, warrants with expiry, remand alarms, sentences of every kind, appeals."""

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from common.audit.services import acting_as
from common.extensions import db
from court_cms.appeals.services import appeal_deadline, decide_appeal, lodge_appeal
from court_cms.errors import CourtError
from court_cms.orders.models import Sentence
from court_cms.orders.services import end_order, expired_remands, expired_warrants, make_order
from court_cms.sentences.services import record_sentence
from tests.conftest import csrf_from
from tests.court_cms.helpers import charge, convict, days_ago, defendant, file
from tests.court_cms.http import case_on_file, page, unfolded


def _order(case, party, kind, made, expires=None, **extra):
    data = {"kind": kind, "made_on": made, "expires_on": expires, **extra}
    with acting_as("test"):
        return make_order(case, party, data)


def test_remand_needs_a_next_date_and_raises_an_alarm_when_it_runs_out(app):
    with app.app_context(), acting_as("test"):
        case = file()
        party = defendant(case)
        with pytest.raises(CourtError, match="next court date"):
            _order(case, party, "REMAND", days_ago(20))
        old = _order(case, party, "REMAND", days_ago(20), days_ago(6))
        assert party.in_custody
        assert expired_remands() == [old]
        _order(case, party, "REMAND", days_ago(6), days_ago(-1))
        assert old.ended_on == days_ago(6) and expired_remands() == []
        with pytest.raises(CourtError, match="bail conditions"):
            _order(case, party, "BAIL", days_ago(1))


def test_warrants_expire_and_are_ended_not_deleted(app):
    with app.app_context(), acting_as("test"):
        case = file()
        party = defendant(case)
        with pytest.raises(CourtError, match="expiry date of the warrant of arrest"):
            _order(case, party, "WARRANT_ARREST", days_ago(40))
        warrant = _order(case, party, "WARRANT_ARREST", days_ago(40), days_ago(10))
        assert expired_warrants() == [warrant]
        with pytest.raises(CourtError, match="Give the reason"):
            end_order(warrant, days_ago(1), "", warrant.version)
        end_order(warrant, days_ago(1), "Executed: arrested in Belmopan", warrant.version)
        assert expired_warrants() == [] and warrant.ended_reason.startswith("Executed")


def test_sentences_of_every_kind(app):
    with app.app_context(), acting_as("test"):
        case = file()
        party = defendant(case)
        counts = [charge(party, i) for i in range(5)]
        for count in counts:
            convict(count, days_ago(10))
        day = days_ago(5)
        prison = record_sentence(counts[0], {"kind": "CUSTODIAL", "imposed_on": day, "years": 5})
        life = record_sentence(counts[1], {"kind": "CUSTODIAL", "imposed_on": day, "life": True})
        after = record_sentence(
            counts[2],
            {"kind": "CUSTODIAL", "imposed_on": day, "months": 6, "consecutive_to_id": prison.id},
        )
        fine = record_sentence(
            counts[3], {"kind": "FINE", "imposed_on": day, "fine_amount": Decimal("1500")}
        )
        suspended = record_sentence(
            counts[4],
            {"kind": "SUSPENDED", "imposed_on": day, "years": 1, "suspended_for_months": 24},
        )
        assert prison.start_on == day and prison.summary.startswith("Imprisonment, 5 years")
        assert life.summary.startswith("Imprisonment, life")
        assert after.consecutive_to_id == prison.id and "consecutive" in after.summary
        assert fine.summary == "Fine of BZ$ 1,500.00" and fine.start_on is None
        assert suspended.summary == "Imprisonment, 1 year, suspended for 24 months"
        community = record_sentence(
            counts[3], {"kind": "COMMUNITY", "imposed_on": day, "community_hours": 120}
        )
        probation = record_sentence(counts[3], {"kind": "PROBATION", "imposed_on": day, "years": 2})
        assert community.summary == "Community service, 120 hours"
        assert probation.summary == "Probation, 2 years"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "CUSTODIAL"}, "term of imprisonment"),
        ({"kind": "FINE"}, "amount of the fine"),
        ({"kind": "COMMUNITY"}, "hours of community service"),
        ({"kind": "SUSPENDED", "years": 1}, "months for which the term is suspended"),
        ({"kind": "PROBATION"}, "period of probation"),
        ({"kind": "FINE", "fine_amount": 5, "life": True}, "Only imprisonment can be for life"),
    ],
)
def test_a_sentence_missing_what_its_kind_needs_is_refused(app, data, message):
    with app.app_context(), acting_as("test"):
        count = charge(defendant(file()))
        convict(count, days_ago(10))
        with pytest.raises(CourtError, match=message):
            record_sentence(count, {"imposed_on": days_ago(5), **data})
        db.session.rollback()
        assert db.session.scalar(select(func.count()).select_from(Sentence)) == 0


def test_unconvicted_charge_cannot_be_sentenced(app):
    with app.app_context(), acting_as("test"):
        count = charge(defendant(file()))
        with pytest.raises(CourtError, match="Only a charge with a conviction"):
            record_sentence(count, {"kind": "FINE", "imposed_on": days_ago(1), "fine_amount": 1})


def test_appeal_deadline_is_a_setting_and_late_appeals_are_refused(app):
    app.config["COURT_APPEAL_DAYS"] = 14
    with app.app_context(), acting_as("test"):
        case = file()
        party = defendant(case)
        count = charge(party)
        convict(count, days_ago(30))
        record_sentence(count, {"kind": "CUSTODIAL", "imposed_on": days_ago(20), "years": 2})
        assert appeal_deadline(party) == days_ago(20) + timedelta(days=14)
        with pytest.raises(CourtError, match="out of time"):
            lodge_appeal(case, party, days_ago(5), "")
        appeal = lodge_appeal(case, party, days_ago(10), "Sentence manifestly excessive")
        with pytest.raises(CourtError, match="between lodging"):
            decide_appeal(appeal, "DISMISSED", days_ago(11), "", appeal.version)
        decide_appeal(appeal, "VARIED", days_ago(2), "Reduced to 18 months", appeal.version)
        assert appeal.outcome == "VARIED" and appeal.outcome_on == days_ago(2)
        with pytest.raises(CourtError, match="already recorded"):
            decide_appeal(appeal, "DISMISSED", days_ago(1), "", appeal.version)


def test_clerk_records_a_custodial_sentence_over_http(app, client, login_as):
    case_id, _party, charge_id = case_on_file(app)
    with app.app_context():
        from court_cms.cases.models import Charge

        convict(db.session.get(Charge, charge_id), days_ago(3))
        db.session.commit()
    login_as("court_clerk")
    detail = unfolded(client, page(client, f"/court/cases/{case_id}"))
    assert "Record the sentence" in detail
    form = {
        "csrf_token": csrf_from(detail),
        "charge_id": str(charge_id),
        "kind": "CUSTODIAL",
        "imposed_on": days_ago(1).isoformat(),
        "consecutive_to_id": "0",
    }
    refused = client.post(f"/court/cases/{case_id}/sentences", data=form)
    assert refused.status_code == 422 and "term of imprisonment" in refused.get_data(True)
    done = client.post(f"/court/cases/{case_id}/sentences", data={**form, "years": "3"})
    assert done.status_code == 302
    assert "Imprisonment, 3 years (concurrent" in page(client, f"/court/cases/{case_id}")


def test_home_page_shows_expired_remands(app, client, login_as):
    with app.app_context(), acting_as("test"):
        case = file()
        _order(case, defendant(case), "REMAND", days_ago(20), days_ago(2))
        db.session.commit()
    login_as("court_clerk")
    home = page(client, "/court/")
    assert "1 remand order(s) have run out" in home and "Castillo" in home
