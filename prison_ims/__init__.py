"""Prison IMS: create_app() builds the app on the shared platform."""

from common.factory import create_base_app


def create_app(test_config=None):
    """The Prison IMS app (mounted at /prison/ in the suite, or run alone)."""
    app = create_base_app(__name__, "prison", "Prison IMS", test_config)
    from prison_ims.dashboard.blueprint import bp as dashboard_bp

    app.register_blueprint(dashboard_bp)
    return app
