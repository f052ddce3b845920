"""The instructor notebook's view of a class report: tables, figures with alt text, an upload box.

The report itself is built by :mod:`medialit.report`; this module only shows it in a notebook.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
import pandas as pd

from medialit.case import Case
from medialit.feedback_view import HTMLBlock, plot_html
from medialit.report import ClassReport, build_report, figures, hardest_table, load_uploads, totals_line
from medialit.widget import guarded, status_html, uploaded_files

UPLOAD_PREVIEW = (
    "Here the notebook shows an upload control (Add class files). This is a preview: launch the "
    "notebook on Binder or Colab with the buttons at the top of the page to upload your class's files."
)
LEARNER_COLUMNS = ("learner", "coverage", "micro_precision", "micro_recall", "micro_f1")


def learners_table(report: ClassReport) -> pd.DataFrame:
    """One row per learner: coverage, micro scores and F1 per category."""
    columns = [*LEARNER_COLUMNS, *(f"{c}_f1" for c in report.stack.key.categories)]
    return report.learners[columns].set_index("learner")


def frame_html(frame: pd.DataFrame, caption: str) -> str:
    """A table as HTML with a caption; undefined values read "undefined"."""
    table = frame.to_html(na_rep="undefined", float_format=lambda v: f"{v:.2f}", border=0)
    return f"<p><strong>{html.escape(caption)}</strong></p>{table}"


def figures_block(report: ClassReport) -> HTMLBlock:
    """The report's three figures, each with its alt text attached and shown as a caption."""
    return HTMLBlock("".join(plot_html(plot) for plot in figures(report)))


def report_html(report: ClassReport) -> str:
    """The whole report for a notebook: totals, tables and figures."""
    problems = report.problems_frame()
    return (
        f"<p>{html.escape(totals_line(report))}</p>"
        f"{frame_html(report.agreement.set_index('category'), 'Agreement and the class consensus')}"
        f"{frame_html(learners_table(report), 'Scores per learner')}"
        f"{frame_html(hardest_table(report), 'The hardest passages')}"
        f"{figures_block(report).markup}"
        + (frame_html(problems, "Problems") if len(problems) else "<p>No problems in the files.</p>")
    )


class ClassUpload(widgets.VBox):
    """A FileUpload for an instructor's own tag files; shows the class report for them."""

    def __init__(self, case: Case, exercise: str = "capstone") -> None:
        self.case = case
        self.exercise = exercise
        self.upload = widgets.FileUpload(description="Add class files", accept=".json,.csv", multiple=True)
        self.output = widgets.HTML()
        self.upload.observe(
            guarded(lambda change: self.show(uploaded_files(change["new"])), self._show_message), "value"
        )
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

    def _show_message(self, message: str) -> None:
        self.output.value = status_html(message)
