from django.urls import path

from taihoanhap.geo import views

app_name = "geo"

urlpatterns = [
    path("", views.commune_list, name="commune_list"),
]
