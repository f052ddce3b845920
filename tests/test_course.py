"""course.py: the test command (the suite, then the widget tests on ipywidgets 7.7) and its axe-core step."""

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
    monkeypatch.setattr(course, "install_axe", lambda: recorded.append(("axe",)))
    return recorded


def test_the_test_command_runs_the_suite_then_the_widget_tests_on_ipywidgets_7(calls: list) -> None:
    course.command_test([])
    assert calls == [
        ("ensure", ".venv"),
        ("axe",),
        ([str(course.MAIN.python), "-m", "pytest"], {}),
        ("ensure", ".venv-widgets7"),
        (
            [str(course.WIDGETS7.python), "-m", "pytest", "tests/widgets"],
            {course.REQUIREMENTS_VARIABLE: "requirements-widgets7.txt"},
        ),
    ]


def test_test_arguments_run_only_that_selection_in_the_main_environment(calls: list) -> None:
    course.command_test(["-k", "book"])
    assert calls == [
        ("ensure", ".venv"),
        ("axe",),
        ([str(course.MAIN.python), "-m", "pytest", "-k", "book"], {}),
    ]


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


@pytest.fixture
def npm_calls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    """A lock file and stamp under ``tmp_path``, an ``npm`` on the path, and its recorded calls."""
    calls: list[tuple[str, ...]] = []
    (tmp_path / "node_modules").mkdir()
    monkeypatch.setattr(course, "NODE_LOCK", tmp_path / "package-lock.json")
    monkeypatch.setattr(course, "NODE_STAMP", tmp_path / "node_modules" / ".medialit-installed")
    monkeypatch.setattr(course.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(course, "run", lambda *command: calls.append(tuple(map(str, command))))
    course.NODE_LOCK.write_text('{"lockfileVersion": 3}')
    return calls


def test_axe_is_installed_with_npm_ci_once_per_lock_file(npm_calls: list[tuple[str, ...]]) -> None:
    course.install_axe()
    course.install_axe()
    assert npm_calls == [("/usr/bin/npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")]
    course.NODE_LOCK.write_text('{"lockfileVersion": 3, "changed": true}')
    course.install_axe()
    assert len(npm_calls) == 2


def test_without_npm_the_checks_are_skipped_locally(
    npm_calls: list[tuple[str, ...]], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(course.shutil, "which", lambda name: None)
    monkeypatch.delenv("CI", raising=False)
    course.install_axe()
    assert npm_calls == []
    assert "npm is not installed (apt-get install npm), so the accessibility checks are skipped." in (
        capsys.readouterr().out
    )


def test_without_npm_ci_stops(npm_calls: list[tuple[str, ...]], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(course.shutil, "which", lambda name: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(SystemExit, match="cannot run, and CI needs them") as stopped:
        course.install_axe()
    assert stopped.value.code != 0
    assert npm_calls == []
