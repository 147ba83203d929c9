"""The pages the benchmark measures. The first is the baseline every figure is compared to.

Issue 3 asks for: name search without diacritics, citizen-ID lookup, a filtered list page, the
person page and the work queue, each as a commune officer (ca.xa) and as a provincial officer
(ca.tinh). The records opened are picked in the database being measured, in ca.xa's commune, so
both officers can see them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench.run import Target

ROOT = Path(__file__).resolve().parent.parent
LIST = "/ho-so/"

# Runs inside `manage.py shell` against the benchmark database; prints one JSON line.
_PICK = """
import json
from django.db.models import Count
from taihoanhap.accounts.models import User
from taihoanhap.core.text import search_key
from taihoanhap.registry.models import CaseStatus, Person

officer = User.objects.select_related('agency').get(username='ca.xa')
commune = officer.agency.unit_id
people = Person.objects.filter(commune_id=commune)
# The person page of someone with a long history: the most events among 200 managed persons.
managed = people.filter(cases__status=CaseStatus.UNDER_MANAGEMENT).order_by('name_key')
ids = list(managed.values_list('pk', flat=True)[:200])
busiest = (
    Person.objects.filter(pk__in=ids).annotate(n=Count('events')).order_by('-n', 'pk').first()
)
with_id = people.exclude(citizen_id=None).exclude(citizen_id='').order_by('name_key').first()
# A common family and middle name typed without diacritics, as officers do ("nguyen van").
words = search_key(busiest.full_name).split()
print(json.dumps({
    'commune': commune,
    'person': str(busiest.pk),
    'citizen_id': with_id.citizen_id,
    'name': ' '.join(words[:2]),
    'status': CaseStatus.UNDER_MANAGEMENT,
}))
"""


def _picks(env: dict[str, str]) -> dict[str, str]:
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", _PICK],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def targets(env: dict[str, str]) -> list[Target]:
    picks = _picks(env)
    print(f"  searching for {picks['name']!r}; person page with the longest history")
    pages: list[Target] = [Target("baseline: communes directory", "ca.xa", "/don-vi/")]
    for user in ("ca.xa", "ca.tinh"):
        pages += [
            Target("name search, no diacritics", user, LIST, post={"q": picks["name"]}),
            Target("citizen-ID lookup", user, LIST, post={"q": picks["citizen_id"]}),
            Target(
                "filtered list (status, by name)",
                user,
                f"{LIST}?status={picks['status']}&sort=name"
                + (f"&commune={picks['commune']}" if user == "ca.tinh" else ""),
            ),
            Target("person page", user, f"{LIST}nguoi/{picks['person']}/"),
            Target("work queue", user, f"{LIST}viec-can-lam/"),
        ]
    return pages
