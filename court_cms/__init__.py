"""Court case tracker: create_app() builds the app on the shared platform."""

from common.factory import create_base_app


def create_app(test_config=None):
    """The Court case tracker app (mounted at /court/ in the suite, or run alone)."""
    app = create_base_app(__name__, "court", "Court case tracker", test_config)
    from court_cms.cases.blueprint import bp as cases_bp
    from court_cms.cases.blueprint import lists as causelist_bp
    from court_cms.cases.blueprint import stats as statistics_bp
    from court_cms.dashboard.blueprint import bp as dashboard_bp

    for bp in (dashboard_bp, cases_bp, causelist_bp, statistics_bp):
        app.register_blueprint(bp)
    return app
