from django.urls import path

from taihoanhap.jobs.views import employers, fairs, people

app_name = "jobs"

urlpatterns = [
    path("phien/", fairs.fair_list, name="fair_list"),
    path("phien/them/", fairs.fair_add, name="fair_add"),
    path("phien/tong-hop/", fairs.overview, name="overview"),
    path("phien/<uuid:pk>/", fairs.fair_detail, name="fair_detail"),
    path("phien/<uuid:pk>/sua/", fairs.fair_edit, name="fair_edit"),
    path("phien/<uuid:pk>/huy/", fairs.fair_cancel, name="fair_cancel"),
    path("phien/<uuid:pk>/doanh-nghiep/", fairs.fair_employer_add, name="fair_employer_add"),
    path("phien/<uuid:pk>/dang-ky/", fairs.fair_register, name="fair_register"),
    path("phien/<uuid:pk>/danh-sach/", fairs.fair_print, name="fair_print"),
    path(
        "dang-ky/<uuid:pk>/co-mat/", fairs.registration_attendance, name="registration_attendance"
    ),
    path("dang-ky/<uuid:pk>/ket-qua/", fairs.registration_outcome, name="registration_outcome"),
    path("doanh-nghiep/", employers.employer_list, name="employer_list"),
    path("doanh-nghiep/them/", employers.employer_add, name="employer_add"),
    path("doanh-nghiep/<uuid:pk>/", employers.employer_detail, name="employer_detail"),
    path("doanh-nghiep/<uuid:pk>/sua/", employers.employer_edit, name="employer_edit"),
    path("doanh-nghiep/<uuid:pk>/tuyen-dung/", employers.vacancy_add, name="vacancy_add"),
    path("tuyen-dung/", employers.vacancy_list, name="vacancy_list"),
    path("tuyen-dung/<uuid:pk>/", employers.vacancy_detail, name="vacancy_detail"),
    path("tuyen-dung/<uuid:pk>/sua/", employers.vacancy_edit, name="vacancy_edit"),
    path("tuyen-dung/<uuid:pk>/dong/", employers.vacancy_close, name="vacancy_close"),
    path("tuyen-dung/<uuid:pk>/ung-vien/", employers.vacancy_matches, name="vacancy_matches"),
    path("nguoi/<uuid:pk>/viec-lam/", people.employment_add, name="employment_add"),
    path("nguoi/<uuid:pk>/dong-y/", people.consent, name="consent"),
    path("nguoi/<uuid:pk>/goi-y/", people.person_matches, name="person_matches"),
]
