"""Helpers shared by the credit views."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from taihoanhap.accounts.scope import get_visible_or_404
from taihoanhap.credit.models import EligibleList, LoanApplication
from taihoanhap.credit.selectors import applications_for


def today() -> date:
    return timezone.localdate()


def get_application(request: HttpRequest, pk: Any) -> LoanApplication:
    """The application if it lies in the user's scope, else 404 (never 403)."""
    qs = applications_for(request.user).select_related(
        "case__release", "list_entry__eligible_list", "employer__commune"
    )
    return get_visible_or_404(qs, pk=pk)


def get_list(request: HttpRequest, pk: Any) -> EligibleList:
    qs = EligibleList.objects.visible_to(request.user).select_related(
        "commune", "drawn_up_by", "confirmed_by"
    )
    return get_visible_or_404(qs, pk=pk)


__all__ = ["get_application", "get_list", "today"]
