from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.roles import Role
from taihoanhap.core.navigation import NavItem

# The menu heading these entries sit under.
GROUP = _("Support and training")

ITEMS = [
    NavItem(
        _("Referrals"),
        "support:referral_list",
        order=300,
        landing_for=frozenset({Role.SOCIAL_OFFICER}),
    ),
    NavItem(
        _("Vocational courses"),
        "support:course_list",
        order=310,
        landing_for=frozenset({Role.TRAINING_OFFICER}),
    ),
]
