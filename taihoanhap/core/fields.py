"""Model fields shared by the apps."""

from __future__ import annotations

from typing import Any

from django.db import models

# The collation that lets one index serve both `LIKE 'key%'` and `ORDER BY key` on each engine
# (see docs/performance.md): byte order on PostgreSQL, NOCASE on SQLite (whose LIKE is
# case-insensitive and uses an index only on a NOCASE column).
_SEARCH_COLLATION = {"postgresql": "C", "sqlite": "NOCASE"}


class SearchKeyField(models.CharField):
    """A stored, diacritic-free search key (core.text.search_key), indexed for prefix search."""

    def db_parameters(self, connection: Any) -> dict[str, Any]:
        params = super().db_parameters(connection)
        params["collation"] = _SEARCH_COLLATION.get(connection.vendor)
        return params
