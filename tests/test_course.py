"""``course.py``'s install step for the browser tests' axe-core."""

from __future__ import annotations

from pathlib import Path

import pytest

import course


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
