"""Forms of the housing screens."""

from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from common.formfields import SelectField


class AllocationForm(FlaskForm):
    """Place a person in a cell (first allocation or a move)."""

    cell = SelectField(
        "Cell", coerce=int, choices=[], validators=[DataRequired("Choose a cell with room.")]
    )
    reason = StringField("Reason for the placement or move", validators=[Length(max=255)])
    override_reason = StringField(
        "Supervisor override: reason",
        validators=[Length(max=255)],
        description="Only when a separation rule that may be overridden is knowingly set aside.",
    )
