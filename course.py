#!/usr/bin/env python3
"""Set up, build and test the course with nothing but Python 3.11 installed.

    python3 course.py build   # make .venv, install everything, build the book, say how to open it
    python3 course.py test    # make .venv if needed, then run the whole test suite
    python3 course.py lab     # open the notebooks in JupyterLab

Only the standard library is used here, so this runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
import webbrowser
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".medialit-installed"
REQUIREMENT_FILES = ("requirements.txt", "requirements-dev.txt", "pyproject.toml")
BOOK_INDEX = ROOT / "_build" / "html" / "index.html"
NODE_LOCK = ROOT / "package-lock.json"
NODE_STAMP = ROOT / "node_modules" / ".medialit-installed"


def venv_python() -> Path:
    """The virtual environment's Python interpreter."""
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def jupyter_environment() -> dict[str, str]:
    """The environment for Jupyter tools: the venv's own folders, so no stray kernel leaks in."""
    env = dict(os.environ)
    env.update(
        JUPYTER_DATA_DIR=str(VENV / "share" / "jupyter"),
        JUPYTER_CONFIG_DIR=str(VENV / "etc" / "jupyter"),
        MPLBACKEND="Agg",
        PYTHONNOUSERSITE="1",
    )
    return env


def requirements_digest() -> str:
    """A digest of the requirement files, to know when to install again."""
    digest = hashlib.sha256()
    for name in REQUIREMENT_FILES:
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def run(*command: str | Path) -> None:
    """Run a command in the repository; stop with its exit code if it fails."""
    result = subprocess.run([str(part) for part in command], cwd=ROOT, env=jupyter_environment())
    if result.returncode:
        sys.exit(result.returncode)


def ensure_environment() -> None:
    """Create ``.venv`` and install the pinned requirements, unless already up to date."""
    if sys.version_info < (3, 11):
        sys.exit(f"The course needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not venv_python().exists():
        print(f"Creating a virtual environment in {VENV} ...")
        venv.create(VENV, with_pip=True)
    if STAMP.exists() and STAMP.read_text() == requirements_digest():
        return
    print("Installing the course's requirements (a few minutes the first time) ...")
    run(venv_python(), "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(venv_python(), "-m", "pip", "install", "--quiet", "-r", "requirements-dev.txt")
    STAMP.write_text(requirements_digest())


def install_axe() -> None:
    """Install the browser tests' axe-core, pinned in ``package-lock.json``, with ``npm ci``.

    Only when the lock file changed since the last install. Without npm the accessibility checks
    are skipped, which this says; in CI (``CI`` set) a missing npm stops the run instead.
    """
    npm = shutil.which("npm")
    if npm is None:
        missing = "npm is not installed (apt-get install npm), so the accessibility checks"
        if os.environ.get("CI"):
            sys.exit(f"{missing} cannot run, and CI needs them.")
        print(f"{missing} are skipped.")
        return
    lock_digest = hashlib.sha256(NODE_LOCK.read_bytes()).hexdigest()
    if NODE_STAMP.exists() and NODE_STAMP.read_text() == lock_digest:
        return
    print("Installing axe-core for the browser tests' accessibility checks (npm ci) ...")
    run(npm, "ci", "--no-audit", "--no-fund", "--loglevel=error")
    NODE_STAMP.write_text(lock_digest)


def book_build_command(python: Path) -> list[str]:
    """The command that builds the book with ``python``'s Jupyter Book; warnings fail it."""
    jupyter_book = python.with_name("jupyter-book.exe" if os.name == "nt" else "jupyter-book")
    return [str(jupyter_book), "build", str(ROOT), "--builder", "html", "-n", "-W", "--keep-going"]


def build_book() -> None:
    """Build the book into ``_build/html``, failing on any warning or notebook error."""
    run(*book_build_command(venv_python()))


def can_open_browser() -> bool:
    """Whether opening a browser window makes sense here (not in CI, not headless Linux)."""
    if os.environ.get("CI"):
        return False
    return sys.platform in ("darwin", "win32") or bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )


def command_build() -> None:
    """Set up, build the book and tell the user how to open the course."""
    ensure_environment()
    build_book()
    print(
        "\nThe course is built.\n"
        f"  Read the book:      open {BOOK_INDEX.as_uri()}\n"
        "  Do the notebooks:   python3 course.py lab   (opens JupyterLab on notebooks/)\n"
        "  Run the tests:      python3 course.py test\n"
    )
    if can_open_browser():
        webbrowser.open(BOOK_INDEX.as_uri())


def command_test(arguments: list[str]) -> None:
    """Set up if needed, then run the whole test suite (extra arguments go to pytest)."""
    ensure_environment()
    install_axe()
    run(venv_python(), "-m", "pytest", *arguments)


def command_lab() -> None:
    """Open the notebooks in JupyterLab."""
    ensure_environment()
    run(venv_python(), "-m", "jupyterlab", "--notebook-dir", ROOT / "notebooks")


def main() -> None:
    """Dispatch ``build``, ``test`` or ``lab``."""
    commands = {"build": command_build, "lab": command_lab}
    if len(sys.argv) >= 2 and sys.argv[1] == "test":
        command_test(sys.argv[2:])
    elif len(sys.argv) == 2 and sys.argv[1] in commands:
        commands[sys.argv[1]]()
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
