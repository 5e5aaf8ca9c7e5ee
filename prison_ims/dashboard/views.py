"""Thin views: the Prison IMS home page and the Rule 10 population dashboard."""

from datetime import datetime, time, timedelta

from flask import render_template, request

from common.persons.services import system_summary
from common.timefmt import BELIZE
from prison_ims.dashboard.figures import flows_by_month, population
from prison_ims.dashboard.services import home_figures
from prison_ims.movements.services import custody_rows
from prison_ims.remand.services import remand_alarms_now
from prison_ims.times import now_utc


def home():
    """Today's figures: custody, remand and its alarms, admissions this month."""
    now = now_utc()
    held = custody_rows()  # now
    return render_template(
        "prison_ims/home.html",
        figures=home_figures(now, held),
        summary=system_summary("prison"),
        alarms=remand_alarms_now(now, held),
    )


def _moment(text):
    """The end of a Belize day given as YYYY-MM-DD (now when empty or in the future)."""
    now = now_utc()
    if not text:
        return now, None
    try:
        day = datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        return now, "Give the date as a calendar date, for example 2026-11-22."
    end = datetime.combine(day + timedelta(days=1), time.min, BELIZE) - timedelta(microseconds=1)
    return min(end, now), None


def dashboard():
    """Population, occupancy, flows and remand, rebuilt from the histories."""
    at, error = _moment(request.args.get("at", "").strip())
    alarms = remand_alarms_now() if not request.args.get("at") else None
    return render_template(
        "prison_ims/dashboard.html",
        pop=population(at),
        flows=flows_by_month(at),
        alarms=alarms,
        at=at,
        at_text=request.args.get("at", ""),
        error=error,
    )
