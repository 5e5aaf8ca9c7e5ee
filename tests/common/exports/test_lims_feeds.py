"""Lab feeds: cases, their persons and requests — with no result detail, ever."""

import json

from common.audit.services import acting_as
from common.extensions import db
from tests.common.exports.helpers import DEFENDANT, bearer, make_token
from tests.lims.helpers import intake, reviewed_request

BASE = "/lims/api/export/v1"


def _records(client, token, dataset, cursor=None):
    query = {"cursor": cursor} if cursor else {}
    response = client.get(f"{BASE}/{dataset}", query_string=query, headers=bearer(token))
    assert response.status_code == 200, response.get_json()
    return response.get_json()["records"], response.get_json()["next_cursor"]


def lab_case_with_suspect(app):
    """A case with a suspect and a reviewed, released firearms request; returns ids."""
    from lims.intake.services import add_person
    from lims.reports.services import release_report

    with app.app_context(), acting_as("test"):
        parts = reviewed_request()
        add_person(parts["case"], "SUSPECT", None, DEFENDANT)
        review = parts["review"]
        review(parts["result"], "TECHNICAL", parts["tech"], True)
        review(parts["result"], "ADMINISTRATIVE", parts["admin"], True)
        release_report(parts["request"], parts["manager"])
        db.session.commit()
        return {"case": parts["case"].id, "request": parts["request"].id}


def test_a_released_request_is_exported_without_its_findings(app, client):
    ids = lab_case_with_suspect(app)
    token = make_token(app, "lims", "bco")
    (request,), _ = _records(client, token, "requests")
    assert request["record_id"] == str(ids["request"]) and request["discipline"] == "FIRE"
    assert request["state"] == "COMPLETED" and request["turnaround_days"] == 0
    assert request["backlog"] is False and request["released_at"]
    (person,), _ = _records(client, token, "case_persons")
    assert person["role"] == "SUSPECT" and person["sex"] == "F" and len(person["person_key"]) == 64
    (case,), _ = _records(client, token, "cases")
    assert case["iccs_code"] and case["district"] == "BZ"
    everything = json.dumps([request, person, case]).lower()
    for secret in ("test-fired", "matches", "pistol", "marisol", "1990-04-17", "andrea young"):
        assert secret not in everything, secret


def test_an_open_request_appears_and_then_its_completion(app, client):
    from lims.analysis.services import create_request

    with app.app_context(), acting_as("test"):
        case, item, _ = intake()
        request = create_request(
            case, {"discipline": "DNA", "priority": "URGENT", "item_ids": [item.id]}
        )
        db.session.commit()
        request_id = request.id
    token = make_token(app, "lims", "bco")
    (open_request,), cursor = _records(client, token, "requests")
    assert open_request["state"] == "OPEN" and open_request["turnaround_days"] is None
    again, _ = _records(client, token, "requests", cursor)
    assert again == []
    assert open_request["record_id"] == str(request_id)
