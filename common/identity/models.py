"""Users, roles (with permission strings) and agencies shared by all three apps."""

from flask_security import AsaList, RoleMixin, UserMixin
from sqlalchemy.ext.mutable import MutableList
from sqlalchemy.orm import declared_attr

from common.extensions import db
from common.models import Audited, Timestamped, Versioned

user_roles = db.Table(
    "common_user_role",
    db.Column("user_id", db.Integer, db.ForeignKey("common_user.id"), primary_key=True),
    db.Column("role_id", db.Integer, db.ForeignKey("common_role.id"), primary_key=True),
)


class Agency(Audited, db.Model):
    """An agency of the justice chain (prison, lab, court registry, BCO, ministry)."""

    __tablename__ = "common_agency"

    id = db.Column(db.Integer, primary_key=True)
    code = db.Column(db.String(16), unique=True, nullable=False)
    name = db.Column(db.String(120), nullable=False)

    def __str__(self):
        return self.name


class Role(Audited, RoleMixin, db.Model):
    """A role; its permissions are named strings such as `lims.custody.transfer`."""

    __tablename__ = "common_role"

    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(80), unique=True, nullable=False)
    description = db.Column(db.String(255))
    permissions = db.Column(MutableList.as_mutable(AsaList()), nullable=True)
    update_datetime = db.Column(db.DateTime, nullable=True)


class User(Audited, Versioned, Timestamped, UserMixin, db.Model):
    """A person who signs in to the suite."""

    __tablename__ = "common_user"
    __audit_exclude__ = ("password", "tf_totp_secret", "fs_uniquifier", "mf_recovery_codes")

    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255), unique=True, nullable=False)
    full_name = db.Column(db.String(120), nullable=False, default="")
    password = db.Column(db.String(255), nullable=True)
    active = db.Column(db.Boolean, nullable=False, default=True)
    fs_uniquifier = db.Column(db.String(64), unique=True, nullable=False)
    confirmed_at = db.Column(db.DateTime)
    agency_id = db.Column(db.Integer, db.ForeignKey("common_agency.id"), nullable=True)
    demo_account = db.Column(db.Boolean, nullable=False, default=False)
    # trackable
    last_login_at = db.Column(db.DateTime)
    current_login_at = db.Column(db.DateTime)
    last_login_ip = db.Column(db.String(64))
    current_login_ip = db.Column(db.String(64))
    login_count = db.Column(db.Integer)
    # two-factor (TOTP)
    tf_primary_method = db.Column(db.String(64), nullable=True)
    tf_totp_secret = db.Column(db.String(255), nullable=True)
    tf_phone_number = db.Column(db.String(128), nullable=True)
    mf_recovery_codes = db.Column(MutableList.as_mutable(AsaList()), nullable=True)
    # lockout
    failed_login_count = db.Column(db.Integer, nullable=False, default=0)
    locked_until = db.Column(db.DateTime(timezone=True), nullable=True)

    # Signing in writes bookkeeping (login times and counts, failure counter) to this row.
    # Only administrator edits move the version, so two sign-ins of one account at the same
    # moment do not conflict, and an administrator's open form is not made stale by a login.
    @declared_attr.directive
    def __mapper_args__(cls):  # noqa: N805 - SQLAlchemy declared_attr signature
        return {"version_id_col": cls.version, "version_id_generator": False}

    agency = db.relationship(Agency)
    roles = db.relationship(Role, secondary=user_roles, backref=db.backref("users", lazy="dynamic"))

    @property
    def display_name(self):
        """Name for screens and audit lines."""
        return self.full_name or self.email

    def __str__(self):
        return self.display_name

    def track_failed_authn(self, auth_type, tfa=False):
        """Flask-Security hook: count the failure, lock at the limit, audit it."""
        super().track_failed_authn(auth_type, tfa)
        from common.identity.lockout import register_failure

        register_failure(self, auth_type, tfa)

    def is_locked(self, form_error=None):
        """Flask-Security hook: refuse sign-in while the lockout period runs."""
        from common.identity.lockout import is_locked_now, lock_message, register_locked_attempt

        if is_locked_now(self):
            register_locked_attempt(self)
            if form_error is not None:
                form_error.append(lock_message(self))
            return True
        return False
