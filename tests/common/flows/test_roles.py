"""Role tests across the systems: each agency reads its own records, and only what it may."""

import pytest

from tests.common.flows.chain import CONCLUSION, FINDINGS, justice_chain
from tests.lims.helpers import client_as, post_as


@pytest.fixture
def chain(app):
    return justice_chain(app)


def test_a_court_clerk_cannot_open_prison_discipline_records(app, make_user, chain):
    clerk, _ = client_as(app, make_user, "court_clerk")
    for url in (
        f"/prison/conduct/admission/{chain['admission_id']}",
        "/prison/conduct/charges",
        "/prison/conduct/incidents",
        f"/prison/admissions/{chain['admission_id']}",
    ):
        assert clerk.get(url).status_code == 403, url
    page = clerk.get(f"/people/{chain['person']}").get_data(as_text=True)
    assert "Record exists in Prison IMS" in page
    assert chain["booking"] not in page and "fought in the yard" not in page
    assert "Fighting" not in page


def test_a_court_clerk_cannot_read_lab_results_or_reports(app, make_user, chain):
    clerk, _ = client_as(app, make_user, "court_clerk")
    # Guessing the ids of a real request, report and result: refused, not "not found".
    assert clerk.get(f"/lims/requests/{chain['request_id']}").status_code == 403
    assert clerk.get(f"/lims/reports/{chain['report_id']}.pdf").status_code == 403
    review = post_as(clerk, f"/lims/results/{chain['result_id']}/review", {"kind": "TECHNICAL"})
    assert review.status_code == 403
    for url in (f"/people/{chain['person']}", f"/court/cases/{chain['court_case_id']}"):
        page = clerk.get(url).get_data(as_text=True)
        assert FINDINGS not in page and CONCLUSION not in page, url
    person_page = clerk.get(f"/people/{chain['person']}").get_data(as_text=True)
    assert "Record exists in Forensic LIMS" in person_page
    assert chain["lab_number"] not in person_page
    # The case page tells the clerk where the lab work stands, without its outcome.
    case_page = clerk.get(f"/court/cases/{chain['court_case_id']}").get_data(as_text=True)
    assert "Completed (report released)" in case_page


def test_a_lab_analyst_sees_the_linked_court_case_but_not_its_parties(app, make_user, chain):
    analyst, _ = client_as(app, make_user, "lab_analyst")
    assert analyst.get(f"/court/cases/{chain['court_case_id']}").status_code == 403
    page = analyst.get(f"/people/{chain['person']}").get_data(as_text=True)
    assert chain["lab_number"] in page
    assert chain["court_number"] in page  # the court case linked to the person's lab case
    assert "Requena" not in page  # the witness of that court case
    lab_page = analyst.get(f"/lims/cases/{chain['lab_case_id']}").get_data(as_text=True)
    assert chain["court_number"] in lab_page and "Requena" not in lab_page
    assert f'href="/court/cases/{chain["court_case_id"]}"' not in lab_page
    witness = analyst.get(f"/people/{chain['witness']}").get_data(as_text=True)
    assert "Record exists in Court tracker" in witness
    assert chain["court_number"] not in witness


def test_a_prison_officer_sees_the_prison_file_but_not_court_or_lab_details(app, make_user, chain):
    officer, _ = client_as(app, make_user, "prison_officer")
    page = officer.get(f"/people/{chain['person']}").get_data(as_text=True)
    assert chain["booking"] in page
    assert "Record exists in Court tracker" in page and chain["court_number"] not in page
    assert "Record exists in Forensic LIMS" in page and chain["lab_number"] not in page
