from django.urls import path

from taihoanhap.credit.views import actions, applications, documents, lists, parameters

app_name = "credit"

urlpatterns = [
    path("", applications.application_list, name="application_list"),
    path("cho-ngan-hang/", applications.awaiting_decision, name="awaiting_decision"),
    path("tong-hop/", applications.summary, name="summary"),
    path("xuat-excel/", documents.application_export, name="application_export"),
    path("ho-so/moi/ca-nhan/", applications.create_individual, name="create_individual"),
    path("ho-so/moi/doanh-nghiep/", applications.create_business, name="create_business"),
    path("ho-so/<uuid:pk>/", applications.application_detail, name="application_detail"),
    path("ho-so/<uuid:pk>/sua/", applications.application_edit, name="application_edit"),
    path("ho-so/<uuid:pk>/dua-vao-mau-01/", actions.put_on_list, name="application_put_on_list"),
    path("ho-so/<uuid:pk>/da-co-ten/", actions.mark_on_list, name="application_mark_on_list"),
    path("ho-so/<uuid:pk>/xac-nhan-mau-02/", actions.confirm_plan, name="application_confirm_plan"),
    path("ho-so/<uuid:pk>/gui-ngan-hang/", actions.submit, name="application_submit"),
    path("ho-so/<uuid:pk>/phe-duyet/", actions.approve, name="application_approve"),
    path("ho-so/<uuid:pk>/tu-choi/", actions.reject, name="application_reject"),
    path("ho-so/<uuid:pk>/giai-ngan/", actions.disburse, name="application_disburse"),
    path("ho-so/<uuid:pk>/tra-no/", actions.repay, name="application_repay"),
    path("ho-so/<uuid:pk>/qua-han/", actions.overdue, name="application_overdue"),
    path("ho-so/<uuid:pk>/mau-02/", documents.form02_print, name="form02_print"),
    path("ho-so/<uuid:pk>/mau-02.xlsx", documents.form02_export, name="form02_export"),
    path("mau-01/", lists.list_index, name="list_index"),
    path("mau-01/moi/", lists.list_create, name="list_create"),
    path("mau-01/<uuid:pk>/", lists.list_detail, name="list_detail"),
    path("mau-01/<uuid:pk>/them/", lists.list_add_entry, name="list_add_entry"),
    path("mau-01/<uuid:pk>/bo/<uuid:entry>/", lists.list_remove_entry, name="list_remove_entry"),
    path("mau-01/<uuid:pk>/gui/", lists.list_submit, name="list_submit"),
    path("mau-01/<uuid:pk>/xac-nhan/", lists.list_confirm, name="list_confirm"),
    path("mau-01/<uuid:pk>/tra-lai/", lists.list_return, name="list_return"),
    path("mau-01/<uuid:pk>/in/", documents.list_print, name="list_print"),
    path("mau-01/<uuid:pk>/mau-01.xlsx", documents.list_export, name="list_export"),
    path("lai-suat-han-muc/", parameters.parameter_list, name="parameter_list"),
    path("lai-suat-han-muc/them/", parameters.parameter_add, name="parameter_add"),
]
