"""scripts/backup.sh and scripts/restore.sh: a backup restores into a new database that verifies."""

import os
import re
import subprocess
import sys
import uuid

import pytest
from sqlalchemy import create_engine, text

from common.audit.services import acting_as
from common.config import ROOT, normalise_database_url
from common.extensions import db
from tests.conftest import base_test_config, drop_pg_database
from tests.court_cms.helpers import file
from tests.lims.helpers import intake

pytestmark = pytest.mark.postgres
COUNTED = ("common_audit_log", "court_case", "lims_item", "lims_custody_entry", "common_user")


def _env(tmp_path):
    """The scripts' environment: the test keys, and this checkout's `justice` command."""
    config = base_test_config("", tmp_path)
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "JUSTICE": f"{sys.executable} -m common.cli",
        "JUSTICE_INSTANCE_DIR": str(tmp_path),
        "AUDIT_KEY": config["AUDIT_KEY"],
        "SECRET_KEY": config["SECRET_KEY"],
        "PSEUDONYM_KEY": config["PSEUDONYM_KEY"],
    }


def _run(args, env):
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=300, check=False)


def _counts(url):
    engine = create_engine(normalise_database_url(url))
    with engine.connect() as conn:
        counts = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in COUNTED}
    engine.dispose()
    return counts


@pytest.fixture
def restored_name():
    name = f"justice_restore_{uuid.uuid4().hex[:10]}"
    yield name
    drop_pg_database(name)


@pytest.fixture
def records(app):
    """A court case and a lab item with its custody chain, each change audited."""
    with app.app_context(), acting_as("test"):
        file("SC")
        intake()
        db.session.commit()


def test_backup_restores_into_a_new_database_that_verifies(
    app, records, database_url, tmp_path, restored_name
):
    env = _env(tmp_path)
    archive = tmp_path / "backups" / "justice.dump"
    backup = _run(["bash", str(ROOT / "scripts/backup.sh"), str(archive)],
                  {**env, "DATABASE_URL": database_url})  # fmt: skip
    assert backup.returncode == 0, backup.stderr
    assert "Backup written" in backup.stdout and archive.stat().st_size > 0
    assert not archive.with_name("justice.dump.partial").exists()

    target = re.sub(r"/[^/]*$", f"/{restored_name}", database_url)
    restore = _run(["bash", str(ROOT / "scripts/restore.sh"), str(archive), target], env)
    assert restore.returncode == 0, restore.stderr + restore.stdout
    assert "OK: " in restore.stdout and "BROKEN" not in restore.stdout + restore.stderr
    restored = _counts(target)
    assert restored == _counts(database_url)
    assert restored["common_audit_log"] > 0 and restored["lims_custody_entry"] > 0

    again = _run(["bash", str(ROOT / "scripts/restore.sh"), str(archive), target], env)
    assert again.returncode == 2 and "already exists" in again.stderr

    engine = create_engine(normalise_database_url(target))
    with engine.begin() as conn:
        conn.execute(text("UPDATE common_audit_log SET entity_id = 'x' WHERE id = 1"))
    engine.dispose()
    tampered = _run([*env["JUSTICE"].split(), "audit", "verify"], {**env, "DATABASE_URL": target})
    assert tampered.returncode == 1 and "BROKEN at entry 1" in tampered.stderr


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path, database_url):
    junk = tmp_path / "junk.dump"
    junk.write_text("not an archive")
    target = re.sub(r"/[^/]*$", "/justice_never_created", database_url)
    result = _run(["bash", str(ROOT / "scripts/restore.sh"), str(junk), target], _env(tmp_path))
    assert result.returncode == 2 and "is not a pg_dump archive" in result.stderr
