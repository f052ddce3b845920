"""The "Before and after" part of a class report: the gains and the calibration, as tables and figures.

Shared by the report page (which links the figures' files) and the instructor notebook (which
embeds them); tables are headed in words (:mod:`medialit.rendering.report_labels`).
"""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from medialit.common.numbers import number_text
from medialit.rendering.before_after_plots import STYLES, gains_plot
from medialit.rendering.confidence_plots import calibration_plot
from medialit.rendering.html import fragment, table_html
from medialit.rendering.plots import Plot
from medialit.rendering.report_labels import heading, readable
from medialit.scoring.before_after import BeforeAfter

GAINS_CAPTION = "Mean skill scores before and after, and the gain of the learners who took both tests"
CALIBRATION_CAPTION = "How sure the class said it was, against how often it was right, on each test"


def before_after_figures(tests: BeforeAfter) -> list[Plot]:
    """The two figures: the gains per skill, and the calibration on each test."""
    return [gains_plot(tests.gains), _class_calibration_plot(tests.calibration)]


def _class_calibration_plot(calibration: pd.DataFrame) -> Plot:
    """The class's calibration on each test, drawn by the one calibration renderer."""
    tables = {}
    for test, rows in calibration.groupby("test", sort=False):
        brier = rows["brier"].iloc[0]
        tables[f"{STYLES[str(test)]['label']} (Brier score {number_text(brier)})"] = rows
    return calibration_plot(tables, "Calibration of the class: how sure against how often right")


def gains_table(tests: BeforeAfter) -> pd.DataFrame:
    """The gains table for people: one row per skill, headed in words."""
    named = tests.gains.drop(columns="skill").rename(columns={"label": "skill"})
    return readable(named, {}).set_index(heading("skill", {}))


def calibration_display(tests: BeforeAfter) -> pd.DataFrame:
    """The calibration table for people: the test by name, the levels as learners saw them."""
    shown = tests.calibration.drop(columns="level").rename(columns={"label": "confidence"})
    shown["test"] = shown["test"].map(lambda test: STYLES[test]["label"])
    return readable(shown, {}).set_index(heading("test", {}))


def before_after_html(tests: BeforeAfter, figures: list[Markup]) -> Markup:
    """The section's body: the note on who was paired, both tables and the ``figures`` (markup)."""
    return fragment(
        "before_after.html",
        note=tests.paired_note,
        gains=table_html(gains_table(tests), GAINS_CAPTION, index=True, scroll=True),
        calibration=table_html(calibration_display(tests), CALIBRATION_CAPTION, index=True, scroll=True),
        figures=figures,
    )
