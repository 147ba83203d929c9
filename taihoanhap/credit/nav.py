from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.roles import Role
from taihoanhap.core.navigation import NavItem

# The menu heading these entries sit under.
GROUP = _("Credit")

ITEMS = [
    NavItem(
        _("Awaiting the bank"),
        "credit:awaiting_decision",
        order=400,
        landing_for=frozenset({Role.BANK_OFFICER}),
    ),
    NavItem(_("Loans"), "credit:application_list", order=410),
    NavItem(_("Form 01 lists"), "credit:list_index", order=420),
    NavItem(_("Loan totals"), "credit:summary", order=430),
    NavItem(_("Rates and limits"), "credit:parameter_list", order=440),
]
