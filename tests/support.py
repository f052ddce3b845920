"""What the tests and the benchmarks share: isolated Jupyter folders and Debian's Chromium."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]  # the repository these tests belong to
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
    """Point Jupyter, IPython and matplotlib at fresh folders under ``scratch``, Python at this checkout.

    So no kernel spec, configuration or font cache left on the machine can leak in; the venv's
    own ``python3`` kernel is still found, in ``sys.prefix/share/jupyter``. The kernels, servers
    and commands started from here import ``medialit`` from this checkout (``PYTHONPATH``), not
    from wherever the environment's editable install points (another checkout, perhaps).
    """
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
