from django.urls import path

from taihoanhap.support.views import courses, person, referrals

app_name = "support"

urlpatterns = [
    path("nguoi/<uuid:pk>/", person.person_support, name="person_support"),
    path("nguoi/<uuid:pk>/nhu-cau/", person.needs_assess, name="needs_assess"),
    path("nguoi/<uuid:pk>/ho-tro/", person.measure_add, name="measure_add"),
    path("nguoi/<uuid:pk>/gioi-thieu/", referrals.referral_add, name="referral_add"),
    path("nhu-cau/<uuid:pk>/dong/", person.need_close, name="need_close"),
    path("gioi-thieu/", referrals.referral_list, name="referral_list"),
    path("gioi-thieu/<uuid:pk>/", referrals.referral_detail, name="referral_detail"),
    path(
        "gioi-thieu/<uuid:pk>/<slug:action>/",
        referrals.referral_respond,
        name="referral_respond",
    ),
    path("khoa-hoc/", courses.course_list, name="course_list"),
    path("khoa-hoc/them/", courses.course_add, name="course_add"),
    path("khoa-hoc/<uuid:pk>/", courses.course_detail, name="course_detail"),
    path("khoa-hoc/<uuid:pk>/sua/", courses.course_edit, name="course_edit"),
    path("khoa-hoc/<uuid:pk>/ghi-danh/", courses.course_enrol, name="course_enrol"),
    path("hoc-vien/<uuid:pk>/ket-qua/", courses.enrolment_finish, name="enrolment_finish"),
    path("hoc-vien/<uuid:pk>/chung-chi/", courses.certificate_add, name="certificate_add"),
]
