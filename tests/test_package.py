"""The package imports, and its command line answers --help."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import medialit


def test_package_imports_and_has_a_version() -> None:
    assert medialit.__version__.count(".") == 2
    assert callable(medialit.load_case)


def test_module_help_lists_the_commands() -> None:
    result = subprocess.run([sys.executable, "-m", "medialit", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "validate" in result.stdout


def test_unknown_command_is_a_plain_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "medialit", "grade-everything"], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "invalid choice" in result.stderr


def test_the_data_is_found_beside_the_package_from_any_folder(tmp_path, monkeypatch) -> None:
    from medialit.case.paths import DATA_DIR_VARIABLE, data_dir

    monkeypatch.delenv(DATA_DIR_VARIABLE, raising=False)
    monkeypatch.chdir(tmp_path)  # e.g. a notebook executed in a temporary folder
    assert data_dir() == Path(medialit.__file__).resolve().parents[1] / "data"
