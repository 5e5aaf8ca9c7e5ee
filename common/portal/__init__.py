"""The suite's start page and shared screens (users, audit trail, person index)."""

from common.factory import create_base_app


def create_app(test_config=None):
    """The portal app mounted at / : landing page, sign-in, users, audit, persons."""
    app = create_base_app(__name__, "common", "Belize Justice Suite", test_config)
    from common.audit.blueprint import bp as audit_bp
    from common.flows.blueprint import bp as flows_bp
    from common.identity.blueprint import bp as users_bp
    from common.imports.blueprint import bp as imports_bp
    from common.management.blueprint import bp as management_bp
    from common.persons.blueprint import bp as persons_bp
    from common.personview.blueprint import bp as personview_bp
    from common.portal.blueprint import bp as portal_bp

    blueprints = (portal_bp, users_bp, audit_bp, persons_bp, imports_bp)
    for bp in (*blueprints, flows_bp, personview_bp, management_bp):
        app.register_blueprint(bp)
    return app
