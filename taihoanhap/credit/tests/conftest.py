from __future__ import annotations

import pytest


@pytest.fixture
def cast_admin(cast):
    return cast.users["admin"]
