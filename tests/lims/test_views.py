"""Every LIMS page renders with data for a role allowed to see it."""

from common.audit.services import acting_as
from common.extensions import db
from lims.analysis.services import review
from lims.items.services import create_item
from lims.reports.services import release_report
from tests.lims.helpers import client_as, item_data, reviewed_request, storage


def _data(app):
    with app.app_context(), acting_as("test"):
        parts = reviewed_request()
        review(parts["result"], "TECHNICAL", parts["tech"], True)
        review(parts["result"], "ADMINISTRATIVE", parts["admin"], True)
        report = release_report(parts["request"], parts["manager"])
        sub = create_item(parts["case"], item_data(seals=""), parts["intake"], parent=parts["item"])
        fridge = storage()
        db.session.commit()
        return {
            "case": parts["case"].id,
            "item": parts["item"].id,
            "sub": sub.id,
            "request": parts["request"].id,
            "report": report.id,
            "location": fridge.id,
        }


def test_every_page_renders_for_the_lab_manager(app, make_user):
    ids = _data(app)
    manager, _ = client_as(app, make_user, "lab_manager")
    pages = [
        "/lims/",
        "/lims/cases/",
        "/lims/cases/?q=NFSS",
        f"/lims/cases/{ids['case']}",
        f"/lims/cases/{ids['case']}/persons/new",
        f"/lims/cases/{ids['case']}/items/new",
        f"/lims/cases/{ids['case']}/requests/new",
        f"/lims/items/{ids['item']}",
        f"/lims/items/{ids['sub']}",
        f"/lims/items/{ids['item']}/divide",
        f"/lims/items/{ids['item']}/dispose",
        "/lims/requests/",
        "/lims/requests/?state=COMPLETED&discipline=FIRE",
        f"/lims/requests/{ids['request']}",
        f"/lims/reports/{ids['report']}/amend",
        "/lims/workload",
        "/lims/qualifications",
        "/lims/storage/",
        f"/lims/storage/{ids['location']}",
        "/lims/metrics",
        "/lims/scan",
    ]
    for url in pages:
        response = manager.get(url)
        assert response.status_code == 200, url
    for url in (
        f"/lims/cases/{ids['case']}/custody.pdf",
        f"/lims/cases/{ids['case']}/labels.pdf",
        f"/lims/items/{ids['item']}/custody.pdf",
        "/lims/storage/labels.pdf",
        f"/lims/reports/{ids['report']}.pdf",
    ):
        assert manager.get(url).data[:4] == b"%PDF", url
    html = manager.get(f"/lims/requests/{ids['request']}").get_data(as_text=True)
    assert "Report version 1" in html and "Completed (report released)" in html


def test_scanning_a_known_barcode_opens_the_item(app, make_user):
    ids = _data(app)
    with app.app_context():
        from lims.items.models import Item

        barcode = db.session.get(Item, ids["item"]).barcode
    analyst, _ = client_as(app, make_user, "lab_analyst")
    found = analyst.get(f"/lims/scan?code={barcode}")
    assert found.status_code == 302 and found.headers["Location"].endswith(f"/items/{ids['item']}")
