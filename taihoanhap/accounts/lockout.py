"""Login lockouts per account and per address (django-axes handler).

Axes counts failures for each set of AXES_LOCKOUT_PARAMETERS and compares the largest count with
one limit. We need two limits: a few failures lock one account from one address (a mistyped
password), and more failures from one address across any accounts lock the address (password
spraying: one guess against every account never trips the per-account lock). Officers of one
office may share an address, hence the larger limit for the address.
"""

from __future__ import annotations

from typing import Any

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest

# The order of settings.AXES_LOCKOUT_PARAMETERS: the account from one address, then the address.
ACCOUNT, ADDRESS = 0, 1


def _failures(attempts: Any) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class AccountAndAddressHandler(AxesDatabaseHandler):
    def get_failures(self, request: HttpRequest, credentials: dict | None = None) -> int:
        """The account's failures, or the account limit once the address reached its own."""
        attempts = self.get_user_attempts(request, credentials)
        account = _failures(attempts[ACCOUNT])
        if _failures(attempts[ADDRESS]) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT:
            return max(account, settings.AXES_FAILURE_LIMIT)
        return account

    def reset_user_attempts(self, request: HttpRequest, credentials: dict | None = None) -> int:
        """A successful sign-in clears that account's failures from that address only.

        Axes would clear every set, the whole address's count included: an attacker holding one
        account could then sign in to it between rounds of spraying the others.
        """
        username = get_client_username(request, credentials)
        count, _ = AccessAttempt.objects.filter(
            username=username, ip_address=request.axes_ip_address
        ).delete()
        return count
