"""`justice prison snapshot`: count the daily population and store it for the export feeds."""

import sys

import click

from common.audit.services import acting_as

DAY = click.DateTime(formats=["%Y-%m-%d"])
SHOWN_DAYS = 7


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
    for line in summary(totals):
        click.echo(line)


def summary(totals, detail_up_to=SHOWN_DAYS):
    """One line per day for a short run, else one line for the range."""
    if len(totals) <= detail_up_to:
        return [f"{day.isoformat()}: {held} in custody" for day, held in totals.items()]
    first, last = min(totals), max(totals)
    low, high = min(totals.values()), max(totals.values())
    return [f"{len(totals)} days stored, {first} to {last}: {low} to {high} in custody a day"]


def _fail(message):
    click.echo(f"Error: {message}", err=True)
    sys.exit(2)
