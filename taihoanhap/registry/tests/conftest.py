"""Fixtures of the registry's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture
def audit_flushable(transactional_db) -> Iterator[None]:
    """Let a transactional (browser) test's database be flushed on SQLite.

    The audit trail's append-only triggers refuse the DELETE that SQLite's flush runs after a
    transactional test (PostgreSQL truncates, which row triggers do not see). Empty the trail
    with the triggers lifted, then put them back, before the flush.
    """
    yield
    from django.db import connection

    if connection.vendor != "sqlite":
        return
    from importlib import import_module

    triggers = import_module("taihoanhap.audit.migrations.0003_append_only_triggers")
    with connection.cursor() as cursor:
        for statement in triggers.SQLITE_DROP:
            cursor.execute(statement)
        cursor.execute("DELETE FROM audit_auditevent")
        for statement in triggers.SQLITE:
            cursor.execute(statement)
