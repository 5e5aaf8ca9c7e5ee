"""Prison IMS: create_app() builds the app on the shared platform."""

from common.factory import create_base_app


def create_app(test_config=None):
    """The Prison IMS app (mounted at /prison/ in the suite, or run alone)."""
    app = create_base_app(__name__, "prison", "Prison IMS", test_config)
    from prison_ims.admissions.blueprint import bp as admissions_bp
    from prison_ims.dashboard.blueprint import bp as dashboard_bp
    from prison_ims.discipline.blueprint import bp as discipline_bp
    from prison_ims.documents.blueprint import bp as documents_bp
    from prison_ims.housing.blueprint import bp as housing_bp
    from prison_ims.inbox.blueprint import bp as inbox_bp
    from prison_ims.movements.blueprint import bp as movements_bp
    from prison_ims.production.blueprint import bp as production_bp
    from prison_ims.releases.blueprint import bp as releases_bp
    from prison_ims.remand.blueprint import bp as remand_bp
    from prison_ims.sentences.blueprint import bp as sentences_bp
    from prison_ims.visits.blueprint import bp as visits_bp

    for bp in (dashboard_bp, admissions_bp, housing_bp, movements_bp):
        app.register_blueprint(bp)
    for bp in (sentences_bp, releases_bp, documents_bp, discipline_bp, visits_bp, remand_bp):
        app.register_blueprint(bp)
    for bp in (inbox_bp, production_bp):
        app.register_blueprint(bp)
    return app
