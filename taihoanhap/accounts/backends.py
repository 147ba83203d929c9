from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class ScopedModelBackend(ModelBackend):
    """Django's model backend, loading the officer's agency and unit with the user.

    Every page needs the user's jurisdiction (agency -> unit); one join here saves two queries
    on every request.
    """

    def get_user(self, user_id: Any) -> Any:
        model = get_user_model()
        try:
            user = model._default_manager.select_related("agency__unit__parent").get(pk=user_id)
        except model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
