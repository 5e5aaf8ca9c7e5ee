"""Form of the remand screens."""

from flask_wtf import FlaskForm
from wtforms import DateField, StringField
from wtforms.validators import Length, Optional


class CourtDateForm(FlaskForm):
    """The next date the person is due at court."""

    due_on = DateField("Due at court on", validators=[Optional()])
    court = StringField("Court", validators=[Length(max=160)])
    purpose = StringField("Purpose (mention, trial, sentence…)", validators=[Length(max=160)])
