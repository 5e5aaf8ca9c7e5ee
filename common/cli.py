"""The `justice` command: database, demo data, serving, users, audit."""

import sys

import click

from common.audit.services import acting_as


def make_app():
    """The portal app: every model is registered, so it can run any command."""
    import court_cms  # noqa: F401 - app packages register their models on import
    import lims  # noqa: F401
    import prison_ims  # noqa: F401
    from common.portal import create_app

    return create_app()


@click.group()
def main():
    """Belize justice suite: Prison IMS, Forensic LIMS and court case tracker."""


@main.group()
def db():
    """Database schema (one Alembic history for every app)."""


@db.command("upgrade")
@click.option("--revision", default="head", show_default=True)
def db_upgrade(revision):
    """Migrate the database to REVISION and sync roles with the authorization table."""
    import flask_migrate

    from common.extensions import db as sqla
    from common.identity.services import sync_roles_and_agencies

    app = make_app()
    with app.app_context(), acting_as("system:db-upgrade"):
        flask_migrate.upgrade(revision=revision)
        sync_roles_and_agencies()
        sqla.session.commit()
    click.echo(f"Database at {revision}; roles synced.")


@db.command("downgrade")
@click.option("--revision", default="-1", show_default=True)
def db_downgrade(revision):
    """Step the schema back (default: one revision)."""
    import flask_migrate

    with make_app().app_context():
        flask_migrate.downgrade(revision=revision)


@db.command("revision")
@click.option("-m", "--message", required=True)
def db_revision(message):
    """Autogenerate a migration from the models (developers)."""
    import flask_migrate

    with make_app().app_context():
        flask_migrate.migrate(message=message)


@db.command("current")
def db_current():
    """Print the current revision."""
    import flask_migrate

    with make_app().app_context():
        flask_migrate.current()


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--debug/--no-debug", default=False)
def serve(host, port, debug):
    """Serve the whole suite (portal, /prison, /lims, /court) for a first run or a demo."""
    from werkzeug.serving import run_simple

    from common.suite import create_suite

    click.echo(f"Serving the justice suite on http://{host}:{port}/")
    run_simple(host, port, create_suite(), use_reloader=debug, use_debugger=debug, threaded=True)


def _register_subcommands():
    from common.audit.cli import audit
    from common.demo.cli import demo
    from common.exports.cli import bco, exports, tokens
    from common.identity.cli import authz, users
    from common.imports.cli import import_command
    from common.persons.cli import persons
    from prison_ims.population.cli import snapshot
    from prison_ims.sentencing.cli import prison

    prison.add_command(snapshot)
    commands = (audit, authz, demo, users, persons, prison, tokens, exports, import_command, bco)
    for command in commands:
        main.add_command(command)


_register_subcommands()

if __name__ == "__main__":
    sys.exit(main())
