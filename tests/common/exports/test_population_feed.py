"""The population_snapshots feed: valid against the data package, updated on a re-run."""

import csv
import io
from datetime import timedelta

from frictionless import Resource, Schema

from common.audit.services import acting_as
from common.extensions import db
from prison_ims.movements.services import record_movement
from prison_ims.population.services import snapshot_range
from tests.common.exports.helpers import bearer, make_token
from tests.prison_ims.test_population import DAYS, EXPECTED, TODAY, build_history

BASE = "/prison/api/export/v1"


def _feed(client, token, cursor=None):
    query = {"cursor": cursor} if cursor else {}
    response = client.get(f"{BASE}/population_snapshots", query_string=query, headers=bearer(token))
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    return body["records"], body["next_cursor"]


def _schema(client, token):
    package = client.get(f"{BASE}/datapackage.json", headers=bearer(token)).get_json()
    (resource,) = [r for r in package["resources"] if r["name"] == "population_snapshots"]
    return resource["schema"]


def test_snapshots_validate_against_the_data_package_and_carry_no_person(app, client):
    with app.app_context(), acting_as("test"):
        build_history()
        snapshot_range(DAYS[0], DAYS[-1])
        db.session.commit()
    token = make_token(app, "prison", "bco")
    schema = _schema(client, token)
    names = [f["name"] for f in schema["fields"]]
    assert "person_key" not in names and "age_band" in names and "unit_code" in names
    text = client.get(f"{BASE}/population_snapshots.csv", headers=bearer(token)).get_data(
        as_text=True
    )
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == names and len(rows) - 1 == sum(len(v) for v in EXPECTED.values())
    report = Resource(data=rows, schema=Schema(schema)).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    records, _ = _feed(client, token)
    json_report = Resource(
        data=[names, *[[r[n] for n in names] for r in records]], schema=Schema(schema)
    ).validate()
    assert json_report.valid, json_report.flatten(["rowNumber", "fieldName", "note"])
    by_day = {}
    for r in records:
        by_day[r["snapshot_date"]] = by_day.get(r["snapshot_date"], 0) + r["count"]
    assert by_day == {d.isoformat(): sum(v.values()) for d, v in EXPECTED.items()}


def test_a_rerun_sends_only_what_changed_and_a_vanished_row_as_a_tombstone(app, client):
    with app.app_context(), acting_as("test"):
        marvin_id = build_history()[0].id
        snapshot_range(TODAY - timedelta(days=1), TODAY)
        db.session.commit()
    token = make_token(app, "prison", "bco")
    first, cursor = _feed(client, token)
    assert {r["count"] for r in first} == {1} and len(first) == 4  # Marvin and Kevin, 2 days
    with app.app_context(), acting_as("test"):
        snapshot_range(TODAY - timedelta(days=1), TODAY)
        db.session.commit()
    assert _feed(client, token, cursor)[0] == [], "an unchanged re-run sends nothing"
    with app.app_context(), acting_as("test"):
        from prison_ims.admissions.models import Admission

        record_movement(db.session.get(Admission, marvin_id), "REL", reason="Fine paid")
        db.session.commit()
        snapshot_range(TODAY, TODAY)
        db.session.commit()
    changed, _ = _feed(client, token, cursor)
    (gone,) = changed
    marvin_today = [
        r for r in first if r["snapshot_date"] == TODAY.isoformat() and r["unit_code"] == "MR"
    ]
    assert gone["op"] == "delete" and gone["record_id"] == marvin_today[0]["record_id"]
