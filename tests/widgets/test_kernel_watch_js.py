"""The kernel watch's browser code, run in Node against stand-ins (``kernel_watch_harness.mjs``).

The browser tests show it working in JupyterLab, Notebook 7 and Voila; these cover the turns a
real server does not take on demand: a connection that drops and comes back, a status from
another kernel process, a control that was disabled before and stays so, typing that asks nothing.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

HARNESS = Path(__file__).with_name("kernel_watch_harness.mjs")
ESM = ROOT / "medialit" / "widgets" / "kernel_watch.js"

LIVE = ("live", [False, False, True])  # the third control was disabled before: it stays so
LOST = ("lost", [True, True, True])


@pytest.fixture(scope="module")
def seen(node_path: str) -> dict[str, list[dict[str, Any]]]:
    """What the watch showed after each step of each scenario."""
    done = subprocess.run(
        [node_path, str(HARNESS), str(ESM)], capture_output=True, text=True, encoding="utf-8", timeout=120
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, list[dict[str, Any]]] = json.loads(done.stdout)
    return result


def states(steps: list[dict[str, Any]]) -> list[tuple[str, list[bool]]]:
    for step in steps:  # the words are there exactly while the watch says lost
        assert step["note"] == ("SENTENCE" if step["state"] == "lost" else "")
    return [(step["state"], step["disabled"]) for step in steps]


def test_a_dropped_connection_disables_until_it_comes_back(seen) -> None:
    assert states(seen["connection_drops_and_comes_back"]) == [LIVE, LOST, LIVE]


def test_a_status_from_another_kernel_process_is_lost_for_good(seen) -> None:
    assert states(seen["another_kernel_process_answers"]) == [LIVE, LIVE, LIVE, LOST, LOST]


def test_ipywidgets_word_that_the_model_lost_its_kernel(seen) -> None:
    assert states(seen["ipywidgets_says_the_model_lost_its_kernel"]) == [LIVE, LOST]


def test_a_kernel_that_restarted_does_not_come_back_to_the_widget(seen) -> None:
    assert states(seen["the_kernel_restarts"]) == [LIVE, LOST, LOST]


def test_the_server_is_asked_when_the_learner_acts_on_the_widget(seen) -> None:
    steps = seen["the_server_no_longer_has_the_kernel"]
    assert states(steps) == [LIVE, LIVE, LIVE, LIVE, LOST, LOST]
    # outside the widget, and typing, ask nothing; once gone it is not asked again
    assert [step["asked"] for step in steps] == [0, 0, 1, 1, 2, 2]
