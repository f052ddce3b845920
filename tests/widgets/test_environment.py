"""The widget tests run on the ipywidgets their environment is meant to have, never another."""

from __future__ import annotations

import os

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
