"""Every view names the one permission it needs; anything not granted is denied."""

from functools import wraps

from flask import abort, current_app, request
from flask_login import current_user
from flask_security import auth_required

from common.identity.roles import all_permissions

PUBLIC_ENDPOINT_PREFIXES = ("security.", "static", "health")


def requires(permission):
    """Decorator: login (session) and `permission` are required to use the view."""
    if permission not in all_permissions():
        raise ValueError(f"unknown permission {permission!r}: add it to ROLE_PERMISSIONS")

    def decorator(view):
        @wraps(view)
        def guarded(*args, **kwargs):
            if not current_user.has_permission(permission):
                abort(403)
            return view(*args, **kwargs)

        wrapped = auth_required("session")(guarded)
        wrapped.required_permission = permission
        return wrapped

    return decorator


def is_public(endpoint):
    """Endpoints reachable without a permission (sign-in pages, static files, health)."""
    return endpoint.startswith(PUBLIC_ENDPOINT_PREFIXES)


def view_permission(app, endpoint):
    """The permission a view requires, or None if it declares none."""
    return getattr(app.view_functions[endpoint], "required_permission", None)


def unguarded_endpoints(app):
    """Endpoints that are neither public nor guarded by `requires` (must be empty)."""
    return sorted(
        ep for ep in app.view_functions if not is_public(ep) and view_permission(app, ep) is None
    )


def require_two_factor_setup():
    """before_request: roles that must use 2FA are sent to set it up before anything else."""
    if not current_user.is_authenticated or request.endpoint is None:
        return None
    if is_public(request.endpoint) or current_user.tf_primary_method:
        return None
    required = set(current_app.config["TWO_FACTOR_REQUIRED_ROLES"])
    if required & {r.name for r in current_user.roles}:
        from flask import flash, redirect, url_for

        flash(
            "Your role requires two-factor sign-in. Set up an authenticator app to continue.",
            "warning",
        )
        return redirect(url_for("security.two_factor_setup"))
    return None
