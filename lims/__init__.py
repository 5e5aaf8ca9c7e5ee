"""Forensic LIMS: create_app() builds the app on the shared platform."""

from common.factory import create_base_app


def create_app(test_config=None):
    """The Forensic LIMS app (mounted at /lims/ in the suite, or run alone)."""
    app = create_base_app(__name__, "lims", "Forensic LIMS", test_config)
    from lims.analysis.blueprint import bp as analysis_bp
    from lims.courtlinks.blueprint import bp as courtlinks_bp
    from lims.dashboard.blueprint import bp as dashboard_bp
    from lims.disposition.blueprint import bp as disposition_bp
    from lims.intake.blueprint import bp as intake_bp
    from lims.items.blueprint import bp as items_bp
    from lims.metrics.blueprint import bp as metrics_bp
    from lims.reports.blueprint import bp as reports_bp

    for bp in (
        dashboard_bp,
        intake_bp,
        items_bp,
        analysis_bp,
        reports_bp,
        disposition_bp,
        metrics_bp,
        courtlinks_bp,
    ):
        app.register_blueprint(bp)
    return app
