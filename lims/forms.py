"""Helpers shared by the LIMS forms."""

DT_FORMAT = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]


def choices(mapping, blank="Choose…"):
    """Select choices from a {code: label} mapping, with a blank first option."""
    return [("", blank), *mapping.items()]


def clean(value):
    """A stripped string ('' for None)."""
    return (value or "").strip()
