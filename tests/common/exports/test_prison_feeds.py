"""Prison feeds: admissions, offences, releases and remand episodes, keyed like the court's."""

from datetime import timedelta

from common.audit.services import acting_as
from common.extensions import db
from prison_ims.times import now_utc
from tests.common.exports.helpers import bearer, file_court_case, make_token
from tests.prison_ims.helpers import admit

BASE = "/prison/api/export/v1"


def _records(client, token, dataset, cursor=None):
    query = {"cursor": cursor} if cursor else {}
    response = client.get(f"{BASE}/{dataset}", query_string=query, headers=bearer(token))
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    return body["records"], body["next_cursor"]


def _admit(app, **overrides):
    with app.app_context():
        admission = admit(**overrides)
        db.session.commit()
        return admission.id, admission.person.public_id


def test_an_admission_its_offence_and_its_remand_episode_are_exported(app, client):
    admission_id, _ = _admit(app)
    token = make_token(app, "prison", "bco")
    (admission,), _ = _records(client, token, "admissions")
    assert admission["record_id"] == str(admission_id)
    assert admission["legal_status"] == "REMAND" and admission["sex"] == "M"
    assert admission["district"] == "BZ" and admission["admitted_at"].endswith("Z")
    (offence,), _ = _records(client, token, "admission_offences")
    assert offence["admission_id"] == admission_id and offence["iccs_code"]
    (episode,), _ = _records(client, token, "remand_episodes")
    assert episode["ongoing"] is True and episode["ended_at"] is None


def test_a_status_change_ends_the_remand_episode_in_the_feed(app, client):
    from prison_ims.admissions.models import Admission
    from prison_ims.admissions.services import change_legal_status

    admission_id, _ = _admit(app, admitted_at=now_utc() - timedelta(days=20))
    token = make_token(app, "prison", "bco")
    _, cursor = _records(client, token, "remand_episodes")
    with app.app_context(), acting_as("test"):
        admission = db.session.get(Admission, admission_id)
        change_legal_status(admission, "CONVICTED_UNSENTENCED", "Convicted", admission.version)
        db.session.commit()
    changed, _ = _records(client, token, "remand_episodes", cursor)
    assert len(changed) == 1
    assert changed[0]["ongoing"] is False and changed[0]["duration_days"] >= 19
    admissions, _ = _records(client, token, "admissions")
    assert admissions[-1]["legal_status"] == "CONVICTED_UNSENTENCED"


def test_the_same_person_has_the_same_key_in_the_prison_and_court_feeds(app, client):
    from court_cms.cases.models import Party

    _, public_id = _admit(app)
    ids = file_court_case(app)
    with app.app_context(), acting_as("test"):
        # The clerk picks the inmate from the index for a second case.
        from court_cms.cases.models import Case
        from court_cms.cases.services import add_charge, add_party

        case = db.session.get(Case, ids["case"])
        party = add_party(case, "DEFENDANT", public_id, {"given_name": "Marvin"})
        add_charge(party, db.session.get(Party, ids["party"]).charges[0].national_offence_id)
        db.session.commit()
    prison, _ = _records(client, make_token(app, "prison", "bco"), "admissions")
    court_response = client.get(
        "/court/api/export/v1/charges", headers=bearer(make_token(app, "court", "bco"))
    )
    court_keys = {r["person_key"] for r in court_response.get_json()["records"]}
    assert prison[0]["person_key"] in court_keys
    assert len(court_keys) == 2
