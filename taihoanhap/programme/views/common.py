"""What the programme's form pages share."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def form_page(
    request: HttpRequest,
    form: forms.BaseForm,
    title: str,
    *,
    cancel_url: str,
    subtitle: Any = None,
    **extra: Any,
) -> HttpResponse:
    """`programme/form.html`: the title, what it is about (`subtitle`), the form, Cancel."""
    context = {"form": form, "title": title, "cancel_url": cancel_url, **extra}
    if subtitle is not None:
        context["subtitle"] = str(subtitle)
    return render(request, "programme/form.html", context)
