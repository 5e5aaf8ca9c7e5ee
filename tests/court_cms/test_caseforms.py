"""Folded forms of the case page: fetched when opened, guarded like the actions they send."""

from tests.court_cms.http import case_on_file, folded_form_urls, page

FRAGMENT = {"X-Requested-With": "case-form"}


def test_the_case_page_folds_its_forms_and_each_opens_on_request(app, client, login_as):
    case_id, _, charge_id = case_on_file(app)
    login_as("court_clerk")
    html = page(client, f"/court/cases/{case_id}")
    assert 'name="plea"' not in html  # the outcome form is not written with the page
    outcome = f"/court/cases/{case_id}/forms/hearing?form=count-outcome&of={charge_id}"
    assert outcome in folded_form_urls(html)
    assert f"/court/cases/{case_id}/forms/case?form=status" in folded_form_urls(html)

    fragment = client.get(outcome, headers=FRAGMENT)
    body = fragment.get_data(as_text=True)
    assert fragment.status_code == 200 and "<html" not in body
    assert f'action="/court/cases/{case_id}/charges/{charge_id}/outcome"' in body
    assert 'name="plea"' in body and 'name="csrf_token"' in body

    alone = page(client, outcome)  # without the page's script: a page of its own
    assert "<html" in alone and "Outcome of a count" in alone and "Back to the case" in alone
    assert 'name="plea"' in alone


def test_unknown_misrouted_and_foreign_forms_are_not_found(app, client, login_as):
    case_id, _, charge_id = case_on_file(app)
    other_case, _, other_charge = case_on_file(app)
    login_as("court_clerk")
    base = f"/court/cases/{case_id}/forms"
    assert client.get(f"{base}/hearing?form=no-such-form").status_code == 404
    assert client.get(f"{base}/hearing").status_code == 404
    # the status form needs court.case.edit: it is served by /forms/case only
    assert client.get(f"{base}/hearing?form=status").status_code == 404
    assert client.get(f"{base}/case?form=status").status_code == 200
    # a count of another case, or none at all
    assert client.get(f"{base}/hearing?form=count-outcome&of={other_charge}").status_code == 404
    assert client.get(f"{base}/hearing?form=count-outcome").status_code == 404
    assert (
        client.get(
            f"/court/cases/{other_case}/forms/hearing?form=count-outcome&of={charge_id}"
        ).status_code
        == 404
    )  # noqa: E501


def test_a_reader_gets_neither_the_folded_forms_nor_their_routes(app, client, login_as):
    case_id, _, charge_id = case_on_file(app)
    login_as("judicial_officer")
    html = page(client, f"/court/cases/{case_id}")
    assert folded_form_urls(html) == []
    for kind, name in (("hearing", "count-outcome"), ("order", "new-order"), ("case", "status")):
        url = f"/court/cases/{case_id}/forms/{kind}?form={name}&of={charge_id}"
        assert client.get(url, headers=FRAGMENT).status_code == 403


def test_a_refused_form_comes_back_open_with_its_errors(app, client, login_as):
    case_id, _, _ = case_on_file(app)
    login_as("court_clerk")
    html = page(client, f"/court/cases/{case_id}")
    token = html.split('name="csrf_token" type="hidden" value="', 1)[1].split('"', 1)[0]
    refused = client.post(
        f"/court/cases/{case_id}/status",
        data={"csrf_token": token, "status": "", "reason": ""},
    )
    body = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert '<details class="mb-3" open><summary>Change the status' in body
    assert f'action="/court/cases/{case_id}/status"' in body and "is-invalid" in body
