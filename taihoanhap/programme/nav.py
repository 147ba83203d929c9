from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.roles import Role
from taihoanhap.core.navigation import NavItem

# The menu heading these entries sit under.
GROUP = _("Programme")

ITEMS = [
    NavItem(
        _("Models and target"),
        "programme:compliance",
        order=500,
        landing_for=frozenset({Role.LEADER}),
    ),
    NavItem(_("Models and exemplary individuals"), "programme:recognition_list", order=510),
    NavItem(
        _("Budget"),
        "programme:budget_overview",
        order=520,
        landing_for=frozenset({Role.FINANCE_OFFICER}),
    ),
    NavItem(
        _("Media"),
        "programme:media_list",
        order=530,
        landing_for=frozenset({Role.MEDIA_OFFICER}),
    ),
]
