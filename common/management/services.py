"""Headline figures from each system's own measures (asked through providers, not copied)."""

from datetime import timedelta

from common.flows.registry import ask
from common.flows.services import belize_today, chart_data, remand_delay_summary

DELAY_WINDOW_DAYS = 365


def dashboard(today=None):
    """Prison occupancy and remand share, court clearance and disposition time, lab backlog,
    and the remand delay attribution over the last year."""
    today = today or belize_today()
    delay = remand_delay_summary(start=today - timedelta(days=DELAY_WINDOW_DAYS), end=today)
    labels, datasets = chart_data(delay)
    return {
        "prison": ask("prison.headline"),
        "court": ask("court.headline", today),
        "lims": ask("lims.headline"),
        "delay": delay,
        "delay_labels": labels,
        "delay_datasets": datasets,
    }
