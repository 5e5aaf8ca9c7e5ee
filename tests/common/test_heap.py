"""Workers freeze their start-up heap: a full collection no longer walks the app."""

import gc
import runpy
from pathlib import Path

import pytest

from common.heap import YOUNG_COLLECTION_THRESHOLD

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def restored_collector():
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def test_the_gunicorn_worker_hook_freezes_what_start_up_built(restored_collector, app):
    assert gc.get_freeze_count() == 0
    settings = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    tracked_before = len(gc.get_objects())
    settings["post_worker_init"](worker=None)
    assert gc.get_freeze_count() > 0.5 * tracked_before  # the app's objects, not a handful
    assert len(gc.get_objects()) < tracked_before / 2  # what a collection still walks
    assert gc.get_threshold()[0] == YOUNG_COLLECTION_THRESHOLD
