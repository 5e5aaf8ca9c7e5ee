"""`justice tokens ...` and `justice exports ...`: export API tokens and the outbox."""

import sys

import click

from common.audit.services import acting_as
from common.timefmt import belize_today

APP_CHOICE = click.Choice(["prison", "lims", "court"])


@click.group()
def tokens():
    """Bearer tokens for the BCO export API."""


@tokens.command("create")
@click.option("--app", "app_name", required=True, type=APP_CHOICE)
@click.option("--name", required=True, help="Who uses it, e.g. bco-repository.")
def tokens_create(app_name, name):
    """Create a token; it is printed once and only its hash is kept."""
    from common.cli import make_app
    from common.exports.tokens import TokenError, create_token
    from common.extensions import db

    with make_app().app_context(), acting_as("system:tokens"):
        try:
            _row, token = create_token(app_name, name)
        except TokenError as exc:
            db.session.rollback()
            click.echo(f"Refused: {exc}", err=True)
            sys.exit(2)
        db.session.commit()
    click.echo(token)
    click.echo("Store it now: it is not shown again.", err=True)


@tokens.command("revoke")
@click.option("--app", "app_name", required=True, type=APP_CHOICE)
@click.option("--name", required=True)
def tokens_revoke(app_name, name):
    """Revoke a token: it stops working at once."""
    from common.cli import make_app
    from common.exports.tokens import TokenError, revoke_token
    from common.extensions import db

    with make_app().app_context(), acting_as("system:tokens"):
        try:
            revoke_token(app_name, name)
        except TokenError as exc:
            db.session.rollback()
            click.echo(f"Refused: {exc}", err=True)
            sys.exit(2)
        db.session.commit()
    click.echo(f"Revoked the {app_name} token {name!r}.")


@tokens.command("list")
def tokens_list():
    """Tokens with their app, name, creation and revocation dates (never the secret)."""
    from common.cli import make_app
    from common.exports.tokens import list_tokens

    with make_app().app_context():
        for row in list_tokens():
            state = f"revoked {row.revoked_at:%Y-%m-%d}" if row.revoked_at else "active"
            click.echo(f"{row.app:7} {row.name:30} created {row.created_at:%Y-%m-%d}  {state}")


@click.group()
def exports():
    """The export outbox."""


@exports.command("backfill")
@click.option("--app", "app_name", type=APP_CHOICE, help="Only this app's datasets.")
def exports_backfill(app_name):
    """Emit every current record of each dataset into the feed (after a bulk load)."""
    from common.cli import make_app
    from common.exports.datasets import all_datasets
    from common.exports.outbox import backfill
    from common.extensions import db

    with make_app().app_context(), acting_as("system:exports"):
        for dataset in all_datasets():
            if app_name and dataset.app != app_name:
                continue
            count = backfill(db.session, dataset)
            click.echo(f"{dataset.app}/{dataset.name}: {count} records emitted")
        db.session.commit()


@click.group()
def bco():
    """The reference BCO repository: pull the feeds, compute indicators."""


@bco.command("pull")
@click.option("--source", "sources", multiple=True, required=True, help="NAME=URL,TOKEN")
@click.option("--into", "into", default="sqlite:///instance/bco.db", show_default=True)
def bco_pull(sources, into):
    """Pull every dataset of each source incrementally into the repository database."""
    from common.exports.consumer import PullError, Source, datasets_of, pull_dataset, repository

    try:
        parsed = [Source.parse(text) for text in sources]
        engine = repository(into)
        for source in parsed:
            for dataset in datasets_of(source):
                seen = [0]

                def progress(n, label=f"{source.name}/{dataset}", seen=seen):
                    seen[0] += n
                    click.echo(f"\r{label}: {seen[0]} records read", nl=False, err=True)

                moved = pull_dataset(engine, source, dataset, progress)
                click.echo(f"\r{source.name}/{dataset}: {seen[0]} read, {moved} stored", err=True)
    except PullError as exc:
        click.echo(f"\nRefused: {exc}", err=True)
        sys.exit(2)


@bco.command("indicators")
@click.option("--from", "source", default="sqlite:///instance/bco.db", show_default=True)
@click.option("--out", "out", type=click.Path(dir_okay=False), help="CSV of every cell.")
@click.option("--pdf", "pdf", type=click.Path(dir_okay=False), help="Printed summary, charts.")
def bco_indicators(source, out, pdf):
    """Cross-system indicators by month, sex, age band and district (cells under 5 hidden)."""
    from sqlalchemy.engine import make_url

    from common.exports.consumer import repository
    from common.exports.indicators import compute, load, write_csv
    from common.exports.report import write_pdf

    if not (out or pdf):
        click.echo("Refused: give --out FILE.csv, --pdf FILE.pdf or both.", err=True)
        sys.exit(2)
    today = belize_today()
    counts, rates = compute(load(repository(source)), today=today)
    if out:
        write_csv(out, counts, rates)
        click.echo(f"{len(counts) + len(rates)} indicator cells written to {out}")
    if pdf:
        shown = make_url(source).render_as_string(hide_password=True)
        write_pdf(pdf, counts, rates, shown, today)
        click.echo(f"Indicator summary written to {pdf}")
