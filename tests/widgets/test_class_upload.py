"""The instructor notebook's upload box: the exercise is chosen in the page, and changing it re-renders."""

from __future__ import annotations

import html
import json

import ipywidgets as widgets

from medialit.widgets.class_upload import FROM_FILES, ClassUpload


def tag_file(case, learner: str, exercise: str | None, saved_at: str = "2024-05-01T09:30:00+00:00") -> bytes:
    pid = case.exercise("hedging").passage_ids[0]
    data = {"format": "medialit-tags/1", "case": case.case_id, "learner": learner, "saved_at": saved_at}
    return json.dumps({**data, **({"exercise": exercise} if exercise else {}), "tags": {pid: []}}).encode()


def test_the_exercise_is_a_labelled_choice_defaulting_to_the_files(case) -> None:
    view = ClassUpload(case)
    choice = view.exercise
    assert isinstance(choice, widgets.Dropdown) and choice in view.children
    assert choice.description == "Exercise"
    assert choice.value == "" and choice.label == FROM_FILES
    assert [value for _, value in choice.options] == ["", *case.exercise_ids]
    assert ClassUpload(case, "framing").exercise.value == "framing"


def test_the_report_follows_the_files_and_changing_the_exercise_re_renders_it(case) -> None:
    view = ClassUpload(case)
    view.show(
        [
            ("ada.json", tag_file(case, "Ada", "hedging")),
            ("bo.json", tag_file(case, "Bo", "hedging")),
            ("cy.json", tag_file(case, "Cy", "framing")),
        ]
    )
    page = html.unescape(view.output.value)
    assert "2 learner(s) scored on hedging, 0 bad file(s), 1 file(s) left out" in page
    assert "this report is on hedging, the most common" in page and "cy.json" in page

    view.exercise.value = "framing"  # no new upload: the files already given are scored again
    page = html.unescape(view.output.value)
    assert "1 learner(s) scored on framing, 0 bad file(s), 2 file(s) left out" in page
    assert "Scored on framing, as chosen, and 2 files recording another exercise" in page

    view.exercise.value = ""
    assert "2 learner(s) scored on hedging" in html.unescape(view.output.value)


def test_changing_the_exercise_before_any_upload_shows_nothing(case) -> None:
    view = ClassUpload(case)
    view.exercise.value = "framing"
    assert view.output.value == ""


def test_an_uploaded_learner_who_hands_in_twice_counts_once(case) -> None:
    view = ClassUpload(case)
    # Two autosaves carry the same file name; the names, not the files, say it is one learner.
    view.show(
        [
            ("hedging-tags.json", tag_file(case, "Ada", "hedging", "2024-05-02T09:30:00+00:00")),
            ("hedging-tags.json", tag_file(case, " ada", "hedging")),
            ("hedging-tags.json", tag_file(case, "Bo", "hedging")),
        ]
    )
    page = html.unescape(view.output.value)
    assert "2 learner(s) scored on hedging, 0 bad file(s), 1 warning(s)" in page
    assert "Ada handed in more than once" in page


def test_a_folder_typed_in_the_page_shows_its_report_and_the_exercise_re_renders_it(case, tmp_path) -> None:
    (tmp_path / "ada.json").write_bytes(tag_file(case, "Ada", "hedging"))
    (tmp_path / "cy.json").write_bytes(tag_file(case, "Cy", "framing"))
    view = ClassUpload(case)
    folder_row = next(child for child in view.children if isinstance(child, widgets.HBox))
    assert view.folder in folder_row.children and view.read_folder in folder_row.children
    assert view.folder.description and view.read_folder.description == "Show the report"
    view.folder.value = f"  {tmp_path}  "
    view.read_folder.click()
    page = html.unescape(view.output.value)
    assert "1 learner(s) scored on hedging" in page and "cy.json" in page
    assert view.folder_message.value == ""
    view.exercise.value = "framing"
    assert "1 learner(s) scored on framing" in html.unescape(view.output.value)


def test_a_folder_that_is_not_there_gets_one_sentence_and_the_report_stays(case, tmp_path) -> None:
    view = ClassUpload(case)
    view.show([("ada.json", tag_file(case, "Ada", "hedging"))])
    shown = view.output.value
    (tmp_path / "a-file.json").write_bytes(b"{}")
    for text, expected in (
        ("", "Type the folder that holds your class's tag files first"),
        (str(tmp_path / "missing"), f"There is no folder {tmp_path / 'missing'} on the computer"),
        (str(tmp_path / "a-file.json"), "is a file, not a folder"),
    ):
        view.folder.value = text
        view.read_folder.click()
        message = html.unescape(view.folder_message.value)
        assert expected in message and 'role="status"' in message
        assert "Traceback" not in message and view.output.value == shown
