"""The disposition form."""

from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from common.formfields import SelectField
from lims.disposition.models import DISPOSITION_KINDS
from lims.forms import choices, clean


class DispositionForm(FlaskForm):
    """Return an item to the agency, or destroy it, on the lab manager's authority."""

    kind = SelectField(
        "Disposition",
        choices=choices(DISPOSITION_KINDS),
        validators=[DataRequired("Choose return or destruction.")],
    )
    authority_reference = StringField(
        "Authority (court order, agency request)",
        validators=[DataRequired("Give the authority for the disposition."), Length(max=120)],
    )
    recipient = StringField("Received by (name, agency)", validators=[Length(max=200)])
    method = StringField("Method of destruction", validators=[Length(max=160)])
    witness = StringField("Witness", validators=[Length(max=160)])

    def disposition_data(self):
        """What the disposition service needs."""
        return {
            name: clean(getattr(self, name).data)
            for name in ("authority_reference", "recipient", "method", "witness")
        } | {"kind": self.kind.data}
