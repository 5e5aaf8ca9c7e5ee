"""Loads the demo: roles, accounts, persons (apps add their own parts as they land)."""

import sys

from sqlalchemy import select

from common.demo.accounts import DEMO_PASSWORD, DEMO_USERS
from common.demo.persons import PERSONS_PER_SCALE, load_persons
from common.extensions import db
from common.identity.models import User
from common.identity.roles import ROLE_AGENCY
from common.identity.services import create_user, sync_roles_and_agencies


def load_demo_accounts():
    """Create the demo accounts that do not exist yet; returns how many were created."""
    created = 0
    for email, name, role in DEMO_USERS:
        if db.session.scalar(select(User.id).where(User.email == email)) is None:
            create_user(email, DEMO_PASSWORD, name, [role], ROLE_AGENCY[role], demo=True)
            created += 1
    return created


def load_demo(scale, seed, progressbar):
    """Everything `justice demo` loads, in one transaction; returns summary lines."""
    sync_roles_and_agencies()
    accounts = load_demo_accounts()
    with progressbar(length=scale * PERSONS_PER_SCALE, label="Persons", file=sys.stderr) as bar:
        records = load_persons(scale, seed, progress=bar.update)
    return [
        f"Demo accounts created: {accounts} (password: {DEMO_PASSWORD})",
        f"Persons: {scale * PERSONS_PER_SCALE}, source records: {records}",
    ]
