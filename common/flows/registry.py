"""Providers: small functions each app registers so common code can ask it questions.

common/ never imports an app. Each app declares its answers in `<app>/flows.py` with
`@provides("court.case_by_number")`; `provider(name)` finds them (importing the app
modules by name the first time). The shapes exchanged are the frozen dataclasses in
common.flows.refs, so no app's model ever crosses into another app.
"""

import importlib

APP_FLOW_MODULES = ("prison_ims.flows", "court_cms.flows", "lims.flows")
_PROVIDERS = {}
_loaded = False


class ProviderMissing(LookupError):
    """No app registered the provider asked for (the app is not installed)."""


def provides(name):
    """Decorator: register `fn` as the answer to `name` (e.g. "prison.remand_episodes")."""

    def register(fn):
        _PROVIDERS[name] = fn
        return fn

    return register


def load_providers():
    """Import every app's flows module once (an app that is not installed is skipped)."""
    global _loaded
    if _loaded:
        return
    for module in APP_FLOW_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module and exc.name != module.split(".")[0]:
                raise
    _loaded = True


def provider(name):
    """The function registered under `name`; ProviderMissing when no app offers it."""
    load_providers()
    try:
        return _PROVIDERS[name]
    except KeyError as exc:
        raise ProviderMissing(f"no app provides {name!r}") from exc


def ask(name, *args, **kwargs):
    """Call the provider `name` with the arguments given."""
    return provider(name)(*args, **kwargs)
