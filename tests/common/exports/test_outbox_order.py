"""Change numbers become visible in commit order, so a cursor never skips a change."""

import threading

import pytest
from sqlalchemy import select

from common.exports.models import ExportChange
from common.exports.outbox import write_changes
from common.extensions import db


@pytest.mark.postgres
def test_a_second_writer_waits_and_gets_a_later_number(app):
    with app.app_context():
        engine = db.engine
        first = engine.connect()
        first_tx = first.begin()
        write_changes(first, {("court", "cases"): ["1"]})
        done = {}

        def second_writer():
            with engine.begin() as conn:
                write_changes(conn, {("court", "cases"): ["2"]})
            done["at"] = True

        thread = threading.Thread(target=second_writer)
        thread.start()
        thread.join(timeout=1.0)
        assert thread.is_alive(), "the second writer must wait for the first to commit"
        with engine.connect() as reader:
            assert reader.execute(select(ExportChange.record_id)).all() == []
        first_tx.commit()
        first.close()
        thread.join(timeout=10)
        assert done.get("at")
        with engine.connect() as reader:
            rows = reader.execute(
                select(ExportChange.record_id).order_by(ExportChange.seq)
            ).scalars()
            assert list(rows) == ["1", "2"]


def test_nothing_to_emit_writes_no_change_row(app):
    with app.app_context():
        with db.engine.begin() as conn:
            assert write_changes(conn, {("court", "cases"): []}) == 0
            assert conn.execute(select(ExportChange.seq)).all() == []
