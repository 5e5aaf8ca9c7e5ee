"""Import routes: one set per app, each guarded by that app's import permission."""

from functools import partial, update_wrapper

from flask import Blueprint

from common.identity.access import requires
from common.imports import views
from common.imports.registry import load_importers

bp = Blueprint("imports", __name__, url_prefix="/imports")

ROUTES = (
    ("", "index", views.index, ("GET",)),
    ("/<kind>/upload", "upload", views.upload, ("GET", "POST")),
    ("/<kind>/file/<sha>", "mapping", views.mapping, ("GET", "POST")),
    ("/runs/<int:run_id>", "run", views.run_page, ("GET",)),
    ("/runs/<int:run_id>/status.json", "status", views.run_status, ("GET",)),
    ("/runs/<int:run_id>/resume", "resume", views.resume, ("POST",)),
    ("/runs/<int:run_id>/problems.<fmt>", "problems", views.problems_download, ("GET",)),
)


def add_app_routes(blueprint, app_name, permission):
    """The import pages of one app under /imports/<app>, requiring `permission`."""
    for path, name, view, methods in ROUTES:
        bound = update_wrapper(partial(view, app_name), view)
        bound.__name__ = f"{app_name}_{name}"
        blueprint.add_url_rule(
            f"/{app_name}{path}", f"{app_name}_{name}", requires(permission)(bound), methods=methods
        )


for _app, _permission in sorted({(i.app, i.permission) for i in load_importers().values()}):
    add_app_routes(bp, _app, _permission)
