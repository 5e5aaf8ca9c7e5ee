"""User account rules: create, edit (optimistic lock), unlock, roles from the table."""

from flask import current_app
from flask_security.utils import (
    hash_password,
    password_complexity_validator,
    password_length_validator,
)
from sqlalchemy import select

from common.extensions import db
from common.identity.lockout import unlock
from common.identity.models import Agency, Role, User
from common.identity.roles import AGENCIES, ROLE_DESCRIPTIONS, ROLE_PERMISSIONS
from common.locking import check_version


class UserError(ValueError):
    """A user-management request that breaks a rule; the message says which."""


def sync_roles_and_agencies():
    """Make the role and agency rows match the authorization table in code."""
    for code, name in AGENCIES.items():
        agency = db.session.scalar(select(Agency).where(Agency.code == code))
        if agency is None:
            db.session.add(Agency(code=code, name=name))
        elif agency.name != name:
            agency.name = name
    for name, perms in ROLE_PERMISSIONS.items():
        role = db.session.scalar(select(Role).where(Role.name == name))
        if role is None:
            role = Role(name=name)
            db.session.add(role)
        role.description = ROLE_DESCRIPTIONS[name]
        if sorted(role.permissions or []) != sorted(perms):
            role.permissions = sorted(perms)
    db.session.flush()


def _roles(names):
    roles = db.session.scalars(select(Role).where(Role.name.in_(names))).all()
    unknown = set(names) - {r.name for r in roles}
    if unknown:
        raise UserError(f"Unknown role(s): {', '.join(sorted(unknown))}.")
    return roles


def _agency(code):
    agency = db.session.scalar(select(Agency).where(Agency.code == code))
    if agency is None:
        raise UserError(f"Unknown agency {code!r}: choose one of {', '.join(AGENCIES)}.")
    return agency


def create_user(email, password, full_name, role_names, agency_code, demo=False):
    """Create an active account; refuses duplicates and weak passwords."""
    email = email.strip().lower()
    if db.session.scalar(select(User.id).where(User.email == email)):
        raise UserError(f"An account for {email} already exists.")
    problems = password_length_validator(password) or password_complexity_validator(
        password, is_register=True, email=email
    )
    if problems:
        raise UserError(" ".join(problems))
    datastore = current_app.extensions["security"].datastore
    user = datastore.create_user(
        email=email,
        password=hash_password(password),
        full_name=full_name,
        active=True,
        demo_account=demo,
        agency=_agency(agency_code),
        roles=_roles(role_names),
    )
    db.session.flush()
    return user


def update_user(user, version, full_name, role_names, agency_code, active):
    """Edit an account; a stale version raises ConflictError."""
    check_version(user, version, f"The account {user.email}")
    user.full_name = full_name
    user.agency = _agency(agency_code)
    user.roles = _roles(role_names)
    if user.active and not active:
        # Signing the user out everywhere: a new uniquifier invalidates sessions.
        user.fs_uniquifier = _new_uniquifier()
    user.active = active
    user.version += 1
    db.session.flush()


def unlock_user(user, version):
    """Clear a lockout (administrator)."""
    check_version(user, version, f"The account {user.email}")
    unlock(user)
    user.version += 1
    db.session.flush()


def _new_uniquifier():
    import uuid

    return uuid.uuid4().hex
