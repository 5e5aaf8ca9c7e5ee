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
