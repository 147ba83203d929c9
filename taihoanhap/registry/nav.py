from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.roles import Role
from taihoanhap.core.navigation import NavItem

ITEMS = [
    NavItem(
        _("To do"),
        "registry:work_queue",
        order=10,
        landing_for=frozenset({Role.COMMUNE_POLICE, Role.PROVINCE_POLICE}),
    ),
    NavItem(_("Persons"), "registry:person_list", order=20),
]

# The people search in every page's header (POSTed: see registry.views.persons).
SEARCH_URL_NAME = "registry:person_list"
