"""Items: numbering and sub-items, seals unique in a case, condition, storage, barcodes."""

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from common.audit.services import acting_as
from common.extensions import db
from lims.errors import LimsError
from lims.intake.services import create_case
from lims.items.labels import item_labels, label_sheet
from lims.items.models import Item, ItemSeal
from lims.items.services import create_item, create_location, find_by_barcode, set_legal_hold
from tests.lims.helpers import case_data, client_as, intake, item_data, storage


def _count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_items_and_sub_items_are_numbered_with_barcodes(app):
    with app.app_context(), acting_as("test"):
        case, first, user = intake()
        second = create_item(case, item_data(seals="S-2"), user)
        third = create_item(case, item_data(seals="S-3", item_type="CONTAINER"), user)
        part_one = create_item(case, item_data(seals=""), user, parent=third)
        part_two = create_item(case, item_data(seals="", container_id=third.id), user, third)
        assert [i.number for i in (first, second, third)] == ["1", "2", "3"]
        assert [part_one.number, part_two.number] == ["3.1", "3.2"]
        assert part_one.barcode == f"{case.lab_number}-3.1"
        assert part_two.container is third and part_one.parent is third
        assert part_one.custody[0].from_label == "Divided from item 3"
        assert part_one.custodian_id == user.id
        with pytest.raises(LimsError, match="Divide the main item"):
            create_item(case, item_data(seals=""), user, parent=part_one)


def test_duplicate_seal_number_in_a_case_is_refused_and_nothing_saved(app):
    with app.app_context(), acting_as("test"):
        case, item, user = intake(seals=("S-1001",))
        db.session.commit()
        with pytest.raises(LimsError) as refused:
            create_item(case, item_data(seals="S-9, S-1001"), user)
        assert refused.value.field == "seals"
        assert "S-1001 is already recorded on item 1" in str(refused.value)
        db.session.rollback()
        assert _count(Item) == 1 and _count(ItemSeal) == 1
        with pytest.raises(LimsError, match="given twice"):
            create_item(case, item_data(seals="S-5, S-5"), user)
        db.session.rollback()
        other = create_case(case_data(agency_case_number="OTHER"), user.id)
        assert create_item(other, item_data(seals="S-1001"), user).seal_text == "S-1001"


def test_condition_other_than_sealed_needs_the_deviation(app):
    with app.app_context(), acting_as("test"):
        case, _, user = intake()
        with pytest.raises(LimsError) as refused:
            create_item(case, item_data(seals="S-7", condition="SEAL_BROKEN"), user)
        assert refused.value.field == "deviations"
        item = create_item(
            case,
            item_data(seals="S-7", condition="SEAL_BROKEN", deviations="Tape cut; PC informed"),
            user,
        )
        assert item.custody[0].seal_intact is False


def test_storage_is_nested_and_every_location_has_a_barcode(app):
    with app.app_context(), acting_as("test"):
        fridge = storage()
        shelf = create_location("SHELF", "Shelf A", fridge.id)
        assert shelf.path == "Main building > Evidence room > Fridge 1 > Shelf A"
        assert shelf.barcode.startswith("LOC-") and shelf.barcode != fridge.barcode
        with pytest.raises(LimsError, match="cannot sit inside"):
            create_location("ROOM", "Room in a shelf", shelf.id)
        with pytest.raises(LimsError, match="Choose where"):
            create_location("SHELF", "Loose shelf")


def test_barcode_lookup_finds_items_and_locations_and_explains_unknown_codes(app):
    with app.app_context(), acting_as("test"):
        _, item, _ = intake()
        fridge = storage()
        assert find_by_barcode(item.barcode) == ("item", item)
        assert find_by_barcode(f" {fridge.barcode} ") == ("location", fridge)
        with pytest.raises(LimsError, match="No item or storage location has the barcode 'XYZ'"):
            find_by_barcode("XYZ")


def test_label_sheet_is_a_pdf_with_every_barcode(app):
    with app.app_context(), acting_as("test"):
        case, item, user = intake()
        sub = create_item(case, item_data(seals=""), user, parent=item)
        pdf = label_sheet("Labels", item_labels([item, sub]))
        import io

        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
        assert item.barcode in text and sub.barcode in text


def test_legal_hold_needs_a_reason(app):
    with app.app_context(), acting_as("test"):
        _, item, _ = intake()
        with pytest.raises(LimsError, match="reason"):
            set_legal_hold(item, True, "", item.version)
        set_legal_hold(item, True, "Court order 12/2026", item.version)
        assert item.legal_hold


def test_intake_records_items_over_http_and_analyst_is_refused(app, client, login_as, make_user):
    from tests.conftest import csrf_from

    with app.app_context(), acting_as("test"):
        case, _, _ = intake()
        db.session.commit()
        case_id = case.id
    login_as("lab_intake")
    page = client.get(f"/lims/cases/{case_id}/items/new")
    form = {
        "csrf_token": csrf_from(page.get_data(as_text=True)),
        **{k: str(v) for k, v in item_data(seals="S-1001").items()},
    }
    refused = client.post(f"/lims/cases/{case_id}/items/new", data=form)
    assert "already recorded on item 1" in refused.get_data(as_text=True)
    done = client.post(f"/lims/cases/{case_id}/items/new", data={**form, "seals": "S-2002"})
    assert done.status_code == 302
    assert client.get(f"/lims/cases/{case_id}/labels.pdf").data[:4] == b"%PDF"
    unknown = client.get("/lims/scan?code=NOPE-1")
    assert unknown.status_code == 404 and "No item or storage location" in unknown.get_data(
        as_text=True
    )
    analyst, _ = client_as(app, make_user, "lab_analyst")
    assert analyst.get(f"/lims/cases/{case_id}/items/new").status_code == 403
