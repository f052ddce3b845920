"""What a test form's check adds: how well the learner's confidence matched, skill scores, the change.

For an exercise that asks for confidence (the pretest and the post-test) the check also shows the
Brier score in words (:func:`medialit.rendering.confidence_words.brier_sentence`), the calibration
table and plot, the score per skill (:func:`medialit.scoring.skills.skill_scores`) and, after the
post-test, "Your change per skill" against the learner's own pretest file
(:func:`medialit.tagfile.earlier.earlier_work`), or a sentence saying why there is none.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from markupsafe import Markup

from medialit.case.labels import category_labels
from medialit.case.model import Case, ExerciseSpec
from medialit.common.numbers import number_text
from medialit.rendering.confidence_plots import calibration_plot, skill_change_plot
from medialit.rendering.confidence_words import SKILLS_NOTE, brier_sentence, change_sentence
from medialit.rendering.html import fragment, plot_html, table_html
from medialit.scoring.calibration import (
    CONFIDENCE_LABELS,
    CONFIDENCE_LEVELS,
    brier_score,
    calibration_table,
    confidence_answers,
)
from medialit.scoring.skills import skill_scores
from medialit.tagfile.earlier import Earlier
from medialit.tagfile.model import TagSet

#: The calibration table's columns as the learner reads them.
CALIBRATION_COLUMNS = {
    "count": "Answers",
    "stated": "Chance of being right it stands for",
    "share_right": "Share of them right",
}
#: The change table's columns.
CHANGE_COLUMNS = {"pretest": "Pretest", "posttest": "Post-test", "change": "Change"}
ALL_SKILLS = "All skills"


@dataclass
class FormCheck:
    """A test form's confidence answers, skill scores and (after the post-test) the pretest's scores.

    ``earlier`` is the pretest's skill scores, ``None`` when there is none to compare with (then
    ``earlier_message`` says why; it is ``""`` for a form that is not compared with another).
    """

    answers: pd.DataFrame
    skills: pd.Series
    labels: dict[str, str]
    earlier: pd.Series | None = None
    earlier_message: str = ""

    @property
    def brier(self) -> float:
        """The Brier score (``nan`` without any confidence given)."""
        return brier_score(self.answers)

    @property
    def always_unsure(self) -> float:
        """What the same answers would score had the learner always said the least sure level."""
        least = next(iter(CONFIDENCE_LEVELS))
        return brier_score(self.answers.assign(stated=CONFIDENCE_LEVELS[least]))

    def brier_text(self) -> str:
        """The Brier score in words."""
        least = next(iter(CONFIDENCE_LEVELS))
        return brier_sentence(self.brier, len(self.answers), self.always_unsure, CONFIDENCE_LABELS[least])

    def calibration(self) -> pd.DataFrame:
        """Per level: how many answers, the probability it stands for, the share right."""
        return calibration_table(self.answers)

    def calibration_frame(self) -> pd.DataFrame:
        """The calibration table with readable headings and numbers."""
        table = self.calibration()
        frame = pd.DataFrame(
            {
                CALIBRATION_COLUMNS["count"]: table["count"].astype(str),
                CALIBRATION_COLUMNS["stated"]: table["stated"].map(number_text),
                CALIBRATION_COLUMNS["share_right"]: table["share_right"].map(number_text),
            }
        )
        frame.index = pd.Index(table["label"], name="How sure")
        return frame

    def skills_frame(self) -> pd.DataFrame:
        """Your score per skill."""
        return pd.DataFrame(
            {"Your score": [number_text(v) for v in self.skills]},
            index=pd.Index([self.labels.get(c, c) for c in self.skills.index], name="Skill"),
        )

    def change(self) -> pd.DataFrame | None:
        """Per skill and over all skills: label, pretest, posttest, change (``None`` without a pretest)."""
        if self.earlier is None:
            return None
        frame = pd.DataFrame({"pretest": self.earlier, "posttest": self.skills}).reindex(self.skills.index)
        frame.loc["all"] = frame.mean()
        frame["change"] = frame["posttest"] - frame["pretest"]
        frame.insert(0, "label", [self.labels.get(c, ALL_SKILLS if c == "all" else c) for c in frame.index])
        return frame

    def change_html(self) -> Markup:
        """The change per skill as a table, a sentence and a figure, or why there is none."""
        change = self.change()
        if change is None:
            return Markup("<p class='medialit-change-none'>{}</p>").format(self.earlier_message)
        shown = pd.DataFrame(
            {title: change[name].map(number_text) for name, title in CHANGE_COLUMNS.items()},
        )
        shown.index = pd.Index(change["label"], name="Skill")
        return Markup("").join(
            [
                table_html(shown, "Your change per skill", index=True, css_class="medialit-change"),
                Markup("<p>{}</p>").format(change_sentence(change.loc["all", "change"])),
                plot_html(skill_change_plot(change.drop(index="all"))),
            ]
        )

    def to_html(self) -> Markup:
        """The confidence feedback, the skill scores and the change, as one HTML fragment."""
        return fragment(
            "form_check.html",
            brier=number_text(self.brier),
            brier_text=self.brier_text(),
            calibration=table_html(
                self.calibration_frame(), "How sure you were, and how often right", index=True
            ),
            calibration_plot=plot_html(calibration_plot({"your answers": self.calibration()})),
            skills_note=SKILLS_NOTE,
            skills=table_html(
                self.skills_frame(), "Your score per skill", index=True, css_class="medialit-skills"
            ),
            compared=bool(self.earlier_message) or self.earlier is not None,
            change=self.change_html(),
        )

    def __str__(self) -> str:
        lines = [self.brier_text(), "", "Your score per skill:"]
        lines += [f"  {self.labels.get(c, c)}: {number_text(v)}" for c, v in self.skills.items()]
        change = self.change()
        if change is not None:
            lines += ["", "Your change per skill (pretest, post-test, change):"]
            lines += [
                f"  {row.label}: "
                + ", ".join(number_text(value) for value in (row.pretest, row.posttest, row.change))
                for row in change.itertuples()
            ]
        elif self.earlier_message:
            lines += ["", self.earlier_message]
        return "\n".join(lines)


def form_check(
    tagset: TagSet, case: Case, spec: ExerciseSpec, earlier: tuple[ExerciseSpec, Earlier] | None = None
) -> FormCheck:
    """The form's check for ``tagset``; ``earlier``: the form it is compared with, and what was found."""
    labels = category_labels(case, spec.categories)
    check = FormCheck(confidence_answers(tagset, case, spec), skill_scores(tagset, case, spec), labels)
    if earlier is not None:
        earlier_spec, found = earlier
        if found.tagset is None:
            check.earlier_message = found.message
        else:
            check.earlier = skill_scores(found.tagset, case, earlier_spec)
    return check
