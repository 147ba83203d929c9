from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "taihoanhap.programme"
    verbose_name = _("Budget, media and models")
