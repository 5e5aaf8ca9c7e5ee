"""Form of a sentence on a convicted charge."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, DecimalField, HiddenField, IntegerField, StringField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from common.formfields import SelectField
from court_cms.orders.models import SENTENCE_KINDS


class SentenceForm(FlaskForm):
    """The sentence on a convicted charge: what each kind needs is checked by the service."""

    charge_id = HiddenField(validators=[DataRequired()])
    kind = SelectField(
        "Sentence",
        choices=[("", "Choose…"), *SENTENCE_KINDS.items()],
        validators=[DataRequired("Choose the kind of sentence.")],
    )
    imposed_on = DateField(
        "Imposed on", validators=[DataRequired("Give the date of the sentence.")]
    )
    start_on = DateField(
        "Starts on", validators=[Optional()], description="Imprisonment; empty: the day imposed."
    )
    years = IntegerField("Years", default=0, validators=[Optional(), NumberRange(min=0, max=99)])
    months = IntegerField("Months", default=0, validators=[Optional(), NumberRange(min=0, max=11)])
    days = IntegerField("Days", default=0, validators=[Optional(), NumberRange(min=0, max=365)])
    life = BooleanField("Life imprisonment")
    consecutive_to_id = SelectField(
        "Runs", coerce=int, choices=[(0, "Concurrent")], validate_choice=False
    )
    fine_amount = DecimalField("Fine (BZ$)", places=2, validators=[Optional(), NumberRange(min=0)])
    community_hours = IntegerField(
        "Community service (hours)", validators=[Optional(), NumberRange(min=1, max=2000)]
    )
    suspended_for_months = IntegerField(
        "Suspended for (months)", validators=[Optional(), NumberRange(min=1, max=120)]
    )
    note = StringField("Note", validators=[Length(max=500)])
