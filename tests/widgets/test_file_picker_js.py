"""The file picker's browser code, run in Node against stand-ins (``file_picker_harness.mjs``).

The browser test (``tests/test_browser_voila.py``) shows it in a real page; these check what it
draws and the message it sends: names in the content, contents as buffers, and an input emptied
after each choice, so the same file can be chosen again.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

HARNESS = Path(__file__).with_name("file_picker_harness.mjs")
ESM = ROOT / "medialit" / "widgets" / "file_picker.js"


@pytest.fixture(scope="module")
def run(node_path: str) -> dict[str, Any]:
    """What the picker drew and sent, step by step."""
    done = subprocess.run(
        [node_path, str(HARNESS), str(ESM)], capture_output=True, text=True, encoding="utf-8", timeout=120
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_a_label_with_the_description_around_a_file_input(run) -> None:
    drawn = run["seen"][0]
    assert drawn["label"] == "label" and drawn["words"] == "Restore from file"  # no count
    assert drawn["input"] == {"tag": "input", "type": "file", "accept": ".json,.csv", "multiple": False}
    assert "jupyter-button" in drawn["classes"].split() and "medialit-file-picker" in drawn["classes"].split()
    assert drawn["count"] == "0"


def test_each_choice_sends_names_and_contents_and_empties_the_input(run) -> None:
    assert run["sent"] == [
        {"content": {"kind": "medialit-files", "names": ["mine.json"]}, "buffers": ['{"a": 1}']},
        {"content": {"kind": "medialit-files", "names": ["mine.json"]}, "buffers": ['{"a": 1}']},
        {"content": {"kind": "medialit-files", "names": ["ada.json", "bo.csv"]}, "buffers": ["A", "B"]},
    ]
    steps = {step["step"]: step for step in run["seen"]}
    assert [steps[name]["files_left"] for name in ("chose mine.json", "chose mine.json again")] == [0, 0]
    assert [step["count"] for step in run["seen"]] == [
        "0",
        "1",
        "2",
        "3",
        "3",
    ]  # nothing chosen: nothing sent


def test_a_changed_description_and_multiple_are_drawn_and_cleanup_disconnects(run) -> None:
    two = next(step for step in run["seen"] if step["step"] == "chose two")
    assert two["words"] == "Add class files" and two["input"]["multiple"] is True
    assert run["handlers_left"] == 0 and run["input_listeners_left"] == 0
