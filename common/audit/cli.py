"""`justice audit verify`: walk the hash chain and report the first broken entry."""

import sys

import click
from sqlalchemy import func, select


@click.group()
def audit():
    """The tamper-evident audit trail."""


@audit.command("verify")
def verify():
    """Verify every entry's hash and link; exit 1 at the first broken entry."""
    from common.audit.chain import verify_chain, verify_extra_chains
    from common.audit.models import AuditEntry
    from common.cli import make_app
    from common.extensions import db

    app = make_app()
    with app.app_context():
        total = db.session.scalar(select(func.count(AuditEntry.id))) or 0
        with click.progressbar(length=total, label="Verifying audit trail", file=sys.stderr) as bar:
            result = verify_chain(
                db.session.connection(), app.config["AUDIT_KEY"], progress=bar.update
            )
        extras = verify_extra_chains(db.session.connection(), app.config["AUDIT_KEY"])
    if result.ok:
        click.echo(f"OK: {result.checked} entries verified; head hash {result.head_hash}")
    else:
        click.echo(f"BROKEN at entry {result.entry_id}: {result.problem}", err=True)
        click.echo(f"({result.checked} entries before it verified)", err=True)
    for name, extra in extras:
        if extra.ok:
            click.echo(f"OK: {name}: {extra.checked} entries verified")
        else:
            click.echo(f"BROKEN: {name}: {extra.problem}", err=True)
    if not result.ok or not all(extra.ok for _, extra in extras):
        sys.exit(1)
