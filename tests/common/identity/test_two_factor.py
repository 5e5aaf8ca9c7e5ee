"""TOTP two-factor: required for administrators, then asked at every sign-in."""

import pyotp

from tests.conftest import csrf_from, login, set_up_authenticator


def test_admin_must_set_up_two_factor_before_using_the_suite(client, make_user):
    email = make_user("admin")
    assert login(client, email).status_code == 302
    response = client.get("/admin/users/")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/tf-setup")
    set_up_authenticator(client)
    assert client.get("/admin/users/").status_code == 200


def test_second_factor_is_asked_at_next_sign_in_and_wrong_code_refused(client, make_user):
    email = make_user("admin")
    login(client, email)
    key = set_up_authenticator(client)
    page = client.get("/admin/users/")
    client.post("/logout", data={"csrf_token": csrf_from(page.get_data(as_text=True))})

    response = login(client, email)
    assert "/tf-validate" in response.headers["Location"] or response.status_code == 200
    assert client.get("/admin/users/").status_code == 302  # not signed in until the code
    page = client.get("/tf-validate")
    wrong = client.post(
        "/tf-validate",
        data={"code": "000000", "csrf_token": csrf_from(page.get_data(as_text=True))},
    )
    assert "Invalid" in wrong.get_data(as_text=True)
    assert client.get("/admin/users/").status_code == 302
    right = client.post(
        "/tf-validate",
        data={"code": pyotp.TOTP(key).now(), "csrf_token": csrf_from(wrong.get_data(as_text=True))},
    )
    assert right.status_code == 302
    assert client.get("/admin/users/").status_code == 200


def test_other_roles_are_not_forced_into_two_factor(client, login_as):
    login_as("prison_officer")
    assert client.get("/prison/").status_code == 200
