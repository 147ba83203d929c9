"""Browser tests of this app run on a transactional database."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import import_module

import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """On SQLite, Django empties the tables after a transactional test with DELETE, which the
    audit trail's append-only triggers refuse (PostgreSQL uses TRUNCATE, which row triggers
    do not see). Lift the triggers for that cleanup only, then put them back."""
    from django.db import connection

    if "transactional_db" not in getattr(item, "fixturenames", ()) or connection.vendor != "sqlite":
        yield
        return
    from pytest_django.plugin import blocking_manager_key

    triggers = import_module("taihoanhap.audit.migrations.0003_append_only_triggers")
    blocker = item.config.stash[blocking_manager_key]
    with blocker.unblock(), connection.cursor() as cursor:
        for statement in triggers.SQLITE_DROP:
            cursor.execute(statement)
    yield
    with blocker.unblock():
        if "audit_auditevent" in connection.introspection.table_names():
            with connection.cursor() as cursor:
                for statement in triggers.SQLITE:
                    cursor.execute(statement)
