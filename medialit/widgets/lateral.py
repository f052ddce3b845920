"""The lateral-reading widget: one task at a time; commit an answer, and only then see what the course found.

Every control is a standard ipywidgets input or button with a visible description:

=====================  ===========================================================================
attribute              control (description)
=====================  ===========================================================================
``progress``           HTML "3 of 7 tasks committed"
``task_picker``        Dropdown "Task" (a tick marks the tasks already committed)
``previous_button``    Button "Previous task"
``next_button``        Button "Next task"
``question``           HTML: the kind of question, the article's words (from the case), the question
``choices``            RadioButtons "Your answer" (nothing picked at first)
``search``             Textarea "What would you search? (optional)"
``commit_button``      Button "Commit my answer"
``reveal``             HTML, empty until the task's answer is committed: the verdict, what the
                       course found, every choice with why, the searches, the ledger's addresses
                       and any correction; it sits in ``reveal_box``, which takes the focus after
                       a commit (where ipywidgets can move it: 8.1 and later)
``download_button``    Button "Download my answers" (reveals ``download_link``, a button-like link to
                       ``lateral-<learner>-<code>-<date>-answers.json``, kept up to date from then on)
``upload``             FilePicker "Restore from file" (.json): adds a downloaded file's answers to
                       the tasks not committed here; what it did is said in ``restore_message``
``status``             HTML: where the answers are saved, what a save said
=====================  ===========================================================================

Nothing of what the course found is in any widget value before "Commit my answer" is pressed
for that task (:meth:`medialit.session.lateral.LateralSession.reveal` refuses it). A committed
answer stands: its controls are disabled, and running the cell again shows it, and its reveal,
from the saved file. A restore never changes it either, and a file that holds another learner's
answers restores nothing (:meth:`medialit.session.lateral.LateralSession.restore`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ipywidgets as widgets
from IPython.display import display

from medialit.case.loading import load_case
from medialit.case.model import Case
from medialit.rendering.lateral import TITLE, reveal_html, task_html
from medialit.session.lateral import LateralSession
from medialit.tagfile.answer_store import AnswerStore
from medialit.tagfile.workspace import readable_time
from medialit.widgets.controls import (
    STYLE,
    WIDE,
    _button,
    download_link_html,
    error_html,
    focus,
    guarded,
    status_html,
)
from medialit.widgets.file_picker import FilePicker

PREVIEW_SENTENCE = (
    "This is a preview: do the tasks on the book's page Lateral reading, or launch this notebook on "
    "Binder or Colab with the buttons at the top of the page."
)


class LateralWidget(widgets.VBox):
    """The view of a :class:`~medialit.session.lateral.LateralSession` (see the module docstring)."""

    def __init__(self, session: LateralSession) -> None:
        self.session = session
        self.at = 0
        self.progress = widgets.HTML()
        self.task_picker = widgets.Dropdown(description="Task", style=WIDE)
        self.previous_button = _button("Previous task")
        self.next_button = _button("Next task")
        self.question = widgets.HTML()
        self.choices = widgets.RadioButtons(description="Your answer", options=[], value=None, style=WIDE)
        self.search = widgets.Textarea(description="What would you search? (optional)", style=WIDE)
        self.commit_button = _button("Commit my answer")
        self.reveal = widgets.HTML()
        self.reveal_box = widgets.VBox([self.reveal])
        if self.reveal_box.has_trait("tabbable"):  # ipywidgets 8.1: focusable by script, not by Tab
            self.reveal_box.tabbable = False
        self.download_button = _button("Download my answers")
        self.download_link = widgets.HTML()
        self._download_shown = False
        self.upload = FilePicker("Restore from file", accept=".json")
        self.restore_message = widgets.HTML()
        self.status = widgets.HTML(status_html(session.message))
        row = widgets.HBox([self.previous_button, self.next_button, self.task_picker])
        files = widgets.HBox([self.download_button, self.upload])
        for box in (row, files):
            box.add_class("medialit-row")
        super().__init__(
            [
                widgets.HTML(STYLE + f"<p><strong>{TITLE}</strong></p>"),
                self.progress,
                row,
                self.question,
                self.choices,
                self.search,
                self.commit_button,
                self.reveal_box,
                self.status,
                files,
                self.restore_message,
                self.download_link,
            ]
        )
        self.add_class("medialit-widget")
        say = self._say_error
        self.previous_button.on_click(guarded(lambda _: self.go(self.at - 1), say))
        self.next_button.on_click(guarded(lambda _: self.go(self.at + 1), say))
        self.commit_button.on_click(guarded(lambda _: self.commit(), say))
        self.task_picker.observe(guarded(self._picked, say), names="index")
        self.download_button.on_click(guarded(lambda _: self.show_download(), say))
        self.upload.on_files(guarded(self._on_upload, self._say_restore_error), self._say_restore_error)
        session.on_change(self.draw)
        self.draw()

    @property
    def task_id(self) -> str:
        """The id of the task shown."""
        return self.session.tasks[self.at].task_id

    def _say_error(self, message: str) -> None:
        self.status.value = error_html(message)

    def _say_restore_error(self, message: str) -> None:
        self.restore_message.value = error_html(message)

    def _picked(self, change: dict[str, Any]) -> None:
        if change["new"] is not None and change["new"] != self.at:
            self.go(change["new"])

    def go(self, index: int) -> None:
        """Show task number ``index`` (counted from 0), if there is one."""
        if 0 <= index < len(self.session.tasks):
            self.at = index
            self.draw()

    def commit(self) -> None:
        """Commit the chosen answer, then show what the course found and move the focus there."""
        if self.choices.value is None:
            self.status.value = error_html(
                "Pick an answer first: the course shows what it found once you commit."
            )
            return
        said = self.session.commit(self.task_id, self.choices.value, self.search.value)
        self.status.value = status_html(
            said or f"Your answer is committed and saved to {self.session.store.name}."
        )
        focus(self.reveal_box)

    def show_download(self) -> None:
        """Reveal (and from now on keep up to date) the link that downloads the answers file."""
        self._download_shown = True
        self.download_link.value = self._download_html()

    def _download_html(self) -> str:
        session = self.session
        saved_at = session.answers.saved_at
        saved = f"saved at {readable_time(saved_at)}" if saved_at else "none saved yet"
        about = f"{session.committed_count()} of {len(session.tasks)} tasks committed, {saved}."
        return download_link_html(session.json_text(), session.download_name(), "Save my answers file", about)

    def _on_upload(self, files: list[tuple[str, bytes]]) -> None:
        self.restore(*files[0])

    def restore(self, name: str, content: bytes) -> None:
        """Restore the answers of an uploaded file (``name``, its bytes) and say what happened beside it."""
        outcome = self.session.restore(content, name)
        self.restore_message.value = (status_html if outcome.restored else error_html)(outcome.message)

    def draw(self) -> None:
        """Show the current task, with its reveal only if its answer is committed."""
        session, task = self.session, self.session.tasks[self.at]
        self.progress.value = (
            f'<p data-committed="{session.committed_count()}">{session.committed_count()} of '
            f"{len(session.tasks)} tasks committed</p>"
        )
        labels = [
            f"{'✓ ' if session.is_committed(t.task_id) else ''}{number}. {t.kind_label}"
            for number, t in enumerate(session.tasks, start=1)
        ]
        if list(self.task_picker.options) != labels:
            self.task_picker.options = labels
        self.task_picker.index = self.at
        self.previous_button.disabled = self.at == 0
        self.next_button.disabled = self.at == len(session.tasks) - 1
        self.question.value = str(task_html(session.case, task, self.at + 1))
        self.choices.options = [(f"({c.choice_id}) {c.text}", c.choice_id) for c in task.choices]
        committed = session.is_committed(task.task_id)
        for control in (self.choices, self.search, self.commit_button):
            control.disabled = committed
        if committed:
            shown, chosen, answer = session.reveal(task.task_id)
            self.choices.value = chosen.choice_id
            self.search.value = answer.search
            self.reveal.value = str(reveal_html(session.case, shown, chosen, answer))
        else:
            self.choices.value = None
            self.search.value = ""
            self.reveal.value = ""
        if self._download_shown:
            self.download_link.value = self._download_html()

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        """The widget view plus a ``text/html`` preview for static pages (the first question, no answers)."""
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        first = task_html(self.session.case, self.session.tasks[0], 1)
        bundle["text/html"] = (
            '<div class="medialit-preview" style="border:1px solid #999;padding:0.6em 1em">'
            f"<p><strong>{TITLE}</strong></p>{first}<p><strong>{PREVIEW_SENTENCE}</strong></p></div>"
        )
        return bundle


class LateralReading(LateralSession):
    """A lateral-reading session in a notebook: the session and its widget."""

    _widget: LateralWidget | None = None

    def view(self) -> LateralWidget:
        """The widget for this session (made once)."""
        if self._widget is None:
            self._widget = LateralWidget(self)
        return self._widget

    def show(self) -> None:
        """Display the widget."""
        display(self.view())


def start(
    learner: str | None = None,
    case: Case | None = None,
    folder: Path | str | None = None,
    quiet: bool = False,
) -> LateralReading:
    """Start (or resume) the lateral-reading tasks; prints where the answers are saved unless ``quiet``.

    ``learner`` (optional) is saved in the file and names it (``lateral-josé-1a2b3c4d-answers.json``);
    ``folder`` overrides the work folder (default: :func:`medialit.tagfile.workspace.work_dir`).
    """
    case = case or load_case()
    store = AnswerStore.for_learner(case.case_id, case.lateral, learner, Path(folder) if folder else None)
    reading = LateralReading(case, store, learner)
    if not quiet:
        print(reading.message)
    return reading
