"""The registry demo's entry point: persons spread over the communes, batches saved, a few
transfers waiting for an answer.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from taihoanhap.core.demo import DemoContext
from taihoanhap.registry.demo.generator import Generator
from taihoanhap.registry.demo.rows import Batch, check_keys_as_written
from taihoanhap.registry.demo.vocabulary import BATCH, STATES
from taihoanhap.registry.models import Case, CaseEvent, Person, Transfer


def _communes(ctx: DemoContext, gen: Generator) -> Iterator[tuple[Any, str]]:
    """(commune, state) for each person: commune A and B first, cycling through every state so
    the demo officers see each of them; the rest spread over the province at the usual mix."""
    states = [state for state, _ in STATES]
    fixed: list[tuple[Any, int]] = []
    if gen.commune_a is not None:
        fixed.append((gen.commune_a, max(min(ctx.persons, 120), ctx.persons // 50)))
    if gen.commune_b is not None and gen.commune_b != gen.commune_a:
        fixed.append((gen.commune_b, max(min(ctx.persons // 3, 50), ctx.persons // 100)))
    made = 0
    for commune, count in fixed:
        for number in range(count):
            if made >= ctx.persons:
                return
            # Round-robin over the states for the first few, the usual mix after.
            yield commune, states[number % len(states)] if number < 70 else gen.state()
            made += 1
    others = [c for c in ctx.communes if c not in {f[0] for f in fixed}] or ctx.communes
    while made < ctx.persons:
        yield gen.rng.choice(others), gen.state()
        made += 1


def _transfers(ctx: DemoContext, gen: Generator) -> None:
    """A few transfers waiting for commune A's answer, and one it sent."""
    if gen.commune_a is None or not gen.managed_case_ids:
        return
    cases = list(
        Case.objects.filter(id__in=gen.managed_case_ids[-400:])
        .exclude(person__commune=gen.commune_a)
        .select_related("person")[:3]
    )
    outgoing = list(
        Case.objects.filter(
            id__in=gen.managed_case_ids[:400], person__commune=gen.commune_a
        ).select_related("person")[:1]
    )
    transfers = []
    for case in cases:
        transfers.append((case, gen.commune_a))
    if gen.commune_b is not None:
        transfers += [(case, gen.commune_b) for case in outgoing]
    for case, target in transfers:
        person = case.person
        requested = ctx.today - gen.days(0, 5)
        Transfer.objects.create(
            case=case,
            person=person,
            from_commune_id=person.commune_id,
            from_province_id=person.province_id,
            to_commune=target,
            to_province_id=target.parent_id,
            to_address=gen.address(target),
            reason="Chuyển về sống cùng gia đình",
            requested_on=requested,
        )
        CaseEvent.objects.create(
            case=case,
            person=person,
            kind="transfer_requested",
            occurred_on=requested,
            summary=f"Đề nghị chuyển đến {target.full_name}",
        )


def generate(ctx: DemoContext) -> None:
    if Person.objects.exists():
        ctx.progress("persons already present: registry demo skipped")
        return
    if not ctx.communes:
        ctx.progress("no communes: run manage.py load_units first")
        return
    check_keys_as_written()
    gen = Generator(ctx)
    batch = Batch()
    done = 0
    report_every = max(BATCH, (ctx.persons // 20) // BATCH * BATCH)
    for commune, state in _communes(ctx, gen):
        gen.person(batch, commune, state)
        done += 1
        if len(batch.persons) >= BATCH:
            batch.save()
            batch = Batch()
            if done % report_every == 0:
                ctx.progress(f"{done:,} / {ctx.persons:,} persons")
    batch.save()
    _transfers(ctx, gen)
    ctx.data["managed_case_ids"] = gen.managed_case_ids
    summary = ", ".join(f"{state}: {count:,}" for state, count in sorted(gen.counts.items()))
    ctx.progress(f"{done:,} persons with their cases ({summary})")
