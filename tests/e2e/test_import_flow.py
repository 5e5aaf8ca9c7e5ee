"""A register imported in a real browser: upload, the proposed columns confirmed, the dry run,
the import with its live row count, and the counts at the end."""

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import func, select

from common.imports.samples import inmates_xlsx, random_inmate_rows
from tests.conftest import TEST_PASSWORD

pytestmark = pytest.mark.e2e
ROWS = 60


def test_upload_map_dry_run_import_with_progress(app, browser_page, live_server, make_user,
                                                 tmp_path):  # fmt: skip
    from common.extensions import db
    from prison_ims.admissions.models import Admission

    app.config["IMPORT_PROGRESS_EVERY"] = 5
    register = tmp_path / "admissions-2019.xlsx"
    register.write_bytes(inmates_xlsx(list(random_inmate_rows(ROWS))))
    email = make_user("prison_records_supervisor")
    page = browser_page
    polled = []
    page.on(
        "response",
        lambda r: polled.append(r.json()) if r.url.endswith("/status.json") else None,
    )

    page.goto(f"{live_server}/imports/prison")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server}/imports/prison")
    page.get_by_role("link", name="Inmates register (admissions)").click()
    page.get_by_label("Register file (.xlsx or .csv)").set_input_files(str(register))
    page.get_by_role("button", name="Upload and propose columns").click()

    expect(page.get_by_text("Step 2 of 3")).to_be_visible()
    expect(page.get_by_label("Surname (required)")).to_have_value("Apellido")
    expect(page.get_by_label("Date admitted (required)")).to_have_value("Date Admitted")
    page.get_by_role("button", name="Dry run (write nothing)").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Dry run (nothing written)", timeout=60_000
    )
    counts = page.locator("#counts")
    expect(counts).to_contain_text(f"Would be created{ROWS}")
    expect(page.locator("#import-progress-text")).to_have_text(f"{ROWS} of {ROWS} rows checked")
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Admission)) == 0

    polled.clear()
    page.get_by_role("button", name="Confirm: import these rows").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Imported", timeout=90_000)
    expect(page.locator("#import-progress-text")).to_have_text(f"{ROWS} of {ROWS} rows written")
    expect(page.locator("#import-progress-bar")).to_have_attribute("value", str(ROWS))
    expect(page.locator("#counts")).to_contain_text(f"Created{ROWS}")
    assert re.search(r"/imports/prison/runs/\d+$", page.url)
    # While the import ran the page polled its status and counted the rows being written;
    # the finished state above is what it showed after the last poll.
    running = [s for s in polled if not s["finished"]]
    assert any(s["phase"] == "writing" and 0 < s["rows_done"] < ROWS for s in running), polled
    counted = [s["rows_done"] for s in running if s["phase"] == "writing"]
    assert counted == sorted(counted)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Admission)) == ROWS
