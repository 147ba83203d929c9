from __future__ import annotations

from collections.abc import Iterator
from importlib import import_module

import pytest

# The rows that data migrations create, which a transactional test's flush removes.
_MIGRATED_ROWS = [
    ("taihoanhap.audit.migrations.0002_create_chain_head", "create_head"),
    ("taihoanhap.credit.migrations.0002_seed_decision_22_2023_parameters", "seed"),
    ("taihoanhap.programme.migrations.0002_seed_default_target", "seed"),
]


def restore_migrated_rows() -> None:
    """Put back the audit chain head, the Decision 22/2023 parameters and the default target
    (each seed is idempotent)."""
    from django.apps import apps

    for module, function in _MIGRATED_ROWS:
        getattr(import_module(module), function)(apps, None)


@pytest.fixture
def cast_admin(cast):
    return cast.users["admin"]


@pytest.fixture
def migrated_rows(transactional_db) -> None:
    """For a browser test: the seeded rows, even if an earlier transactional test flushed them.

    (Django's serialized rollback cannot do it here: Playwright's event loop gives the test a
    different connection object from the one the serialized copy was stored on.)
    """
    restore_migrated_rows()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """Let a transactional (browser) test's flush run on SQLite, and leave the database as
    migrated for the tests after it.

    The audit trail's append-only triggers refuse DELETE, and Django's flush after a
    transactional test DELETEs every row on SQLite (PostgreSQL TRUNCATEs, which row triggers do
    not see). The triggers are dropped just for the flush and put back right after it; the rows
    data migrations created are put back too.
    """
    if "transactional_db" not in getattr(item, "fixturenames", ()):
        yield
        return
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
    with blocker.unblock():
        # After the session's last test the test database is already gone.
        if "audit_auditevent" not in connection.introspection.table_names():
            return
        if sqlite:
            with connection.cursor() as cursor:
                for statement in triggers.SQLITE:
                    cursor.execute(statement)
        restore_migrated_rows()
