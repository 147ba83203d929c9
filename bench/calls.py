#!/usr/bin/env python
"""Count the Python function calls one request of each benchmark page makes, in-process.

Timings on a shared machine move from run to run; the number of function calls a request makes
does not (for the same code, data and Python), so it compares two versions of the code without
that noise. Runs against the database `bench/run.py` filled (fill it first), through Django's
test client with the benchmark's server settings (DEBUG=0): every middleware, the session, the
templates, the SQL; not gunicorn.

    .venv/bin/python bench/calls.py                        # SQLite, 100,000 persons
    .venv/bin/python bench/calls.py --engine postgres --top 25
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import RESULTS, database_url  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--top", type=int, default=0, help="print the N costliest functions")
    parser.add_argument("--sort", default="tottime", help="tottime, cumulative, ncalls")
    parser.add_argument("--timed", type=int, default=0, help="also time N requests (median)")
    parser.add_argument("--only", default="", help="only the pages whose name contains this")
    args = parser.parse_args()
    if not (RESULTS / f".filled-{args.engine}-{args.persons}").exists():
        raise SystemExit("No benchmark database of that size: run bench/run.py first.")
    env = {
        **os.environ,
        "DATABASE_URL": database_url(args.engine, args.persons),
        "TAIHOANHAP_DATA_DIR": str(RESULTS / "data"),
        "DEBUG": "0",
    }
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taihoanhap.settings")
    import django

    django.setup()
    from django.test import Client

    from bench.targets import targets
    from taihoanhap.accounts.models import User

    clients: dict[str, Client] = {}
    for target in targets(env):
        if args.only not in target.name:
            continue
        if target.user not in clients:
            clients[target.user] = Client(HTTP_HOST="127.0.0.1")
            clients[target.user].force_login(User.objects.get(username=target.user))
        client = clients[target.user]
        path = target.path
        if target.post is not None:  # a search: measure the page its POST redirects to
            path = client.post(target.path, target.post)["Location"]
        for _ in range(3):  # warm caches: templates, URL resolvers, label tables, statements
            client.get(path)
        profile = cProfile.Profile()
        profile.enable()
        response = client.get(path)
        profile.disable()
        stats = pstats.Stats(profile)
        ms = []
        for _ in range(args.timed):
            started = time.perf_counter()
            client.get(path)
            ms.append((time.perf_counter() - started) * 1000)
        timed = f"  median {statistics.median(ms):6.2f} ms" if ms else ""
        print(
            f"{target.name:<34} {target.user:<8} HTTP {response.status_code}  "
            f"{stats.total_calls:>7,} calls{timed}"
        )
        if args.top:
            stats.sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
