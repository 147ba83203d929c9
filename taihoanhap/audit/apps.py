from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "taihoanhap.audit"
    verbose_name = _("Audit trail")

    def ready(self) -> None:
        from taihoanhap.audit import signals  # noqa: F401
