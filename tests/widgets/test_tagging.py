"""The tagging widget, driven from Python: ticks, buttons, autosave, resume, upload, check."""

from __future__ import annotations

import base64
import html
import json
import re
from pathlib import Path

import ipywidgets as widgets
import pytest

from medialit import load_case
from medialit.tagfile.model import CUES_MAX, LEARNER_MAX, NOTE_MAX
from medialit.tagfile.names import download_file_name, tag_file_name
from medialit.widgets.class_upload import ClassUpload
from medialit.widgets.exercise import start
from medialit.widgets.file_picker import FILES_MESSAGE, FilePicker
from medialit.widgets.tagging import PREVIEW_SENTENCE, TaggingWidget
from tests.widgets.uploading import IPYWIDGETS_MAJOR, choose_files, send

N = len(load_case().exercise("hedging").passage_ids)  # the hedging exercise's size
#: The static preview is for the book, which is built with ipywidgets 8. ipywidgets 7 (Colab's)
#: displays a widget through ``_ipython_display_``, so IPython never asks it for a MIME bundle.
HAS_STATIC_PREVIEW = IPYWIDGETS_MAJOR >= 8

LABELS = {
    "attribution": "Attribution",
    "hedging": "Hedging",
    "selective_citation": "Selective citation",
    "framing": "Framing",
}


def make(case, exercise_id: str = "hedging") -> TaggingWidget:
    return start(exercise_id, case=case, quiet=True).view()


def saved(widget: TaggingWidget) -> dict:
    return json.loads(widget.exercise.path.read_text(encoding="utf-8"))


def reviewed(widget: TaggingWidget) -> int:
    """How many passages the progress bar says are reviewed (its ``aria-valuenow``)."""
    found = re.search(r'aria-valuenow="(\d+)"', widget.progress.value)
    assert found, widget.progress.value
    return int(found.group(1))


def all_widgets(root: widgets.Widget) -> list[widgets.Widget]:
    found = [root]
    for child in getattr(root, "children", ()):
        found += all_widgets(child)
    return found


def all_text(root: widgets.Widget) -> str:
    parts = []
    for widget in all_widgets(root):
        for name in ("value", "description", "placeholder", "tooltip", "options", "_options_labels"):
            parts.append(str(getattr(widget, name, "")))
    return "\n".join(parts)


def test_shows_one_passage_with_context_and_place(work: Path, case) -> None:
    widget = make(case)
    assert widget.pid == "p034"
    assert f"passage 1 of {N}" in widget.place.value and "id p034" in widget.place.value
    assert "Section: " in widget.place.value
    text = widget.context.value
    assert "Before (p033)" in text and "This passage (p034)" in text and "After (p035)" in text
    assert "opacity" in text


def test_category_checkboxes_are_labelled_from_the_taxonomy(work: Path, case) -> None:
    widget = make(case, "capstone")
    assert [box.description for box in widget.category_boxes.values()] == list(LABELS.values())
    assert make(case, "framing").category_boxes.keys() == {"framing"}


def test_every_control_has_an_accessible_name(work: Path, case) -> None:
    widget = make(case, "capstone")
    controls = [
        control
        for control in all_widgets(widget)
        if isinstance(
            control,
            widgets.Button
            | widgets.Checkbox
            | widgets.Text
            | widgets.Textarea
            | widgets.Dropdown
            | FilePicker,
        )
    ]
    names = {control.description for control in controls}
    for name in (
        "Previous",
        "Next",
        "Check my answers",
        "Download my tags",
        "Restore from file",
        "Go to passage",
        "Only passages not yet reviewed",
        "Reviewed: no technique",
        "Note",
        *LABELS.values(),
    ):
        assert name in names
    for control in controls:
        assert control.description.strip(), control
    assert widget.upload.accept == ".json,.csv"


def test_tick_and_next_autosave(work: Path, case) -> None:
    widget = make(case)
    widget.category_boxes["hedging"].value = True
    assert saved(widget)["tags"] == {"p034": ["hedging"]}
    widget.next_button.click()
    assert widget.pid == "p035" and widget.category_boxes["hedging"].value is False
    widget.no_technique_box.value = True
    assert saved(widget)["tags"] == {"p034": ["hedging"], "p035": []}
    widget.previous_button.click()
    assert widget.pid == "p034" and widget.category_boxes["hedging"].value is True


def test_category_and_no_technique_clear_each_other(work: Path, case) -> None:
    widget = make(case)
    widget.no_technique_box.value = True
    widget.category_boxes["hedging"].value = True
    assert widget.no_technique_box.value is False
    widget.no_technique_box.value = True
    assert widget.category_boxes["hedging"].value is False
    assert saved(widget)["tags"] == {"p034": []}
    widget.no_technique_box.value = False
    assert saved(widget)["tags"] == {}


def test_progress_bar_updates(work: Path, case) -> None:
    widget = make(case)
    assert reviewed(widget) == 0 and f'aria-valuemax="{N}"' in widget.progress.value
    assert 'role="progressbar"' in widget.progress.value and 'aria-valuenow="0"' in widget.progress.value
    assert f"0 of {N} reviewed" in widget.progress.value
    widget.category_boxes["hedging"].value = True
    widget.next_button.click()
    widget.no_technique_box.value = True
    assert reviewed(widget) == 2 and f"2 of {N} reviewed" in widget.progress.value


def test_go_to_and_filter_not_yet_reviewed(work: Path, case) -> None:
    widget = make(case)
    widget.go_to.value = "p044"
    assert widget.pid == "p044" and f"passage 11 of {N}" in widget.place.value
    for pid in ("p035", "p036", "p045"):
        widget.exercise.no_technique(pid)
    widget.go_to.value = "p034"
    widget.only_unreviewed.value = True
    assert "p035" not in [value for _, value in widget.go_to.options]
    widget.next_button.click()
    assert widget.pid == "p037"
    widget.go_to.value = "p044"
    widget.next_button.click()
    assert widget.pid == "p047"
    widget.previous_button.click()
    assert widget.pid == "p044"
    widget.only_unreviewed.value = False
    widget.next_button.click()
    assert widget.pid == "p045"


def test_end_of_list_is_announced(work: Path, case) -> None:
    widget = make(case)
    widget.previous_button.click()
    assert widget.pid == "p034" and "no passage before" in widget.nav_message.value


def test_cue_words_are_checked_against_the_passage(work: Path, case) -> None:
    widget = make(case)
    widget.go_to.value = "p044"
    widget.cue_boxes["hedging"].value = "apparent; certainly"
    assert "“certainly” is not in this passage" in widget.cue_message.value
    assert "Hedging is now ticked" in widget.cue_message.value
    assert widget.category_boxes["hedging"].value is True
    assert saved(widget)["cues"] == {"p044": {"hedging": ["apparent"]}}
    widget.note.value = "a hedge on who did it"
    assert saved(widget)["notes"] == {"p044": "a hedge on who did it"}
    assert widget.cue_boxes["hedging"].description == "Which words?"
    assert widget.note.description == "Note"


def test_new_widget_resumes_and_says_so(work: Path, case) -> None:
    first = make(case)
    first.category_boxes["hedging"].value = True
    first.next_button.click()
    first.no_technique_box.value = True
    second = make(case)
    assert "Resumed your work from" in second.status.value
    assert f"2 of {N} passages reviewed" in second.status.value
    assert second.pid == "p036"  # the first passage not yet reviewed
    second.go_to.value = "p034"
    assert second.category_boxes["hedging"].value is True


def test_corrupt_autosave_message_in_widget(work: Path, case) -> None:
    first = make(case)
    first.category_boxes["hedging"].value = True
    first.exercise.path.write_text("{oops", encoding="utf-8")
    second = make(case)
    assert "could not be read" in second.status.value and "corrupt-" in second.status.value
    assert "Starting fresh" in second.status.value and reviewed(second) == 0
    assert len(list(work.glob("hedging-tags.corrupt-*.json"))) == 1


def test_another_tabs_changes_show_after_the_next_change(work: Path, case) -> None:
    widget = make(case)
    other = start("hedging", case=case, quiet=True)  # a second tab (its own kernel) of the exercise
    other.no_technique("p035")
    widget.category_boxes["hedging"].value = True  # p034 here: the save merges the other tab's p035
    assert saved(widget)["tags"] == {"p034": ["hedging"], "p035": []}
    assert reviewed(widget) == 2 and 'data-reviewed="2"' in widget.progress.value
    assert "also open in another tab or kernel" in widget.status.value and "p035" in widget.status.value
    widget.next_button.click()
    assert widget.pid == "p035" and widget.no_technique_box.value is True


def full_disk(self: Path, target: Path) -> Path:
    """``Path.replace`` on a full disk: every save fails."""
    raise OSError(28, "No space left on device")


def test_a_save_error_shows_and_clears_once_saving_works(work: Path, case, monkeypatch) -> None:
    widget = make(case)

    with monkeypatch.context() as patch:
        patch.setattr(Path, "replace", full_disk)
        widget.category_boxes["hedging"].value = True
        assert "Could not save" in widget.status.value
    widget.next_button.click()
    widget.no_technique_box.value = True
    assert "Could not save" not in widget.status.value and widget.exercise.message == ""
    assert saved(widget)["tags"] == {"p034": ["hedging"], "p035": []}


def test_learner_field_is_saved(work: Path, case) -> None:
    widget = make(case)
    assert widget.learner.description == "Your name or code (optional)"
    widget.learner.value = "Ada"
    assert saved(widget)["learner"] == "Ada"


def test_typing_a_name_moves_the_work_and_says_where(work: Path, case) -> None:
    widget = make(case)
    widget.category_boxes["hedging"].value = True
    widget.learner.value = "  José\n"
    path = work / tag_file_name("hedging", "José")
    assert widget.exercise.path == path and saved(widget)["tags"] == {"p034": ["hedging"]}
    assert not (work / "hedging-tags.json").exists()
    assert "now saved for “José”" in widget.status.value and path.name in widget.status.value
    assert widget.learner.value == "José"  # the name as saved


def test_typing_a_name_with_saved_work_shows_that_work(work: Path, case) -> None:
    earlier = make(case)
    earlier.learner.value = "Ada"
    earlier.next_button.click()
    earlier.no_technique_box.value = True  # p035
    widget = make(case)
    widget.category_boxes["hedging"].value = True  # p034, before giving the name
    widget.learner.value = "Ada"
    assert widget.exercise.path == earlier.exercise.path and reviewed(widget) == 1
    assert widget.category_boxes["hedging"].value is False and saved(widget)["tags"] == {"p035": []}
    assert "nothing was overwritten" in widget.status.value and "hedging-tags.json" in widget.status.value


def test_download_link_holds_the_current_file(work: Path, case) -> None:
    widget = make(case)
    widget.category_boxes["hedging"].value = True
    assert widget.download_link.value == ""
    widget.download_button.click()
    link = widget.download_link.value
    name = download_file_name("hedging", None, saved(widget)["saved_at"])
    assert f'download="{name}"' in link and "javascript" not in link.lower()
    data = json.loads(base64.b64decode(link.split("base64,")[1].split('"')[0]))
    assert data["tags"] == {"p034": ["hedging"]}
    widget.next_button.click()
    widget.no_technique_box.value = True  # the link is refreshed on each change
    data = json.loads(base64.b64decode(widget.download_link.value.split("base64,")[1].split('"')[0]))
    assert data["tags"] == {"p034": ["hedging"], "p035": []}


def upload(widget: TaggingWidget, name: str, content: bytes) -> None:
    choose_files(widget.upload, [(name, content)])


def test_upload_restores_and_backs_up(work: Path, case) -> None:
    widget = make(case)
    widget.category_boxes["hedging"].value = True
    restored = {
        "format": "medialit-tags/1",
        "case": case.case_id,
        "saved_at": "2024-05-01T09:30:00+00:00",
        "learner": "Ada",
        "tags": {"p044": ["hedging"], "p045": []},
    }
    upload(widget, "mine.json", json.dumps(restored).encode())
    assert "Restored your work from mine.json" in widget.restore_message.value
    assert saved(widget)["tags"] == restored["tags"]
    assert reviewed(widget) == 2 and widget.pid == "p034"
    assert widget.category_boxes["hedging"].value is False
    assert widget.exercise.path == work / tag_file_name("hedging", "Ada")  # the file's name is taken
    copies = list(work.glob(f"{widget.exercise.path.name.removesuffix('.json')}.replaced-*.json"))
    assert len(copies) == 1 and json.loads(copies[0].read_text())["tags"] == {"p034": ["hedging"]}
    assert widget.learner.value == "Ada" and saved(widget)["learner"] == "Ada"


def test_upload_of_a_bad_file_is_explained(work: Path, case) -> None:
    widget = make(case)
    widget.category_boxes["hedging"].value = True
    upload(widget, "broken.json", b'{"format": ')
    said = html.unescape(widget.restore_message.value)
    assert "Nothing was restored. broken.json is not valid JSON (" in said
    assert saved(widget)["tags"] == {"p034": ["hedging"]}


def tag_file(case, learner: str, tags: dict[str, list[str]]) -> bytes:
    data = {"format": "medialit-tags/1", "case": case.case_id, "learner": learner}
    return json.dumps({**data, "saved_at": "2024-05-01T09:30:00+00:00", "tags": tags}).encode()


def test_the_same_file_can_be_restored_again(work: Path, case) -> None:
    # On ipywidgets 7 (Colab) FileUpload's value was read-only: Restore raised TraitError, and a
    # second upload of an unchanged file was no change at all. Each choice is a message now.
    widget = make(case)
    content = tag_file(case, "Ada", {"p044": ["hedging"], "p045": []})
    upload(widget, "mine.json", content)
    assert "Restored your work from mine.json" in widget.restore_message.value
    assert widget.learner.value == "Ada" and widget.pid == "p034"
    widget.category_boxes["hedging"].value = True
    widget.restore_message.value = ""
    upload(widget, "mine.json", content)
    assert "Restored your work from mine.json" in widget.restore_message.value
    assert saved(widget)["tags"] == {"p044": ["hedging"], "p045": []}
    assert widget.category_boxes["hedging"].value is False


def test_a_file_that_did_not_arrive_whole_is_said_beside_the_control(work: Path, case) -> None:
    widget = make(case)
    send(widget.upload, {"kind": FILES_MESSAGE, "names": ["mine.json"]}, [])
    assert 'class="medialit-error"' in widget.restore_message.value
    assert "did not arrive whole" in html.unescape(widget.restore_message.value)


def test_a_restore_that_failed_can_be_tried_again_with_the_same_file(work: Path, case, monkeypatch) -> None:
    widget = make(case)
    widget.category_boxes["hedging"].value = True
    content = tag_file(case, "Ada", {"p045": []})

    def full_disk(content: bytes, name: str, anyway: bool = False) -> str:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(widget.exercise, "try_restore", full_disk)
        upload(widget, "mine.json", content)
    assert "No space left on device" in widget.restore_message.value
    upload(widget, "mine.json", content)  # the disk has room again
    assert "Restored your work from mine.json" in widget.restore_message.value
    assert saved(widget)["tags"] == {"p045": []}


def test_key_is_not_on_screen_before_check(work: Path, case) -> None:
    for exercise_id in ("hedging", "capstone"):
        widget = make(case, exercise_id)
        key = case.key[case.key["passage_id"].isin(widget.exercise.passage_ids)]
        for _ in range(3):
            widget.next_button.click()
        text = all_text(widget) + (widget._repr_mimebundle_()["text/html"] if HAS_STATIC_PREVIEW else "")
        # Unescaped, since a rationale's quotes and apostrophes are escaped in the widgets' HTML.
        leaked = [r for r in key["rationale"] if r[:60] in html.unescape(text)]
        assert not leaked
        assert "<mark" not in text and "arguable" not in text.lower()


def test_check_shows_scores_plot_and_feedback(work: Path, case) -> None:
    widget = make(case)
    widget.go_to.value = "p044"
    widget.category_boxes["hedging"].value = True
    widget.next_button.click()
    widget.category_boxes["hedging"].value = True  # p045 is arguable
    widget.next_button.click()
    widget.category_boxes["hedging"].value = False
    widget.check_button.click()
    page = widget.feedback.value
    rationale = case.key.set_index(["passage_id", "category"]).loc[("p044", "hedging"), "rationale"]
    assert '<mark class="cue">an apparent coalition attack</mark>' in page
    assert rationale[:50] in html.unescape(page)
    assert "Arguable" in page and "you tagged it, and neither is wrong" in page
    assert "<table" in page and "kappa" in page and "coverage" in page and f"3 of {N}" not in page
    assert 'alt="Your scores by category' in page and "<figcaption>" in page


@pytest.mark.skipif(not HAS_STATIC_PREVIEW, reason="the static preview is for the book (ipywidgets 8)")
def test_mime_bundle_has_widget_and_static_preview(work: Path, case) -> None:
    widget = make(case, "capstone")
    bundle = widget._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    preview = bundle["text/html"]
    assert PREVIEW_SENTENCE in preview
    for label in LABELS.values():
        assert f"> {label}</label>" in preview
    assert preview.count("disabled") >= 5 and widget.pid in preview


def test_an_error_inside_a_callback_is_a_plain_message_in_the_widget(work: Path, case, monkeypatch) -> None:
    widget = make(case)
    widget.category_boxes["hedging"].value = True

    def full_disk(self, label: str = "replaced") -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("medialit.tagfile.workspace.Workspace.keep_copy", full_disk)
    restored = {"format": "medialit-tags/1", "case": case.case_id, "saved_at": "2024-05-01T09:30:00+00:00"}
    upload(widget, "mine.json", json.dumps({**restored, "tags": {"p045": []}}).encode())  # must not raise
    said = widget.restore_message.value
    assert "No space left on device" in said and "Traceback" not in said
    assert saved(widget)["tags"] == {"p034": ["hedging"]}


def test_class_upload_uses_every_file_and_explains_bad_ones(work: Path, case) -> None:
    def tag_file(learner: str) -> bytes:
        data = {"format": "medialit-tags/1", "case": case.case_id, "learner": learner}
        return json.dumps({**data, "saved_at": "2024-05-01T09:30:00+00:00", "tags": {"p044": []}}).encode()

    view = ClassUpload(case, "hedging")
    # Two learners' autosaves carry the same name; an odd name must not break the view.
    view.show([("hedging-tags.json", tag_file("Ada")), ("hedging-tags.json", tag_file("Bo")), ("", b"{")])
    page = view.output.value
    assert "2 learner(s) scored on hedging, 1 bad file(s)" in page
    assert "Ada" in page and "Bo" in page and "is not a tag file" in page


def test_class_upload_reads_the_files_chosen_and_the_same_files_again(work: Path, case) -> None:
    view = ClassUpload(case, "hedging")
    files = [(f"{name}.json", tag_file(case, name, {"p044": []})) for name in ("Ada", "Bo")]
    choose_files(view.upload, files)
    assert "2 learner(s) scored on hedging" in view.output.value
    view.exercise.value = "capstone"  # the instructor meant another exercise: the same files again
    choose_files(view.upload, files)
    assert "2 learner(s) scored on capstone" in view.output.value


def distinct_phrases(text: str, count: int) -> list[str]:
    """``count`` different cue phrases, all pieces of ``text``."""
    phrases: list[str] = []
    for first in range(len(text)):
        for end in range(first + 1, len(text) + 1):
            phrase = " ".join(text[first:end].split())
            if phrase and ";" not in phrase and phrase.lower() not in {p.lower() for p in phrases}:
                phrases.append(phrase)
    assert len(phrases) >= count
    return phrases[:count]


def test_a_note_longer_than_the_format_allows_is_saved_up_to_the_limit_and_said(work: Path, case) -> None:
    widget = make(case)
    long = "word " * (NOTE_MAX // 5) + "and the rest"
    widget.note.value = long
    assert saved(widget)["notes"] == {"p034": long[:NOTE_MAX]}
    assert widget.note.value == long  # still in the box, so the rest can be copied
    message = html.unescape(widget.note_message.value)
    assert f"Only the first {NOTE_MAX:,} characters of your note on p034 were saved" in message
    assert f"this one has {len(long):,}" in message and 'role="status"' in message
    widget.next_button.click()
    assert widget.note_message.value == ""
    widget.note.value = "short"
    assert widget.note_message.value == "" and saved(widget)["notes"]["p035"] == "short"


def test_cue_phrases_beyond_the_limit_are_not_kept_and_said(work: Path, case) -> None:
    widget = make(case)
    phrases = distinct_phrases(widget.exercise.text("p034"), CUES_MAX + 3)
    widget.cue_boxes["hedging"].value = "; ".join(phrases)
    assert saved(widget)["cues"] == {"p034": {"hedging": phrases[:CUES_MAX]}}
    message = html.unescape(widget.cue_message.value)
    assert f"Only the first {CUES_MAX} cue phrases were kept for this tag" in message
    assert "the last 3 phrases you gave were not kept" in message


def test_a_name_longer_than_the_format_allows_is_cut_and_said(work: Path, case) -> None:
    widget = make(case)
    widget.learner.value = "A" * (LEARNER_MAX + 50)
    assert saved(widget)["learner"] == "A" * LEARNER_MAX
    assert widget.learner.value == "A" * LEARNER_MAX  # the box shows the name that is kept
    assert (
        f"has {LEARNER_MAX + 50} characters, so only its first {LEARNER_MAX} were kept" in widget.status.value
    )


def test_a_file_of_another_exercise_is_loaded_only_when_the_learner_says_so(work: Path, case) -> None:
    widget = make(case)
    widget.category_boxes["hedging"].value = True
    hedging, capstone = case.exercise("hedging").passage_ids, case.exercise("capstone").passage_ids
    both = [pid for pid in capstone if pid in hedging]
    outside = [pid for pid in capstone if pid not in hedging]
    data = {
        "format": "medialit-tags/1",
        "case": case.case_id,
        "exercise": "capstone",
        "saved_at": "2024-05-01T09:30:00+00:00",
        "tags": {pid: [] for pid in capstone},
        "notes": {outside[0]: "a note on a passage hedging does not have"},
    }
    assert widget.load_anyway.layout.display == "none"
    upload(widget, "capstone-ada.json", json.dumps(data).encode())
    assert "Nothing was restored" in widget.restore_message.value
    assert saved(widget)["tags"] == {"p034": ["hedging"]}
    assert widget.load_anyway.layout.display != "none"
    assert "capstone-ada.json was made for the capstone exercise" in widget.load_anyway_text.value
    assert widget.load_anyway_button.description == "Load it anyway"
    widget.load_anyway_button.click()
    assert saved(widget)["tags"] == {pid: [] for pid in both}
    assert saved(widget)["exercise"] == "hedging" and "notes" not in saved(widget)
    said = f"{len(outside)} passages of capstone-ada.json are not part of the hedging exercise"
    assert said in widget.restore_message.value and "so they were left out" in widget.restore_message.value
    assert widget.load_anyway.layout.display == "none" and reviewed(widget) == len(both)
    (copy,) = work.glob("hedging-tags.replaced-*.json")
    assert json.loads(copy.read_text())["tags"] == {"p034": ["hedging"]}
    upload(widget, "capstone-ada.json", json.dumps(data).encode())
    assert widget.load_anyway.layout.display != "none"
    upload(widget, "broken.json", b"{")  # another upload: the offer goes
    assert widget.load_anyway.layout.display == "none" and widget.load_anyway_text.value == ""


def focus_requests(control: widgets.Widget, monkeypatch) -> list[dict]:
    """The messages asking the front end to focus ``control``, as they are sent."""
    sent: list[dict] = []
    monkeypatch.setattr(control, "send", lambda content, buffers=None: sent.append(content))
    return sent


@pytest.mark.skipif(IPYWIDGETS_MAJOR < 8, reason="ipywidgets 7 has no focus(); the no-op is tested below")
def test_next_and_previous_move_the_focus_to_the_first_category(work: Path, case, monkeypatch) -> None:
    widget = make(case, "capstone")
    first = widget.category_boxes["attribution"]
    sent = focus_requests(first, monkeypatch)
    widget.next_button.click()
    assert sent == [{"do": "focus"}]
    widget.previous_button.click()
    assert sent == [{"do": "focus"}, {"do": "focus"}]
    widget.previous_button.click()  # no passage before the first: the focus stays on Previous
    assert len(sent) == 2


def test_focus_is_a_no_op_where_ipywidgets_cannot_focus() -> None:
    from medialit.widgets.controls import focus

    class Old:  # an ipywidgets 7 control: no focus()
        pass

    focus(Old())  # must not raise


def test_the_jump_list_shows_each_passages_opening_words(work: Path, case) -> None:
    widget = make(case)
    labels = dict((value, label) for label, value in widget.go_to.options)
    words = " ".join(str(case.passages.loc["p034", "text"]).split()[:6])
    assert labels["p034"].startswith(f"1 of {N} · p034: ") and words in labels["p034"]


def test_the_widget_carries_its_stylesheet_and_classes(work: Path, case) -> None:
    widget = make(case)
    style = widget.children[0].value
    assert style.startswith("<style>") and "outline: 3px solid #000" in style and "flex-wrap: wrap" in style
    assert "medialit-widget" in widget._dom_classes
    rows = [child for child in widget.children if "medialit-row" in getattr(child, "_dom_classes", ())]
    assert widget.next_button in [button for row in rows for button in row.children]
    widget.download_button.click()
    assert 'class="medialit-download"' in widget.download_link.value


def test_restore_messages_are_beside_the_control_and_starting_fresh_goes(work: Path, case) -> None:
    widget = make(case)
    assert widget.upload.description == "Restore from file"  # the same on ipywidgets 7 and 8
    assert "Starting fresh" in widget.status.value
    upload(widget, "broken.json", b"{")
    assert 'class="medialit-error"' in widget.restore_message.value
    assert "Nothing was restored" not in widget.status.value
    children = list(widget.children)
    assert children.index(widget.restore_message) == children.index(widget.upload_row) + 1
    upload(widget, "mine.json", tag_file(case, "", {"p044": ["hedging"]}))
    assert "Restored your work from mine.json" in widget.restore_message.value
    assert "medialit-error" not in widget.restore_message.value
    assert "Starting fresh" not in widget.status.value
    assert widget.exercise.message.startswith("Restored your work from mine.json")


def test_a_restore_whose_save_fails_keeps_saying_so(work: Path, case, monkeypatch) -> None:
    widget = make(case)

    with monkeypatch.context() as patch:
        patch.setattr(Path, "replace", full_disk)
        upload(widget, "mine.json", tag_file(case, "", {"p044": ["hedging"]}))
    assert "Restored your work from mine.json" in widget.restore_message.value
    assert "Could not save" in widget.status.value and "Starting fresh" not in widget.status.value
