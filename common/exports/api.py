"""The export API every app serves at /api/export/v1/ (bearer tokens, JSON errors)."""

from functools import wraps

from flask import (
    Blueprint,
    Response,
    current_app,
    g,
    jsonify,
    request,
    stream_with_context,
    url_for,
)

from common.audit.services import record_event
from common.exports import contract, feed
from common.exports.datasets import datasets_of, get_dataset
from common.exports.tokens import token_for
from common.extensions import csrf, db

TOKEN_SCOPE = "exports.read"  # noqa: S105 - a scope name, not a secret


def api_error(status, error, message):
    """A JSON error body the API's clients can act on."""
    response = jsonify(error=error, message=message, status=status)
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="export"'
    return response


def requires_token(view):
    """Decorator: a valid, unrevoked bearer token of this app is required."""

    @wraps(view)
    def guarded(*args, **kwargs):
        header = request.headers.get("Authorization", "")
        scheme, _, presented = header.partition(" ")
        if scheme.lower() != "bearer" or not presented.strip():
            return api_error(
                401, "Unauthorized", "send Authorization: Bearer <token> (justice tokens create)"
            )
        token = token_for(current_app.config["APP_NAME"], presented.strip())
        if token is None:
            return api_error(401, "Unauthorized", "token is unknown, revoked or for another app")
        g.export_token = token
        return view(*args, **kwargs)

    guarded.required_permission = TOKEN_SCOPE
    guarded.token_guarded = True
    return guarded


def _audit_pull(what, details):
    token = g.export_token
    record_event(
        db.session,
        "export.pull",
        "ExportDataset",
        f"{token.app}/{what}",
        {"token": token.name, **details},
    )
    db.session.commit()


def _dataset_or_404(name):
    dataset = get_dataset(current_app.config["APP_NAME"], name)
    if dataset is None:
        names = ", ".join(d.name for d in datasets_of(current_app.config["APP_NAME"]))
        return None, api_error(404, "Not found", f"no dataset {name!r}; datasets: {names}")
    return dataset, None


def index():
    """The datasets this app publishes and where the contract documents are."""
    app = current_app.config["APP_NAME"]
    _audit_pull("index", {})
    return jsonify(
        datasets=[d.name for d in datasets_of(app)],
        datapackage=url_for("exports.datapackage", _external=True),
        openapi=url_for("exports.openapi", _external=True),
    )


def datapackage():
    """The Frictionless Data Package of every dataset."""
    _audit_pull("datapackage.json", {})
    return jsonify(
        contract.datapackage(
            current_app.config["APP_NAME"], url_for("exports.index", _external=True)
        )
    )


def openapi():
    """OpenAPI 3.1 of this API."""
    _audit_pull("openapi.json", {})
    return jsonify(contract.openapi(current_app.config["APP_NAME"], url_for("exports.index")))


def changes(dataset):
    """One page of a dataset's change feed after the given cursor."""
    found, error = _dataset_or_404(dataset)
    if error:
        return error
    try:
        limit = feed.parse_limit(request.args.get("limit"))
        page = feed.read_page(db.session, found, request.args.get("cursor"), limit)
    except feed.FeedError as exc:
        return api_error(400, "Bad request", str(exc))
    _audit_pull(dataset, {"records": len(page.records), "has_more": page.has_more})
    return jsonify(records=page.records, next_cursor=page.next_cursor, has_more=page.has_more)


def snapshot(dataset):
    """Every current record of a dataset as CSV, streamed."""
    found, error = _dataset_or_404(dataset)
    if error:
        return error
    cursor, chunks = feed.snapshot_csv(db.session, found)
    _audit_pull(f"{dataset}.csv", {"snapshot": True})
    response = Response(stream_with_context(chunks), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{dataset}.csv"'
    response.headers["X-Export-Cursor"] = cursor
    return response


def create_blueprint():
    """The export blueprint; every route needs a bearer token of the serving app."""
    bp = Blueprint("exports", __name__, url_prefix="/api/export/v1")
    bp.add_url_rule("/", "index", requires_token(index))
    bp.add_url_rule("/datapackage.json", "datapackage", requires_token(datapackage))
    bp.add_url_rule("/openapi.json", "openapi", requires_token(openapi))
    bp.add_url_rule("/<dataset>.csv", "snapshot", requires_token(snapshot))
    bp.add_url_rule("/<dataset>", "changes", requires_token(changes))
    csrf.exempt(bp)
    return bp
