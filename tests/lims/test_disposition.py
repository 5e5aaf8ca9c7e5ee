"""Disposition: manager's authority, receipt, closes the chain; held or disposed items refused."""

import io

import pytest
from pypdf import PdfReader

from common.audit.services import acting_as
from common.extensions import db
from lims.custody.services import chain_problem, transfer
from lims.disposition.services import dispose, receipt_pdf
from lims.errors import LimsError
from lims.items.services import set_legal_hold
from tests.conftest import TEST_PASSWORD
from tests.lims.helpers import client_as, intake, post_as, staff, storage

RETURN = {
    "kind": "RETURN",
    "authority_reference": "Letter ED/2026/88",
    "recipient": "PC Andrea Young, Eastern Division",
}


def _handed_to(item, holder, receiver):
    transfer(
        item,
        holder,
        {
            "to_kind": "PERSON",
            "to_user_id": receiver.id,
            "receiver_password": TEST_PASSWORD,
            "purpose": "HANDOVER",
            "seal_intact": True,
        },
    )


def test_return_needs_the_manager_and_closes_the_chain_with_a_receipt(app):
    with app.app_context(), acting_as("test"):
        _, item, holder = intake()
        manager = staff("lab_manager")
        with pytest.raises(LimsError, match="Only the lab manager"):
            dispose(item, holder, RETURN)
        record = dispose(item, manager, RETURN)
        assert record.receipt_number.startswith("NFSS-DR-")
        assert item.state == "DISPOSED" and item.custody[-1].to_kind == "AGENCY"
        assert chain_problem(item) == ""
        content = "".join(
            p.extract_text() for p in PdfReader(io.BytesIO(receipt_pdf(record))).pages
        )
        assert record.receipt_number in content and "PC Andrea Young" in content


def test_destruction_needs_method_and_witness(app):
    with app.app_context(), acting_as("test"):
        _, item, _ = intake()
        manager = staff("lab_manager")
        data = {"kind": "DESTRUCTION", "authority_reference": "Court order 5/2026"}
        with pytest.raises(LimsError) as refused:
            dispose(item, manager, data)
        assert refused.value.field == "method"
        with pytest.raises(LimsError) as refused:
            dispose(item, manager, {**data, "method": "Incineration"})
        assert refused.value.field == "witness"


def test_disposed_item_cannot_be_transferred_or_disposed_again(app):
    with app.app_context(), acting_as("test"):
        _, item, holder = intake()
        manager = staff("lab_manager")
        dispose(item, manager, RETURN)
        with pytest.raises(LimsError, match="has been disposed"):
            dispose(item, manager, RETURN)
        with pytest.raises(LimsError, match="has been disposed"):
            _handed_to(item, holder, staff("lab_analyst"))


def test_item_on_legal_hold_cannot_be_disposed(app):
    with app.app_context(), acting_as("test"):
        _, item, _ = intake()
        manager = staff("lab_manager")
        set_legal_hold(item, True, "Appeal pending", item.version)
        with pytest.raises(LimsError, match="legal hold"):
            dispose(item, manager, RETURN)
        assert item.state == "IN_LAB"


def test_item_in_storage_must_be_taken_out_before_it_leaves(app):
    with app.app_context(), acting_as("test"):
        _, item, holder = intake()
        transfer(
            item,
            holder,
            {
                "to_kind": "LOCATION",
                "to_location_id": storage().id,
                "purpose": "STORAGE",
                "seal_intact": True,
            },
        )
        with pytest.raises(LimsError, match="take it into someone's custody"):
            dispose(item, staff("lab_manager"), RETURN)


def test_disposition_over_http_manager_only(app, make_user):
    with app.app_context(), acting_as("test"):
        _, item, _ = intake()
        db.session.commit()
        item_id, version = item.id, str(item.version)
    reviewer, _ = client_as(app, make_user, "lab_reviewer")
    assert reviewer.get(f"/lims/items/{item_id}/dispose").status_code == 403
    manager, _ = client_as(app, make_user, "lab_manager")
    held = post_as(
        manager, f"/lims/items/{item_id}/hold", {"hold": "y", "reason": "", "version": version}
    )
    assert held.status_code == 422 and "Give the reason for the hold" in held.get_data(as_text=True)
    missing = post_as(manager, f"/lims/items/{item_id}/dispose", {**RETURN, "recipient": ""})
    assert "Give the name and agency" in missing.get_data(as_text=True)
    done = post_as(manager, f"/lims/items/{item_id}/dispose", RETURN)
    assert done.status_code == 302
    page = manager.get(f"/lims/items/{item_id}").get_data(as_text=True)
    assert "NFSS-DR-" in page and 'data-chain="intact"' in page
    with app.app_context():
        from lims.disposition.models import Disposition

        record_id = db.session.query(Disposition.id).scalar()
    assert reviewer.get(f"/lims/dispositions/{record_id}/receipt.pdf").data[:4] == b"%PDF"
