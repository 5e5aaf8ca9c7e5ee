"""Loads the demo: roles, accounts, persons, then each app's own part."""

import importlib
import sys

from sqlalchemy import select

from common.demo.accounts import DEMO_PASSWORD, DEMO_USERS
from common.demo.persons import PERSONS_PER_SCALE, load_persons
from common.extensions import db
from common.identity.models import User
from common.identity.roles import ROLE_AGENCY
from common.identity.services import create_user, sync_roles_and_agencies

# Each app's demo module offers `load_demo(scale, seed, progressbar) -> [summary lines]`.
# court_cms.demo_flows links the court's cases to the lab's: it runs after both. The prison's
# population snapshots come last, once every step has added to the prison's history.
APP_DEMO_MODULES = (
    "prison_ims.demo",
    "court_cms.demo",
    "lims.demo",
    "common.demo.court_prison",
    "court_cms.demo_flows",
    "prison_ims.population.demo",
)


def load_demo_accounts():
    """Create the demo accounts that do not exist yet; returns how many were created."""
    created = 0
    for email, name, role in DEMO_USERS:
        if db.session.scalar(select(User.id).where(User.email == email)) is None:
            create_user(email, DEMO_PASSWORD, name, [role], ROLE_AGENCY[role], demo=True)
            created += 1
    return created


def app_demo_loaders():
    """The `load_demo` functions of the apps that have a demo module."""
    loaders = []
    for name in APP_DEMO_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        loaders.append(module.load_demo)
    return loaders


def load_demo(scale, seed, progressbar):
    """Everything `justice demo` loads, in one transaction; returns summary lines."""
    sync_roles_and_agencies()
    accounts = load_demo_accounts()
    with progressbar(length=scale * PERSONS_PER_SCALE, label="Persons", file=sys.stderr) as bar:
        records = load_persons(scale, seed, progress=bar.update)
    lines = [
        f"Demo accounts created: {accounts} (password: {DEMO_PASSWORD})",
        f"Persons: {scale * PERSONS_PER_SCALE}, source records: {records}",
    ]
    for load_app_demo in app_demo_loaders():
        lines.extend(load_app_demo(scale, seed, progressbar))
    lines.append(f"Export feed changes emitted: {emit_export_feeds()}")
    return lines


def emit_export_feeds():
    """Put every demo record into the export feeds (apps bulk-load part of their history)."""
    from common.exports.datasets import all_datasets
    from common.exports.outbox import backfill

    return sum(backfill(db.session, dataset) for dataset in all_datasets())
