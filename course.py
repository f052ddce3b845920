#!/usr/bin/env python3
"""Set up, build and test the course with nothing but Python 3.11 installed.

    python3 course.py build          # make .venv, install everything, build the book, say how to open it
    python3 course.py test           # the whole test suite, then the widget tests on ipywidgets 7.7
    python3 course.py test ARGS      # only pytest ARGS (e.g. -k book), in .venv
    python3 course.py test-widgets7  # only the widget tests, on Google Colab's ipywidgets 7.7
    python3 course.py lab            # open the notebooks in JupyterLab

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
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent
BOOK_INDEX = ROOT / "_build" / "html" / "index.html"
#: Names the requirements file that made the tests' environment, when not requirements.txt.
REQUIREMENTS_VARIABLE = "MEDIALIT_TEST_REQUIREMENTS"
NODE_LOCK = ROOT / "package-lock.json"
NODE_STAMP = ROOT / "node_modules" / ".medialit-installed"


@dataclass(frozen=True)
class Environment:
    """A virtual environment made from one requirements file, reinstalled when its inputs change."""

    folder: Path
    requirements: str
    inputs: tuple[str, ...]
    pip_options: tuple[str, ...] = ()

    @property
    def python(self) -> Path:
        """The environment's Python interpreter."""
        return self.folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")

    @property
    def stamp(self) -> Path:
        """Holds the digest of the inputs the environment was last installed from."""
        return self.folder / ".medialit-installed"

    def digest(self) -> str:
        """A digest of the input files, to know when to install again."""
        digest = hashlib.sha256()
        for name in self.inputs:
            digest.update((ROOT / name).read_bytes())
        return digest.hexdigest()

    def is_current(self) -> bool:
        """Whether the environment exists and was installed from the inputs as they are now."""
        return self.python.exists() and self.stamp.exists() and self.stamp.read_text() == self.digest()

    def ensure(self) -> None:
        """Create the environment and install the pinned requirements, unless already up to date."""
        if sys.version_info < (3, 11):
            sys.exit(f"The course needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
        if self.is_current():
            return
        if not self.python.exists():
            print(f"Creating a virtual environment in {self.folder} ...")
            venv.create(self.folder, with_pip=True)
        print(f"Installing {self.requirements} into {self.folder.name} (a few minutes the first time) ...")
        run(self.python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        run(self.python, "-m", "pip", "install", "--quiet", *self.pip_options, "-r", self.requirements)
        self.stamp.write_text(self.digest())


#: Everything: the learner runtime, the book and the test tools.
MAIN = Environment(
    ROOT / ".venv", "requirements-dev.txt", ("requirements.txt", "requirements-dev.txt", "pyproject.toml")
)
#: Just what the widget tests need, on Google Colab's ipywidgets 7.7 (see the file's header).
WIDGETS7 = Environment(
    ROOT / ".venv-widgets7", "requirements-widgets7.txt", ("requirements-widgets7.txt",), ("--no-deps",)
)


def jupyter_environment() -> dict[str, str]:
    """The environment for Jupyter tools: the venv's own folders, so no stray kernel leaks in."""
    env = dict(os.environ)
    env.update(
        JUPYTER_DATA_DIR=str(MAIN.folder / "share" / "jupyter"),
        JUPYTER_CONFIG_DIR=str(MAIN.folder / "etc" / "jupyter"),
        MPLBACKEND="Agg",
        PYTHONNOUSERSITE="1",
    )
    return env


def run(*command: str | Path, **variables: str) -> None:
    """Run a command in the repository, with extra environment ``variables``; stop if it fails."""
    result = subprocess.run([str(part) for part in command], cwd=ROOT, env=jupyter_environment() | variables)
    if result.returncode:
        sys.exit(result.returncode)


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
    run(*book_build_command(MAIN.python))


def can_open_browser() -> bool:
    """Whether opening a browser window makes sense here (not in CI, not headless Linux)."""
    if os.environ.get("CI"):
        return False
    return sys.platform in ("darwin", "win32") or bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )


def command_build() -> None:
    """Set up, build the book and tell the user how to open the course."""
    MAIN.ensure()
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
    """Run the whole test suite, then the widget tests on ipywidgets 7.7 (what CI runs).

    With ``arguments``, run only ``pytest arguments`` in ``.venv``.
    """
    MAIN.ensure()
    install_axe()
    run(MAIN.python, "-m", "pytest", *arguments)
    if not arguments:
        command_test_widgets7([])


def command_test_widgets7(arguments: list[str]) -> None:
    """Run ``tests/widgets`` (or ``pytest arguments``) in ``.venv-widgets7``, on ipywidgets 7.7."""
    WIDGETS7.ensure()
    print("Running the widget tests on ipywidgets 7.7, as on Google Colab ...")
    run(
        WIDGETS7.python,
        "-m",
        "pytest",
        *(arguments or ["tests/widgets"]),
        **{REQUIREMENTS_VARIABLE: WIDGETS7.requirements},
    )


def command_lab() -> None:
    """Open the notebooks in JupyterLab."""
    MAIN.ensure()
    run(MAIN.python, "-m", "jupyterlab", "--notebook-dir", ROOT / "notebooks")


def main() -> None:
    """Dispatch ``build``, ``test``, ``test-widgets7`` or ``lab``."""
    commands = {"build": command_build, "lab": command_lab}
    tests = {"test": command_test, "test-widgets7": command_test_widgets7}
    if len(sys.argv) >= 2 and sys.argv[1] in tests:
        tests[sys.argv[1]](sys.argv[2:])
    elif len(sys.argv) == 2 and sys.argv[1] in commands:
        commands[sys.argv[1]]()
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
