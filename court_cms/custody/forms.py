"""Form of the attendance of a listed defendant."""

from flask_wtf import FlaskForm
from wtforms import HiddenField, IntegerField
from wtforms.validators import DataRequired

from common.formfields import SelectField
from common.inbox.models import ATTENDANCE


class AttendanceForm(FlaskForm):
    """Was the defendant produced at the hearing?"""

    version = HiddenField()
    listing_id = IntegerField(validators=[DataRequired()])
    attendance = SelectField(
        "Attendance",
        choices=[("", "Choose…"), *ATTENDANCE.items()],
        validators=[DataRequired("Choose produced or not produced.")],
    )
