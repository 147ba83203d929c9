from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "taihoanhap.accounts"
    verbose_name = _("Agencies and users")
