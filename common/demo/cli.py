"""`justice demo`: realistic, deterministic Belize demo data."""

import sys

import click
from sqlalchemy import select

from common.audit.services import acting_as


@click.command()
@click.option(
    "--scale",
    default=1,
    show_default=True,
    type=click.IntRange(1, 1000),
    help="Multiply volumes (benchmarks use 10 or more).",
)
@click.option("--seed", default=2026, show_default=True, type=int)
def demo(scale, seed):
    """Load demo accounts and data (refused when JUSTICE_ENV=production)."""
    from common.cli import make_app
    from common.demo.loader import load_demo

    app = make_app()
    if app.config["JUSTICE_ENV"] == "production":
        click.echo("Refused: demo data is never loaded into a production database.", err=True)
        sys.exit(2)
    with app.app_context(), acting_as("system:demo"):
        from common.extensions import db
        from common.persons.models import PersonRecord

        if db.session.scalar(select(PersonRecord.id).where(PersonRecord.source_ref.like("DEMO-%"))):
            click.echo("Demo data is already loaded; nothing to do.")
            return
        summary = load_demo(scale, seed, click.progressbar)
        db.session.commit()
    for line in summary:
        click.echo(line)
