"""Sign an officer out after a while without any request (the idle timeout)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The session key of the last request's time (seconds since the epoch).
LAST_ACTIVITY = "last_activity"
# Record activity only when it moved this much: a session write on every request would cost
# a database UPDATE per page, and a minute is nothing against a 30-minute timeout.
ACTIVITY_RESOLUTION = 60


def _now() -> int:
    return int(timezone.now().timestamp())


@receiver(user_logged_in)
def start_activity(sender: object, request: HttpRequest | None, **kwargs: object) -> None:
    """Start the idle clock at sign-in, within the session write the sign-in makes anyway,
    so that the first page after it does not write the session again."""
    if request is not None and hasattr(request, "session"):
        request.session[LAST_ACTIVITY] = _now()


class SessionIdleTimeoutMiddleware:
    """Beside SESSION_COOKIE_AGE (the absolute limit), end a session unused for
    SESSION_IDLE_TIMEOUT seconds: an unattended office computer is not left signed in.

    Reads the session it already loaded for authentication: no query of its own.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = _now()
            last = request.session.get(LAST_ACTIVITY)
            if last is not None and now - last > settings.SESSION_IDLE_TIMEOUT:
                return self._sign_out(request)
            if last is None or now - last >= ACTIVITY_RESOLUTION:
                request.session[LAST_ACTIVITY] = now
        return self.get_response(request)

    def _sign_out(self, request: HttpRequest) -> HttpResponse:
        # logout() sends user_logged_out, which the audit trail records as a sign-out.
        logout(request)
        messages.warning(
            request, _("You were signed out after a period without activity. Please sign in again.")
        )
        return redirect_to_login(request.get_full_path())
