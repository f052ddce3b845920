"""The instructor notebook's upload box: a class report for the instructor's own tag files."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from medialit.case.model import Case
from medialit.rendering.report_view import report_html
from medialit.scoring.class_report import build_report
from medialit.tagfile.folder import load_uploads
from medialit.widgets.controls import clear_upload, guarded, status_html, uploaded_files

UPLOAD_PREVIEW = (
    "Here the notebook shows an upload control (Add class files). This is a preview: launch the "
    "notebook on Binder or Colab with the buttons at the top of the page to upload your class's files."
)


class ClassUpload(widgets.VBox):
    """A FileUpload for an instructor's own tag files; shows the class report for them."""

    def __init__(self, case: Case, exercise: str = "capstone") -> None:
        self.case = case
        self.exercise = exercise
        self.upload = widgets.FileUpload(description="Add class files", accept=".json,.csv", multiple=True)
        self.output = widgets.HTML()
        self.upload.observe(guarded(self._on_upload, self._show_message), "value")
        super().__init__(children=[self.upload, self.output])

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        """The widget view plus a ``text/html`` note for static pages, where uploading cannot work."""
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        bundle["text/html"] = f"<p><em>{html.escape(UPLOAD_PREVIEW)}</em></p>"
        return bundle

    def show(self, files: list[tuple[str, bytes]]) -> None:
        """Build and show the report for uploaded ``(name, content)`` files."""
        if not files:
            return
        tagsets, errors = load_uploads(files, self.case)
        self.output.value = report_html(build_report(tagsets, self.case, self.exercise, errors))

    def _on_upload(self, change: dict[str, Any]) -> None:
        files = uploaded_files(change["new"])
        if files:
            clear_upload(self.upload)  # so the same files can be added again
            self.show(files)

    def _show_message(self, message: str) -> None:
        self.output.value = status_html(message)
