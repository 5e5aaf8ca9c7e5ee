"""Accepting court sentences into a remand file: offences, remand credit, consecutive terms."""

from datetime import timedelta

from sqlalchemy import select

from common.audit.services import acting_as
from common.extensions import db
from common.inbox.models import InboxItem
from court_cms.sentences.services import record_sentence
from prison_ims.inbox.services import accept_into_existing
from prison_ims.sentences.models import PrisonSentence, RemandCredit
from prison_ims.sentences.services import current_calculation
from prison_ims.times import now_utc
from tests.court_cms.helpers import charge, convict, days_ago, defendant, file
from tests.prison_ims.helpers import admit


def _accept_latest(admission):
    item = db.session.scalars(select(InboxItem).order_by(InboxItem.id.desc())).first()
    with acting_as("test"):
        return accept_into_existing(item.id, item.version, admission.id)


def test_consecutive_court_sentences_stay_consecutive_and_remand_is_credited(app):
    with app.app_context():
        case = file()
        party = defendant(case)
        admission = admit(party.person.public_id, admitted_at=now_utc() - timedelta(days=10))
        first, second = charge(party, 0), charge(party, 3)
        for count in (first, second):
            convict(count, on=days_ago(1))
        with acting_as("test"):
            earlier = record_sentence(
                first, {"kind": "CUSTODIAL", "imposed_on": days_ago(1), "years": 2}
            )
        _accept_latest(admission)
        with acting_as("test"):
            record_sentence(
                second,
                {
                    "kind": "CUSTODIAL",
                    "imposed_on": days_ago(1),
                    "years": 1,
                    "consecutive_to_id": earlier.id,
                },
            )
        acceptance = _accept_latest(admission)
        db.session.commit()

        s1, s2 = db.session.scalars(select(PrisonSentence).order_by(PrisonSentence.id)).all()
        assert s2.consecutive_to_id == s1.id and s2.start_date is None
        assert s1.start_date == days_ago(1) and (s1.years, s2.years) == (2, 1)
        assert {o.national_offence_id for o in admission.offences} >= {
            first.national_offence_id,
            second.national_offence_id,
        }
        credit = db.session.scalars(select(RemandCredit)).one()
        assert credit.days == 10
        calc = current_calculation(admission.id)
        assert calc.state == "PRELIMINARY" and calc.inputs["remand_days"] == 10
        assert acceptance.calculation_id == calc.id
        assert admission.legal_status == "SENTENCED"


def test_a_sentence_accepted_into_a_new_admission_is_drafted_for_confirmation(app):
    from prison_ims.inbox.services import accept_into_new
    from tests.prison_ims.helpers import admission_data

    with app.app_context():
        case = file()
        party = defendant(case)
        count = charge(party)
        convict(count, on=days_ago(2))
        with acting_as("test"):
            record_sentence(count, {"kind": "CUSTODIAL", "imposed_on": days_ago(2), "months": 6})
        item = db.session.scalars(select(InboxItem)).one()
        data = admission_data(
            authority_type="SENTENCE_WARRANT",
            legal_status="SENTENCED",
            offences=[(count.national_offence_id, "")],
        )
        with acting_as("test"):
            acceptance = accept_into_new(item.id, item.version, data)
        admission = acceptance.admission
        assert acceptance.new_admission and admission.person_id == party.person_id
        assert db.session.scalars(select(RemandCredit)).all() == []
        assert len(admission.offences) == 1
        assert current_calculation(admission.id).state == "PRELIMINARY"
        assert item.state == "ACCEPTED"
