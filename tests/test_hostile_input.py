"""Hostile input on every form: refused with a message or stored verbatim, never a 500.

A user holding every prison, lab and court role opens every page of the three apps (record
ids 1 exist), fills every POST form it finds with script tags and SQL metacharacters,
5,000-character strings, wrong types and dates in year 1 and 9999, and submits it.
"""

import pytest
from flask import url_for
from markupsafe import escape
from sqlalchemy import Date, DateTime, or_, select

from common.audit.services import acting_as
from common.extensions import db
from common.identity.access import is_public
from common.identity.matrix import suite_apps
from court_cms.cases.models import Party
from tests.conftest import csrf_from, login
from tests.court_cms.helpers import charge, defendant, file, hearing
from tests.court_cms.http import unfolded
from tests.hostile import HOSTILE, LONG, SCRIPT, SQL, VARIANTS, filled, post_forms
from tests.lims.helpers import reviewed_request, storage
from tests.prison_ims.helpers import admit

EVERY_ROLE = ["prison_records_supervisor", "prison_officer", "lab_manager", "lab_intake",
              "lab_analyst", "lab_reviewer", "court_registrar", "court_clerk"]  # fmt: skip
SKIPPED_ACTIONS = ("/logout", "/change", "/tf-")


@pytest.fixture
def records(app):
    """Record id 1 of each kind, so every page with an id in its URL has something to show."""
    with app.app_context(), acting_as("test"):
        case = file()
        hearing(case)
        charge(defendant(case))
        reviewed_request()
        storage()
        admit()
        db.session.commit()


@pytest.fixture
def everyone(app, make_user, records):
    client = app.test_client()
    assert login(client, make_user(EVERY_ROLE)).status_code == 302
    return client


def _page_urls(app):
    urls = []
    for prefix, sub in suite_apps(app.config):
        for rule in sub.url_map.iter_rules():
            if "GET" not in rule.methods or is_public(rule.endpoint) or "api/" in rule.rule:
                continue
            if rule.rule.endswith((".pdf", ".csv", ".xlsx", ".json", "/photo")):
                continue
            with sub.test_request_context():
                try:
                    urls.append(prefix + url_for(rule.endpoint, **dict.fromkeys(rule.arguments, 1)))
                except Exception:  # noqa: BLE001, S112 - a route whose arguments are not ids
                    continue
    return sorted(set(urls))


def _forms_on(client, url):
    """The page's POST forms, folded ones (fetched when opened) included."""
    page = client.get(url)
    if page.status_code != 200 or page.mimetype != "text/html":
        return []
    html = unfolded(client, page.get_data(as_text=True))
    return [f for f in post_forms(html)
            if f["action"] and not f["action"].endswith(SKIPPED_ACTIONS)]  # fmt: skip


def _submit_everything(app, client, variant):
    """Submit every form of every page once with `variant`; returns the 5xx answers."""
    failures, submitted = [], set()
    for url in _page_urls(app):
        for form in _forms_on(client, url):
            if form["action"] in submitted:
                continue
            submitted.add(form["action"])
            data = filled(form, variant)
            kind = "multipart/form-data" if form["multipart"] else None
            response = client.post(form["action"], data=data, content_type=kind)
            if response.status_code >= 500:
                failures.append(f"{variant}: POST {form['action']} from {url} -> "
                                f"{response.status_code}")  # fmt: skip
    return failures, submitted


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_no_form_fails_on_hostile_input(app, everyone, variant):
    failures, submitted = _submit_everything(app, everyone, variant)
    assert len(submitted) >= 20, f"only {len(submitted)} forms found: {sorted(submitted)}"
    assert not failures, "\n".join(failures)


def test_stored_hostile_text_is_shown_escaped_everywhere(app, everyone):
    _submit_everything(app, everyone, "hostile")
    escaped, raw_pages = str(escape(HOSTILE)), []
    seen = 0
    for url in _page_urls(app):
        page = everyone.get(url)
        if page.mimetype != "text/html":
            continue
        html = page.get_data(as_text=True)
        if SCRIPT in html:
            raw_pages.append(url)
        seen += escaped in html
    assert not raw_pages, f"unescaped script on {raw_pages}"
    assert seen >= 3, "the hostile text should have been saved somewhere and shown escaped"


def test_sql_metacharacters_are_stored_verbatim(app, everyone):
    token = csrf_from(everyone.get("/court/cases/1/parties/new").get_data(as_text=True))
    response = everyone.post(
        "/court/cases/1/parties/new",
        data={
            "csrf_token": token,
            "role": "WITNESS",
            "given_name": SQL,
            "surname": "Smith",
            "sex": "U",
            "district": "BZ",
        },  # fmt: skip
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    with app.app_context():
        assert any(SQL in p.name for p in db.session.scalars(select(Party)))
    search = everyone.get("/court/cases/", query_string={"q": SQL})
    assert search.status_code == 200


def test_over_long_text_is_refused_with_a_message(app, everyone):
    token = csrf_from(everyone.get("/court/cases/1").get_data(as_text=True))
    response = everyone.post(
        "/court/cases/1/status",
        data={
            "csrf_token": token,
            "version": "1",
            "status": "TRANSFERRED",
            "changed_on": "2026-01-05",
            "reason": LONG,
        },  # fmt: skip
    )
    assert response.status_code == 422
    assert "longer than 255 characters" in response.get_data(as_text=True)


def test_an_oversized_request_gets_a_413_page_and_json(app_config, make_user):
    from common.suite import create_suite

    app = create_suite({**app_config, "MAX_CONTENT_LENGTH": 1024})
    client = app.test_client()
    body = {"file": (__import__("io").BytesIO(b"x" * 4096), "register.csv")}
    page = client.post("/imports/prison/inmates/upload", data=body,
                       content_type="multipart/form-data")  # fmt: skip
    assert page.status_code == 413 and "File too large" in page.get_data(as_text=True)
    api = client.post("/court/api/export/v1/", data=b"x" * 4096,
                      headers={"Accept": "application/json"})  # fmt: skip
    assert api.status_code in (405, 413)
    json_page = client.post("/login", data=b"x" * 4096, content_type="application/json",
                            headers={"Accept": "application/json"})  # fmt: skip
    assert json_page.status_code == 413 and json_page.get_json()["status"] == 413


def _implausible_dates():
    """(table.column, value) of every stored date or time outside the years 1850-2200."""

    found = []
    for table in db.metadata.sorted_tables:
        for column in table.columns:
            if not isinstance(column.type, Date | DateTime):
                continue
            query = select(column).where(
                or_(db.func.extract("year", column) < 1850, db.func.extract("year", column) > 2200)
            )
            found += [(f"{table.name}.{column.name}", v) for v in db.session.scalars(query)]
    return found


@pytest.mark.parametrize("variant", ["dates-year-1", "dates-year-9999"])
def test_dates_out_of_range_are_never_stored(app, everyone, variant):
    _submit_everything(app, everyone, variant)
    with app.app_context():
        assert _implausible_dates() == []


def test_json_endpoints_answer_hostile_queries_with_json(app, everyone):
    from tests.common.exports.helpers import bearer, make_token

    for query in ({"surname": HOSTILE, "date_of_birth": "9999-99-99"},
                  {"surname": LONG, "national_id": SQL}, {"given_name": "x"}):  # fmt: skip
        response = everyone.get("/persons/candidates", query_string=query)
        assert response.status_code == 200 and isinstance(response.get_json(), dict)
    token = make_token(app)
    for query in ({"limit": "many"}, {"limit": "-5"}, {"cursor": SQL}, {"cursor": LONG},
                  {"since": "9999-12-31T99:00"}):  # fmt: skip
        response = everyone.get("/court/api/export/v1/cases", query_string=query,
                                headers=bearer(token))  # fmt: skip
        assert response.status_code in (200, 400), (query, response.status_code)
        assert "error" in response.get_json() or "records" in response.get_json()


def test_an_oversized_photograph_is_refused_with_a_message(app_config, request):
    import io

    from prison_ims.admissions.models import Admission
    from tests.prison_ims.test_views import PNG, _count, _form

    app_config["PRISON_PHOTO_MAX_BYTES"] = 2_000_000
    app, make_user = request.getfixturevalue("app"), request.getfixturevalue("make_user")
    client = app.test_client()
    assert login(client, make_user("prison_officer")).status_code == 302
    page = client.get("/prison/admissions/new").get_data(as_text=True)
    big = PNG + b"\x00" * 2_100_000
    refused = client.post("/prison/admissions/new",
                          data={**_form(app, page), "photo": (io.BytesIO(big), "face.png")},
                          content_type="multipart/form-data")  # fmt: skip
    assert "The photograph is larger than 2 MB" in refused.get_data(as_text=True)
    assert _count(app, Admission) == 0
