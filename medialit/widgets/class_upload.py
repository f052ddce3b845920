"""The instructor notebook's class box: a class report for the instructor's own tag files.

The files come from an upload, or from a folder typed into the page (on a computer of one's
own or a JupyterHub, where the files are already beside the notebook); a folder that is not
there gets one plain sentence, by the control. The exercise is chosen in the page (a labelled
drop-down, by default the exercise the files record), so it can be changed in Voila too;
changing it shows the report again for the same files.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from medialit.case.model import Case
from medialit.rendering.report_view import report_html
from medialit.scoring.class_report import class_report
from medialit.tagfile.folder import ClassFiles, load_folder, load_uploads
from medialit.widgets.controls import WIDE, guarded, status_html
from medialit.widgets.file_picker import FilePicker

UPLOAD_PREVIEW = (
    "Here the notebook shows an upload control (Add class files) and a choice of exercise. This "
    "is a preview: launch the notebook on Binder or Colab with the buttons at the top of the page "
    "to upload your class's files."
)
FOLDER_EXAMPLE = "submissions/05"
#: The drop-down's first choice (its value is ""): let the files say which exercise they are for.
FROM_FILES = "The exercise the files record"


def exercise_options(case: Case) -> list[tuple[str, str]]:
    """The drop-down's ``(label, exercise id)`` choices: from the files first, then every exercise."""
    return [(FROM_FILES, ""), *((f"{case.exercise(e).title} ({e})", e) for e in case.exercise_ids)]


class ClassUpload(widgets.VBox):
    """An upload or a folder of an instructor's tag files and a choice of exercise; shows the class report."""

    def __init__(self, case: Case, exercise: str | None = None) -> None:
        self.case = case
        self._read: Callable[[], ClassFiles] | None = None  # reads the files the report is shown for
        self.upload = FilePicker("Add class files", accept=".json,.csv", multiple=True)
        self.exercise = widgets.Dropdown(
            options=exercise_options(case), value=exercise or "", description="Exercise", style=WIDE
        )
        self.folder = widgets.Text(
            description="Or a folder of tag files", placeholder=FOLDER_EXAMPLE, style=WIDE
        )
        # No icon: ipywidgets' icon glyph would become part of the button's accessible name.
        self.read_folder = widgets.Button(description="Show the report", tooltip="Show the report", icon="")
        self.folder_message = widgets.HTML()
        self.output = widgets.HTML()
        self.upload.on_files(guarded(self.show, self._show_message), self._show_message)
        self.exercise.observe(guarded(lambda change: self._render(), self._show_message), "value")
        self.read_folder.on_click(
            guarded(lambda button: self.show_folder(self.folder.value), self._show_folder_message)
        )
        folder_row = widgets.HBox(
            [self.folder, self.read_folder], layout=widgets.Layout(flex_flow="row wrap")
        )
        super().__init__(children=[self.exercise, self.upload, folder_row, self.folder_message, self.output])

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        """The widget view plus a ``text/html`` note for static pages, where uploading cannot work."""
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        bundle["text/html"] = f"<p><em>{html.escape(UPLOAD_PREVIEW)}</em></p>"
        return bundle

    def show(self, files: list[tuple[str, bytes]]) -> None:
        """Build and show the report for uploaded ``(name, content)`` files."""
        if not files:
            return
        self._read = lambda: load_uploads(files, self.case)
        self._show_folder_message("")
        self._render()

    def show_folder(self, text: str) -> None:
        """Build and show the report for the tag files in the folder ``text`` names.

        A blank entry, a folder that is not there or a file instead of a folder gets one plain
        sentence beside the control, and the report shown before stays.
        """
        path = Path(text.strip()).expanduser()
        if not text.strip():
            problem = (
                f"Type the folder that holds your class's tag files first, for example {FOLDER_EXAMPLE}."
            )
        elif not path.exists():
            problem = (
                f"There is no folder {path} on the computer this notebook runs on (the folder is read "
                f"from {Path.cwd()}); check the spelling, or add the files with Add class files."
            )
        elif not path.is_dir():
            problem = f"{path} is a file, not a folder; type the folder that holds the tag files."
        else:
            problem = ""
        self._show_folder_message(problem)
        if not problem:
            self._read = lambda: load_folder(path, self.case)
            self._render()

    def _render(self) -> None:
        """Show the report for the files given last on the chosen exercise (nothing before any)."""
        if self._read is None:
            return
        report = class_report(self._read(), self.case, self.exercise.value or None)
        self.output.value = report_html(report)

    def _show_message(self, message: str) -> None:
        self.output.value = status_html(message)

    def _show_folder_message(self, message: str) -> None:
        self.folder_message.value = status_html(message)
