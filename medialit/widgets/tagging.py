"""The tagging widget: one passage at a time, a checkbox per category, autosave, check, files.

Every control is a standard ipywidgets input or button (or, to restore a file, a labelled file
input) with a visible description (its accessible name), so the widget is usable from the
keyboard and easy to drive in tests:

===========================  ==================================================================
attribute                    control (description)
===========================  ==================================================================
``learner``                  Text "Your name or code (optional)"
``progress``                 HTML progress bar (role ``progressbar``, "Reviewed", "12 of 29 reviewed")
``previous_button``          Button "Previous"
``next_button``              Button "Next"
``go_to``                    Dropdown "Go to passage" (position, id and opening words of each)
``only_unreviewed``          Checkbox "Only passages not yet reviewed"
``category_boxes[id]``       Checkbox per category, labelled from the taxonomy ("Hedging", ...)
``no_technique_box``         Checkbox "Reviewed: no technique"
``cue_boxes[id]``            Text "Which words?" (with the category in brackets when several)
``note``                     Textarea "Note"
``confidence``               RadioButtons "How sure are you of this answer?" (Not sure, Fairly
                             sure, Sure), only in an exercise that asks for it (a test form)
``check_button``             Button "Check my answers"
``download_button``          Button "Download my tags" (reveals ``download_link``, a button-like link)
``upload``                   FilePicker "Restore from file" (.json or .csv,
                             :mod:`medialit.widgets.file_picker`); what a restore did is said in
                             ``restore_message``, beside it
``load_anyway_button``       Button "Load it anyway", shown (in ``load_anyway``, with a sentence)
                             when an uploaded file was made for another exercise
``kernel_watch``             KernelWatch: once the kernel is gone, says so in words and
                             disables the controls (:mod:`medialit.widgets.kernel_watch`)
===========================  ==================================================================

The key is never in any widget value until "Check my answers" is pressed. Typing or changing the
name moves the work to that name's file, and the status line says where the work now is (see
:meth:`medialit.session.tagging.TaggingSession.rename`); Download my tags offers
``<exercise>-<learner>-<date>-tags.json``, so no two learners' downloads share a name.
Nothing is cut
silently: a note, cue phrases or a name longer than the format allows is kept up to its limit,
and a sentence beside the control says so (the note box keeps the whole text until the learner
moves on, so the rest can still be copied).

**Focus and layout.** After Previous or Next the keyboard focus moves to the first category
checkbox (:func:`medialit.widgets.controls.focus`, a no-op where ipywidgets cannot focus), so a
passage costs a few key presses. :data:`medialit.widgets.controls.STYLE` gives the widget focus
rings of 3 px, rows that wrap at phone width (no button shrinks to one letter), touch targets of
at least 24 px and a download link drawn as a button.

**Display.** :meth:`TaggingWidget._repr_mimebundle_` returns the usual widget view
(``application/vnd.jupyter.widget-view+json``) *and* a ``text/html`` static preview (the
first passage, the category checkboxes drawn disabled, and a sentence pointing to the launch
buttons). Live front ends (JupyterLab, Notebook 7, Voila, Colab) render the widget; a static
page such as the Jupyter Book's HTML build can prefer ``text/html`` and show the preview.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import partial
from typing import Any

import ipywidgets as widgets

from medialit.rendering.check import CheckResult
from medialit.rendering.confidence_words import CONFIDENCE_QUESTION
from medialit.rendering.inpage import preview_marker
from medialit.scoring.calibration import CONFIDENCE_LABELS, CONFIDENCE_LEVELS
from medialit.session.tagging import Progress, RestoreOutcome, TaggingSession
from medialit.tagfile.workspace import readable_time
from medialit.widgets.controls import (
    STYLE,
    WIDE,
    _button,
    _checkbox,
    _choice,
    download_link_html,
    error_html,
    focus,
    guarded,
    status_html,
)
from medialit.widgets.file_picker import FilePicker
from medialit.widgets.kernel_watch import TAGGING_CLASS, KernelWatch

PREVIEW_SENTENCE = (
    "This is a preview: launch the notebook on Binder or Colab with the buttons at the top of "
    "the page to tag passages."
)


def split_phrases(value: str) -> list[str]:
    """Cue phrases typed in one box, separated by semicolons or line breaks."""
    return [part.strip() for part in value.replace("\n", ";").split(";") if part.strip()]


def tags_download_html(exercise: TaggingSession) -> str:
    """A JavaScript-free download link: the current tag file as a ``data:`` URI."""
    about = f"{exercise.progress()}, saved at {readable_time(exercise.tagset.saved_at)}."
    return download_link_html(exercise.json_text(), exercise.download_name(), "Save my tags file", about)


def opening_words(text: str, count: int = 6) -> str:
    """The first ``count`` words of a passage, with an ellipsis if there are more."""
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def progress_html(progress: Progress) -> str:
    """The progress bar: a ``progressbar`` with its values for assistive technology, and a text."""
    done, total = progress.reviewed, progress.total
    width = round(100 * done / total) if total else 0
    text = html.escape(str(progress))
    return (
        f'<div class="medialit-progress" role="progressbar" aria-label="Reviewed" aria-valuemin="0" '
        f'aria-valuemax="{total}" aria-valuenow="{done}" aria-valuetext="{text}" '
        f'data-reviewed="{done}" data-total="{total}">'
        f'<span class="medialit-bar"><span style="width:{width}%"></span></span> {text}</div>'
    )


def place_text(exercise: TaggingSession, index: int) -> str:
    """Where a passage is: section, position in the exercise, id and kind."""
    pid = exercise.passage_ids[index]
    row = exercise.case.passages.loc[pid]
    kind = "" if row["kind"] == "sentence" else f" ({row['kind']})"
    return f"Section: {row['section']} · passage {index + 1} of {len(exercise.passage_ids)} · id {pid}{kind}"


def context_html(exercise: TaggingSession, index: int) -> str:
    """The passage with its neighbours in the article (dimmed) for context."""
    passages = exercise.case.passages
    order = list(passages.index)
    position = order.index(exercise.passage_ids[index])
    parts = []
    for offset, label in ((-1, "Before"), (0, "This passage"), (1, "After")):
        where = position + offset
        if not 0 <= where < len(order):
            continue
        text = html.escape(str(passages.iloc[where]["text"]))
        pid = html.escape(order[where])
        if offset:
            parts.append(f'<p style="opacity:0.7;margin:0.3em 0">{label} ({pid}): {text}</p>')
        else:
            parts.append(
                '<p style="font-size:1.15em;border-left:4px solid #0072B2;padding:0.3em 0.6em;'
                f'margin:0.4em 0"><strong>{label} ({pid}):</strong> {text}</p>'
            )
    return "".join(parts)


def static_preview_html(exercise: TaggingSession) -> str:
    """The ``text/html`` stand-in for a static page: first passage, disabled checkboxes, a note."""
    prefix = f"medialit-preview-{exercise.exercise_id}"
    boxes = "".join(
        f'<span style="margin-right:1em"><input type="checkbox" disabled id="{prefix}-{c}">'
        f'<label for="{prefix}-{c}"> {html.escape(label)}</label></span>'
        for c, label in exercise.labels.items()
    )
    boxes += (
        f'<span><input type="checkbox" disabled id="{prefix}-none">'
        f'<label for="{prefix}-none"> Reviewed: no technique</label></span>'
    )
    buttons = "".join(
        f'<button type="button" disabled>{name}</button> '
        for name in ("Previous", "Next", "Check my answers", "Download my tags")
    )
    return (
        f'<div class="medialit-preview" {preview_marker(exercise.case.case_id, exercise.exercise_id)} '
        'style="border:1px solid #999;padding:0.6em 1em">'
        f"<p><strong>{html.escape(exercise.spec.title)}</strong></p>"
        f"<p>{html.escape(place_text(exercise, 0))}</p>{context_html(exercise, 0)}"
        f"<p>{boxes}</p><p>{buttons}</p><p><strong>{PREVIEW_SENTENCE}</strong></p></div>"
    )


class TaggingWidget(widgets.VBox):
    """The tagging view of a :class:`~medialit.session.tagging.TaggingSession` (see the module docstring).

    ``check`` compares the work with the key; "Check my answers" shows what it returns.
    """

    def __init__(self, exercise: TaggingSession, check: Callable[[], CheckResult]) -> None:
        self.exercise = exercise
        self.check = check
        self.index = 0
        self._syncing = False
        self._download_shown = False
        many = len(exercise.categories) > 1
        self.heading = widgets.HTML(f"<h3>{html.escape(exercise.spec.title)}</h3>")
        self.status = widgets.HTML(status_html(exercise.message))
        self._said = exercise.message  # the session's message the status last showed
        self.learner = widgets.Text(
            value=exercise.learner or "",
            description="Your name or code (optional)",
            continuous_update=False,
            style=WIDE,
        )
        self.progress = widgets.HTML()
        self.place = widgets.HTML()
        self.context = widgets.HTML()
        self.previous_button = _button("Previous")
        self.next_button = _button("Next")
        self.go_to = widgets.Dropdown(description="Go to passage", style=WIDE)
        self.only_unreviewed = _checkbox("Only passages not yet reviewed")
        self.nav_message = widgets.HTML()
        self.category_boxes = {c: _checkbox(label) for c, label in exercise.labels.items()}
        self.no_technique_box = _checkbox("Reviewed: no technique")
        self.cue_boxes = {
            c: widgets.Text(
                description=f"Which words? ({label})" if many else "Which words?",
                placeholder="optional: copy words from the passage; separate phrases with ;",
                continuous_update=False,
                style=WIDE,
                layout=widgets.Layout(width="95%"),
            )
            for c, label in exercise.labels.items()
        }
        self.cue_message = widgets.HTML()
        self.note = widgets.Textarea(
            description="Note",
            placeholder="optional",
            continuous_update=False,
            layout=widgets.Layout(width="95%"),
        )
        self.note_message = widgets.HTML()
        self.confidence = _choice(CONFIDENCE_QUESTION, [(CONFIDENCE_LABELS[c], c) for c in CONFIDENCE_LEVELS])
        self.confidence.layout.display = None if exercise.asks_confidence else "none"
        self.check_button = _button("Check my answers")
        self.download_button = _button("Download my tags")
        self.upload = FilePicker("Restore from file", accept=".json,.csv")
        self.restore_message = widgets.HTML()  # shown just below the upload's row
        self.load_anyway_text = widgets.HTML()
        self.load_anyway_button = _button("Load it anyway")
        self.load_anyway = widgets.HBox(
            [self.load_anyway_text, self.load_anyway_button], layout=widgets.Layout(display="none")
        )
        self._waiting: tuple[bytes, str] | None = None  # the upload "Load it anyway" would restore
        self.download_link = widgets.HTML()
        self.feedback = widgets.HTML()
        self.kernel_watch = KernelWatch(exercise)
        self._connect()
        super().__init__(children=self._layout())
        self.add_class("medialit-widget")
        self.add_class(TAGGING_CLASS)
        exercise.on_change(self._after_change)
        self._refresh_progress()
        self._refresh_go_to()
        self._show(self._first_unreviewed())

    # --- layout ------------------------------------------------------------------------------

    def _layout(self) -> list[widgets.Widget]:
        def row(*children: widgets.Widget) -> widgets.HBox:
            box = widgets.HBox(list(children))
            box.add_class("medialit-row")  # wraps at phone width (see STYLE)
            return box

        self.upload_row = row(self.check_button, self.download_button, self.upload)
        return [
            widgets.HTML(STYLE),
            self.heading,
            self.kernel_watch,
            self.status,
            self.learner,
            self.progress,
            self.place,
            self.context,
            row(*self.category_boxes.values(), self.no_technique_box),
            *self.cue_boxes.values(),
            self.cue_message,
            self.note,
            self.note_message,
            self.confidence,
            row(self.previous_button, self.next_button, self.go_to, self.only_unreviewed),
            self.nav_message,
            self.upload_row,
            self.restore_message,
            self.load_anyway,
            self.download_link,
            self.feedback,
        ]

    def _connect(self) -> None:
        def on_value(control: widgets.Widget, callback: Callable[[Any], None]) -> None:
            control.observe(guarded(lambda change: callback(change["new"]), self._show_status), "value")

        def on_click(button: widgets.Button, callback: Callable[[], None]) -> None:
            button.on_click(guarded(lambda _: callback(), self._show_status))

        for category, box in self.category_boxes.items():
            on_value(box, partial(self._on_category, category))
        for category, box in self.cue_boxes.items():
            on_value(box, partial(self._on_cue, category))
        on_value(self.no_technique_box, self._on_no_technique)
        on_value(self.note, self._on_note)
        on_value(self.confidence, self._on_confidence)
        on_value(self.learner, self._on_learner)
        on_value(self.go_to, self._on_go_to)
        on_value(self.only_unreviewed, lambda _: self._refresh_go_to())
        self.upload.on_files(guarded(self._on_upload, self._show_restore_error), self._show_restore_error)
        on_click(self.previous_button, lambda: self.step(-1))
        on_click(self.next_button, lambda: self.step(1))
        on_click(self.check_button, self.show_check)
        on_click(self.download_button, self.show_download)
        self.load_anyway_button.on_click(guarded(lambda _: self._on_load_anyway(), self._show_restore_error))

    def _show_status(self, message: str) -> None:
        self.status.value = status_html(message)
        self._said = self.exercise.message

    def _show_restore_error(self, message: str) -> None:
        self.restore_message.value = error_html(message)

    # --- state -> view ---------------------------------------------------------------------------

    @property
    def pid(self) -> str:
        """The passage on screen."""
        return self.exercise.passage_ids[self.index]

    def _wanted(self, index: int) -> bool:
        return not (
            self.only_unreviewed.value and self.exercise.is_reviewed(self.exercise.passage_ids[index])
        )

    def _first_unreviewed(self) -> int:
        ids = self.exercise.passage_ids
        return next((i for i, pid in enumerate(ids) if not self.exercise.is_reviewed(pid)), 0)

    def _show(self, index: int) -> None:
        self.index = index
        exercise, pid = self.exercise, self.pid
        self._syncing = True
        try:
            self.place.value = (
                f'<p class="medialit-place" data-passage-id="{html.escape(pid)}" data-position="{index + 1}">'
                f"{html.escape(place_text(exercise, index))}</p>"
            )
            self.context.value = context_html(exercise, index)
            tags = exercise.tags_of(pid)
            for category, box in self.category_boxes.items():
                box.value = category in tags
                self.cue_boxes[category].value = "; ".join(exercise.cues_of(pid, category))
            self.no_technique_box.value = exercise.is_no_technique(pid)
            self.note.value = exercise.note_of(pid)
            self.confidence.value = exercise.confidence_of(pid) if exercise.asks_confidence else None
            self.learner.value = exercise.learner or ""
            if pid not in {value for _, value in self.go_to.options}:
                self._refresh_go_to()
            self.go_to.value = pid
        finally:
            self._syncing = False

    def _refresh_progress(self) -> None:
        self.progress.value = progress_html(self.exercise.progress())

    def _refresh_go_to(self) -> None:
        exercise = self.exercise
        total = len(exercise.passage_ids)
        options = [
            (
                f"{i + 1} of {total} · {pid}{' · reviewed' if exercise.is_reviewed(pid) else ''}: "
                f"{opening_words(str(exercise.case.passages.loc[pid, 'text']))}",
                pid,
            )
            for i, pid in enumerate(exercise.passage_ids)
            if self._wanted(i) or i == self.index
        ]
        syncing, self._syncing = self._syncing, True
        try:
            self.go_to.options = options
            self.go_to.value = self.pid
        finally:
            self._syncing = syncing

    def _after_change(self) -> None:
        self._refresh_progress()
        self._refresh_go_to()
        self._show(self.index)
        if self._download_shown:
            self.download_link.value = tags_download_html(self.exercise)
        if self.exercise.message != self._said:  # a save failed, worked again, or merged another tab's work
            self._show_status(self.exercise.message)

    # --- view -> state ---------------------------------------------------------------------------

    def _unless_syncing(self, action: Any, *args: Any) -> None:
        if not self._syncing:
            action(*args)

    def _on_category(self, category: str, ticked: bool) -> None:
        if self._syncing:
            return
        (self.exercise.tag if ticked else self.exercise.untag)(self.pid, category)

    def _on_no_technique(self, ticked: bool) -> None:
        if self._syncing:
            return
        (self.exercise.no_technique if ticked else self.exercise.unreview)(self.pid)

    def _on_cue(self, category: str, value: str) -> None:
        if self._syncing:
            return
        was_tagged = category in self.exercise.tags_of(self.pid)
        said = self.exercise.set_cues(self.pid, category, split_phrases(value))
        messages = [said] if said else []
        if not was_tagged and category in self.exercise.tags_of(self.pid):
            messages.append(f"{self.exercise.labels[category]} is now ticked for this passage.")
        self.cue_message.value = status_html(" ".join(messages))

    def _on_note(self, value: str) -> None:
        if self._syncing:
            return
        said = self.exercise.set_note(self.pid, value)
        if said:  # the box keeps the whole text, so the rest can still be copied
            self._set_quietly(self.note, value)
        self.note_message.value = status_html(said)

    def _on_confidence(self, level: str | None) -> None:
        if not self._syncing:
            self.exercise.set_confidence(self.pid, level)

    def _on_learner(self, value: str) -> None:
        """A name typed or changed: the work moves to that name's file, and the status says where.

        If the name had to be cut, the box shows it as kept and the status says so too.
        """
        if self._syncing:
            return
        said = self.exercise.set_learner(value)  # redrawn by _after_change, the name as saved included
        if said:
            self._set_quietly(self.learner, self.exercise.learner or "")
        self._show_status(" ".join(filter(None, [self.exercise.message, said])))

    def _set_quietly(self, control: widgets.Widget, value: Any) -> None:
        """Show ``value`` in a control without it counting as the learner's change."""
        self._syncing = True
        try:
            control.value = value
        finally:
            self._syncing = False

    def _on_go_to(self, pid: str | None) -> None:
        if self._syncing or pid is None:
            return
        self.nav_message.value = ""
        self.cue_message.value = self.note_message.value = ""
        self._show(self.exercise.passage_ids.index(pid))

    def _on_upload(self, files: list[tuple[str, bytes]]) -> None:
        name, content = files[0]
        self._restore(content, name)

    def _on_load_anyway(self) -> None:
        if self._waiting is not None:
            self._restore(*self._waiting, anyway=True)

    def _restore(self, content: bytes, name: str, anyway: bool = False) -> None:
        """Restore an upload and show what happened; offer "Load it anyway" for another exercise's file."""
        outcome = self.exercise.try_restore(content, name, anyway)
        self.restore_message.value = (status_html if outcome.restored else error_html)(outcome.message)
        self._offer_load_anyway(outcome, content, name)
        if not outcome.restored:
            return
        # What the status said (such as "Starting fresh.") is over; the restore is said beside the
        # control, so the status is left empty unless the session says more (a save that failed).
        self._show_status("" if self.exercise.message == outcome.message else self.exercise.message)
        self.feedback.value = ""
        self._set_quietly(self.learner, self.exercise.learner or "")
        self._refresh_go_to()
        self._show(self._first_unreviewed())

    def _offer_load_anyway(self, outcome: RestoreOutcome, content: bytes, name: str) -> None:
        other = outcome.other_exercise
        self._waiting = (content, name) if other else None
        self.load_anyway.layout.display = None if other else "none"
        self.load_anyway_text.value = (
            f"<p>{html.escape(name)} was made for the {html.escape(str(other))} exercise. Load it anyway "
            f"to restore only its {html.escape(self.exercise.exercise_id)} passages here (your current "
            "work is kept in a copy first).</p>"
            if other
            else ""
        )

    # --- actions ---------------------------------------------------------------------------------

    def step(self, direction: int) -> None:
        """Move to the previous (-1) or next (+1) passage, skipping reviewed ones if filtered."""
        candidates = range(
            self.index + direction, -1 if direction < 0 else len(self.exercise.passage_ids), direction
        )
        target = next((i for i in candidates if self._wanted(i)), None)
        self.cue_message.value = self.note_message.value = ""
        if target is None:
            where = "before" if direction < 0 else "after"
            waiting = " waiting for review" if self.only_unreviewed.value else ""
            self.nav_message.value = status_html(f"There is no passage{waiting} {where} this one.")
            return
        self.nav_message.value = ""
        self._show(target)
        focus(next(iter(self.category_boxes.values())))

    def show_check(self) -> None:
        """Compare with the key and show the scores, the plot and the feedback."""
        self.feedback.value = self.check().to_html()

    def show_download(self) -> None:
        """Reveal (and from now on refresh) the download link for the current tag file."""
        self._download_shown = True
        self.download_link.value = tags_download_html(self.exercise)

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        """The widget view plus a ``text/html`` static preview (see the module docstring)."""
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        bundle["text/html"] = static_preview_html(self.exercise)
        return bundle
