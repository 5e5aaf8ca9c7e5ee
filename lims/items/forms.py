"""Forms of the item, storage and barcode screens."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, IntegerField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from common.formfields import SelectField
from lims.forms import choices, clean
from lims.items.models import CONDITIONS, ITEM_TYPES, LOCATION_KINDS


class ItemForm(FlaskForm):
    """An item (or sub-item) as received: type, description, packaging, seals, condition."""

    item_type = SelectField(
        "Item type", choices=choices(ITEM_TYPES), validators=[DataRequired("Choose the item type.")]
    )
    description = TextAreaField(
        "Description",
        validators=[DataRequired("Describe the item as it was received."), Length(max=2000)],
    )
    quantity = IntegerField(
        "Quantity",
        default=1,
        validators=[DataRequired("Give the quantity."), NumberRange(min=1, max=100000)],
    )
    packaging = StringField("Packaging", validators=[Length(max=160)])
    seals = StringField(
        "Seal numbers",
        validators=[Length(max=400)],
        description="Separate several seals with commas. Each seal is unique within the case.",
    )
    condition = SelectField(
        "Condition on receipt",
        choices=choices(CONDITIONS),
        validators=[DataRequired("Choose the condition on receipt.")],
    )
    deviations = TextAreaField(
        "Deviations from the expected condition",
        validators=[Length(max=2000)],
        description="Required unless sealed and intact (ISO/IEC 17025 §7.4.3).",
    )
    container_id = SelectField("Inside container", choices=[], validate_choice=False)

    def item_data(self):
        """What the item service needs."""
        return {
            "item_type": self.item_type.data,
            "description": clean(self.description.data),
            "quantity": self.quantity.data,
            "packaging": clean(self.packaging.data),
            "seals": self.seals.data or "",
            "condition": self.condition.data,
            "deviations": clean(self.deviations.data),
            "container_id": int(self.container_id.data)
            if (self.container_id.data or "").isdigit()
            else None,
        }


class HoldForm(FlaskForm):
    """Put an item on legal hold or lift it."""

    version = HiddenField()
    hold = BooleanField("On legal hold")
    reason = StringField("Reason (court order, request)", validators=[Length(max=255)])


class LocationForm(FlaskForm):
    """A new storage location inside its parent."""

    kind = SelectField(
        "Kind", choices=choices(LOCATION_KINDS), validators=[DataRequired("Choose the kind.")]
    )
    name = StringField(
        "Name", validators=[DataRequired("Give the location a name."), Length(max=80)]
    )
    parent_id = SelectField("Inside", choices=[], validate_choice=False, validators=[Optional()])


class ScanForm(FlaskForm):
    """Scan or type a barcode."""

    class Meta:
        csrf = False

    code = StringField("Barcode", validators=[Length(max=64)])
