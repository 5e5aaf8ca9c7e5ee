"""The amendment form."""

from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length


class AmendForm(FlaskForm):
    """Issue an amended version of a released report."""

    reason = StringField(
        "Reason for the amendment",
        validators=[DataRequired("Give the reason for the amendment."), Length(max=255)],
    )
    conclusion = TextAreaField(
        "Amended conclusion (leave empty to keep it)", validators=[Length(max=4000)]
    )
