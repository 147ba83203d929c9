from django.urls import path

from taihoanhap.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("ngon-ngu/", views.set_language, name="set_language"),
]
