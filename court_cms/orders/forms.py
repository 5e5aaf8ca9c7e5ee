"""Forms of orders, sentences and appeals."""

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    DecimalField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from court_cms.orders.models import ORDER_KINDS, SENTENCE_KINDS


class OrderForm(FlaskForm):
    """An order against a defendant."""

    party_id = SelectField(
        "Defendant", coerce=int, validators=[DataRequired("Choose the defendant.")]
    )
    kind = SelectField(
        "Order",
        choices=[("", "Choose…"), *ORDER_KINDS.items()],
        validators=[DataRequired("Choose the kind of order.")],
    )
    made_on = DateField("Made on", validators=[DataRequired("Give the date of the order.")])
    expires_on = DateField("Runs to (next date / expiry)", validators=[Optional()])
    conditions = TextAreaField("Conditions", validators=[Length(max=1000)])
    surety = StringField("Surety", validators=[Length(max=255)])
    bail_amount = DecimalField(
        "Bail amount (BZ$)", places=2, validators=[Optional(), NumberRange(min=0)]
    )


class SentenceForm(FlaskForm):
    """The sentence on a convicted charge."""

    charge_id = HiddenField(validators=[DataRequired()])
    kind = SelectField(
        "Sentence",
        choices=[("", "Choose…"), *SENTENCE_KINDS.items()],
        validators=[DataRequired("Choose the kind of sentence.")],
    )
    imposed_on = DateField(
        "Imposed on", validators=[DataRequired("Give the date of the sentence.")]
    )
    start_on = DateField("Starts on", validators=[Optional()])
    years = IntegerField("Years", default=0, validators=[Optional(), NumberRange(min=0, max=99)])
    months = IntegerField("Months", default=0, validators=[Optional(), NumberRange(min=0, max=11)])
    days = IntegerField("Days", default=0, validators=[Optional(), NumberRange(min=0, max=365)])
    life = BooleanField("Life imprisonment")
    consecutive_to_id = SelectField(
        "Consecutive to", coerce=int, choices=[(0, "Concurrent")], validate_choice=False
    )
    fine_amount = DecimalField("Fine (BZ$)", places=2, validators=[Optional(), NumberRange(min=0)])
    note = StringField("Note", validators=[Length(max=500)])


class AppealForm(FlaskForm):
    """An appeal lodged by a defendant."""

    party_id = SelectField(
        "Appellant", coerce=int, validators=[DataRequired("Choose the appellant.")]
    )
    lodged_on = DateField(
        "Lodged on", validators=[DataRequired("Give the date the appeal was lodged.")]
    )
    grounds = TextAreaField("Grounds", validators=[Length(max=1000)])
