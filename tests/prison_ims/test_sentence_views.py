"""Sentence and release-date screens over HTTP: entry, refusals, second check, permissions."""

from sqlalchemy import func, select

from common.extensions import db
from prison_ims.sentences.models import PrisonSentence, ReleaseDateCalculation
from tests.conftest import csrf_from, login
from tests.prison_ims.helpers import admit


def _admission(app):
    with app.app_context():
        admission = admit(legal_status="SENTENCED", authority_type="SENTENCE_WARRANT")
        db.session.commit()
        return admission.id, admission.offences[0].id


def _sentence_form(page, offence, **overrides):
    data = {
        "csrf_token": csrf_from(page),
        "offence": str(offence),
        "court": "Supreme Court",
        "start_date": "2024-01-10",
        "years": "2",
        "months": "6",
        "days": "0",
        "consecutive_to": "0",
    }
    data.update(overrides)
    return data


def _count(app, model):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def test_officer_records_a_sentence_and_sees_preliminary_dates(app, client, login_as):
    admission_id, offence = _admission(app)
    login_as("prison_officer")
    url = f"/prison/sentences/{admission_id}"
    page = client.get(url).get_data(as_text=True)
    assert "Configurable policy, to be confirmed by the Belize Prisons Department" in page
    assert "1/3" in page
    response = client.post(f"{url}/add", data=_sentence_form(page, offence))
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    page = client.get(url).get_data(as_text=True)
    assert "PRELIMINARY" in page and "09 Jul 2026" in page and "Remission" in page
    assert "Confirm these release dates" not in page  # an officer cannot confirm
    detail = client.get(f"/prison/admissions/{admission_id}").get_data(as_text=True)
    assert f"/prison/sentences/{admission_id}" in detail


def test_sentence_without_a_term_is_refused_on_the_form(app, client, login_as):
    admission_id, offence = _admission(app)
    login_as("prison_officer")
    url = f"/prison/sentences/{admission_id}"
    page = client.get(url).get_data(as_text=True)
    form = _sentence_form(page, offence, years="", months="0", days="")
    response = client.post(f"{url}/add", data=form)
    assert response.status_code == 200
    assert "The sentence has no term" in response.get_data(as_text=True)
    assert _count(app, PrisonSentence) == 0 and _count(app, ReleaseDateCalculation) == 0


def test_supervisor_confirms_what_an_officer_entered(app, client, make_user):
    admission_id, offence = _admission(app)
    officer, supervisor = make_user("prison_officer"), make_user("prison_records_supervisor")
    login(client, officer)
    url = f"/prison/sentences/{admission_id}"
    client.post(f"{url}/add", data=_sentence_form(client.get(url).get_data(as_text=True), offence))
    with app.app_context():
        calc = db.session.scalar(select(ReleaseDateCalculation))
        calc_id, version = calc.id, calc.version
    token = csrf_from(client.get(url).get_data(as_text=True))
    confirm = f"/prison/sentences/calculations/{calc_id}/confirm"
    assert client.post(confirm, data={"csrf_token": token, "version": version}).status_code == 403
    client.post("/logout", data={"csrf_token": token})
    login(client, supervisor)
    token = csrf_from(client.get(url).get_data(as_text=True))
    response = client.post(confirm, data={"csrf_token": token, "version": version})
    assert response.status_code == 302
    page = client.get(url).get_data(as_text=True)
    assert "CONFIRMED" in page and 'id="preliminary"' not in page


def test_supervisor_cannot_confirm_their_own_entry_and_override_needs_reason(app, client, login_as):
    admission_id, offence = _admission(app)
    login_as("prison_records_supervisor")
    url = f"/prison/sentences/{admission_id}"
    client.post(f"{url}/add", data=_sentence_form(client.get(url).get_data(as_text=True), offence))
    with app.app_context():
        calc = db.session.scalar(select(ReleaseDateCalculation))
        calc_id, version = calc.id, calc.version
    token = csrf_from(client.get(url).get_data(as_text=True))
    response = client.post(
        f"/prison/sentences/calculations/{calc_id}/confirm",
        data={"csrf_token": token, "version": version},
    )
    assert "a second officer must check and confirm it" in response.get_data(as_text=True)
    response = client.post(
        f"{url}/override",
        data={
            "csrf_token": token,
            "version": version,
            "sed": "2026-01-01",
            "erd": "2025-06-01",
            "reason": "",
        },
    )
    assert "Give the reason for overriding" in response.get_data(as_text=True)
    assert _count(app, ReleaseDateCalculation) == 1
    with app.app_context():
        assert db.session.get(ReleaseDateCalculation, calc_id).state == "PRELIMINARY"


def test_other_roles_are_refused(app, client, login_as):
    admission_id, _ = _admission(app)
    login_as("lab_intake")
    token = csrf_from(client.get("/").get_data(as_text=True))
    base = f"/prison/sentences/{admission_id}"
    assert client.get(base).status_code == 403
    for url in (f"{base}/add", f"{base}/remand", f"{base}/recalculate", f"{base}/override"):
        assert client.post(url, data={"csrf_token": token}).status_code == 403, url
    assert (
        client.post("/prison/sentences/calculations/1/confirm", data={"csrf_token": token})
    ).status_code == 403


def test_remand_credit_form_recalculates_and_keeps_history(app, client, login_as):
    admission_id, offence = _admission(app)
    login_as("prison_officer")
    url = f"/prison/sentences/{admission_id}"
    client.post(f"{url}/add", data=_sentence_form(client.get(url).get_data(as_text=True), offence))
    token = csrf_from(client.get(url).get_data(as_text=True))
    response = client.post(f"{url}/remand", data={"csrf_token": token, "days": "", "basis": "x"})
    assert "Give the days on remand" in response.get_data(as_text=True)
    response = client.post(
        f"{url}/remand", data={"csrf_token": token, "days": "100", "basis": "RW-1 remand"}
    )
    assert response.status_code == 302
    page = client.get(url).get_data(as_text=True)
    assert "Remand credit set to 100 days" in page and "Sentence S1 entered" in page
    response = client.post(f"{url}/recalculate", data={"csrf_token": token})
    assert "Nothing has changed since the last calculation" in response.get_data(as_text=True)
    assert _count(app, ReleaseDateCalculation) == 2
