"""course.py: the README's test command runs the suite, then the widget tests on ipywidgets 7.7."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

import course
from tests.conftest import ROOT


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list:
    """What course.py would run, recorded instead of run; environments count as up to date."""
    recorded: list = []

    def ensure(environment: course.Environment) -> None:
        recorded.append(("ensure", environment.folder.name))

    def run(*command: str | Path, **variables: str) -> None:
        recorded.append(([str(part) for part in command], variables))

    monkeypatch.setattr(course.Environment, "ensure", ensure)
    monkeypatch.setattr(course, "run", run)
    return recorded


def test_the_test_command_runs_the_suite_then_the_widget_tests_on_ipywidgets_7(calls: list) -> None:
    course.command_test([])
    assert calls == [
        ("ensure", ".venv"),
        ([str(course.MAIN.python), "-m", "pytest"], {}),
        ("ensure", ".venv-widgets7"),
        (
            [str(course.WIDGETS7.python), "-m", "pytest", "tests/widgets"],
            {course.REQUIREMENTS_VARIABLE: "requirements-widgets7.txt"},
        ),
    ]


def test_test_arguments_run_only_that_selection_in_the_main_environment(calls: list) -> None:
    course.command_test(["-k", "book"])
    assert calls == [("ensure", ".venv"), ([str(course.MAIN.python), "-m", "pytest", "-k", "book"], {})]


def test_the_widgets7_environment_is_installed_again_only_when_its_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("requirements.txt", "requirements-dev.txt", "requirements-widgets7.txt", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    monkeypatch.setattr(course, "ROOT", tmp_path)
    installs: list = []
    monkeypatch.setattr(course, "run", lambda *command: installs.append([str(part) for part in command][3:]))
    environment = dataclasses.replace(course.WIDGETS7, folder=tmp_path / ".venv-widgets7")
    environment.python.parent.mkdir(parents=True)
    environment.python.touch()  # the virtual environment exists, nothing is installed yet
    environment.ensure()
    assert installs[-1] == ["install", "--quiet", "--no-deps", "-r", "requirements-widgets7.txt"]
    installs.clear()
    for name in ("requirements.txt", "requirements-dev.txt", "pyproject.toml"):
        (tmp_path / name).write_text("# changed\n", encoding="utf-8")
    environment.ensure()
    assert installs == []
    (tmp_path / "requirements-widgets7.txt").write_text("# changed\n", encoding="utf-8")
    environment.ensure()
    assert installs[-1] == ["install", "--quiet", "--no-deps", "-r", "requirements-widgets7.txt"]


def test_both_virtual_environments_are_git_ignored() -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    for environment in (course.MAIN, course.WIDGETS7):
        assert f"{environment.folder.name}/" in ignored
