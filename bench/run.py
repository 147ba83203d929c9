#!/usr/bin/env python
"""Benchmark the officers' pages through the real HTTP stack (gunicorn, 2 sync workers).

For each engine it fills a fresh database with N persons through the demo-data generator
(skipped when a database of that size already exists, unless --refill), starts gunicorn with
the production settings, signs in as the demo commune officer and the demo provincial officer,
and measures every page:

- latency unloaded: median and 95th percentile over --requests sequential requests, each
  alternating with a request of the baseline page (below);
- SQL queries per request (the X-Query-Count header, QUERY_COUNT_HEADER=1);
- throughput under load: pages/s with --concurrency clients for --duration seconds, in
  --rounds load tests alternating with the baseline's.

- server CPU per page: the CPU time the server's processes spent during the load tests, divided
  by the pages they served (read from /proc, so it does not count the load generator).

Every figure is also given as a ratio to two references measured alongside it, whose requests and
load tests alternate with the page's: the minimal Django page of shared/design/PERFORMANCE.md
(bench/minimal: one indexed query, 25 rows, a template, no session, no layout, Django's default
middleware, its own gunicorn with the same workers) and our communes directory (one indexed
query, 25 rows, with the session, user, middleware and layout every page of ours carries).
Results are printed and written to bench/results/<engine>-<N>.md and .json.

    .venv/bin/python bench/run.py                          # SQLite and PostgreSQL, 100,000 persons
    .venv/bin/python bench/run.py --engine postgres --persons 1000000
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
PG_BASE = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")
DEMO_PASSWORD = "demo-taihoanhap-2026"  # noqa: S105 - the documented demo accounts
sys.path.insert(0, str(ROOT))


@dataclass
class Target:
    name: str
    user: str  # demo username
    path: str = ""  # GET path; or resolved by `prepare` below
    post: dict[str, str] | None = None  # POST this first, then measure GET of the redirect


@dataclass
class Result:
    name: str
    user: str
    median_ms: float
    p95_ms: float
    queries: int | None
    pages_per_s: float
    status: int
    cpu_ms: float = 0.0  # server CPU per page under load
    # Ratios to the communes directory (our own page) measured alongside.
    ratio_median: float = 0.0
    ratio_p95: float = 0.0
    ratio_throughput: float = 0.0
    # Ratios to the minimal Django page (PERFORMANCE.md) measured alongside.
    minimal_median: float = 0.0
    minimal_throughput: float = 0.0
    minimal_cpu: float = 0.0


@dataclass
class Run:
    engine: str
    persons: int
    results: list[Result] = field(default_factory=list)


# --- Database ---------------------------------------------------------------------------------


def database_url(engine: str, persons: int) -> str:
    if engine == "sqlite":
        return f"sqlite:///{RESULTS / f'bench-{persons}.sqlite3'}"
    return f"{PG_BASE}/taihoanhap_bench_{persons}"


def manage(env: dict[str, str], *args: str) -> None:
    print(f"  $ manage.py {' '.join(args)}", flush=True)
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def fill(engine: str, persons: int, env: dict[str, str], refill: bool) -> None:
    marker = RESULTS / f".filled-{engine}-{persons}"
    if marker.exists() and not refill:
        print(f"  reusing the {engine} database with {persons} persons")
        manage(env, "migrate", "--noinput", "-v0")  # the code may have moved on since the fill
        return
    if engine == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(str(RESULTS / f"bench-{persons}.sqlite3") + suffix).unlink(missing_ok=True)
    else:
        name = f"taihoanhap_bench_{persons}"
        subprocess.run(
            ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name], check=True
        )
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_units", "-v0")
    manage(env, "demo_data", "--persons", str(persons))
    analyse(engine, env)
    marker.touch()


def analyse(engine: str, env: dict[str, str]) -> None:
    # PostgreSQL: VACUUM too, as after any bulk load: it sets the visibility map that index-only
    # scans need (autovacuum does it on a live database; a freshly filled one has none yet).
    statement = "VACUUM (ANALYZE)" if engine == "postgres" else "ANALYZE"
    code = (
        "from django.db import connection\n"
        "with connection.cursor() as c:\n"
        f"    c.execute('{statement}')\n"
    )
    subprocess.run([PYTHON, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, check=True)


# --- HTTP -------------------------------------------------------------------------------------


class Session:
    """A signed-in officer: the session cookie and the CSRF token, over plain http.client."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: dict[str, str] | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        data = None
        if body is not None:
            body = {**body, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
            data = urllib.parse.urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        conn.request(method, path, body=data, headers=headers)
        response = conn.getresponse()
        content = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        conn.close()
        return response, content

    def login(self, username: str) -> None:
        self.request("GET", "/tai-khoan/dang-nhap/")
        response, _ = self.request(
            "POST", "/tai-khoan/dang-nhap/", {"username": username, "password": DEMO_PASSWORD}
        )
        if response.status != 302:
            raise SystemExit(f"Could not sign in as {username} (HTTP {response.status}).")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(
    env: dict[str, str], port: int, app: str = "taihoanhap.wsgi"
) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            app,
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/")
            return server
        except OSError:
            time.sleep(0.1)
    raise SystemExit("gunicorn did not start")


# --- Measuring --------------------------------------------------------------------------------


@dataclass
class Timings:
    ms: list[float] = field(default_factory=list)
    queries: set[int] = field(default_factory=set)  # the X-Query-Count values seen
    status: int = 0  # of the last response


def latencies(pages: list[tuple[Session, str]], requests: int) -> list[Timings]:
    """`requests` sequential GETs of each (session, path) after 10 warm-up rounds. The pages
    take turns request by request, so that whatever else the machine is doing slows them alike.
    """
    for _ in range(10):
        for session, path in pages:
            session.request("GET", path)
    timings = [Timings() for _ in pages]
    for _ in range(requests):
        for (session, path), timing in zip(pages, timings, strict=True):
            started = time.perf_counter()
            response, _ = session.request("GET", path)
            timing.ms.append((time.perf_counter() - started) * 1000)
            timing.status = response.status
            if response.getheader("X-Query-Count"):
                timing.queries.add(int(response.getheader("X-Query-Count")))
    return timings


def result(name: str, user: str, timing: Timings, load: Load) -> Result:
    ms = sorted(timing.ms)
    return Result(
        name=name,
        user=user,
        median_ms=round(statistics.median(ms), 2),
        p95_ms=round(ms[max(0, int(len(ms) * 0.95) - 1)], 2),
        queries=max(timing.queries) if timing.queries else None,
        pages_per_s=round(load.pages_per_s, 1),
        cpu_ms=round(load.cpu_ms, 2),
        status=timing.status,
    )


def server_cpu_seconds(server: subprocess.Popen[bytes]) -> float:
    """CPU time (user + system) of the server's master and workers so far: the processes of the
    session it leads (started with start_new_session), read from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # The command name (2nd field) may hold spaces: split after its closing parenthesis.
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # the process ended meanwhile
        if int(fields[3]) == server.pid:  # fields[3] is the session id (field 6 of stat)
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


@dataclass
class Load:
    pages_per_s: float
    cpu_ms: float  # server CPU per page served


@dataclass
class Page:
    """A page to load: who asks for it, where, and which server answers it."""

    session: Session
    path: str
    server: subprocess.Popen[bytes]


def throughput(page: Page, concurrency: int, duration: float) -> Load:
    """Pages/s under load, and the server's CPU per page: wrk when installed (a C client leaves
    the CPU to the server), else Python threads (GIL-bound, so they understate the fastest
    pages)."""
    cpu_before = server_cpu_seconds(page.server)
    if shutil.which("wrk"):
        served, seconds = wrk_load(page.session, page.path, concurrency, duration)
    else:
        served, seconds = threads_load(page.session, page.path, concurrency, duration)
    cpu = server_cpu_seconds(page.server) - cpu_before
    return Load(served / seconds, cpu * 1000 / max(served, 1))


def threads_load(
    session: Session, path: str, concurrency: int, duration: float
) -> tuple[int, float]:
    done = 0
    lock = threading.Lock()
    stop = time.perf_counter() + duration

    def client() -> None:
        nonlocal done
        own = Session(session.port)
        own.cookies = dict(session.cookies)
        count = 0
        while time.perf_counter() < stop:
            own.request("GET", path)
            count += 1
        with lock:
            done += count

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done, time.perf_counter() - started


@dataclass
class Rates:
    """Medians over the rounds: each reference's and the page's load, and the page's ratios."""

    references: list[Load]
    page: Load
    throughput_ratios: list[float]  # page / reference, per reference
    cpu_ratios: list[float]


def alternated_throughput(
    references: list[Page], measured: Page, args: argparse.Namespace
) -> Rates:
    """Load tests of the references and the page in turn, --rounds times: a slow stretch of the
    shared machine lands on every side rather than on one."""
    per_round = args.duration / args.rounds
    rounds = []
    for _ in range(args.rounds):
        rounds.append(
            [throughput(page, args.concurrency, per_round) for page in (*references, measured)]
        )

    def median_load(i: int) -> Load:
        return Load(
            statistics.median(r[i].pages_per_s for r in rounds),
            statistics.median(r[i].cpu_ms for r in rounds),
        )

    last = len(references)
    return Rates(
        references=[median_load(i) for i in range(last)],
        page=median_load(last),
        throughput_ratios=[
            statistics.median(r[last].pages_per_s / r[i].pages_per_s for r in rounds)
            for i in range(last)
        ],
        cpu_ratios=[
            statistics.median(r[last].cpu_ms / max(r[i].cpu_ms, 1e-6) for r in rounds)
            for i in range(last)
        ],
    )


def wrk_load(session: Session, path: str, concurrency: int, duration: float) -> tuple[int, float]:
    cookie = "; ".join(f"{k}={v}" for k, v in session.cookies.items())
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{concurrency}",
            f"-d{max(1, round(duration))}s",
            "-H",
            f"Cookie: {cookie}",
            f"http://127.0.0.1:{session.port}{path}",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    if "Non-2xx" in out:
        raise SystemExit(f"wrk got errors on {path}:\n{out}")
    served = re.search(r"(\d+) requests in ([\d.]+)(m?s)", out)
    seconds = float(served.group(2)) / (1000 if served.group(3) == "ms" else 1)
    return int(served.group(1)), seconds


def resolve(session: Session, target: Target) -> str:
    """The GET path to measure: the target's own, or where its POST (a search) redirects."""
    if target.post is None:
        return target.path
    response, _ = session.request("POST", target.path, target.post)
    if response.status not in (302, 303):
        raise SystemExit(f"{target.name}: POST {target.path} answered {response.status}")
    location = response.getheader("Location")
    return urllib.parse.urlsplit(location)._replace(scheme="", netloc="").geturl()


def run_engine(engine: str, args: argparse.Namespace) -> Run:
    RESULTS.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DATABASE_URL": database_url(engine, args.persons),
        "TAIHOANHAP_DATA_DIR": str(RESULTS / "data"),
        "QUERY_COUNT_HEADER": "1",
        "DEBUG": "0",
    }
    print(f"== {engine}, {args.persons} persons")
    fill(engine, args.persons, env, args.refill)
    from bench.targets import targets

    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    port, minimal_port = free_port(), free_port()
    server = start_server(env, port)
    minimal_env = {**env, "DJANGO_SETTINGS_MODULE": "bench.minimal.settings"}
    minimal_server = start_server(
        minimal_env, minimal_port, "django.core.wsgi:get_wsgi_application()"
    )
    run = Run(engine, args.persons)
    try:
        base, *pages = targets(env)
        sessions: dict[str, Session] = {}
        for user in dict.fromkeys(t.user for t in (base, *pages)):
            sessions[user] = Session(port)
            sessions[user].login(user)

        minimal = Page(Session(minimal_port), "/", minimal_server)
        directory = Page(sessions[base.user], resolve(sessions[base.user], base), server)
        references = [minimal, directory]
        for name, user, reference in (
            ("minimal Django page (PERFORMANCE.md)", "-", minimal),
            (base.name, base.user, directory),
        ):
            [timing] = latencies([(reference.session, reference.path)], args.requests)
            load = throughput(reference, args.concurrency, args.duration)
            row = result(name, user, timing, load)
            run.results.append(row)
            report(row)
        for target in pages:
            session = sessions[target.user]
            measured = Page(session, resolve(session, target), server)
            # Latency: the page's requests alternate with the references'. Throughput and CPU:
            # the references' load tests alternate with the page's, round by round.
            *reference_timings, page_timing = latencies(
                [(p.session, p.path) for p in (*references, measured)], args.requests
            )
            rates = alternated_throughput(references, measured, args)
            page = result(target.name, target.user, page_timing, rates.page)
            minimal_row, directory_row = (
                result("", "", timing, load)
                for timing, load in zip(reference_timings, rates.references, strict=True)
            )
            page.ratio_median = round(page.median_ms / directory_row.median_ms, 2)
            page.ratio_p95 = round(page.p95_ms / directory_row.p95_ms, 2)
            page.minimal_median = round(page.median_ms / minimal_row.median_ms, 2)
            page.minimal_throughput, page.ratio_throughput = (
                round(r, 2) for r in rates.throughput_ratios
            )
            page.minimal_cpu = round(rates.cpu_ratios[0], 2)
            run.results.append(page)
            report(page)
    finally:
        for process in (server, minimal_server):
            os.killpg(process.pid, signal.SIGTERM)
            process.wait()
    write_report(run)
    return run


def report(result: Result) -> None:
    print(
        f"  {result.name:<36} {result.user:<8} p50 {result.median_ms:7.2f} ms  "
        f"p95 {result.p95_ms:7.2f} ms  {result.queries} queries  "
        f"{result.pages_per_s:8.1f} pages/s  CPU {result.cpu_ms:5.2f} ms/page  "
        f"HTTP {result.status}  minimal: {result.minimal_median}x p50, "
        f"{result.minimal_throughput}x pages/s, {result.minimal_cpu}x CPU; "
        f"directory: {result.ratio_median}x p50, {result.ratio_throughput}x pages/s",
        flush=True,
    )


def write_report(run: Run) -> None:
    stem = RESULTS / f"{run.engine}-{run.persons}"
    stem.with_suffix(".json").write_text(json.dumps(asdict(run), indent=2, ensure_ascii=False))
    lines = [
        f"### {run.engine}, {run.persons:,} persons".replace(",", "."),
        "",
        "Ratios: × the minimal Django page (min.) and × our communes directory (dir.), each "
        "measured alongside the page.",
        "",
        "| page | as | p50 ms | p95 ms | queries | pages/s | CPU ms/page "
        "| × min. p50 | × min. pages/s | × min. CPU | × dir. p50 | × dir. p95 | × dir. pages/s |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in run.results:
        lines.append(
            f"| {r.name} | {r.user} | {r.median_ms} | {r.p95_ms} | {r.queries} | "
            f"{r.pages_per_s} | {r.cpu_ms} | {r.minimal_median or ''} | "
            f"{r.minimal_throughput or ''} | {r.minimal_cpu or ''} | {r.ratio_median or ''} | "
            f"{r.ratio_p95 or ''} | {r.ratio_throughput or ''} |"
        )
    stem.with_suffix(".md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--engine", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="sequential requests per page")
    parser.add_argument("--concurrency", type=int, default=8, help="clients for the load test")
    parser.add_argument(
        "--duration", type=float, default=6.0, help="seconds of load per page, in all rounds"
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="load tests of baseline and page, in turn"
    )
    parser.add_argument(
        "--refill", action="store_true", help="rebuild the database even if present"
    )
    args = parser.parse_args()
    engines = ["sqlite", "postgres"] if args.engine == "both" else [args.engine]
    for engine in engines:
        run_engine(engine, args)


if __name__ == "__main__":
    main()
