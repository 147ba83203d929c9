from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "taihoanhap.accounts"
    verbose_name = _("Agencies and users")

    def ready(self) -> None:
        # The idle timeout starts its clock at sign-in (a user_logged_in receiver).
        from taihoanhap.accounts import middleware  # noqa: F401
