"""Lab ↔ court over HTTP: linking from both sides, status without results, adjournments."""

from datetime import timedelta

from sqlalchemy import select

from common.audit.models import AuditEntry
from common.audit.services import acting_as
from common.extensions import db
from common.links.models import CaseLink, LabWait
from common.timefmt import belize_today
from court_cms.hearings.models import Hearing
from lims.analysis.services import create_request
from tests.common.flows.story import lab_case_of
from tests.court_cms.helpers import defendant, file, hearing, reason
from tests.lims.helpers import client_as, post_as, reviewed_request


def court_case_with_defendant(app):
    """(court case id, number, defendant person public id) committed."""
    with app.app_context():
        case = file("SC")
        party = defendant(case)
        db.session.commit()
        return case.id, case.case_number, party.person.public_id


def lab_case_for(app, public_id):
    """(lab case id, lab number, request id) of a lab case naming the person, committed."""
    with app.app_context():
        case, request = lab_case_of(public_id, received_on=belize_today() - timedelta(days=20))
        db.session.commit()
        return case.id, case.lab_number, request.id


def test_lab_intake_links_a_lab_case_to_a_court_case_by_its_number(app, make_user):
    court_id, number, public_id = court_case_with_defendant(app)
    lab_id, _lab_number, _ = lab_case_for(app, public_id)
    intake, _ = client_as(app, make_user, "lab_intake")
    refused = post_as(intake, f"/lims/cases/{lab_id}/court-links", {"number": "SC-CR-1999-9999"})
    assert refused.status_code == 422
    assert "No court case has the number SC-CR-1999-9999" in refused.get_data(as_text=True)
    done = post_as(intake, f"/lims/cases/{lab_id}/court-links", {"number": number.lower()})
    assert done.status_code == 302
    page = intake.get(f"/lims/cases/{lab_id}").get_data(as_text=True)
    assert number in page and "Supreme Court" in page
    again = post_as(intake, f"/lims/cases/{lab_id}/court-links", {"number": number})
    assert again.status_code == 422
    assert f"already linked to {number}" in again.get_data(as_text=True)
    with app.app_context():
        link = db.session.scalar(select(CaseLink))
        assert (link.lab_case_id, link.court_case_id, link.linked_from) == (
            lab_id,
            court_id,
            "lims",
        )
        entry = db.session.scalar(
            select(AuditEntry).where(
                AuditEntry.entity_type == "CaseLink", AuditEntry.action == "create"
            )
        )
        assert entry is not None and entry.actor.startswith("lab_intake")


def test_an_analyst_cannot_link_cases(app, make_user):
    _court_id, number, public_id = court_case_with_defendant(app)
    lab_id, _, _ = lab_case_for(app, public_id)
    analyst, _ = client_as(app, make_user, "lab_analyst")
    response = post_as(analyst, f"/lims/cases/{lab_id}/court-links", {"number": number})
    assert response.status_code == 403


def test_court_page_shows_request_status_and_age_never_results(app, make_user):
    with app.app_context():
        parts = reviewed_request()
        lab_number, request_id = parts["case"].lab_number, parts["request"].id
        case = file("SC")
        defendant(case)
        db.session.commit()
        court_id = case.id
    clerk, _ = client_as(app, make_user, "court_clerk")
    unknown = post_as(clerk, f"/court/cases/{court_id}/lab-links", {"number": "NFSS-1999-00001"})
    assert unknown.status_code == 422
    assert "No lab case has the number NFSS-1999-00001" in unknown.get_data(as_text=True)
    assert (
        post_as(clerk, f"/court/cases/{court_id}/lab-links", {"number": lab_number}).status_code
        == 302
    )
    page = clerk.get(f"/court/cases/{court_id}").get_data(as_text=True)
    assert lab_number in page and "Firearms and toolmarks" in page
    assert "Result recorded, in review" in page
    assert "cartridge cases compared" not in page and "Matches." not in page
    # The result itself stays in the laboratory: the clerk cannot open the request.
    assert clerk.get(f"/lims/requests/{request_id}").status_code == 403


def adjourn_form(hearing_id, version, code, **extra):
    return {
        "version": version,
        "outcome": "ADJOURNED",
        "reason_id": reason(code).id,
        "next_on": (belize_today() + timedelta(days=14)).isoformat(),
        **extra,
    }


def listed_hearing(app, court_id):
    with app.app_context():
        from court_cms.cases.models import Case

        listed = hearing(db.session.get(Case, court_id), on=belize_today() - timedelta(days=1))
        db.session.commit()
        return listed.id, listed.version


def test_awaiting_forensic_report_needs_an_open_linked_request(app, make_user):
    court_id, number, public_id = court_case_with_defendant(app)
    hearing_id, version = listed_hearing(app, court_id)
    clerk, _ = client_as(app, make_user, "court_clerk")
    with app.app_context():
        form = adjourn_form(hearing_id, version, "AWAIT_FORENSIC")
    refused = post_as(clerk, f"/court/cases/hearings/{hearing_id}/outcome", form)
    assert refused.status_code == 422
    assert "No open lab request is linked to this case" in refused.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Hearing, hearing_id).outcome == "SCHEDULED"
        assert db.session.scalar(select(LabWait)) is None
        assert len(db.session.scalars(select(Hearing)).all()) == 1


def test_adjournment_awaiting_the_lab_is_linked_and_shown_to_the_lab(app, make_user):
    court_id, number, public_id = court_case_with_defendant(app)
    lab_id, lab_number, first_request = lab_case_for(app, public_id)
    with app.app_context(), acting_as("test"):
        from lims.intake.models import LabCase

        lab_case = db.session.get(LabCase, lab_id)
        second = create_request(
            lab_case,
            {"discipline": "TOX", "priority": "ROUTINE", "item_ids": [lab_case.items[0].id]},
        )
        db.session.commit()
        second_request = second.id
    clerk, _ = client_as(app, make_user, "court_clerk")
    assert (
        post_as(clerk, f"/court/cases/{court_id}/lab-links", {"number": lab_number}).status_code
        == 302
    )
    hearing_id, version = listed_hearing(app, court_id)
    with app.app_context():
        form = adjourn_form(hearing_id, version, "AWAIT_FORENSIC")
    several = post_as(clerk, f"/court/cases/hearings/{hearing_id}/outcome", form)
    assert several.status_code == 422
    assert "Several lab requests linked to this case are open" in several.get_data(as_text=True)
    chosen = post_as(
        clerk,
        f"/court/cases/hearings/{hearing_id}/outcome",
        {**form, "lab_request_id": second_request},
    )
    assert chosen.status_code == 302
    page = clerk.get(f"/court/cases/{court_id}").get_data(as_text=True)
    assert f"Waiting for {lab_number} Toxicology (request {second_request})" in page
    with app.app_context():
        wait = db.session.scalar(select(LabWait))
        assert (wait.lab_request_id, wait.court_case_id) == (second_request, court_id)
    manager, _ = client_as(app, make_user, "lab_manager")
    home = manager.get("/lims/").get_data(as_text=True)
    panel = home.split('id="holding-up"')[1]
    assert number in panel and "Toxicology" in panel and "(1)" in panel
    assert f'requests/{first_request}"' not in panel


def test_holding_up_panel_lists_the_oldest_request_first(app, make_user):
    court_id, number, public_id = court_case_with_defendant(app)
    with app.app_context():
        old_case, old_request = lab_case_of(
            public_id, received_on=belize_today() - timedelta(days=90)
        )
        new_case, new_request = lab_case_of(
            public_id, received_on=belize_today() - timedelta(days=10)
        )
        db.session.commit()
        numbers = (old_case.lab_number, new_case.lab_number)
        ids = (old_request.id, new_request.id)
    clerk, _ = client_as(app, make_user, "court_clerk")
    for lab_number in numbers[::-1]:
        post_as(clerk, f"/court/cases/{court_id}/lab-links", {"number": lab_number})
    for request_id in ids[::-1]:
        hearing_id, version = listed_hearing(app, court_id)
        with app.app_context():
            form = adjourn_form(hearing_id, version, "AWAIT_FORENSIC", lab_request_id=request_id)
        assert (
            post_as(clerk, f"/court/cases/hearings/{hearing_id}/outcome", form).status_code == 302
        )
    manager, _ = client_as(app, make_user, "lab_manager")
    panel = manager.get("/lims/").get_data(as_text=True).split('id="holding-up"')[1]
    assert panel.index(numbers[0]) < panel.index(numbers[1])
    assert "<td>90</td>" in panel  # days at the lab of the oldest request
