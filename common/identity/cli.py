"""`justice users ...`: create accounts, purge demo accounts."""

import sys

import click
from sqlalchemy import select

from common.audit.services import acting_as
from common.identity.roles import ROLE_AGENCY, ROLE_PERMISSIONS


@click.group()
def users():
    """User accounts."""


@users.command("create")
@click.option("--email", required=True)
@click.option(
    "--role",
    "roles",
    multiple=True,
    required=True,
    type=click.Choice(sorted(ROLE_PERMISSIONS)),
    help="Repeat for several roles.",
)
@click.option("--name", "full_name", default="", help="Full name shown on screens.")
@click.option("--agency", default=None, help="Agency code (default: the first role's).")
@click.password_option(help="Prompted (twice) when not given.")
def create(email, roles, full_name, agency, password):
    """Create an account."""
    from common.cli import make_app
    from common.extensions import db
    from common.identity.services import UserError, create_user, sync_roles_and_agencies

    with make_app().app_context(), acting_as("system:cli"):
        sync_roles_and_agencies()
        try:
            user = create_user(
                email, password, full_name or email, list(roles), agency or ROLE_AGENCY[roles[0]]
            )
        except UserError as exc:
            db.session.rollback()
            click.echo(f"Error: {exc}", err=True)
            sys.exit(2)
        db.session.commit()
        click.echo(f"Created {user.email} with roles {', '.join(roles)}.")


@users.command("purge-demo")
@click.confirmation_option(prompt="Deactivate and anonymise every demo account?")
def purge_demo():
    """Turn demo accounts into disabled, non-demo tombstones (history is kept)."""
    import uuid

    from common.cli import make_app
    from common.extensions import db
    from common.identity.models import User

    with make_app().app_context(), acting_as("system:cli"):
        demo = db.session.scalars(select(User).where(User.demo_account.is_(True))).all()
        for user in demo:
            user.active = False
            user.demo_account = False
            user.password = None
            user.roles = []
            user.email = f"retired-demo-{user.id}@invalid"
            user.fs_uniquifier = uuid.uuid4().hex
        db.session.commit()
        click.echo(f"{len(demo)} demo account(s) retired.")


@click.group()
def authz():
    """The authorization matrix (every route x every role)."""


@authz.command("matrix")
@click.option("--check", is_flag=True, help="Exit 1 when the committed matrix is out of date.")
@click.option(
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Where to write (default docs/authorization-matrix.csv; - for stdout).",
)
def matrix(check, output):
    """Write the route x role matrix generated from the URL maps and roles.py."""
    from pathlib import Path

    from common.identity.matrix import (
        MATRIX_PATH,
        committed_matrix,
        generated_matrix,
        matrix_differences,
    )

    path = Path(output) if output and output != "-" else MATRIX_PATH
    generated = generated_matrix()
    if check:
        differences = matrix_differences(committed_matrix(path), generated)
        for line in differences:
            click.echo(line, err=True)
        if differences:
            click.echo(f"{path} is out of date: run `justice authz matrix`", err=True)
            sys.exit(1)
        click.echo(f"{path} is up to date.")
    elif output == "-":
        click.echo(generated, nl=False)
    else:
        path.write_text(generated, encoding="utf-8")
        click.echo(f"Wrote {path} ({generated.count(chr(10)) - 1} routes).")
