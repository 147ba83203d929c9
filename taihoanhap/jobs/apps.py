from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "taihoanhap.jobs"
    verbose_name = _("Employment and job fairs")

    def ready(self) -> None:
        # The employment section on support's person page: support sits below jobs, so jobs
        # registers it there rather than support importing jobs.
        from taihoanhap.jobs import panels
        from taihoanhap.support import sections

        sections.register(panels.panels_for)
