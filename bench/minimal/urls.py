from django.urls import path

from bench.minimal.views import units

urlpatterns = [path("", units)]
