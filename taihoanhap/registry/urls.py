from django.urls import path

from taihoanhap.registry.views import cases, persons, queue

app_name = "registry"

urlpatterns = [
    path("", persons.person_list, name="person_list"),
    path("xuat-excel/", persons.person_export, name="person_export"),
    path("viec-can-lam/", queue.work_queue, name="work_queue"),
    path("moi/", persons.person_create, name="person_create"),
    path("nguoi/<uuid:pk>/", persons.person_detail, name="person_detail"),
    path("nguoi/<uuid:pk>/muc/<slug:key>/", persons.person_section, name="person_section"),
    path("nguoi/<uuid:pk>/sua/", persons.person_edit, name="person_edit"),
    path("nguoi/<uuid:pk>/anh/", persons.person_photo, name="person_photo"),
    path("nguoi/<uuid:pk>/ban-an/", persons.sentence_create, name="sentence_create"),
    path("nguoi/<uuid:pk>/thong-bao/", persons.case_open, name="case_open"),
    path("ban-an/<uuid:pk>/sua/", persons.sentence_edit, name="sentence_edit"),
    path("vu-viec/<uuid:pk>/in/<slug:form>/", cases.case_print, name="case_print"),
    path("vu-viec/<uuid:pk>/<slug:action>/", cases.case_action, name="case_action"),
    path("chuyen-den/<uuid:pk>/", cases.transfer_decide, name="transfer_decide"),
]
