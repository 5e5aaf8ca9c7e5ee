"""The CSV snapshot holds exactly the values of the JSON feed, whichever way it is written.

Datasets with persons go through the record builder, datasets with datetimes convert them
row by row, and the rest are written as the database returns them: all three must agree
with the feed records.
"""

import csv
import io

from common.audit.services import acting_as
from common.exports.datasets import get_dataset
from common.extensions import db
from prison_ims.population.services import snapshot_range
from prison_ims.times import belize_date, now_utc
from tests.common.exports.helpers import bearer, file_court_case, make_token
from tests.common.exports.test_lims_feeds import lab_case_with_suspect
from tests.prison_ims.helpers import admit


def _as_csv(value):
    return "" if value is None else str(value)


def _same_rows(client, token, app_name, dataset):
    base = f"/{app_name}/api/export/v1/{dataset}"
    text = client.get(f"{base}.csv", headers=bearer(token)).get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(text)))
    feed = client.get(base, headers=bearer(token)).get_json()["records"]
    last = max(r["change_seq"] for r in feed)
    expected = [
        {k: _as_csv(last if k in ("record_version", "change_seq") else v) for k, v in r.items()}
        for r in feed
    ]
    key = lambda r: int(r["record_id"])  # noqa: E731
    assert sorted(rows, key=key) == sorted(expected, key=key), f"{app_name}/{dataset}"
    return rows


def test_csv_rows_equal_the_feed_records_in_every_writing_path(app, client):
    file_court_case(app)
    lab_case_with_suspect(app)
    with app.app_context(), acting_as("test"):
        admit()
        today = belize_date(now_utc())
        snapshot_range(today, today)
        db.session.commit()
        paths = {
            name: (d.person, any(f["type"] == "datetime" for f in d.schema_fields))
            for name, d in {
                "admissions": get_dataset("prison", "admissions"),
                "lims_cases": get_dataset("lims", "cases"),
                "court_cases": get_dataset("court", "cases"),
            }.items()
        }
    # One dataset of each kind: persons; datetimes, no person; neither.
    assert paths == {
        "admissions": (True, True),
        "lims_cases": (False, True),
        "court_cases": (False, False),
    }
    for app_name, dataset in (
        ("prison", "admissions"),
        ("prison", "population_snapshots"),
        ("lims", "cases"),
        ("court", "cases"),
    ):
        rows = _same_rows(client, make_token(app, app_name, f"bco-{dataset}"), app_name, dataset)
        assert rows, f"{app_name}/{dataset} is empty"
