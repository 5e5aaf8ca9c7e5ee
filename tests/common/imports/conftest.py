"""Background import runs started by a test end before its database is emptied."""

import pytest

from common.imports.progress import wait_for_background


@pytest.fixture(autouse=True)
def _background_runs_finish(app):
    yield
    wait_for_background()
