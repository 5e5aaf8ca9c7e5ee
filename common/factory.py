"""create_base_app(): the platform every app is built on."""

import logging
from pathlib import Path

from flask import Flask, request
from flask_security import Security, SQLAlchemyUserDatastore, user_authenticated
from sqlalchemy import inspect as sa_inspect

from common import formfields  # noqa: F401 - installs the shared form attribute writer
from common.audit.services import install_listeners
from common.config import ROOT, ConfigError, build_config, check_production
from common.errors import register_error_handlers
from common.exports.outbox import install_outbox
from common.extensions import csrf, db, migrate
from common.identity.access import require_two_factor_setup
from common.identity.lockout import register_success
from common.identity.models import Role, User
from common.ratelimit import install_rate_limits
from common.timefmt import belize_time, long_date

log = logging.getLogger(__name__)

EXPORTING_APPS = ("prison", "lims", "court")
APP_COLOURS = {"prison": "prison", "lims": "lims", "court": "court", "common": "suite"}
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'"
)


def create_base_app(import_name, app_name, title, test_config=None):
    """Build a Flask app with database, security, audit, errors and templates wired in."""
    config = build_config(test_config)
    check_production(config)
    app = Flask(
        import_name,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=str(config_instance(config)),
    )
    app.config.update(config)
    app.config.update(APP_NAME=app_name, APP_TITLE=title)
    _init_extensions(app)
    _init_templates(app, app_name, title)
    app.after_request(_security_headers)
    app.before_request(require_two_factor_setup)
    register_error_handlers(app)
    app.add_url_rule("/health", "health", lambda: {"status": "ok", "app": app_name})
    if app_name in EXPORTING_APPS:
        from common.exports.api import create_blueprint

        app.register_blueprint(create_blueprint())
    install_rate_limits(app)
    trust_proxy_headers(app)
    refuse_demo_accounts_in_production(app)
    return app


def trust_proxy_headers(app):
    """Take the client's address and scheme from the proxies in front (PROXY_FIX_HOPS)."""
    hops = app.config["PROXY_FIX_HOPS"]
    if hops > 0:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=0)


def config_instance(config):
    """The instance folder (SQLite database, uploads); created if missing."""
    from common.config import INSTANCE_DIR

    path = Path(config.get("INSTANCE_DIR", INSTANCE_DIR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _init_extensions(app):
    from common.registry import import_all_models

    # Every app knows every model, so a merge in one app moves references held by others.
    import_all_models()
    db.init_app(app)
    migrate.init_app(
        app, db, directory=str(ROOT / "migrations"), render_as_batch=True, compare_type=True
    )
    csrf.init_app(app)
    datastore = SQLAlchemyUserDatastore(db, User, Role)
    app.security = Security(app, datastore)
    install_listeners()
    install_outbox()
    if not getattr(user_authenticated, "_justice_connected", False):
        user_authenticated.connect(register_success)
        user_authenticated._justice_connected = True


def suite_links(config):
    """Where the home page and each app live (overridable when apps run alone)."""
    return {
        "home": config.get("SUITE_HOME_URL", "/"),
        "prison": config.get("SUITE_PRISON_URL", "/prison/"),
        "lims": config.get("SUITE_LIMS_URL", "/lims/"),
        "court": config.get("SUITE_COURT_URL", "/court/"),
    }


def _init_templates(app, app_name, title):
    app.jinja_env.filters["belize_time"] = belize_time
    app.jinja_env.filters["long_date"] = long_date
    links = suite_links(app.config)

    @app.context_processor
    def inject_suite():
        return {
            "app_name": app_name,
            "app_title": title,
            "suite_links": links,
            "app_colour": APP_COLOURS.get(app_name, "suite"),
        }


def _security_headers(response):
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if request.endpoint != "static":
        # Pages carry personal data: never keep them in shared browser caches.
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def refuse_demo_accounts_in_production(app):
    """In production, refuse to start while any demo account exists."""
    if app.config["JUSTICE_ENV"] != "production":
        return
    with app.app_context():
        if not sa_inspect(db.engine).has_table(User.__tablename__):
            return
        if db.session.query(User.id).filter(User.demo_account.is_(True)).first():
            raise ConfigError(
                "demo accounts exist in this database: retire them with "
                "`justice users purge-demo` before running with "
                "JUSTICE_ENV=production"
            )
