"""`justice prison snapshot`: count the daily population and store it for the export feeds."""

import sys

import click

from common.audit.services import acting_as

DAY = click.DateTime(formats=["%Y-%m-%d"])


@click.command("snapshot")
@click.option("--date", "day", type=DAY, help="One day (YYYY-MM-DD); default today.")
@click.option("--from", "first", type=DAY, help="First day of a range (with --to).")
@click.option("--to", "last", type=DAY, help="Last day of a range (with --from).")
def snapshot(day, first, last):
    """Store the population at the end of each day by legal status, sex, age band and unit.

    Re-running a day replaces its rows; changed counts reach the BCO feed as updates.
    """
    from common.cli import make_app
    from common.extensions import db
    from prison_ims.population.services import SnapshotError, check_range, snapshot_range
    from prison_ims.times import belize_date, now_utc

    if day and (first or last):
        _fail("give either --date or --from and --to, not both.")
    if bool(first) != bool(last):
        _fail("a range needs both --from and --to.")
    with make_app().app_context(), acting_as("system:population-snapshot"):
        today = belize_date(now_utc())
        first = (first or day).date() if (first or day) else today
        last = last.date() if last else first
        try:
            check_range(first, last, today)
        except SnapshotError as exc:
            _fail(str(exc))
        days = (last - first).days + 1
        with click.progressbar(length=days, label="Population snapshots", file=sys.stderr) as bar:
            totals = snapshot_range(first, last, commit=db.session.commit, progress=bar.update)
    for when, held in totals.items() if days <= 7 else ():
        click.echo(f"{when.isoformat()}: {held} in custody")
    if days > 7:
        click.echo(
            f"{days} days stored, {first} to {last}: {min(totals.values())} to "
            f"{max(totals.values())} in custody"
        )


def _fail(message):
    click.echo(f"Error: {message}", err=True)
    sys.exit(2)
