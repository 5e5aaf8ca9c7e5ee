"""Putting a refused action's message on the form, next to the field to correct."""


def attach_error(form, exc):
    """Show `exc` under the field it names (`exc.field`), else at the top of the form."""
    name = getattr(exc, "field", None)
    field = getattr(form, name, None) if name else None
    if field is not None and hasattr(field, "errors"):
        field.errors = [*field.errors, str(exc)]
    else:
        form.form_errors.append(str(exc))
