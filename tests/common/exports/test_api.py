"""The export API over HTTP: tokens, errors, pages, cursors, tombstones, the contract."""

import csv
import io

from frictionless import Package, Resource, Schema
from sqlalchemy import func, select

from common.audit.models import AuditEntry
from common.audit.services import acting_as
from common.extensions import db
from court_cms.cases.services import record_outcome
from prison_ims.times import belize_date, now_utc
from tests.common.exports.helpers import DEFENDANT, bearer, file_court_case, make_token

BASE = "/court/api/export/v1"
TODAY = belize_date(now_utc())
RELEASE = {
    "grounds": "BAIL",
    "authority_reference": "Bail order 14/2026",
    "authority_checked": True,
    "property_returned": True,
    "release_date_verified": True,
    "released_at": now_utc(),
}


def _pull_all(client, token, dataset, cursor=None, limit=500):
    records = []
    while True:
        query = {"limit": limit, **({"cursor": cursor} if cursor else {})}
        response = client.get(f"{BASE}/{dataset}", query_string=query, headers=bearer(token))
        assert response.status_code == 200, response.get_json()
        body = response.get_json()
        records += body["records"]
        cursor = body["next_cursor"]
        if not body["has_more"]:
            return records, cursor


def test_no_token_bad_token_revoked_token_and_other_apps_token_get_401(app, client):
    from common.exports.tokens import revoke_token

    token = make_token(app)
    prison_token = make_token(app, "prison", "bco-prison")
    assert client.get(f"{BASE}/").status_code == 401
    assert client.get(f"{BASE}/", headers={"Authorization": "Basic abc"}).status_code == 401
    bad = client.get(f"{BASE}/charges", headers=bearer("bzx_court_guess"))
    assert bad.status_code == 401 and "revoked" in bad.get_json()["message"]
    assert client.get(f"{BASE}/", headers=bearer(prison_token)).status_code == 401
    assert client.get(f"{BASE}/", headers=bearer(token)).status_code == 200
    with app.app_context(), acting_as("test"):
        revoke_token("court", "bco-test")
        db.session.commit()
    assert client.get(f"{BASE}/", headers=bearer(token)).status_code == 401


def test_index_names_the_datasets_and_the_contract_documents(app, client):
    body = client.get(f"{BASE}/", headers=bearer(make_token(app))).get_json()
    assert body["datasets"] == ["cases", "charges", "hearings", "sentences"]
    assert body["datapackage"].endswith("/court/api/export/v1/datapackage.json")
    assert body["openapi"].endswith("/court/api/export/v1/openapi.json")


def test_bad_cursor_and_bad_limit_get_400_with_a_message(app, client):
    token = make_token(app)
    response = client.get(f"{BASE}/charges?cursor=not-a-cursor", headers=bearer(token))
    assert response.status_code == 400 and "next_cursor" in response.get_json()["message"]
    for limit in ("0", "5001", "ten"):
        response = client.get(f"{BASE}/charges?limit={limit}", headers=bearer(token))
        assert response.status_code == 400 and "limit" in response.get_json()["message"]
    cases_cursor = client.get(f"{BASE}/cases", headers=bearer(token)).get_json()["next_cursor"]
    other = client.get(f"{BASE}/charges?cursor={cases_cursor}", headers=bearer(token))
    assert other.status_code == 400 and "another dataset" in other.get_json()["message"]
    assert client.get(f"{BASE}/verdicts", headers=bearer(token)).status_code == 404


def test_a_charge_carries_codes_and_pseudonymous_person_fields(app, client):
    ids = file_court_case(app)
    records, _ = _pull_all(client, make_token(app), "charges")
    assert len(records) == 1
    charge = records[0]
    assert charge["op"] == "upsert" and charge["record_id"] == str(ids["charge"])
    assert charge["iccs_code"] == ids["iccs"]
    assert charge["national_offence_code"] == ids["offence"]
    assert (charge["sex"], charge["district"], charge["age_at_event"]) == ("F", "TOL", 34)
    assert len(charge["person_key"]) == 64
    exported = {str(v) for record in records for v in record.values()}
    for secret in ("Marisol", "Chiac Pop", "1990-04-17", "000123457", DEFENDANT["address"]):
        assert not any(secret.lower() in value.lower() for value in exported), secret
    assert "Stole a bicycle" not in exported


def test_a_change_appears_after_the_last_cursor_and_nothing_else_does(app, client):
    from court_cms.cases.models import Charge

    first = file_court_case(app)
    file_court_case(app, {**DEFENDANT, "given_name": "Rosa", "national_id": "000999111"})
    token = make_token(app)
    records, cursor = _pull_all(client, token, "charges", limit=1)
    assert len(records) == 2
    again, same_cursor = _pull_all(client, token, "charges", cursor=cursor)
    assert again == [] and same_cursor == cursor
    with app.app_context(), acting_as("test"):
        charge = db.session.get(Charge, first["charge"])
        record_outcome(
            charge, {"plea": "NOT_GUILTY", "plea_on": charge.party.case.filed_on}, charge.version
        )
        db.session.commit()
    changed, _ = _pull_all(client, token, "charges", cursor=cursor)
    assert [r["record_id"] for r in changed] == [str(first["charge"])]
    assert changed[0]["plea"] == "NOT_GUILTY" and changed[0]["change_seq"] > 0


def test_a_deleted_record_appears_as_a_tombstone(app, client):
    from court_cms.hearings.models import Hearing

    ids = file_court_case(app)
    token = make_token(app)
    _records, cursor = _pull_all(client, token, "hearings")
    with app.app_context(), acting_as("test"):
        db.session.delete(db.session.get(Hearing, ids["hearing"]))
        db.session.commit()
    records, _ = _pull_all(client, token, "hearings", cursor=cursor)
    assert records == [
        {
            "op": "delete",
            "record_id": str(ids["hearing"]),
            "record_version": records[0]["change_seq"],
            "change_seq": records[0]["change_seq"],
        }
    ]


def test_merging_persons_re_emits_their_records_with_the_survivors_key(app, client):
    from common.persons.merge import merge_persons
    from common.persons.models import Person

    one = file_court_case(app)
    two = file_court_case(app, {**DEFENDANT, "national_id": "000123458", "given_name": "Marisól"})
    token = make_token(app)
    records, cursor = _pull_all(client, token, "charges")
    keys = {r["record_id"]: r["person_key"] for r in records}
    assert keys[str(one["charge"])] != keys[str(two["charge"])]
    with app.app_context(), acting_as("test"):
        merge_persons(db.session.get(Person, one["person"]), db.session.get(Person, two["person"]))
        db.session.commit()
    changed, _ = _pull_all(client, token, "charges", cursor=cursor)
    new_keys = {r["record_id"]: r["person_key"] for r in changed}
    assert new_keys.get(str(two["charge"])) == keys[str(one["charge"])]


def test_every_pull_is_audited_with_the_token_name(app, client):
    token = make_token(app)
    client.get(f"{BASE}/cases", headers=bearer(token))
    client.get(f"{BASE}/cases.csv", headers=bearer(token))
    with app.app_context():
        pulls = db.session.scalars(
            select(AuditEntry).where(AuditEntry.action == "export.pull")
        ).all()
    assert [p.entity_id for p in pulls] == ["court/cases", "court/cases.csv"]
    assert all('"bco-test"' in p.changes for p in pulls)


def _validate_feeds_of(client, base, token):
    package = client.get(f"{base}/datapackage.json", headers=bearer(token)).get_json()
    descriptor_report = Package.validate_descriptor(package)
    assert descriptor_report.valid, descriptor_report.flatten(["type", "note"])
    for resource in package["resources"]:
        response = client.get(f"{base}/{resource['name']}.csv", headers=bearer(token))
        assert response.status_code == 200 and response.headers["X-Export-Cursor"]
        text = response.get_data(as_text=True)
        rows = list(csv.reader(io.StringIO(text)))
        assert rows[0] == [f["name"] for f in resource["schema"]["fields"]]
        assert len(rows) > 1, f"{resource['name']} has no rows to validate"
        report = Resource(data=rows, schema=Schema(resource["schema"])).validate()
        assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
        feed = client.get(f"{base}/{resource['name']}", headers=bearer(token)).get_json()
        values = [[r[f["name"]] for f in resource["schema"]["fields"]] for r in feed["records"]]
        json_report = Resource(
            data=[rows[0], *values], schema=Schema(resource["schema"])
        ).validate()
        assert json_report.valid, json_report.flatten(["rowNumber", "fieldName", "note"])


def test_datasets_validate_against_the_published_data_package(app, client):
    from court_cms.cases.models import Charge
    from court_cms.sentences.services import record_sentence
    from prison_ims.admissions.models import Admission
    from prison_ims.population.services import snapshot_range
    from prison_ims.releases.services import record_release
    from tests.prison_ims.helpers import admit

    ids = file_court_case(app)
    file_court_case(app, {**DEFENDANT, "given_name": "Rosa", "national_id": "000999111"})
    with app.app_context(), acting_as("test"):
        charge = db.session.get(Charge, ids["charge"])
        filed = charge.party.case.filed_on
        record_outcome(
            charge,
            {
                "plea": "GUILTY",
                "plea_on": filed,
                "verdict": "GUILTY",
                "disposition": "CONVICTED",
                "disposition_on": filed,
            },
            charge.version,
        )
        record_sentence(
            charge,
            {
                "kind": "CUSTODIAL",
                "imposed_on": filed,
                "start_on": filed,
                "years": 2,
                "months": 0,
                "days": 0,
                "life": False,
            },
        )
        admission = admit()
        admit(given_name="Kenrick", surname="Flowers", date_of_birth=None)
        record_release(db.session.get(Admission, admission.id), RELEASE)
        snapshot_range(TODAY, TODAY)
        db.session.commit()
    _validate_feeds_of(client, BASE, make_token(app))
    _validate_feeds_of(client, "/prison/api/export/v1", make_token(app, "prison", "bco"))
    from tests.common.exports.test_lims_feeds import lab_case_with_suspect

    lab_case_with_suspect(app)
    _validate_feeds_of(client, "/lims/api/export/v1", make_token(app, "lims", "bco"))


def test_snapshot_holds_every_current_record_once(app, client):
    for n in range(3):
        file_court_case(app, {**DEFENDANT, "given_name": f"Ana{n}", "national_id": f"00077{n}"})
    text = client.get(f"{BASE}/charges.csv", headers=bearer(make_token(app))).get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(text)))
    with app.app_context():
        from court_cms.cases.models import Charge

        count = db.session.scalar(select(func.count(Charge.id)))
    assert len(rows) == count == 3
