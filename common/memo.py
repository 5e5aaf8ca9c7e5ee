"""Figures that are costly to count and fine a minute old, kept per worker process."""

import time
from datetime import UTC, datetime

from flask import current_app


def recent(key, max_age_seconds, compute):
    """(value, counted at, UTC) of `compute()`, counted again once older than the max age.

    Each app (and so each worker process) keeps its own; a max age of 0 always recounts.
    Only for figures that say when they were counted: never for a record or a decision.
    """
    store = current_app.extensions.setdefault("justice_recent", {})
    held = store.get(key)
    now = time.monotonic()
    if held is None or now - held[0] >= max_age_seconds:
        held = (now, compute(), datetime.now(UTC))
        store[key] = held
    return held[1], held[2]
