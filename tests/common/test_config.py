"""Settings read from the environment: the PostgreSQL planner tuning on each connection."""

import pytest
from sqlalchemy import text

from common.config import ConfigError, build_config

PG = "postgresql://postgres@127.0.0.1:5432/x"


def test_every_postgresql_connection_gets_the_ssd_planner_cost(app):
    from common.extensions import db

    with app.app_context():
        assert db.session.scalar(text("SHOW random_page_cost")) == "1.1"


def test_the_planner_cost_is_a_setting(monkeypatch):
    monkeypatch.setenv("PG_RANDOM_PAGE_COST", "1.5")
    options = build_config({"SQLALCHEMY_DATABASE_URI": PG})["SQLALCHEMY_ENGINE_OPTIONS"]
    assert options["connect_args"] == {"options": "-c random_page_cost=1.5"}
    assert options["pool_pre_ping"] is True
    monkeypatch.setenv("PG_RANDOM_PAGE_COST", "")  # behind PgBouncer: set on the database
    assert (
        "connect_args"
        not in build_config({"SQLALCHEMY_DATABASE_URI": PG})["SQLALCHEMY_ENGINE_OPTIONS"]
    )
    sqlite = build_config({"SQLALCHEMY_DATABASE_URI": "sqlite:///x.db"})
    assert "connect_args" not in sqlite["SQLALCHEMY_ENGINE_OPTIONS"]
    monkeypatch.setenv("PG_RANDOM_PAGE_COST", "fast")
    with pytest.raises(ConfigError, match="PG_RANDOM_PAGE_COST must be a number"):
        build_config({"SQLALCHEMY_DATABASE_URI": PG})
