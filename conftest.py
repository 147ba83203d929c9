"""The shared test cast and the real-services checks.

The suite runs on SQLite by default and on PostgreSQL when DATABASE_URL points there (make test
does both). In CI, REQUIRE_POSTGRES=1 and REQUIRE_BROWSER=1 turn a missing server or browser
into a failure; on a developer's machine the affected tests skip with the reason shown.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from importlib import import_module
from pathlib import Path

import pytest
from django.conf import settings as django_settings

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))


def _postgres_reason() -> str | None:
    """Why the PostgreSQL pass cannot run, or None if it can."""
    db = django_settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        return None
    import psycopg

    try:
        psycopg.connect(
            host=db["HOST"],
            port=db["PORT"] or 5432,
            user=db["USER"],
            password=db["PASSWORD"],
            dbname="postgres",
            connect_timeout=3,
        ).close()
    except psycopg.OperationalError as exc:
        return (
            f"PostgreSQL at {db['HOST']}:{db['PORT']} is not reachable ({exc.__class__.__name__})"
        )
    return None


def pytest_configure(config: pytest.Config) -> None:
    if getattr(config, "workerinput", None) is not None:
        return  # the controller already checked
    reason = _postgres_reason()
    if reason is None:
        return
    if os.environ.get("REQUIRE_POSTGRES") == "1":
        raise pytest.UsageError(f"REQUIRE_POSTGRES=1 but {reason}.")
    pytest.exit(f"SKIPPED the PostgreSQL pass: {reason}.", returncode=0)


def pytest_report_header(config: pytest.Config) -> str:
    db = django_settings.DATABASES["default"]
    engine = db["ENGINE"].rsplit(".", 1)[-1]
    browser = "yes" if CHROMIUM.exists() else "no (browser tests skip)"
    return f"database: {engine}; chromium: {browser}"


@pytest.fixture(autouse=True)
def _test_settings(settings) -> None:
    # Plain static storage (no collectstatic manifest) and a fast hasher for test users.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def _reset_caches() -> Iterator[None]:
    from taihoanhap.core.workdays import reset_overrides_cache

    reset_overrides_cache()
    yield
    reset_overrides_cache()


# --- The clock ------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _frozen_clock(request: pytest.FixtureRequest) -> None:
    """Every test starts at the same instant (taihoanhap.tests.clock.FROZEN_AT).

    Deadlines count working days around Vietnamese holidays and pages compare dates with
    "today", so a test must not depend on the day, or the hour, the suite runs. tick=True: the
    date is pinned but the clock still moves from that instant, so timestamps keep their order
    (the audit chain, "newest first" lists) and durations stay positive.

    Opted out, on the real clock: browser tests (the live server and Chromium share one real
    clock: cookies' expiry and the page's own dates are read by a browser that time-machine does
    not reach) and any test marked ``real_clock`` (e.g. one that measures elapsed time).
    """
    node = request.node
    if node.get_closest_marker("browser") or node.get_closest_marker("real_clock"):
        return
    from taihoanhap.tests.clock import FROZEN_AT

    request.getfixturevalue("time_machine").move_to(FROZEN_AT, tick=True)


# --- Transactional tests --------------------------------------------------------------------

# Rows that data migrations create. Django empties every table after a transactional test
# (browser tests are transactional: the live server has its own connection), so these are
# seeded again after each such test; every seed is idempotent. (Serialized rollback cannot do
# it: Playwright's event loop gives the test another connection object than the one the
# serialized copy is stored on.)
MIGRATED_ROWS = [
    ("taihoanhap.audit.migrations.0002_create_chain_head", "create_head"),
    ("taihoanhap.credit.migrations.0002_seed_decision_22_2023_parameters", "seed"),
    ("taihoanhap.programme.migrations.0002_seed_default_target", "seed"),
]


def restore_migrated_rows() -> None:
    from django.apps import apps

    for module, function in MIGRATED_ROWS:
        getattr(import_module(module), function)(apps, None)


def _is_transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return True
    # live_server asks for transactional_db at run time, so it is not among the static names.
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    yield
    # After the last test the session's test database is already gone: nothing to restore.
    if nextitem is None or not _is_transactional(item):
        return
    from django.db import connections
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        restore_migrated_rows()
        # The seeding may run on a connection of another context than pytest-django's (see
        # above), which nobody else closes: PostgreSQL would then refuse to drop the test
        # database at the end ("being accessed by other users").
        connections.close_all()


# --- Browser -------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but Chromium is not installed at {CHROMIUM}.")
        pytest.skip(f"Chromium not installed at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop; Django must allow ORM calls from this thread.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-gpu",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser, live_server) -> Iterator[object]:
    context = browser.new_context(locale="vi-VN", base_url=live_server.url)
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()


# --- The cast ------------------------------------------------------------------------------


@pytest.fixture
def cast(db):
    from taihoanhap.tests.cast import build_cast

    return build_cast()


@pytest.fixture
def client_for(cast):
    """client_for("commune_a") -> a test client signed in as that persona."""
    from django.test import Client

    def make(persona: str) -> Client:
        if persona == "anonymous":
            return Client()
        signed_in = Client()
        signed_in.force_login(cast.users[persona])
        return signed_in

    return make
