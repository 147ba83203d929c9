from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.roles import Role
from taihoanhap.core.navigation import NavItem

# The menu heading these entries sit under.
GROUP = _("Employment")

ITEMS = [
    NavItem(
        _("Job fairs"),
        "jobs:fair_list",
        order=320,
        landing_for=frozenset({Role.EMPLOYMENT_OFFICER}),
    ),
    NavItem(_("Vacancies"), "jobs:vacancy_list", order=330),
    NavItem(_("Employers"), "jobs:employer_list", order=340),
    NavItem(_("Summary by commune"), "jobs:overview", order=350),
]
