"""Administration of agencies and users. Scoped: an administrator of a province manages only
the agencies and users of that province; only a system administrator without an agency sees all.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.models import Agency, User
from taihoanhap.accounts.roles import Role
from taihoanhap.accounts.signals import admin_saved
from taihoanhap.core.models import DayOverride
from taihoanhap.geo.models import AdminUnit


def _may_administer(request: HttpRequest) -> bool:
    user = request.user
    return bool(
        user.is_active and user.is_staff and (user.is_superuser or user.role == Role.SYSTEM_ADMIN)
    )


class ScopedAdminMixin:
    """Limit an admin to the requesting user's jurisdiction."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return _may_administer(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _may_administer(request)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return _may_administer(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _may_administer(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # deactivate instead; the audit trail refers to these rows

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        """Save and audit in the admin's transaction, with the changed fields (old -> new).

        The audit row is written by `audit` (above this app), which listens to `admin_saved`;
        the signal is sent synchronously, so the row is written in the admin's transaction.
        """
        fields = [name for name in form.changed_data if name not in self.unaudited_fields]
        before = {name: form.initial.get(name) for name in fields}
        super().save_model(request, obj, form, change)
        after = {name: form.cleaned_data.get(name) for name in fields}
        admin_saved.send(
            sender=type(obj),
            user=request.user,
            obj=obj,
            change=change,
            changes={name: [before[name], after[name]] for name in fields} if change else {},
        )

    # Never copy secrets into the audit trail.
    unaudited_fields = frozenset({"password", "password1", "password2"})


# The admins of `core` and `geo` models are registered here: they need ScopedAdminMixin (who
# may administer is a matter of roles, and `core` and `geo` sit below `accounts`).
@admin.register(DayOverride)
class DayOverrideAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["date", "is_working_day", "reason"]
    date_hierarchy = "date"


@admin.register(AdminUnit)
class AdminUnitAdmin(ScopedAdminMixin, admin.ModelAdmin):
    """Read-mostly: units come from the official data by management command."""

    list_display = ["full_name", "level", "code", "parent", "valid_from", "valid_to"]
    list_filter = ["level", "kind"]
    search_fields = ["name", "name_key", "code"]
    readonly_fields = ["name_key"]
    filter_horizontal = ["successors"]
    autocomplete_fields = ["parent"]


@admin.register(Agency)
class AgencyAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "unit", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name"]
    autocomplete_fields = ["unit"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Agency]:
        return Agency.objects.visible_to(request.user).select_related("unit")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "unit" and not request.user.is_superuser and request.user.agency_id:
            unit = request.user.agency.unit
            kwargs["queryset"] = AdminUnit.objects.filter(pk=unit.pk) | AdminUnit.objects.filter(
                parent=unit
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(User)
class UserAdmin(ScopedAdminMixin, BaseUserAdmin):
    list_display = ["username", "full_name", "role", "agency", "is_active", "last_login"]
    list_filter = ["role", "is_active"]
    search_fields = ["username", "full_name", "email"]
    ordering = ["username"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Officer"), {"fields": ["full_name", "email", "phone", "agency", "role"]}),
        (_("Status"), {"fields": ["is_active", "is_staff", "last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["username", "full_name", "agency", "role", "password1", "password2"],
            },
        ),
    ]
    readonly_fields = ["last_login", "date_joined"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        qs = super().get_queryset(request).select_related("agency")
        if request.user.is_superuser or request.user.agency_id is None:
            return qs
        return qs.filter(agency__in=Agency.objects.visible_to(request.user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "agency":
            kwargs["queryset"] = Agency.objects.visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
