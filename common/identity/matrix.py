"""The authorization matrix: every route of the suite x every role -> allow / deny.

Generated from the URL maps (each view's `requires` permission) and the table in
`common.identity.roles`; the committed copy lives in docs/authorization-matrix.csv so a
review sees every change of access as a diff. `justice authz matrix` rewrites it and
`justice authz matrix --check` fails when it is out of date.
"""

import csv
import io

from common.config import ROOT
from common.identity.access import is_public, view_permission
from common.identity.roles import ROLE_PERMISSIONS, role_allows

MATRIX_PATH = ROOT / "docs" / "authorization-matrix.csv"
APP_PREFIXES = (("", "common.portal"), ("/prison", "prison_ims"), ("/lims", "lims"),
                ("/court", "court_cms"))  # fmt: skip
IGNORED_METHODS = {"HEAD", "OPTIONS"}
REGENERATE_HINT = (
    "run `justice authz matrix` to regenerate docs/authorization-matrix.csv, "
    "then review and commit the diff"
)

# A neutral configuration: building the apps to read their URL maps touches no database.
MATRIX_CONFIG = {"JUSTICE_ENV": "development", "SQLALCHEMY_DATABASE_URI": "sqlite://"}


def roles():
    """The roles, in the column order of the matrix."""
    return sorted(ROLE_PERMISSIONS)


def suite_apps(config=None):
    """(URL prefix, app) for the portal and the three mounted apps."""
    import importlib

    config = dict(config or MATRIX_CONFIG)
    return [(prefix, importlib.import_module(name).create_app(config))
            for prefix, name in APP_PREFIXES]  # fmt: skip


def guard_of(app, endpoint):
    """How a route is guarded: public, token (export API bearer token) or session."""
    if is_public(endpoint):
        return "public"
    if getattr(app.view_functions[endpoint], "token_guarded", False):
        return "token"
    return "session"


def access(guard, permission, role):
    """The cell for one route and one role."""
    if guard == "public":
        return "public"
    if guard == "token" or permission is None:
        return "deny"
    return "allow" if role_allows(role, permission) else "deny"


def matrix_rows(apps):
    """One dict per (path, methods) of every app, sorted by path."""
    rows = []
    for prefix, app in apps:
        for rule in app.url_map.iter_rules():
            guard = guard_of(app, rule.endpoint)
            permission = view_permission(app, rule.endpoint)
            row = {
                "path": prefix + rule.rule,
                "methods": " ".join(sorted(rule.methods - IGNORED_METHODS)),
                "endpoint": rule.endpoint,
                "guard": guard,
                "permission": permission or "",
            }
            row.update({role: access(guard, permission, role) for role in roles()})
            rows.append(row)
    return sorted(rows, key=lambda r: (r["path"], r["methods"]))


def matrix_csv(rows):
    """The matrix as CSV text (Unix newlines, stable column order)."""
    out = io.StringIO()
    fields = ["path", "methods", "endpoint", "guard", "permission", *roles()]
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def generated_matrix(config=None):
    """The matrix the code implies right now, as CSV text."""
    return matrix_csv(matrix_rows(suite_apps(config)))


def committed_matrix(path=MATRIX_PATH):
    """The committed matrix file, or '' when it does not exist."""
    return path.read_text(encoding="utf-8") if path.exists() else ""


def matrix_differences(committed, generated):
    """Human-readable lines: routes added, removed or changed since the committed matrix."""
    old = {(r["path"], r["methods"]): r for r in csv.DictReader(io.StringIO(committed))}
    new = {(r["path"], r["methods"]): r for r in csv.DictReader(io.StringIO(generated))}
    lines = [f"new route not in the matrix: {m} {p}" for p, m in sorted(new.keys() - old.keys())]
    lines += [f"route gone from the code: {m} {p}" for p, m in sorted(old.keys() - new.keys())]
    for key in sorted(new.keys() & old.keys()):
        changed = sorted(c for c in new[key] if new[key][c] != old[key].get(c))
        if changed:
            lines.append(f"changed {key[1]} {key[0]}: {', '.join(changed)}")
    if not lines and committed != generated:
        lines.append("columns or layout differ (a role was added or removed?)")
    return lines
