"""Chain of custody: who may hand over to whom, receiver authentication, tamper evidence."""

import io

import pytest
from click.testing import CliRunner
from pypdf import PdfReader
from sqlalchemy import func, select, text

from common.audit.services import acting_as
from common.extensions import db
from lims.custody.models import CustodyEntry
from lims.custody.pdf import custody_pdf
from lims.custody.services import chain_problem, transfer
from lims.errors import LimsError
from lims.items.models import Item
from lims.items.services import set_legal_hold
from tests.conftest import TEST_PASSWORD
from tests.lims.helpers import client_as, intake, post_as, staff, storage


def _to_person(user, password=TEST_PASSWORD, **extra):
    return {
        "to_kind": "PERSON",
        "to_user_id": user.id,
        "receiver_password": password,
        "purpose": "ANALYSIS",
        "seal_intact": True,
        **extra,
    }


def _to_location(location):
    return {
        "to_kind": "LOCATION",
        "to_location_id": location.id,
        "purpose": "STORAGE",
        "seal_intact": True,
    }


def _entries():
    return db.session.scalar(select(func.count()).select_from(CustodyEntry))


def _moved_item():
    """An item received, stored, taken out and handed to an analyst (4 entries)."""
    _, item, receiver = intake()
    fridge = storage()
    analyst = staff("lab_analyst")
    transfer(item, receiver, _to_location(fridge))
    transfer(item, receiver, _to_person(receiver, password=""))
    transfer(item, receiver, _to_person(analyst))
    db.session.commit()
    return item, receiver, analyst, fridge


def test_person_to_person_transfer_needs_the_receivers_password(app):
    with app.app_context(), acting_as("test"):
        _, item, holder = intake()
        analyst = staff("lab_analyst")
        db.session.commit()
        for password in ("", "wrong-password"):
            with pytest.raises(LimsError) as refused:
                transfer(item, holder, _to_person(analyst, password=password))
            assert refused.value.field == "receiver_password"
            assert "must enter their own password" in str(refused.value)
            db.session.rollback()
        assert _entries() == 1 and db.session.get(Item, item.id).custodian_id == holder.id
        entry = transfer(item, holder, _to_person(analyst))
        assert entry.receiver_authenticated and entry.from_user_id == holder.id
        assert item.custodian_id == analyst.id and item.custody_count == 2
        assert chain_problem(item) == ""


def test_location_to_location_is_refused_a_person_stands_between(app):
    with app.app_context(), acting_as("test"):
        _, item, holder = intake()
        fridge = storage()
        other = storage()
        transfer(item, holder, _to_location(fridge))
        db.session.commit()
        with pytest.raises(LimsError, match="a person always stands between"):
            transfer(item, holder, _to_location(other))
        db.session.rollback()
        assert _entries() == 2
        taken = transfer(item, holder, _to_person(holder, password=""))
        assert taken.from_kind == "LOCATION" and taken.to_user_id == holder.id


def test_only_the_holder_hands_over_and_a_broken_seal_needs_notes(app):
    with app.app_context(), acting_as("test"):
        _, item, holder = intake()
        stranger, analyst = staff("lab_reviewer"), staff("lab_analyst")
        with pytest.raises(LimsError, match="only the person holding an item"):
            transfer(item, stranger, _to_person(analyst))
        with pytest.raises(LimsError) as refused:
            transfer(item, holder, _to_person(analyst, seal_intact=False))
        assert refused.value.field == "notes"


def test_item_on_legal_hold_cannot_be_transferred(app):
    with app.app_context(), acting_as("test"):
        _, item, holder = intake()
        set_legal_hold(item, True, "Court order SC-CR-2026-0001", item.version)
        with pytest.raises(LimsError, match="legal hold"):
            transfer(item, holder, _to_person(staff("lab_analyst")))


@pytest.mark.parametrize(
    ("tamper", "expected"),
    [
        (
            "UPDATE lims_custody_entry SET to_label = 'Someone else' WHERE seq = 2",
            "entry 2 was altered",
        ),
        (
            "UPDATE lims_custody_entry SET occurred_at = occurred_at - interval '1 day' "
            "WHERE seq = 3",
            "entry 3 was altered",
        ),
        ("DELETE FROM lims_custody_entry WHERE seq = 2", "entry 2 is missing"),
        ("DELETE FROM lims_custody_entry WHERE seq = 4", "entries at the end were deleted"),
        (
            "UPDATE lims_custody_entry SET seq = 10 + seq WHERE seq IN (2, 3);"
            "UPDATE lims_custody_entry SET seq = 5 - (seq - 10) WHERE seq > 10",
            "does not follow",
        ),
        (
            "INSERT INTO lims_custody_entry (item_id, seq, occurred_at, from_kind, from_label, "
            "to_kind, to_label, purpose, seal_intact, receiver_authenticated, notes, prev_hash, "
            "entry_hash) SELECT item_id, 5, occurred_at, 'PERSON', 'x', 'AGENCY', 'Taken away', "
            "'HANDOVER', true, true, '', entry_hash, repeat('a', 64) FROM lims_custody_entry "
            "WHERE seq = 4",
            "entry 5 was altered",
        ),
    ],
)
@pytest.mark.postgres
def test_edit_delete_insert_in_the_database_is_detected(
    app, app_config, monkeypatch, tamper, expected
):
    with app.app_context(), acting_as("test"):
        item, *_ = _moved_item()
        item_id = item.id
        assert chain_problem(item) == ""
    monkeypatch.setattr("common.cli.make_app", lambda: _cli_app(app_config))
    ok = CliRunner().invoke(_verify_command(), [])
    assert ok.exit_code == 0 and "Chain of custody (Forensic LIMS): 4 entries verified" in ok.output
    with app.app_context():
        for statement in tamper.split(";"):
            db.session.execute(text(statement))
        db.session.commit()
        problem = chain_problem(db.session.get(Item, item_id))
        assert expected in problem
    broken = CliRunner().invoke(_verify_command(), [])
    assert broken.exit_code == 1
    assert "BROKEN: Chain of custody (Forensic LIMS)" in broken.output and expected in broken.output


def _cli_app(config):
    from common.portal import create_app

    return create_app(config)


def _verify_command():
    from common.audit.cli import verify

    return verify


def test_entries_cannot_be_changed_through_the_application(app):
    with app.app_context(), acting_as("test"):
        item, *_ = _moved_item()
        entry = item.custody[0]
        entry.to_label = "changed"
        with pytest.raises(ValueError, match="never changed"):
            db.session.flush()
        db.session.rollback()
        db.session.delete(db.session.get(CustodyEntry, entry.id))
        with pytest.raises(ValueError, match="never deleted"):
            db.session.flush()


def test_custody_pdf_lists_every_entry(app):
    with app.app_context(), acting_as("test"):
        item, receiver, analyst, fridge = _moved_item()
        pdf = custody_pdf(item.case, [item])
        content = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
        assert "chain verified intact" in content and "Fridge 1" in content


def test_transfer_over_http_and_the_item_page_shows_a_broken_chain(app, make_user):
    from tests.conftest import csrf_from

    client, email = client_as(app, make_user, "lab_intake")
    with app.app_context(), acting_as("test"):
        from common.identity.models import User

        holder = db.session.scalar(select(User).where(User.email == email))
        _, item, _ = intake(intake_user=holder)
        analyst = staff("lab_analyst")
        db.session.commit()
        item_id, analyst_id = item.id, analyst.id
    page = client.get(f"/lims/items/{item_id}")
    assert 'data-chain="intact"' in page.get_data(as_text=True)
    form = {
        "csrf_token": csrf_from(page.get_data(as_text=True)),
        "to_kind": "PERSON",
        "to_user_id": str(analyst_id),
        "receiver_password": "not-their-password",
        "purpose": "ANALYSIS",
        "seal_intact": "yes",
    }
    refused = client.post(f"/lims/items/{item_id}/transfer", data=form)
    assert refused.status_code == 422
    assert "must enter their own password" in refused.get_data(as_text=True)
    done = client.post(
        f"/lims/items/{item_id}/transfer", data={**form, "receiver_password": TEST_PASSWORD}
    )
    assert done.status_code == 302
    assert client.get(f"/lims/items/{item_id}/custody.pdf").data[:4] == b"%PDF"
    with app.app_context():
        db.session.execute(text("UPDATE lims_custody_entry SET seal_intact = false WHERE seq = 1"))
        db.session.commit()
    html = client.get(f"/lims/items/{item_id}").get_data(as_text=True)
    assert 'data-chain="broken"' in html and "entry 1 was altered" in html
    auditor, _ = client_as(app, make_user, "auditor")
    assert post_as(auditor, f"/lims/items/{item_id}/transfer", form).status_code == 403
