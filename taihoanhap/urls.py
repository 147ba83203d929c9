from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Community reintegration: administration")
admin.site.site_title = _("Administration")

urlpatterns = [
    path("", include("taihoanhap.core.urls")),
    path("tai-khoan/", include("taihoanhap.accounts.urls")),
    path("nhat-ky/", include("taihoanhap.audit.urls")),
    path("don-vi/", include("taihoanhap.geo.urls")),
    path("ho-so/", include("taihoanhap.registry.urls")),
    path("ho-tro/", include("taihoanhap.support.urls")),
    path("viec-lam/", include("taihoanhap.jobs.urls")),
    path("tin-dung/", include("taihoanhap.credit.urls")),
    path("chuong-trinh/", include("taihoanhap.programme.urls")),
    path("quan-tri/", admin.site.urls),
]

handler403 = "taihoanhap.core.views.error_403"
handler404 = "taihoanhap.core.views.error_404"
handler500 = "taihoanhap.core.views.error_500"
