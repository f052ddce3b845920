"""The file picker's Python side: the front end's message becomes ``(name, content)`` files."""

from __future__ import annotations

import pytest

from medialit.widgets.file_picker import FILES_MESSAGE, NOT_WHOLE, FilePicker, chosen_files
from tests.widgets.uploading import choose_files, send


def picked(picker: FilePicker, problems: list[str] | None = None) -> list[list[tuple[str, bytes]]]:
    """Every choice ``picker`` passes to its callbacks, in order (its problems go to ``problems``)."""
    seen: list[list[tuple[str, bytes]]] = []
    picker.on_files(seen.append, (problems if problems is not None else []).append)
    return seen


def test_the_control_says_only_its_description() -> None:
    picker = FilePicker("Restore from file", accept=".json,.csv")
    state = picker.get_state()
    assert (state["description"], state["accept"], state["multiple"]) == (
        "Restore from file",
        ".json,.csv",
        False,
    )
    assert not {"value", "_counter"} & set(state)  # no count of uploads to show


def test_files_chosen_reach_every_callback_with_names_and_bytes() -> None:
    picker = FilePicker("Add class files", multiple=True)
    first, second = picked(picker), picked(picker)
    files = [("ada.json", b'{"a": 1}'), ("bo.csv", b"learner\n"), ("empty.json", b"")]
    choose_files(picker, files)
    assert first == second == [files]
    assert all(type(content) is bytes for _, content in first[0])


def test_the_same_file_chosen_twice_is_two_choices() -> None:
    picker = FilePicker("Restore from file")
    seen = picked(picker)
    choose_files(picker, [("mine.json", b"{}")])
    choose_files(picker, [("mine.json", b"{}")])
    assert seen == [[("mine.json", b"{}")], [("mine.json", b"{}")]]


def test_other_messages_are_not_files() -> None:
    picker = FilePicker("Restore from file")
    problems: list[str] = []
    seen = picked(picker, problems)
    send(picker, {"kind": "anywidget-command", "name": "x", "msg": {}}, [])
    send(picker, "not a dict", [])
    send(picker, {"kind": FILES_MESSAGE, "names": []}, [])  # nothing chosen
    assert seen == [] and problems == []


def test_files_that_did_not_arrive_whole_are_a_sentence_not_a_traceback() -> None:
    picker = FilePicker("Restore from file")
    problems: list[str] = []
    seen = picked(picker, problems)
    send(picker, {"kind": FILES_MESSAGE, "names": ["a.json", "b.json"]}, [b"{}"])
    assert seen == [] and problems == [NOT_WHOLE]


@pytest.mark.parametrize(
    ("content", "buffers"),
    [
        ({"kind": FILES_MESSAGE, "names": ["a.json"]}, []),
        ({"kind": FILES_MESSAGE, "names": "a.json"}, [b"{}"]),
    ],
)
def test_a_message_that_did_not_arrive_whole_says_so(content: dict, buffers: list[bytes]) -> None:
    with pytest.raises(ValueError, match="did not arrive whole, so nothing was read"):
        chosen_files(content, [memoryview(b) for b in buffers])
