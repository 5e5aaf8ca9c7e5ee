"""The importers of every app, found by name: each app declares its own in `<app>/importers.py`.

Adding a register for an app is one file: a module `<package>/importers.py` whose classes
are decorated with `@register`. Nothing in common/ changes.
"""

import importlib
import importlib.util
from contextlib import nullcontext
from dataclasses import dataclass

from common.imports.values import to_text

APP_PACKAGES = ("prison_ims", "court_cms", "lims")
REGISTRY = {}
_loaded = False


@dataclass(frozen=True)
class Field:
    """One column an importer understands: its name, label, reader, whether it is required."""

    name: str
    label: str
    parse: object = to_text
    required: bool = False
    synonyms: tuple = ()


class Importer:
    """Base of an app's register importer; subclasses name their fields and write rows."""

    app = ""  # short name used in URLs and on the command line ("prison", "court")
    kind = ""  # register kind ("inmates", "cases")
    title = ""
    permission = ""
    fields = ()

    def source_ref(self, values):
        """The stable reference of a row (same row, same reference, whatever the file)."""
        raise NotImplementedError

    def check(self, values):
        """Problems spanning several fields: [(field name, problem)]."""
        return []

    def create(self, values, user_id=None):
        """Write a new row through the app's services: (target type, target id, person outcome)."""
        raise NotImplementedError

    def update(self, values, target_id, user_id=None):
        """Apply a changed row to what it created before; True when something changed."""
        return False

    def check_user(self, user_id):
        """Refuse a run without the user this register needs (ImportRefused); default none."""

    def writing(self):
        """A context held while rows are written (settings for imported history)."""
        return nullcontext()


def register(cls):
    """Class decorator: make an importer available to the upload pages and the CLI."""
    REGISTRY[(cls.app, cls.kind)] = cls()
    return cls


def load_importers():
    """Import every app's `importers` module once."""
    global _loaded
    if not _loaded:
        for package in APP_PACKAGES:
            if importlib.util.find_spec(package) and importlib.util.find_spec(
                f"{package}.importers"
            ):
                importlib.import_module(f"{package}.importers")
        _loaded = True
    return REGISTRY


def get_importer(app, kind):
    """The importer for `app` and `kind`, or None."""
    return load_importers().get((app, kind))


def importers_of(app):
    """The importers of one app, by kind."""
    return [imp for (a, _k), imp in sorted(load_importers().items()) if a == app]
