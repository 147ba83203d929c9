from django.urls import path

from taihoanhap.programme.views import budget, media, recognitions

app_name = "programme"

urlpatterns = [
    path("ngan-sach/", budget.budget_overview, name="budget_overview"),
    path("ngan-sach/xuat-excel/", budget.budget_export, name="budget_export"),
    path("ngan-sach/moi/", budget.line_create, name="line_create"),
    path("ngan-sach/<uuid:pk>/", budget.line_detail, name="line_detail"),
    path("ngan-sach/<uuid:pk>/sua/", budget.line_edit, name="line_edit"),
    path("ngan-sach/<uuid:pk>/phan-bo/", budget.allocation_add, name="allocation_add"),
    path("ngan-sach/<uuid:pk>/chi/", budget.spending_add, name="spending_add"),
    path("truyen-thong/", media.media_list, name="media_list"),
    path("truyen-thong/xuat-excel/", media.media_export, name="media_export"),
    path("truyen-thong/moi/", media.media_create, name="media_create"),
    path("truyen-thong/<uuid:pk>/", media.media_detail, name="media_detail"),
    path("mo-hinh/", recognitions.recognition_list, name="recognition_list"),
    path("mo-hinh/moi/", recognitions.recognition_create, name="recognition_create"),
    path("mo-hinh/<uuid:pk>/", recognitions.recognition_detail, name="recognition_detail"),
    path("mo-hinh/<uuid:pk>/sua/", recognitions.recognition_edit, name="recognition_edit"),
    path("chi-tieu/", recognitions.compliance_view, name="compliance"),
    path("chi-tieu/don-vi/<int:unit>/", recognitions.compliance_unit, name="compliance_unit"),
    path("chi-tieu/muc-tieu/", recognitions.target_list, name="target_list"),
    path("chi-tieu/muc-tieu/moi/", recognitions.target_add, name="target_add"),
]
