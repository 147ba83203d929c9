from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "taihoanhap.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from taihoanhap.core.models import DayOverride
        from taihoanhap.core.workdays import reset_overrides_cache

        def reset(**kwargs: object) -> None:
            reset_overrides_cache()

        post_save.connect(reset, sender=DayOverride, dispatch_uid="workdays_reset_save")
        post_delete.connect(reset, sender=DayOverride, dispatch_uid="workdays_reset_delete")
