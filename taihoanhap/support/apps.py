from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportConfig(AppConfig):
    name = "taihoanhap.support"
    verbose_name = _("Support and vocational training")

    def ready(self) -> None:
        from taihoanhap.support import panels, sections

        sections.register(panels.panels_for)
