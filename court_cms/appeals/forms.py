"""Forms of appeals: lodging and the decision."""

from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from common.formfields import SelectField
from court_cms.orders.models import APPEAL_OUTCOMES


class AppealForm(FlaskForm):
    """An appeal lodged by a defendant."""

    party_id = SelectField(
        "Appellant", coerce=int, validators=[DataRequired("Choose the appellant.")]
    )
    lodged_on = DateField(
        "Lodged on", validators=[DataRequired("Give the date the appeal was lodged.")]
    )
    grounds = TextAreaField("Grounds", validators=[Length(max=1000)])


class AppealOutcomeForm(FlaskForm):
    """The decision on an appeal."""

    version = HiddenField()
    outcome = SelectField(
        "Outcome",
        choices=[("", "Choose…"), *APPEAL_OUTCOMES.items()],
        validators=[DataRequired("Choose the outcome of the appeal.")],
    )
    outcome_on = DateField("Decided on", validators=[DataRequired("Give the date of decision.")])
    note = StringField("Note", validators=[Length(max=500)])
