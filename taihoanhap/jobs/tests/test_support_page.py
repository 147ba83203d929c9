"""Jobs adds its employment section to support's person page (registered in JobsConfig.ready)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils.translation import gettext as _

from taihoanhap.jobs import panels
from taihoanhap.support import sections
from taihoanhap.support.tests.factories import case_in

pytestmark = pytest.mark.django_db


def test_jobs_registers_its_section_with_support():
    assert panels.panels_for in sections._providers


def test_the_support_page_of_a_person_shows_the_employment_section(cast, client_for):
    person = case_in(cast.commune_a).person
    response = client_for("commune_a").get(
        reverse("support:person_support", kwargs={"pk": person.pk})
    )
    assert response.status_code == 200
    titles = [str(section["title"]) for section in response.context["sections"]]
    assert _("Employment") in titles
    assert titles.index(_("Employment")) == len(titles) - 1  # order 230, after support's own
