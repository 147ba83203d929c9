from django.contrib import admin

from taihoanhap.accounts.admin import ScopedAdminMixin
from taihoanhap.core.models import DayOverride


@admin.register(DayOverride)
class DayOverrideAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["date", "is_working_day", "reason"]
    date_hierarchy = "date"
