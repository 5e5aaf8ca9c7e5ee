"""Every route names a permission; every role gets exactly what the table grants."""

import pytest
from werkzeug.routing import BuildError

from common.identity.access import is_public, unguarded_endpoints, view_permission
from common.identity.roles import ROLE_PERMISSIONS, role_allows


def _apps(app):
    """The portal and the mounted apps, with their URL prefixes."""
    import court_cms
    import lims
    import prison_ims

    config = {k: v for k, v in app.config.items()}
    return [
        ("", app),
        ("/prison", prison_ims.create_app(config)),
        ("/lims", lims.create_app(config)),
        ("/court", court_cms.create_app(config)),
    ]


def test_no_route_without_a_permission(app):
    for _prefix, sub in _apps(app):
        assert unguarded_endpoints(sub) == [], "routes without @requires(permission)"


def _get_routes(sub):
    """Concrete GET URLs for every guarded endpoint (path parameters filled with 1)."""
    routes = []
    for rule in sub.url_map.iter_rules():
        if is_public(rule.endpoint) or "GET" not in rule.methods:
            continue
        if getattr(sub.view_functions[rule.endpoint], "token_guarded", False):
            continue  # bearer-token API: tests/common/exports/test_api.py
        with sub.test_request_context():
            from flask import url_for

            try:
                url = url_for(rule.endpoint, **{a: 1 for a in rule.arguments})
            except BuildError:
                url = url_for(rule.endpoint, **{a: "1" for a in rule.arguments})
        routes.append((rule.endpoint, url, view_permission(sub, rule.endpoint)))
    return routes


@pytest.mark.parametrize("role", sorted(set(ROLE_PERMISSIONS) - {"admin"}))
def test_every_role_against_every_route(app, client, login_as, role):
    login_as(role)  # admin signs in with two-factor: see test_admin_against_every_route
    for prefix, sub in _apps(app):
        for endpoint, url, permission in _get_routes(sub):
            status = client.get(prefix + url).status_code
            if role_allows(role, permission):
                assert status != 403, f"{role} should reach {prefix}{url} ({endpoint})"
            else:
                assert status == 403, f"{role} must not reach {prefix}{url} ({endpoint})"


def test_admin_against_every_route(app, admin_client):
    for prefix, sub in _apps(app):
        for _endpoint, url, permission in _get_routes(sub):
            status = admin_client.get(prefix + url).status_code
            expected_denied = not role_allows("admin", permission)
            assert (status == 403) == expected_denied, f"admin {prefix}{url} -> {status}"


def test_anonymous_never_reaches_a_guarded_route(app, client):
    for prefix, sub in _apps(app):
        for _endpoint, url, _permission in _get_routes(sub):
            response = client.get(prefix + url)
            assert response.status_code in (302, 401), f"{prefix}{url}"
