"""The audit trail: field-level diffs in the same transaction, and tamper detection."""

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import select, text

from common.audit.chain import verify_chain
from common.audit.models import AuditEntry
from common.audit.services import acting_as
from common.extensions import db
from common.persons.services import register_record


def _person(app, surname="Coc"):
    with app.app_context(), acting_as("test"):
        record = register_record("prison", f"B-{surname}", given_name="Luis", surname=surname)
        db.session.commit()
        return record.id


def _verify(app):
    with app.app_context():
        return verify_chain(db.session.connection(), app.config["AUDIT_KEY"])


def test_create_and_update_write_field_diffs(app):
    record_id = _person(app)
    with app.app_context(), acting_as("clerk@test"):
        from common.persons.models import PersonRecord

        record = db.session.get(PersonRecord, record_id)
        record.surname = "Choc"
        db.session.commit()
        entries = db.session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity_type == "PersonRecord")
            .order_by(AuditEntry.id)
        ).all()
    assert [e.action for e in entries] == ["create", "update"]
    created = json.loads(entries[0].changes)
    assert created["surname"] == [None, "Coc"] and created["given_name"] == [None, "Luis"]
    updated = json.loads(entries[1].changes)
    assert updated["surname"] == ["Coc", "Choc"]
    assert updated["version"] == [1, 2]
    assert entries[1].actor == "clerk@test"


def test_rolled_back_change_leaves_no_audit_entry(app):
    with app.app_context(), acting_as("test"):
        before = db.session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()))
        register_record("court", "C-1", given_name="Ana", surname="Pop")
        db.session.rollback()
        after = db.session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()))
        assert after == before
        assert (
            db.session.scalar(select(AuditEntry.id).where(AuditEntry.entity_type == "PersonRecord"))
            is None
        )


def test_intact_chain_verifies(app):
    for name in ("Coc", "Choc", "Cal"):
        _person(app, name)
    result = _verify(app)
    assert result.ok and result.checked >= 6


@pytest.mark.parametrize(
    "tamper, expected",
    [
        ("UPDATE common_audit_log SET changes = '{}' WHERE id = 3", "entry 3 was altered"),
        ("DELETE FROM common_audit_log WHERE id = 3", "entry 3 is missing"),
        ("UPDATE common_audit_log SET id = id + 100 WHERE id = 2", "entry 2 is missing"),
    ],
)
def test_edit_delete_and_reorder_are_detected(app, tamper, expected):
    for name in ("Coc", "Choc", "Cal"):
        _person(app, name)
    with app.app_context():
        db.session.execute(text(tamper))
        db.session.commit()
    result = _verify(app)
    assert not result.ok
    assert expected in result.problem


def test_inserted_entry_is_detected(app):
    for name in ("Coc", "Choc"):
        _person(app, name)
    with app.app_context():
        # Make room for a forged entry 3 by shifting later ids up one (two steps keep ids unique).
        db.session.execute(text("UPDATE common_audit_log SET id = id + 1000 WHERE id >= 3"))
        db.session.execute(text("UPDATE common_audit_log SET id = id - 999 WHERE id >= 1003"))
        forged = (
            db.session.execute(text("SELECT * FROM common_audit_log WHERE id = 2")).mappings().one()
        )
        db.session.execute(
            text(
                "INSERT INTO common_audit_log (id, occurred_at, app, actor_id, actor, action, "
                "entity_type, entity_id, changes, ip, prev_hash, entry_hash) "
                "VALUES (3, :t, 'common', NULL, 'intruder', 'create', 'PersonRecord', '99', "
                "'{}', NULL, :p, :h)"
            ),
            {"t": forged["occurred_at"], "p": forged["entry_hash"], "h": "f" * 64},
        )
        db.session.commit()
    result = _verify(app)
    assert not result.ok and result.entry_id == 3


def test_truncating_the_tail_is_detected(app):
    for name in ("Coc", "Choc"):
        _person(app, name)
    with app.app_context():
        last = db.session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()))
        db.session.execute(text("DELETE FROM common_audit_log WHERE id = :i"), {"i": last})
        db.session.commit()
    result = _verify(app)
    assert not result.ok and "chain head" in result.problem


def test_cli_verify_exits_nonzero_on_tampering(app, monkeypatch, app_config):
    _person(app)
    monkeypatch.setattr("common.cli.make_app", lambda: _cli_app(app_config))
    ok = CliRunner().invoke(_verify_command(), [])
    assert ok.exit_code == 0 and "OK:" in ok.output
    with app.app_context():
        db.session.execute(text("UPDATE common_audit_log SET actor = 'someone' WHERE id = 1"))
        db.session.commit()
    broken = CliRunner().invoke(_verify_command(), [])
    assert broken.exit_code == 1
    assert "BROKEN at entry 1" in broken.output


def _cli_app(config):
    from common.portal import create_app

    return create_app(config)


def _verify_command():
    from common.audit.cli import verify

    return verify


def test_audit_trail_has_no_route_that_changes_it(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("audit."):
            assert rule.methods <= {"GET", "HEAD", "OPTIONS"}, rule


def test_auditor_can_browse_and_filter(app, client, login_as):
    _person(app, "Sho")
    login_as("auditor")
    page = client.get("/audit/?entity_type=PersonRecord")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "PersonRecord" in html and "Sho" in html
    assert "Agency" not in client.get("/audit/?entity_type=PersonRecord").get_data(as_text=True)
