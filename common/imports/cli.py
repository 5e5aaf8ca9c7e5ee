"""`justice import <app> <kind> FILE [--mapping MAP.json] [--dry-run]`."""

import os
import sys

import click

from common.audit.services import acting_as

BAD_INPUT = 2


def fail(message):
    """Print a refusal and exit with the bad-input code."""
    click.echo(f"Refused: {message}", err=True)
    sys.exit(BAD_INPUT)


def read_file(path, limit):
    """The file bytes, refusing one over the size limit before reading it."""
    from common.imports.reader import ImportRefused, refuse_size

    try:
        refuse_size(os.path.getsize(path), limit)
    except ImportRefused as exc:
        fail(str(exc))
    with open(path, "rb") as handle:
        return handle.read()


def echo_run(run):
    """Counts and the first problems of a run."""
    click.echo(
        f"{run.status_label}: {run.rows_read} rows read; {run.created} created, "
        f"{run.updated} updated, {run.skipped} skipped; {run.linked} linked to existing persons, "
        f"{run.reviews} sent to the review queue; {run.errors} errors, {run.warnings} warnings."
    )
    click.echo(f"File SHA-256 {run.sha256}; run #{run.id}.")
    for p in run.problems[:20]:
        click.echo(
            f"  row {p['row']} [{p['column']}] {p['value']!r}: {p['problem']} ({p['severity']})"
        )


@click.command("import")
@click.argument("app_name", metavar="APP")
@click.argument("kind")
@click.argument("path", metavar="FILE", type=click.Path(exists=True, dir_okay=False))
@click.option("--mapping", "mapping_path", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Check every row and count; write nothing.")
def import_command(app_name, kind, path, mapping_path, dry_run):
    """Import a register (.xlsx or .csv) into APP (prison, court): KIND inmates, cases."""
    from common.cli import make_app
    from common.extensions import db
    from common.imports.mapping import MappingError, load_mapping_file
    from common.imports.reader import ImportRefused
    from common.imports.registry import get_importer, load_importers
    from common.imports.services import run_import
    from common.imports.settings import setting

    app = make_app()
    with app.app_context(), acting_as("import:command-line"):
        importer = get_importer(app_name, kind)
        if importer is None:
            known = ", ".join(f"{a} {k}" for a, k in sorted(load_importers()))
            fail(f"no importer '{app_name} {kind}'; known: {known}.")
        try:
            mapping = load_mapping_file(mapping_path) if mapping_path else None
            data = read_file(path, setting("IMPORT_MAX_BYTES"))
            with click.progressbar(length=0, label="Rows", show_pos=True) as bar:
                run = run_import(
                    importer, data, os.path.basename(path), mapping, dry_run, progress=bar.update
                )
        except (ImportRefused, MappingError) as exc:
            db.session.rollback()
            fail(str(exc))
        db.session.commit()
        echo_run(run)
        if run.errors:
            sys.exit(BAD_INPUT)
