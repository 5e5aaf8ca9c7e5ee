"""Form rendering shared by every app: the same markup as wtforms, written faster.

A case page or an inmate's file carries a dozen forms, a hundred inputs and a few hundred
<option>s; wtforms writes every attribute through `Markup.format`, which was a third of such
a page's time. `attributes` writes the same bytes directly and is installed as the inputs'
`html_params` (the hook wtforms' Input widgets expose for it); options are written directly
by FastSelect. tests/common/test_formfields.py holds both to wtforms' own output.
"""

from markupsafe import Markup, escape
from wtforms import SelectField as _SelectField
from wtforms import widgets
from wtforms.widgets.core import clean_key


def attributes(**kwargs):
    """wtforms' html_params, byte for byte: sorted keys, True bare, False left out."""
    params = []
    for key, value in sorted(kwargs.items()):
        if value is True:
            params.append(clean_key(key))
        elif value is not False:
            params.append(f'{escape(clean_key(key))}="{escape(value)}"')
    return Markup(" ".join(params))  # noqa: S704 - every key and value escaped above


widgets.Input.html_params = staticmethod(attributes)


class FastSelect(widgets.Select):
    """wtforms' Select; an option without extra attributes is written directly.

    wtforms' own `__call__` inspects `render_option`'s signature on every render (to warn
    about an old override) and writes the tag through `Markup.format`; this one does neither.
    """

    def __call__(self, field, **kwargs):
        """`<select …>` with its options (and option groups), as wtforms writes it."""
        kwargs.setdefault("id", field.id)
        if self.multiple:
            kwargs["multiple"] = True
        flags = getattr(field, "flags", {})
        for key in self.validation_attrs:
            if key not in kwargs and getattr(flags, key, False):
                kwargs[key] = getattr(flags, key)
        html = [f"<select {attributes(name=field.name, **kwargs)}>"]
        if field.has_groups():
            for group, choices in field._iter_groups_normalized():
                if group is not None:
                    html.append(f"<optgroup {attributes(label=group)}>")
                html.extend(self.render_option(choice) for choice in choices)
                if group is not None:
                    html.append("</optgroup>")
        else:
            html.extend(self.render_option(c) for c in field._iter_choices_normalized())
        html.append("</select>")
        return Markup("".join(html))  # noqa: S704 - tag and options escaped as they are written

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
