from django.utils.translation import gettext_lazy as _

from taihoanhap.core.navigation import NavItem

ITEMS = [NavItem(_("Communes"), "geo:commune_list", order=800)]
