"""Forms of the movement and roll screens."""

from flask_wtf import FlaskForm
from wtforms import DateTimeLocalField, StringField
from wtforms.validators import DataRequired, Length, Optional

from common.formfields import SelectField
from prison_ims.movements.services import RECORDABLE_KINDS

DT_FORMAT = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]


class MovementForm(FlaskForm):
    """One movement of a person in custody."""

    kind = SelectField(
        "Movement",
        choices=[("", "Choose…"), *RECORDABLE_KINDS.items()],
        validators=[DataRequired("Choose the movement.")],
    )
    occurred_at = DateTimeLocalField(
        "Date and time", format=DT_FORMAT, validators=[DataRequired("Give the date and time.")]
    )
    place = StringField("Court, hospital, facility or place", validators=[Length(max=160)])
    reason = StringField("Reason or authority", validators=[Length(max=255)])


class RollForm(FlaskForm):
    """The moment the roll is rebuilt for (GET, no CSRF)."""

    class Meta:
        csrf = False

    at = DateTimeLocalField("Roll at (Belize time)", format=DT_FORMAT, validators=[Optional()])
