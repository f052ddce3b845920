"""Run axe-core in a Playwright page and keep the violations that block people.

Every browser test checks with one axe-core: the release pinned in ``package.json`` and
``package-lock.json`` at the repository's top, which ``python3 course.py test`` installs with
``npm ci`` into ``node_modules/``. Without it the checks are skipped locally and fail in CI.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from tests.conftest import ROOT, _required

BLOCKING = {"critical", "serious"}
PACKAGE = "axe-core"
AXE_SCRIPT = ROOT / "node_modules" / PACKAGE / "axe.min.js"


def pinned_version() -> str:
    """The axe-core version ``package.json`` pins (exactly, so it is the version itself)."""
    manifest = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    return str(manifest["devDependencies"][PACKAGE])


@functools.cache
def axe_script() -> str:
    """The pinned axe-core's ``axe.min.js``; skipped locally when not installed, a failure in CI."""
    found = str(AXE_SCRIPT) if AXE_SCRIPT.exists() else None
    _required(found, f"{PACKAGE} is not installed (run `npm ci` in {ROOT}, or `python3 course.py test`)")
    return AXE_SCRIPT.read_text(encoding="utf-8")


def inject_axe(page: Any) -> str:
    """Load the pinned axe-core into ``page``; return the version the page then reports."""
    page.evaluate(axe_script())
    return str(page.evaluate("axe.version"))


def blocking_violations(page: Any, within: str | None = None) -> list[str]:
    """Critical and serious axe-core violations on the page (or within a selector), one line each."""
    inject_axe(page)
    context = "document" if within is None else f"{{include: [[{json.dumps(within)}]]}}"
    results = page.evaluate(f"axe.run({context}, {{resultTypes: ['violations']}})")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(
            node["target"][0] if isinstance(node["target"][0], str) else str(node["target"])
            for node in violation["nodes"][:5]
        )
        for violation in results["violations"]
        if violation["impact"] in BLOCKING
    ]
