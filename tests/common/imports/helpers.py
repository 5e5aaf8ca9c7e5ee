"""Sample files and a helper to import them through the service as a system actor."""

from pathlib import Path

from common.audit.services import acting_as
from common.imports.registry import get_importer
from common.imports.services import run_import

DATA = Path(__file__).resolve().parents[2] / "data"


def sample(name):
    """Bytes of a shipped sample file."""
    return (DATA / name).read_bytes()


def run(app_name, kind, name, dry_run=False, mapping=None, data=None, user_id=None):
    """Import a sample (or `data`) through the service; returns the ImportRun."""
    with acting_as("test", user_id):
        return run_import(
            get_importer(app_name, kind),
            sample(name) if data is None else data,
            name,
            mapping,
            dry_run,
            user_id,
        )
