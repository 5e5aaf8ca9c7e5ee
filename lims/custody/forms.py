"""The transfer form."""

from flask_wtf import FlaskForm
from wtforms import PasswordField, RadioField, StringField
from wtforms.validators import DataRequired, Length

from common.formfields import SelectField
from lims.custody.models import PURPOSES
from lims.forms import choices, clean

TRANSFER_PURPOSES = {
    k: v for k, v in PURPOSES.items() if k not in ("RECEIPT", "RETURN", "DESTRUCTION")
}


class TransferForm(FlaskForm):
    """Hand an item to a colleague (who signs with their password) or store it."""

    to_kind = RadioField(
        "Transfer to",
        choices=[("PERSON", "A person"), ("LOCATION", "A storage location")],
        validators=[DataRequired("Choose whether the item goes to a person or a location.")],
    )
    to_user_id = SelectField("Receiving person", choices=[], validate_choice=False)
    receiver_password = PasswordField(
        "Receiver's password",
        description="The receiving person types their own password to accept the item.",
    )
    to_location_id = SelectField("Storage location", choices=[], validate_choice=False)
    purpose = SelectField(
        "Purpose",
        choices=choices(TRANSFER_PURPOSES),
        validators=[DataRequired("Choose the purpose.")],
    )
    seal_intact = RadioField(
        "Seal intact",
        choices=[("yes", "Yes"), ("no", "No")],
        validators=[DataRequired("Say whether the seal is intact.")],
    )
    notes = StringField("Notes", validators=[Length(max=255)])

    def transfer_data(self):
        """What the custody service needs."""
        return {
            "to_kind": self.to_kind.data,
            "to_user_id": self.to_user_id.data or 0,
            "to_location_id": self.to_location_id.data or 0,
            "receiver_password": self.receiver_password.data or "",
            "purpose": self.purpose.data,
            "seal_intact": {"yes": True, "no": False}.get(self.seal_intact.data),
            "notes": clean(self.notes.data),
        }
