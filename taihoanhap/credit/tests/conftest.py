from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture
def cast_admin(cast):
    return cast.users["admin"]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """Let a transactional (browser) test's flush run on SQLite.

    The audit trail's append-only triggers refuse DELETE, and Django's flush after a
    transactional test DELETEs every row on SQLite (PostgreSQL TRUNCATEs, which row triggers do
    not see). The triggers are dropped just for the flush and put back right after it.
    """
    transactional = "transactional_db" in getattr(item, "fixturenames", ())
    if not transactional:
        yield
        return
    from importlib import import_module

    from django.db import connection
    from pytest_django.plugin import blocking_manager_key

    triggers = import_module("taihoanhap.audit.migrations.0003_append_only_triggers")

    blocker = item.config.stash[blocking_manager_key]
    sqlite = connection.vendor == "sqlite"
    if sqlite:
        with blocker.unblock(), connection.cursor() as cursor:
            for statement in triggers.SQLITE_DROP:
                cursor.execute(statement)
    yield
    if sqlite:
        with blocker.unblock():
            # After the session's last test the test database is already gone.
            if "audit_auditevent" in connection.introspection.table_names():
                with connection.cursor() as cursor:
                    for statement in triggers.SQLITE:
                        cursor.execute(statement)
