"""Forms of the sentence and release-date screens."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, HiddenField, IntegerField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from common.formfields import SelectField

TERM_RANGE = NumberRange(min=0, max=999, message="Give a whole number, 0 or more.")


class SentenceForm(FlaskForm):
    """One sentence from the sentence warrant."""

    offence = SelectField("Offence the sentence is for", coerce=int, validate_choice=False)
    court = StringField("Sentencing court", validators=[Length(max=120)])
    imposed_on = DateField("Date sentence imposed", validators=[Optional()])
    start_date = DateField(
        "Sentence starts",
        validators=[Optional()],
        description="Not needed for a sentence consecutive to another: it starts the day "
        "after that one expires.",
    )
    years = IntegerField("Years", validators=[Optional(), TERM_RANGE])
    months = IntegerField("Months", validators=[Optional(), TERM_RANGE])
    days = IntegerField("Days", validators=[Optional(), TERM_RANGE])
    life = BooleanField("Life sentence")
    consecutive_to = SelectField("Consecutive to", coerce=int, validate_choice=False, default=0)

    def sentence_data(self):
        """The entries as the service expects them."""
        return {
            "offence_id": self.offence.data or None,
            "court": self.court.data,
            "imposed_on": self.imposed_on.data,
            "start_date": self.start_date.data,
            "years": self.years.data or 0,
            "months": self.months.data or 0,
            "days": self.days.data or 0,
            "life": self.life.data,
            "consecutive_to_id": self.consecutive_to.data or None,
        }


class RemandForm(FlaskForm):
    """The days on remand credited against the sentences."""

    days = IntegerField(
        "Days on remand to credit",
        validators=[
            InputRequired("Give the days on remand (0 or more)."),
            NumberRange(min=0, max=36500, message="Give a whole number of days, 0 or more."),
        ],
    )
    basis = StringField(
        "Based on",
        validators=[Length(max=255)],
        description="Periods in custody on remand for these offences, or the court's order.",
    )


class RecalculateForm(FlaskForm):
    """Run the engine again (for example after a change of policy)."""


class ConfirmForm(FlaskForm):
    """The second officer's confirmation of the calculation in force."""

    version = HiddenField()


class OverrideForm(FlaskForm):
    """Replace the calculated dates, with a reason."""

    version = HiddenField()
    sed = DateField("Sentence expiry date", validators=[DataRequired("Give the date.")])
    erd = DateField("Earliest release date", validators=[DataRequired("Give the date.")])
    reason = StringField("Reason for the override", validators=[Length(max=500)])
