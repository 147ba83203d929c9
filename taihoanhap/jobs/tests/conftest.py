"""Browser tests of this app run on a transactional database."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import import_module

import pytest


def _ensure_chain_head() -> None:
    """The audit chain's head row comes from a data migration; emptying the database after a
    transactional test removes it, and every later audited write would then fail."""
    from taihoanhap.audit.models import ChainHead

    ChainHead.objects.get_or_create(pk=1)


@pytest.fixture
def audit_ready(transactional_db) -> None:
    """An audit chain to write to, even if an earlier transactional test emptied it."""
    _ensure_chain_head()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """Empty the database after a transactional test without breaking the tests after it.

    On SQLite, Django empties the tables with DELETE, which the audit trail's append-only
    triggers refuse (PostgreSQL uses TRUNCATE, which row triggers do not see): lift them for
    that cleanup only. On both engines, put back the chain head the cleanup removed.
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
        if "audit_auditevent" not in connection.introspection.table_names():
            return  # the session's test database is already gone
        if sqlite:
            with connection.cursor() as cursor:
                for statement in triggers.SQLITE:
                    cursor.execute(statement)
        _ensure_chain_head()
