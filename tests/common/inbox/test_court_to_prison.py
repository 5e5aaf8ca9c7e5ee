"""Court → prison over HTTP: remand, custodial sentence and release, as each user does it."""

import re
from datetime import timedelta

from sqlalchemy import select

from common.extensions import db
from common.inbox.models import InboxItem
from prison_ims.admissions.models import Admission
from prison_ims.inbox.models import CourtCaseLink
from prison_ims.inbox.timing import order_to_release_times
from prison_ims.remand.models import CourtDate
from prison_ims.sentences.models import ReleaseDateCalculation
from prison_ims.times import belize_local, now_utc
from tests.common.inbox.helpers import (
    TODAY,
    accept_existing,
    admit_form,
    convict,
    court_case,
    html,
    latest_item,
    record_outcome,
    record_remand,
    record_sentence,
    signed_in,
)
from tests.conftest import csrf_from
from tests.court_cms.helpers import offence_id
from tests.prison_ims.helpers import admit


def _remanded_into_new_admission(app, clerk, officer):
    """Clerk remands; officer admits on the inbox item. Returns (case id, charge id, admission)."""
    case_id, party_id, charge_id, _ = court_case(app)
    assert record_remand(clerk, case_id, party_id).status_code == 302
    item_id, version = latest_item(app, "remand_order")
    page = html(officer, f"/prison/inbox/{item_id}/admit")
    with app.app_context():
        offence = offence_id()
    response = officer.post(
        f"/prison/inbox/{item_id}/admit", data=admit_form(page, version, offence)
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    with app.app_context():
        admission_id = db.session.scalar(select(Admission.id).order_by(Admission.id.desc()))
    return case_id, charge_id, admission_id


def test_remand_order_reaches_the_inbox_and_is_accepted_into_a_new_admission(app, make_user):
    clerk, _ = signed_in(app, make_user, "court_clerk")
    officer, _ = signed_in(app, make_user, "prison_officer")
    case_id, party_id, _, public_id = court_case(app)
    assert record_remand(clerk, case_id, party_id).status_code == 302
    assert "Sent to prison — pending" in html(clerk, f"/court/cases/{case_id}")

    inbox = html(officer, "/prison/inbox/")
    assert "Remand in custody" in inbox and "Marvin Castillo" in inbox
    assert 'aria-label="1 pending"' in inbox  # the menu badge
    item_id, version = latest_item(app, "remand_order")
    form = html(officer, f"/prison/inbox/{item_id}/admit")
    with app.app_context():
        case_number = db.session.get(InboxItem, item_id).case_reference
    assert f'value="{case_number}"' in form and 'value="Castillo"' in form
    with app.app_context():
        offence = offence_id()
    response = officer.post(
        f"/prison/inbox/{item_id}/admit", data=admit_form(csrf_page := form, version, offence)
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    assert csrf_page

    with app.app_context():
        admission = db.session.scalars(select(Admission)).one()
        assert admission.person.public_id == public_id  # the same master person
        assert admission.legal_status == "REMAND"
        link = db.session.scalars(select(CourtCaseLink)).one()
        assert (link.admission_id, link.court_case_id) == (admission.id, case_id)
        due = db.session.scalars(select(CourtDate.due_on)).one()
        assert due == TODAY + timedelta(days=14)
        admission_id = admission.id
    inmate = html(officer, f"/prison/admissions/{admission_id}")
    assert case_number in inmate and "Court cases" in inmate
    court_page = html(clerk, f"/court/cases/{case_id}")
    assert (
        "Accepted by BCP on" in court_page
        and "pending" not in court_page.split('id="prison"')[1].split("</table>")[0]
    )
    assert 'aria-label="1 pending"' not in html(officer, "/prison/inbox/")


def test_custodial_sentence_drafts_a_preliminary_calculation_the_supervisor_confirms(
    app, make_user
):
    clerk, _ = signed_in(app, make_user, "court_clerk")
    officer, _ = signed_in(app, make_user, "prison_officer")
    supervisor, _ = signed_in(app, make_user, "prison_records_supervisor")
    case_id, charge_id, admission_id = _remanded_into_new_admission(app, clerk, officer)
    convict(clerk, app, case_id, charge_id)
    response = record_sentence(clerk, case_id, charge_id, years=2)
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]

    item_id, _ = latest_item(app, "custodial_sentence")
    detail = html(officer, f"/prison/inbox/{item_id}")
    assert "Imprisonment, 2 years" in detail and "Accept into this file" in detail
    response = accept_existing(officer, item_id, admission_id, app=app)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/prison/sentences/{admission_id}")
    sentences = html(officer, f"/prison/sentences/{admission_id}")
    assert "PRELIMINARY" in sentences and "2 years 0 months 0 days" in sentences

    with app.app_context():
        admission = db.session.get(Admission, admission_id)
        assert admission.legal_status == "SENTENCED"
        calc = db.session.scalars(
            select(ReleaseDateCalculation).where(ReleaseDateCalculation.state == "PRELIMINARY")
        ).one()
        expected_sed = TODAY.replace(year=TODAY.year + 2) - timedelta(days=1)
        assert calc.sed == expected_sed
        calc_id, calc_version = calc.id, calc.version
    page = html(supervisor, f"/prison/sentences/{admission_id}")
    response = supervisor.post(
        f"/prison/sentences/calculations/{calc_id}/confirm",
        data={"csrf_token": csrf_from(page), "version": calc_version},
    )
    assert response.status_code == 302
    assert "CONFIRMED" in html(supervisor, f"/prison/sentences/{admission_id}")
    assert html(clerk, f"/court/cases/{case_id}").count("Accepted by BCP on") == 2


def test_acquittal_sends_a_release_that_is_carried_out_and_timed(app, make_user):
    clerk, _ = signed_in(app, make_user, "court_clerk")
    officer, _ = signed_in(app, make_user, "prison_officer")
    case_id, charge_id, admission_id = _remanded_into_new_admission(app, clerk, officer)
    response = record_outcome(
        clerk,
        app,
        case_id,
        charge_id,
        plea="NOT_GUILTY",
        plea_on=TODAY.isoformat(),
        verdict="NOT_GUILTY",
        disposition="ACQUITTED",
        disposition_on=TODAY.isoformat(),
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    item_id, _ = latest_item(app, "release_action")
    assert "Release ordered" in html(officer, "/prison/inbox/")
    assert accept_existing(officer, item_id, admission_id, app=app).status_code == 302
    inbox = html(officer, "/prison/inbox/")
    assert "Carry out the release" in inbox

    release_page = html(officer, f"/prison/releases/{admission_id}")
    assert "The court ordered this release" in release_page
    assert re.search(r'<option selected value="COURT_ORDER">', release_page)
    response = officer.post(
        f"/prison/releases/{admission_id}",
        data={
            "csrf_token": csrf_from(release_page),
            "released_at": belize_local(now_utc()).strftime("%Y-%m-%dT%H:%M"),
            "grounds": "COURT_ORDER",
            "authority_reference": "acquitted",
            "authority_checked": "y",
            "property_returned": "y",
            "release_date_verified": "y",
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    with app.app_context():
        times = order_to_release_times()
        assert len(times) == 1
        assert times[0]["admission"].id == admission_id
        assert 0 <= times[0]["hours"] < 1 and times[0]["days"] == 0
    inbox = html(officer, "/prison/inbox/")
    assert "Carry out the release" not in inbox
    carried_out = inbox.split("Carried out: time from the court's order to release")[1]
    with app.app_context():
        booking = db.session.get(Admission, admission_id).booking_number
    assert booking in carried_out.split("</table>")[0]


def test_bail_for_a_defendant_not_held_sends_nothing(app, make_user):
    clerk, _ = signed_in(app, make_user, "court_clerk")
    case_id, party_id, _, _ = court_case(app)
    page = html(clerk, f"/court/cases/{case_id}")
    response = clerk.post(
        f"/court/cases/{case_id}/orders",
        data={
            "csrf_token": csrf_from(page),
            "party_id": party_id,
            "kind": "BAIL",
            "made_on": TODAY.isoformat(),
            "conditions": "Report weekly to Queen Street police station",
        },
    )
    assert response.status_code == 302
    with app.app_context():
        assert db.session.scalars(select(InboxItem)).all() == []
    assert "Nothing sent to the prison" in html(clerk, f"/court/cases/{case_id}")


def test_bail_for_a_remanded_defendant_sends_a_release(app, make_user):
    clerk, _ = signed_in(app, make_user, "court_clerk")
    case_id, party_id, _, public_id = court_case(app, custody=True)
    with app.app_context():
        admit(public_id)
        db.session.commit()
    page = html(clerk, f"/court/cases/{case_id}")
    clerk.post(
        f"/court/cases/{case_id}/orders",
        data={
            "csrf_token": csrf_from(page),
            "party_id": party_id,
            "kind": "BAIL",
            "made_on": TODAY.isoformat(),
            "conditions": "Surety of BZ$ 5,000",
        },
    )
    with app.app_context():
        item = db.session.scalars(select(InboxItem)).one()
        assert item.kind == "release_action"
        assert item.details["release"]["grounds"] == "BAIL"
