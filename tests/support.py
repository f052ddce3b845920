"""What the tests and the benchmarks share: isolated Jupyter folders, Debian's Chromium, pins."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9_.\-\[\]]+)\s*==\s*([^\s;#]+)")

CHROMIUM_VARIABLE = "MEDIALIT_CHROMIUM"
#: Headless Chromium as root on a machine with no network beyond loopback.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def isolate_jupyter(scratch: Path) -> None:
    """Point Jupyter, IPython and matplotlib at fresh folders under ``scratch``; import this checkout.

    So no kernel spec, configuration or font cache left on the machine can leak in; the venv's
    own ``python3`` kernel is still found, in ``sys.prefix/share/jupyter``. ``PYTHONPATH`` starts
    with this checkout, so every kernel, Voila server and book build the tests start imports the
    ``medialit`` under test, even where the venv's editable install points at another checkout
    (a second clone or a git worktree sharing one venv); otherwise the notebook, book and browser
    tests would pass or fail on that other code.
    """
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [str(CHECKOUT), *(part for part in os.environ.get("PYTHONPATH", "").split(os.pathsep) if part)]
    )
    for variable in (
        "JUPYTER_DATA_DIR",
        "JUPYTER_CONFIG_DIR",
        "JUPYTER_RUNTIME_DIR",
        "MPLCONFIGDIR",
        "IPYTHONDIR",
    ):
        folder = scratch / variable.lower()
        folder.mkdir(parents=True, exist_ok=True)
        os.environ[variable] = str(folder)
    os.environ["JUPYTER_PLATFORM_DIRS"] = "1"
    os.environ["MPLBACKEND"] = "Agg"
    os.environ["PYTHONNOUSERSITE"] = "1"
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(CHECKOUT), os.environ.get("PYTHONPATH")]))


def find_chromium() -> str | None:
    """Debian's Chromium (``$MEDIALIT_CHROMIUM`` first), or ``None`` when it is not installed."""
    path = os.environ.get(CHROMIUM_VARIABLE) or shutil.which("chromium") or "/usr/bin/chromium"
    return path if Path(path).exists() else None


def pins(name: str) -> dict[str, str]:
    """The ``package==version`` lines of a requirements file (not following ``-r``)."""
    found = {}
    for line in (CHECKOUT / name).read_text(encoding="utf-8").splitlines():
        match = PIN.match(line.strip())
        if match:
            found[match.group(1).lower()] = match.group(2)
    return found
