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


def echo_progress(phase, done, total):
    """One progress line on the terminal, rewritten in place."""
    of = f" of {total:,}" if total else ""
    click.echo(f"\r{phase.capitalize()} rows: {done:,}{of}", nl=False, err=True)


def importing_user(email):
    """The user the command acts for (--user), or None; refuses an unknown email."""
    from sqlalchemy import func, select

    from common.extensions import db
    from common.identity.models import User

    if not email:
        return None
    user = db.session.scalar(select(User).where(func.lower(User.email) == email.lower()))
    if user is None or not user.active:
        fail(f"no active user with the email {email}.")
    return user


def echo_run(run):
    """Counts and the first problems of a run."""
    click.echo(
        f"{run.status_label}: {run.rows_read} rows read; {run.created} created, "
        f"{run.updated} updated, {run.skipped} skipped; {run.linked} linked to existing persons, "
        f"{run.reviews} sent to the review queue; {run.errors} errors, {run.warnings} warnings."
    )
    click.echo(f"File SHA-256 {run.sha256}; run #{run.id}.")
    if run.message:
        click.echo(run.message)
    for p in run.problems[:20]:
        click.echo(
            f"  row {p['row']} [{p['column']}] {p['value']!r}: {p['problem']} ({p['severity']})"
        )


def run_to_execute(importer, data, path, mapping_path, dry_run, user, resume_id):
    """(run, resuming): the stopped run to resume, or a new run of the file (committed)."""
    from common.extensions import db
    from common.imports.mapping import load_mapping_file
    from common.imports.models import ImportRun
    from common.imports.services import start_run

    if resume_id:
        run = db.session.get(ImportRun, resume_id)
        if run is None or (run.app, run.kind) != (importer.app, importer.kind):
            fail(f"no {importer.app} {importer.kind} import run #{resume_id}.")
        return run, True
    mapping = load_mapping_file(mapping_path) if mapping_path else None
    run = start_run(importer, data, os.path.basename(path), mapping, dry_run,
                    user.id if user else None)  # fmt: skip
    db.session.commit()
    return run, False


def execute(importer, run, data, resuming):
    """Execute or resume the run; an unexpected failure stops it at its recorded position."""
    from common.extensions import db
    from common.imports.reader import ImportRefused
    from common.imports.services import execute_run, resume_run, stop_run

    run_id = run.id
    try:
        return (resume_run if resuming else execute_run)(importer, run, data, echo_progress)
    except ImportRefused:
        raise
    except Exception as exc:
        db.session.rollback()
        stop_run(run_id, f"Stopped by an unexpected error ({type(exc).__name__}): {exc}")
        click.echo(f"\nStopped: {exc}. Resume with --resume {run_id}.", err=True)
        sys.exit(1)


@click.command("import")
@click.argument("app_name", metavar="APP")
@click.argument("kind")
@click.argument("path", metavar="FILE", type=click.Path(exists=True, dir_okay=False))
@click.option("--mapping", "mapping_path", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Check every row and count; write nothing.")
@click.option("--user", "email", help="Import on behalf of this user (the lab register needs one).")
@click.option("--resume", "resume_id", type=int, help="Continue stopped run #N of this FILE.")
def import_command(app_name, kind, path, mapping_path, dry_run, email, resume_id):
    """Import a register (.xlsx or .csv) into APP (prison, court, lims): KIND inmates, cases."""
    from common.cli import make_app
    from common.extensions import db
    from common.imports.mapping import MappingError
    from common.imports.reader import ImportRefused
    from common.imports.registry import get_importer, load_importers
    from common.imports.settings import setting

    app = make_app()
    with app.app_context():
        importer = get_importer(app_name, kind)
        if importer is None:
            known = ", ".join(f"{a} {k}" for a, k in sorted(load_importers()))
            fail(f"no importer '{app_name} {kind}'; known: {known}.")
        user = importing_user(email)
        actor = f"import:command-line:{user.email}" if user else "import:command-line"
        with acting_as(actor, user.id if user else None):
            try:
                data = read_file(path, setting("IMPORT_MAX_BYTES"))
                run, resuming = run_to_execute(
                    importer, data, path, mapping_path, dry_run, user, resume_id
                )
                run = execute(importer, run, data, resuming)
            except (ImportRefused, MappingError) as exc:
                db.session.rollback()
                fail(str(exc))
        click.echo("", err=True)
        echo_run(run)
        if run.errors or run.status != ("DRY_RUN" if dry_run else "IMPORTED"):
            sys.exit(BAD_INPUT)
