"""Forms for managing user accounts."""

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    HiddenField,
    PasswordField,
    SelectMultipleField,
    StringField,
)
from wtforms.validators import DataRequired, Email, Length, Optional

from common.formfields import SelectField
from common.identity.roles import ROLE_DESCRIPTIONS


def role_choices():
    """(name, description) for every role in the authorization table."""
    return [(name, f"{name} — {desc}") for name, desc in ROLE_DESCRIPTIONS.items()]


class UserEditForm(FlaskForm):
    """Edit an account's name, agency, roles and status."""

    version = HiddenField()
    full_name = StringField("Full name", validators=[DataRequired(), Length(max=120)])
    agency = SelectField("Agency", validators=[DataRequired()])
    roles = SelectMultipleField(
        "Roles",
        choices=role_choices(),
        validators=[DataRequired(message="Choose at least one role.")],
        description="Hold Ctrl (Cmd on a Mac) to choose several.",
    )
    active = BooleanField("Account active (can sign in)", default=True)


class UserCreateForm(UserEditForm):
    """Create an account with an initial password."""

    email = EmailField("Email", validators=[DataRequired(), Email(), Length(max=255)])
    password = PasswordField(
        "Initial password",
        validators=[DataRequired(), Length(min=12, max=128)],
        description="At least 12 characters; the user should change it after first sign-in.",
    )


class UnlockForm(FlaskForm):
    """Confirm unlocking an account."""

    version = HiddenField()
    confirm = BooleanField("Unlock", validators=[Optional()])
