"""Browser tests: the whole suite on a real HTTP server, driven by headless Chromium.

Playwright's own browser downloads are not used; the system Chromium at CHROMIUM_PATH is.
Without it (or without Playwright) the tests are skipped locally and fail when CI is set.
"""

import os
from pathlib import Path

import pytest

CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
INSTALL_HINT = "apt-get install chromium"


def _missing_browser_reason():
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install playwright)"
    if not Path(CHROMIUM_PATH).is_file():
        return f"Chromium not found at {CHROMIUM_PATH}"
    return None


@pytest.fixture(scope="session", autouse=True)
def _require_chromium():
    """Checked before anything else, so a missing browser costs no database set-up."""
    reason = _missing_browser_reason()
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"Chromium is required in CI: {INSTALL_HINT} ({reason})", pytrace=False)
    pytest.skip(f"browser tests skipped: {reason}; to run them: {INSTALL_HINT}")


@pytest.fixture(scope="session")
def chromium(_require_chromium):
    """One headless Chromium for the whole run."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def browser_page(chromium):
    """A page in a fresh browser context (no cookies shared between tests)."""
    context = chromium.new_context()
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()
