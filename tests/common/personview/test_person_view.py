"""The person view: one page per person, each system's section by the viewer's permissions."""

import json

from sqlalchemy import select

from common.audit.models import AuditEntry
from common.extensions import db
from tests.common.flows.chain import CONCLUSION, FINDINGS, justice_chain
from tests.conftest import login


def test_a_reader_of_all_three_systems_sees_every_section_but_no_lab_result(app, make_user):
    chain = justice_chain(app)
    email = make_user(["prison_officer", "court_clerk", "lab_analyst"])
    client = app.test_client()
    login(client, email)
    page = client.get(f"/people/{chain['person']}").get_data(as_text=True)
    assert chain["booking"] in page
    assert chain["court_number"] in page and "Defendant" in page
    assert chain["lab_number"] in page and "DNA: Completed (report released)" in page
    assert "Record exists in" not in page
    assert FINDINGS not in page and CONCLUSION not in page


def test_every_opening_is_audited_with_what_was_withheld(app, make_user):
    chain = justice_chain(app)
    email = make_user("court_clerk")
    client = app.test_client()
    login(client, email)
    assert client.get(f"/people/{chain['person']}").status_code == 200
    with app.app_context():
        entry = db.session.scalar(
            select(AuditEntry).where(
                AuditEntry.action == "view",
                AuditEntry.entity_type == "Person",
                AuditEntry.actor == email,
            )
        )
        assert entry is not None
        changes = json.loads(entry.changes)
        assert changes == {
            "screen": "person view",
            "shown": ["court"],
            "withheld": ["lims", "prison"],
        }


def test_unknown_person_is_not_found_and_roles_without_the_index_are_refused(app, make_user):
    chain = justice_chain(app)
    clerk = app.test_client()
    login(clerk, make_user("court_clerk"))
    assert clerk.get("/people/0123456789abcdef0123456789abcdef").status_code == 404
    for role in ("bco_analyst", "management", "auditor"):
        other = app.test_client()
        login(other, make_user(role))
        assert other.get(f"/people/{chain['person']}").status_code == 403, role


def test_the_identity_page_links_to_the_person_view(app, make_user):
    chain = justice_chain(app)
    clerk = app.test_client()
    login(clerk, make_user("court_clerk"))
    page = clerk.get(f"/persons/{chain['person']}").get_data(as_text=True)
    assert f'href="/people/{chain["person"]}"' in page
