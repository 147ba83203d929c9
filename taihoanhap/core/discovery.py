"""Extension points: the apps contribute by defining a module of a known name.

`<app>/nav.py`, `<app>/panels.py`, `<app>/workqueue.py`, `<app>/demo.py` and
`<app>/tests/matrix.py` are found here, in INSTALLED_APPS order, so a new capability plugs in
without editing the module that collects it.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from types import ModuleType
from typing import Any

from django.apps import apps

PROJECT_PACKAGE = "taihoanhap."


@cache
def app_modules(submodule: str) -> tuple[ModuleType, ...]:
    """`taihoanhap.<app>.<submodule>` of every project app that has one."""
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith(PROJECT_PACKAGE):
            continue
        name = f"{config.name}.{submodule}"
        try:
            found.append(import_module(name))
        except ModuleNotFoundError as exc:
            # Only a missing module is "no contribution"; a broken import inside it is an error.
            if exc.name is None or not name.startswith(exc.name):
                raise
    return tuple(found)


@cache
def app_hooks(submodule: str, attribute: str, *, exclude: str = "") -> tuple[Any, ...]:
    """The `attribute` of each app's `submodule` that defines it (but the module `exclude`)."""
    return tuple(
        getattr(module, attribute)
        for module in app_modules(submodule)
        if module.__name__ != exclude and hasattr(module, attribute)
    )
