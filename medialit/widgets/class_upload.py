"""The instructor notebook's upload box: a class report for the instructor's own tag files.

The exercise is chosen in the page (a labelled drop-down, by default the exercise the files
record), so it can be changed in Voila too; changing it shows the report again for the files
already uploaded.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from medialit.case.model import Case
from medialit.rendering.report_view import report_html
from medialit.scoring.class_report import class_report
from medialit.tagfile.folder import load_uploads
from medialit.widgets.controls import WIDE, clear_upload, guarded, status_html, uploaded_files

UPLOAD_PREVIEW = (
    "Here the notebook shows an upload control (Add class files) and a choice of exercise. This "
    "is a preview: launch the notebook on Binder or Colab with the buttons at the top of the page "
    "to upload your class's files."
)
#: The drop-down's first choice (its value is ""): let the files say which exercise they are for.
FROM_FILES = "The exercise the files record"


def exercise_options(case: Case) -> list[tuple[str, str]]:
    """The drop-down's ``(label, exercise id)`` choices: from the files first, then every exercise."""
    return [(FROM_FILES, ""), *((f"{case.exercise(e).title} ({e})", e) for e in case.exercise_ids)]


class ClassUpload(widgets.VBox):
    """A FileUpload for an instructor's own tag files and a choice of exercise; shows the class report."""

    def __init__(self, case: Case, exercise: str | None = None) -> None:
        self.case = case
        self.files: list[tuple[str, bytes]] = []  # the files the report is shown for
        self.upload = widgets.FileUpload(description="Add class files", accept=".json,.csv", multiple=True)
        self.exercise = widgets.Dropdown(
            options=exercise_options(case), value=exercise or "", description="Exercise", style=WIDE
        )
        self.output = widgets.HTML()
        self.upload.observe(guarded(self._on_upload, self._show_message), "value")
        self.exercise.observe(guarded(lambda change: self._render(), self._show_message), "value")
        super().__init__(children=[self.exercise, self.upload, self.output])

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        """The widget view plus a ``text/html`` note for static pages, where uploading cannot work."""
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        bundle["text/html"] = f"<p><em>{html.escape(UPLOAD_PREVIEW)}</em></p>"
        return bundle

    def show(self, files: list[tuple[str, bytes]]) -> None:
        """Build and show the report for uploaded ``(name, content)`` files."""
        if not files:
            return
        self.files = files
        self._render()

    def _render(self) -> None:
        """Show the report for :attr:`files` on the chosen exercise (nothing before an upload)."""
        if not self.files:
            return
        files = load_uploads(self.files, self.case)
        report = class_report(files, self.case, self.exercise.value or None)
        self.output.value = report_html(report)

    def _on_upload(self, change: dict[str, Any]) -> None:
        files = uploaded_files(change["new"])
        if files:
            clear_upload(self.upload)  # so the same files can be added again
            self.show(files)

    def _show_message(self, message: str) -> None:
        self.output.value = status_html(message)
