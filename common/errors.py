"""Friendly error pages (HTML) or JSON bodies (API), never a traceback."""

import logging

from flask import current_app, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

log = logging.getLogger(__name__)

MESSAGES = {
    400: ("Request not understood", "The request was malformed.", None),
    403: (
        "Not permitted",
        "Your role does not give you access to this page.",
        "If you need it for your work, ask your supervisor to request the permission.",
    ),
    404: ("Not found", "There is no page at this address.", "Check the address or use the menu."),
    405: ("Not allowed", "This page cannot be used that way.", None),
    409: (
        "Changed by someone else",
        "This record was changed by someone else after you opened it. Nothing was saved.",
        "Reload the page to see the current version, then make your change again.",
    ),
    413: (
        "File too large",
        "The upload is larger than the allowed size.",
        "Split the file or ask an administrator about the limit.",
    ),
    429: (
        "Too many attempts",
        "Too many requests came from you in a short time, so this one was refused.",
        "Wait a minute and try again. Nothing was changed.",
    ),
    500: (
        "Something went wrong",
        "The system could not complete your request. Nothing was saved.",
        "Try again; if it keeps happening, tell the system administrator the time it happened.",
    ),
    503: (
        "Service temporarily unavailable",
        "The database cannot be reached right now. Nothing was saved.",
        "Wait a minute and try again. If it persists, contact the system administrator.",
    ),
}


def wants_json():
    """True for API paths and clients that asked for JSON."""
    if "/api/" in request.path:
        return True
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    accepted = request.accept_mimetypes
    return best == "application/json" and accepted[best] > accepted["text/html"]


def error_response(code, message=None, hint=None):
    """Render an error page or JSON body with the given status code."""
    heading, default_message, default_hint = MESSAGES.get(code, MESSAGES[500])
    message = message or default_message
    if wants_json():
        return jsonify(error=heading, message=message, status=code), code
    if code >= 500:
        # Rendered without context processors: they load the signed-in user from the
        # database, which may be exactly what is failing.
        page = current_app.jinja_env.get_template("errors/unavailable.html")
        return page.render(heading=heading, message=message, hint=hint or default_hint), code
    return render_template(
        "errors/error.html", heading=heading, message=message, hint=hint or default_hint
    ), code


def _rollback():
    from common.extensions import db

    try:
        db.session.rollback()
    except Exception:  # noqa: BLE001 - the connection may already be gone
        log.warning("rollback after database error failed", exc_info=True)


def register_error_handlers(app):
    """Install the handlers on an app."""
    for code in (400, 403, 404, 405, 413, 429, 500):
        app.register_error_handler(code, lambda e, c=code: error_response(c))

    @app.errorhandler(CSRFError)
    def csrf_error(exc):
        return error_response(
            400,
            "The form has expired or did not come from this system, so it was refused.",
            "Reload the page and submit the form again.",
        )

    @app.errorhandler(StaleDataError)
    def stale_record(exc):
        # A version check the service did not catch: another transaction won the race.
        log.warning("stale record refused: %s", exc)
        _rollback()
        return error_response(409)

    @app.errorhandler(OperationalError)
    def database_unavailable(exc):
        log.error("database unavailable: %s", exc)
        _rollback()
        return error_response(503)

    @app.errorhandler(DBAPIError)
    def database_error(exc):
        if exc.connection_invalidated:
            _rollback()
            return error_response(503)
        log.exception("database error")
        _rollback()
        return error_response(500)
