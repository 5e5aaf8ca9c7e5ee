"""The form that links a case to a case of the other system by its number."""

from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired, Length


class LinkForm(FlaskForm):
    """The other system's case number."""

    number = StringField(
        "Case number",
        validators=[DataRequired("Give the case number to link."), Length(max=40)],
    )
