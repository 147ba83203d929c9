"""Credit's configurable legal numbers, for the index of legal rules (core.legal_index)."""

from __future__ import annotations

from taihoanhap.core.legal_index import CREDIT_PARAMETER
from taihoanhap.credit.models import ParameterKey


def configuration() -> dict[str, str]:
    """Every credit parameter; their sources are kept as data, in their dated rows."""
    return {CREDIT_PARAMETER + key: "" for key in ParameterKey.values}
