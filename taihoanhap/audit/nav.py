from django.utils.translation import gettext_lazy as _

from taihoanhap.core.navigation import NavItem

ITEMS = [NavItem(_("Audit trail"), "audit:event_list", order=900)]
