"""Forms of orders: bail, remand, warrants, and their end."""

from flask_wtf import FlaskForm
from wtforms import DateField, DecimalField, HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from common.formfields import SelectField
from court_cms.orders.models import ORDER_KINDS


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


class EndOrderForm(FlaskForm):
    """The end of an order: warrant executed or cancelled, remand or bail ended."""

    version = HiddenField()
    ended_on = DateField("Ended on", validators=[DataRequired("Give the date the order ended.")])
    reason = StringField(
        "Reason", validators=[DataRequired("Give the reason the order ends."), Length(max=255)]
    )
