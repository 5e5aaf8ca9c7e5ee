"""Forensic LIMS: create_app() builds the app on the shared platform."""

from common.factory import create_base_app


def create_app(test_config=None):
    """The Forensic LIMS app (mounted at /lims/ in the suite, or run alone)."""
    app = create_base_app(__name__, "lims", "Forensic LIMS", test_config)
    from lims.dashboard.blueprint import bp as dashboard_bp

    app.register_blueprint(dashboard_bp)
    return app
