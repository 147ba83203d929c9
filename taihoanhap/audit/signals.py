"""Sign-in, sign-out and failed sign-in events; changes made in the admin pages."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from taihoanhap.accounts.signals import admin_saved
from taihoanhap.audit.models import Action
from taihoanhap.audit.services import record
from taihoanhap.core.client import client_address


def _ip(request: Any) -> str | None:
    return client_address(request) if request is not None else None


@receiver(user_logged_in)
def on_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    record(Action.LOGIN, user=user, ip=_ip(request))


@receiver(user_logged_out)
def on_logout(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        record(Action.LOGOUT, user=user, ip=_ip(request))


@receiver(user_login_failed)
def on_login_failed(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
) -> None:
    record(
        Action.LOGIN_FAILED, username=str(credentials.get("username", ""))[:150], ip=_ip(request)
    )


@receiver(admin_saved)
def on_admin_saved(
    sender: Any, user: Any, obj: Any, change: bool, changes: dict[str, Any], **kwargs: Any
) -> None:
    """An admin page saved a record: audit it (sent inside the admin's transaction)."""
    record(Action.UPDATE if change else Action.CREATE, user=user, obj=obj, changes=changes)
