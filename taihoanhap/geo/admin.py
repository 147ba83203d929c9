from django.contrib import admin

from taihoanhap.accounts.admin import ScopedAdminMixin
from taihoanhap.geo.models import AdminUnit


@admin.register(AdminUnit)
class AdminUnitAdmin(ScopedAdminMixin, admin.ModelAdmin):
    """Read-mostly: units come from the official data by management command."""

    list_display = ["full_name", "level", "code", "parent", "valid_from", "valid_to"]
    list_filter = ["level", "kind"]
    search_fields = ["name", "name_key", "code"]
    readonly_fields = ["name_key"]
    filter_horizontal = ["successors"]
    autocomplete_fields = ["parent"]
