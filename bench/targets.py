"""The pages the benchmark measures. The first is the baseline every figure is compared to."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench.run import Target

ROOT = Path(__file__).resolve().parent.parent


def _ids(env: dict[str, str]) -> dict[str, str]:
    """Opaque ids of records to open, picked in the demo commune officer's commune."""
    code = (
        "import json\n"
        "from taihoanhap.accounts.models import User\n"
        "officer = User.objects.select_related('agency').get(username='ca.xa')\n"
        "print(json.dumps({'commune': officer.agency.unit_id}))\n"
    )
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def targets(env: dict[str, str]) -> list[Target]:
    _ids(env)
    return [
        Target("baseline: communes directory", "ca.xa", "/don-vi/"),
    ]
