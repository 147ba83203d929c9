"""Demo persons, sentences, releases and cases in every state, over the province's communes.

Realistic Vietnamese names (with diacritics), dates relative to the demo's "today", citizen IDs
that agree with the birth year and sex (core.citizen_id: place code of the birth registration,
century/sex digit, year), classifications, helpers, deadlines and timeline entries. The demo
commune officer's commune (`ctx.data["commune_a"]`) gets enough cases in every state, with
deadlines due and overdue. Built for volume: everything is bulk-created in batches with ids
assigned up front (the foreign keys are checked at commit), no query per person, so
`demo_data --persons 1000000` works on PostgreSQL. Leaves `ctx.data["managed_case_ids"]`: the
open cases under management or on probation, for the apps after this one.

Modules: `vocabulary` (names and weights), `rows` (batched inserts), `generator` (one person and
their case), `build` (`generate`, found by `core.discovery`).
"""

from taihoanhap.registry.demo.build import generate

__all__ = ["generate"]
