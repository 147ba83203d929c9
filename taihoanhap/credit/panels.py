"""The loans section of the person page: applications and the person-level conditions."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from taihoanhap.credit.access import LOAN_DRAFTERS, LOAN_READERS
from taihoanhap.credit.eligibility import person_lines
from taihoanhap.credit.models import LoanApplication
from taihoanhap.registry.panels import Panel


def panels_for(person: Any, user: Any) -> list[Panel]:
    """Opened, four queries whatever the number of loans: applications, case, parameters,
    Form 01."""
    if getattr(user, "role", None) not in LOAN_READERS:
        return []
    return [
        Panel(
            title=_("Social Policy Bank loans"),
            template="credit/panel.html",
            context=lambda: {
                "loan_person": person,
                "loan_applications": list(
                    LoanApplication.objects.filter(person=person).order_by("-status_changed_on")[
                        :20
                    ]
                ),
                "loan_lines": person_lines(person, today=timezone.localdate()),
                "may_draw_up": user.role in LOAN_DRAFTERS,
            },
            order=400,
        )
    ]
