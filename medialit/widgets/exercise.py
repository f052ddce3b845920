"""Start (or resume) an exercise in a notebook: the tagging session with its widget and its check."""

from __future__ import annotations

from pathlib import Path

from IPython.display import display

from medialit.case.labels import category_labels
from medialit.case.loading import load_case
from medialit.case.model import Case
from medialit.rendering.check import CheckResult
from medialit.rendering.form_check import FormCheck, form_check
from medialit.scoring.learner import feedback, score
from medialit.session.tagging import TaggingSession
from medialit.tagfile.earlier import EARLIER_FORM, earlier_work
from medialit.tagfile.workspace import Workspace
from medialit.widgets.tagging import TaggingWidget


class Exercise(TaggingSession):
    """A tagging session in a notebook: the session, plus its check and its widget."""

    _widget: TaggingWidget | None = None

    def check(self) -> CheckResult:
        """Compare with the key: scores, a plot and per-passage feedback (``.feedback`` is a DataFrame).

        A test form (an exercise that asks for confidence) adds the Brier score, calibration and
        skill scores; the post-test, the change per skill since this learner's pretest, found in
        the work folder (:func:`medialit.tagfile.earlier.earlier_work`).
        """
        return CheckResult(
            score(self.tagset, self.case, self.spec),
            feedback(self.tagset, self.case, self.spec),
            category_labels(self.case, self.spec.categories),
            self.case,
            self._form_check() if self.asks_confidence else None,
        )

    def _form_check(self) -> FormCheck:
        earlier_id = EARLIER_FORM.get(self.exercise_id)
        if earlier_id is None or earlier_id not in self.case.exercise_ids:
            return form_check(self.tagset, self.case, self.spec)
        found = earlier_work(self.path.parent, earlier_id, self.learner, self.case)
        return form_check(self.tagset, self.case, self.spec, (self.case.exercise(earlier_id), found))

    def view(self) -> TaggingWidget:
        """The tagging widget for this exercise (made once)."""
        if self._widget is None:
            self._widget = TaggingWidget(self, self.check)
        return self._widget

    def show(self) -> None:
        """Display the tagging widget.

        The display is one MIME bundle holding both ``application/vnd.jupyter.widget-view+json``
        (the live widget, shown by JupyterLab, Notebook 7, Voila and Colab) and ``text/html``, a
        static preview (the first passage, the category checkboxes drawn disabled and a sentence
        pointing to the launch buttons) for static pages such as the book's HTML build, which
        prefer ``text/html``. See :meth:`medialit.widgets.tagging.TaggingWidget._repr_mimebundle_`.
        """
        display(self.view())


def start(
    exercise_id: str,
    learner: str | None = None,
    case: Case | None = None,
    folder: Path | str | None = None,
    quiet: bool = False,
) -> Exercise:
    """Start (or resume) an exercise; prints where the work is saved and what was resumed.

    ``exercise_id`` is ``attribution``, ``hedging``, ``selective_citation``, ``framing`` or
    ``capstone``. ``learner`` (optional) is saved in the file and names it
    (``hedging-josé-1a2b3c4d-tags.json``, see :mod:`medialit.tagfile.names`); a saved file that
    names another learner is not continued but moved to that learner's own file, and the message
    says so. ``folder`` overrides the work folder (default:
    :func:`medialit.tagfile.workspace.work_dir`). ``quiet`` prints nothing: the learner notebooks
    pass it, as the widget's status line says the same and, unlike printed text, gives way to what
    a restore did.
    """
    case = case or load_case()
    spec = case.exercise(exercise_id)
    workspace = Workspace.for_exercise(spec.exercise_id, learner, Path(folder) if folder else None)
    exercise = Exercise(case, spec, workspace, learner)
    if not quiet:
        print(exercise.message)
    return exercise
