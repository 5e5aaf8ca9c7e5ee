"""Finds every models module of the suite so one Alembic history covers all of them."""

import importlib
import pkgutil

PACKAGES = ("common", "prison_ims", "lims", "court_cms")


def import_all_models():
    """Import every `<package>...models` module (and `models/` packages)."""
    for name in PACKAGES:
        package = importlib.import_module(name)
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{name}."):
            if info.name.endswith(".models") or ".models." in info.name:
                importlib.import_module(info.name)
