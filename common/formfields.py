"""Form fields shared by every app: a select whose options render without html_params.

A case page or an inmate's file carries a dozen forms and a few hundred <option>s; wtforms
builds each option through html_params (sorting and escaping an attribute dict), which was
a third of such a page's time. The output is the same markup.
"""

from markupsafe import Markup, escape
from wtforms import SelectField as _SelectField
from wtforms import widgets


class FastSelect(widgets.Select):
    """wtforms' Select; an option without extra attributes is written directly."""

    @classmethod
    def render_option(cls, choice, **kwargs):
        """`<option [selected ]value="…">label</option>`, as html_params would write it."""
        if choice.render_kw or kwargs:
            return super().render_option(choice, **kwargs)
        value = str(choice.value) if isinstance(choice.value, bool) else choice.value
        label = escape(choice.label or choice.value)
        selected = "selected " if choice.selected else ""
        # Every part is escaped above; this is html_params' output without its cost.
        return Markup(f'<option {selected}value="{escape(value)}">{label}</option>')  # noqa: S704


class SelectField(_SelectField):
    """wtforms' SelectField with the FastSelect widget."""

    widget = FastSelect()
