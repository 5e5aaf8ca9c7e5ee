"""Rate limits (Flask-Limiter): sign-in per client address, the export API per token.

Limits are settings (LOGIN_RATE_LIMIT, EXPORT_RATE_LIMIT, in the `limits` notation such as
"20 per minute"). Counters live in RATELIMIT_STORAGE_URI: memory:// keeps them per worker
process, which is enough against password guessing on one server; point it at Redis or
Memcached when several servers share the load.
"""

import hashlib

from flask import current_app, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

SIGN_IN_ENDPOINTS = (
    "security.login",
    "security.two_factor_token_validation",
    "security.verify",
    "security.change_password",
)
EXPORT_ENDPOINT_PREFIX = "exports."


def export_client_key():
    """The export client: a digest of its bearer token (never the token), else its address."""
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer ") and header[7:].strip():
        return "token:" + hashlib.sha256(header[7:].strip().encode()).hexdigest()
    return "addr:" + get_remote_address()


def _login_limit():
    return current_app.config["LOGIN_RATE_LIMIT"]


def _export_limit():
    return current_app.config["EXPORT_RATE_LIMIT"]


def _wrap(app, endpoints, decorator):
    for endpoint in endpoints:
        app.view_functions[endpoint] = decorator(app.view_functions[endpoint])


def install_rate_limits(app):
    """Create the app's limiter and limit its sign-in forms and export API."""
    limiter = Limiter(get_remote_address, app=app)
    sign_in = limiter.shared_limit(_login_limit, scope="sign-in", methods=["POST"])
    _wrap(app, [e for e in SIGN_IN_ENDPOINTS if e in app.view_functions], sign_in)
    exports = [e for e in app.view_functions if e.startswith(EXPORT_ENDPOINT_PREFIX)]
    export_limit = limiter.shared_limit(_export_limit, scope="export-api",
                                        key_func=export_client_key)  # fmt: skip
    _wrap(app, exports, export_limit)
    app.extensions["justice_limiter"] = limiter
    return limiter
