"""One linear Alembic history: no drift from the models, downgrade/upgrade round-trips."""

import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect

from common.config import ROOT, normalise_database_url
from common.registry import import_all_models
from tests.conftest import base_test_config, create_pg_database, drop_pg_database

pytestmark = pytest.mark.postgres


@pytest.fixture
def empty_pg(tmp_path):
    name = f"justice_mig_{uuid.uuid4().hex[:10]}"
    url = create_pg_database(name)
    yield url
    drop_pg_database(name)


def _app(url, tmp_path):
    from common.portal import create_app

    return create_app(base_test_config(url, tmp_path))


def _drift(url):
    from common.extensions import db

    import_all_models()
    engine = create_engine(normalise_database_url(url))
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, db.metadata)
    engine.dispose()
    return diff


def test_history_is_linear():
    script = ScriptDirectory(str(ROOT / "migrations"))
    assert len(script.get_heads()) == 1
    assert len(script.get_bases()) == 1


def test_upgrade_head_matches_the_models_exactly(empty_pg, tmp_path):
    import flask_migrate

    with _app(empty_pg, tmp_path).app_context():
        flask_migrate.upgrade()
    assert _drift(empty_pg) == []


def test_downgrade_and_upgrade_round_trip(empty_pg, tmp_path):
    import flask_migrate

    app = _app(empty_pg, tmp_path)
    with app.app_context():
        flask_migrate.upgrade()
        flask_migrate.downgrade(revision="base")
        engine = create_engine(normalise_database_url(empty_pg))
        leftover = [t for t in inspect(engine).get_table_names() if t != "alembic_version"]
        engine.dispose()
        assert leftover == []
        flask_migrate.upgrade()
    assert _drift(empty_pg) == []


def test_every_app_table_carries_its_prefix():
    from common.extensions import db

    import_all_models()
    for table in db.metadata.tables:
        assert table.split("_")[0] in {"common", "prison", "lims", "court"}, table


def test_apps_reference_only_common_tables_or_their_own():
    from common.extensions import db

    import_all_models()
    for table in db.metadata.tables.values():
        prefix = table.name.split("_")[0]
        for fk in table.foreign_keys:
            target = fk.column.table.name.split("_")[0]
            assert target in {"common", prefix}, f"{table.name} -> {fk.column.table.name}"
