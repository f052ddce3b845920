"""The widget tests run on the ipywidgets their environment is meant to have, never another."""

from __future__ import annotations

import os
import subprocess
import sys

import ipywidgets

from course import REQUIREMENTS_VARIABLE
from tests.support import pins


def test_ipywidgets_is_the_version_the_requirements_file_pins() -> None:
    # `python3 course.py test` runs tests/widgets twice: in .venv (requirements.txt, ipywidgets 8)
    # and in .venv-widgets7 (requirements-widgets7.txt, Colab's 7.7), naming the file. Were
    # the widgets-7 run given ipywidgets 8, it would pass without testing 7 at all (that the
    # file pins 7.7 is checked in tests/test_repository.py).
    name = os.environ.get(REQUIREMENTS_VARIABLE, "requirements.txt")
    pinned = pins(name)["ipywidgets"]
    assert ipywidgets.__version__ == pinned, (
        f"this environment has ipywidgets {ipywidgets.__version__}, but {name} pins {pinned}"
    )


#: What requirements-widgets7.txt leaves out on purpose, as its header explains.
LEFT_OUT = ("jupyterlab-widgets", "widgetsnbextension", "setuptools")


def test_every_installed_package_has_what_it_needs() -> None:
    # requirements-widgets7.txt is installed with --no-deps: were a package it needs missing
    # from the file, this says which (rather than an ImportError somewhere later).
    check = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True, text=True)
    broken = [
        line
        for line in check.stdout.splitlines()
        if " requires " in line and not any(f" requires {name}," in line for name in LEFT_OUT)
    ]
    assert not broken, "\n".join(broken)
