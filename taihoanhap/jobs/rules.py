"""Numbers the law does not fix for the jobs side, kept as configuration with their source."""

from __future__ import annotations

from django.conf import settings

# Decree 49/2020/NĐ-CP and Law 41/2019 Art. 46(1): the facility prepares an inmate for release
# in the last 2 months of the term; by default an inmate may register for a fair held no more
# than that long before their expected release (setting JOBS_NEAR_RELEASE_MONTHS).
DEFAULT_NEAR_RELEASE_MONTHS = 2

# Circular 10/2024/TT-BCA class A needs "a stable job" without defining it. The hint counts a
# job as stable after this many months (setting JOBS_STABLE_EMPLOYMENT_MONTHS); it is a hint
# for the police officer who classifies, never a classification.
DEFAULT_STABLE_EMPLOYMENT_MONTHS = 6


def near_release_months() -> int:
    return int(getattr(settings, "JOBS_NEAR_RELEASE_MONTHS", DEFAULT_NEAR_RELEASE_MONTHS))


def stable_employment_months() -> int:
    return int(getattr(settings, "JOBS_STABLE_EMPLOYMENT_MONTHS", DEFAULT_STABLE_EMPLOYMENT_MONTHS))
