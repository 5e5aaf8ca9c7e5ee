"""`justice persons link|dedupe`: file-to-file person matching (no database needed)."""

import sys

import click


class _StderrProgress:
    """Adapts the engine's progress(done, total) callback to a click progress bar."""

    def __init__(self, label):
        self.label, self.bar, self.done = label, None, 0

    def __call__(self, done, total):
        if self.bar is None:
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done

    def close(self):
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def _run(label, operation, *args):
    from common.persons.matching import InputError

    progress = _StderrProgress(label)
    try:
        return operation(*args, progress=progress)
    except InputError as exc:
        progress.close()
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    finally:
        progress.close()


@click.group()
def persons():
    """The person index and the matching engine."""


@persons.command("link")
@click.argument("left", type=click.Path(dir_okay=False))
@click.argument("right", type=click.Path(dir_okay=False))
@click.option(
    "--out",
    "out_path",
    required=True,
    type=click.Path(dir_okay=False),
    help="LINKS.csv: left_id,right_id,score,decision (match|review)",
)
def link_command(left, right, out_path):
    """Link the records of LEFT.csv to those of RIGHT.csv."""
    from common.persons.matching.cli_ops import link_files

    rows = _run("Linking", link_files, left, right, out_path)
    click.echo(f"{rows} linked pair(s) written to {out_path}", err=True)


@persons.command("dedupe")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option(
    "--out",
    "out_path",
    required=True,
    type=click.Path(dir_okay=False),
    help="CLUSTERS.csv: record_id,person_id",
)
@click.option(
    "--profile",
    type=click.Choice(["default", "archive"]),
    default="default",
    show_default=True,
    help="archive: bulk clean-up of old registers (a different given name alone does not "
    "stop a link); default keeps twins and relatives apart",
)
@click.option("--train", is_flag=True, help="Estimate the model's parameters from FILE first (EM)")
def dedupe_command(path, out_path, profile, train):
    """Group the records of FILE.csv into persons."""
    from common.persons.matching import MatchSettings
    from common.persons.matching.cli_ops import dedupe_file

    settings = MatchSettings.profile(profile)
    people = _run("De-duplicating", dedupe_file, path, out_path, settings, train)
    click.echo(f"{people} person(s) written to {out_path}", err=True)


@persons.command("reindex")
def reindex():
    """Rebuild the blocking keys and name counts of every source record (after a model change)."""
    from sqlalchemy import delete, func, select

    from common.audit.services import acting_as
    from common.cli import make_app
    from common.extensions import db
    from common.persons.index_store import index_record
    from common.persons.models import PersonMatchKey, PersonNameCount, PersonRecord

    with make_app().app_context(), acting_as("system:reindex"):
        db.session.execute(delete(PersonMatchKey))
        db.session.execute(delete(PersonNameCount))
        total = db.session.scalar(select(func.count(PersonRecord.id))) or 0
        with click.progressbar(length=total, label="Indexing", file=sys.stderr) as bar:
            for record in db.session.scalars(select(PersonRecord).order_by(PersonRecord.id)):
                index_record(record)
                bar.update(1)
        db.session.commit()
    click.echo(f"{total} record(s) indexed.")
