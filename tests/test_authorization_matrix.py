"""The committed authorization matrix matches the code, and every POST honours it."""

import pytest
from flask import url_for
from sqlalchemy import func, select
from werkzeug.routing import BuildError

from common.extensions import db
from common.identity.matrix import (
    MATRIX_PATH,
    REGENERATE_HINT,
    committed_matrix,
    generated_matrix,
    matrix_differences,
    matrix_rows,
    suite_apps,
)
from common.identity.roles import ROLE_PERMISSIONS
from tests.conftest import csrf_from


def test_committed_matrix_matches_the_code():
    differences = matrix_differences(committed_matrix(), generated_matrix())
    assert not differences, f"{MATRIX_PATH.name} is out of date ({REGENERATE_HINT}):\n" + (
        "\n".join(differences)
    )


def test_a_route_missing_from_the_matrix_is_reported():
    generated = generated_matrix()
    without_last = "".join(generated.splitlines(keepends=True)[:-1])
    differences = matrix_differences(without_last, generated)
    assert len(differences) == 1 and differences[0].startswith("new route not in the matrix")


def test_a_changed_grant_is_reported():
    generated = generated_matrix()
    tampered = generated.replace(",users.manage,allow,deny,", ",users.manage,allow,allow,", 1)
    assert matrix_differences(tampered, generated)[0].startswith("changed GET /admin/users/")


def test_cli_check_passes_and_fails(justice_cli, tmp_path):
    assert justice_cli("authz", "matrix", "--check").exit_code == 0
    stale = tmp_path / "matrix.csv"
    stale.write_text("path,methods\n", encoding="utf-8")
    result = justice_cli("authz", "matrix", "--check", "--output", str(stale))
    assert result.exit_code == 1
    assert "new route not in the matrix" in result.output


def test_every_cell_is_allow_deny_or_public():
    for row in matrix_rows(suite_apps()):
        cells = {row[role] for role in ROLE_PERMISSIONS}
        assert cells <= {"allow", "deny", "public"}, row
        if row["guard"] == "public":
            assert cells == {"public"}, row
        if row["guard"] == "token":
            assert cells == {"deny"}, f"session roles never reach the token API: {row}"


def _post_urls(app):
    """(prefix + URL, matrix row) for every session-guarded route that accepts POST."""
    rows = {(r["endpoint"], r["path"]): r for r in matrix_rows(suite_apps(app.config))}
    urls = []
    for prefix, sub in suite_apps(app.config):
        for rule in sub.url_map.iter_rules():
            row = rows[(rule.endpoint, prefix + rule.rule)]
            if "POST" not in rule.methods or row["guard"] != "session":
                continue
            with sub.test_request_context():
                try:
                    url = url_for(rule.endpoint, **{a: 1 for a in rule.arguments})
                except BuildError:
                    url = url_for(rule.endpoint, **{a: "1" for a in rule.arguments})
            urls.append((prefix + url, row))
    return urls


def _row_counts():
    """Rows in every table: a denied request must leave all of them unchanged."""
    return {
        table.name: db.session.scalar(select(func.count()).select_from(table))
        for table in db.metadata.sorted_tables
    }


def _denied_posts_change_nothing(app, client, role):
    token = csrf_from(client.get("/").get_data(as_text=True))
    with app.app_context():
        before = _row_counts()
    checked = 0
    for url, row in _post_urls(app):
        if row[role] != "deny":
            continue
        response = client.post(url, data={"csrf_token": token, "notes": "x"})
        assert response.status_code == 403, f"{role} POST {url} -> {response.status_code}"
        checked += 1
    with app.app_context():
        assert _row_counts() == before, f"a denied POST wrote something ({role})"
    return checked


@pytest.mark.parametrize("role", sorted(set(ROLE_PERMISSIONS) - {"admin"}))
def test_every_denied_post_is_403_and_writes_nothing(app, client, login_as, role):
    login_as(role)
    assert _denied_posts_change_nothing(app, client, role) > 0


def test_admin_denied_posts_are_403_and_write_nothing(app, admin_client):
    assert _denied_posts_change_nothing(app, admin_client, "admin") > 0


@pytest.mark.parametrize("role", sorted(set(ROLE_PERMISSIONS) - {"admin", "bco_analyst"}))
def test_allowed_posts_with_an_empty_form_never_fail_with_500(app, client, login_as, role):
    login_as(role)
    token = csrf_from(client.get("/").get_data(as_text=True))
    for url, row in _post_urls(app):
        if row[role] == "allow":
            response = client.post(url, data={"csrf_token": token})
            assert response.status_code < 500, f"{role} POST {url} -> {response.status_code}"


def test_anonymous_post_is_refused_before_the_view(app, client):
    for url, _row in _post_urls(app):
        assert client.post(url, data={}).status_code in (302, 400, 401), url
