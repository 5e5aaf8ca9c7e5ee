"""schemathesis drives every export endpoint from the published OpenAPI: no server errors."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import ignored_auth, positive_data_acceptance

from tests.common.exports.helpers import bearer, file_court_case, make_token
from tests.prison_ims.helpers import admit

APPS = ["prison", "lims", "court"]


@pytest.mark.parametrize("app_name", APPS)
def test_every_operation_answers_without_a_server_error(app, app_name):
    from common.extensions import db

    file_court_case(app)
    with app.app_context():
        admit()
        db.session.commit()
    headers = bearer(make_token(app, app_name, "fuzz"))
    schema = schemathesis.openapi.from_wsgi(
        f"/{app_name}/api/export/v1/openapi.json", app, headers=headers
    )
    checked = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @settings(
            max_examples=30,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        @given(case=operation.as_strategy())
        def check(case):
            response = case.call(headers=headers)
            assert response.status_code < 500, (case.path, response.text[:300])
            # Our valid token is added to every call, so the invalid-auth probe does not apply
            # (401s are tested in test_api.py); a cursor is valid only when the server issued
            # it, so a generated one is rightly refused with 400 (also tested there).
            case.validate_response(
                response, excluded_checks=[ignored_auth, positive_data_acceptance]
            )

        check()
        checked.append(operation.path)
    assert {"/{dataset}", "/{dataset}.csv", "/datapackage.json"} <= set(checked)
