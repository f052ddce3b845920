"""The lateral-reading tasks as HTML: the question, the verdict on a committed answer, what the course found.

One set of templates serves the notebook widget (:mod:`medialit.widgets.lateral`) and the book's
in-page version (``medialit/sphinx_ext/static/lateral.js``): the page's data carries what the
course found already rendered here (:func:`found_html`), the verdict sentences of
:data:`VERDICT` and the restore sentences of :data:`medialit.session.lateral.RESTORE`, so the
script writes none of its own.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from medialit.case.lateral import Choice, LateralTask
from medialit.case.model import Case
from medialit.rendering.html import fragment
from medialit.rendering.inpage import script_json
from medialit.session.lateral import RESTORE
from medialit.tagfile.answer_store import ANSWERS_STEM
from medialit.tagfile.answers import ANSWERS_FORMAT, SEARCH_MAX, Answer
from medialit.tagfile.model import LEARNER_MAX
from medialit.tagfile.names import ANSWERS_SUFFIX

#: How a choice is marked in the list of every choice: in words, never by colour alone.
RIGHT_WORD, WRONG_WORD = "Right", "Not right"

#: The sentence on the learner's committed answer; ``{choice}`` and ``{right}`` are choice letters.
VERDICT = {
    "right": "Your answer, ({choice}), is the right one.",
    "wrong": "Your answer, ({choice}), is not the right one: the right answer is ({right}).",
    "search": "You said you would search for: {search}",
    "no_search": "You did not say what you would search for.",
}

#: The lines beside the in-page version.
ELSEWHERE = (
    "The same tasks run as a notebook on Binder, Colab or a local install; your answers here are "
    "kept in this browser, and Download my answers keeps a copy."
)
NOSCRIPT = "These tasks need JavaScript; without it, use the notebook on Binder, Colab or a local install."
TITLE = "Lateral reading: commit your answer, then see what the course found"


def _sources(case: Case, task: LateralTask) -> list[str]:
    return [f"{case.sources.at[source_id, 'name']} ({source_id})" for source_id in task.source_ids]


def task_html(case: Case, task: LateralTask, number: int) -> Markup:
    """The task as the learner first meets it: its kind, the article's words, the question."""
    passages = [{"id": pid, "text": str(case.passages.at[pid, "text"])} for pid in task.passage_ids]
    return fragment("lateral_task.html", task=task, number=number, passages=passages)


def found_html(case: Case, task: LateralTask) -> Markup:
    """What the course found: each choice and why, the searches, the sources, any correction."""
    return fragment(
        "lateral_found.html",
        task=task,
        sources=_sources(case, task),
        right_word=RIGHT_WORD,
        wrong_word=WRONG_WORD,
    )


def verdict_text(task: LateralTask, chosen: Choice, answer: Answer) -> str:
    """The sentences on a committed answer: right or not, and what the learner would have searched."""
    key = "right" if chosen.right else "wrong"
    said = VERDICT[key].format(choice=chosen.choice_id, right=task.right_choice.choice_id)
    search = VERDICT["search"].format(search=answer.search) if answer.search else VERDICT["no_search"]
    return f"{said} {chosen.why} {search}"


def reveal_html(case: Case, task: LateralTask, chosen: Choice, answer: Answer) -> Markup:
    """The reveal after a commit: the verdict, then what the course found."""
    verdict = Markup('<p class="medialit-lateral-verdict" data-right="{}"><strong>{}</strong></p>').format(
        "true" if chosen.right else "false", verdict_text(task, chosen, answer)
    )
    return Markup(verdict + found_html(case, task))


def lateral_payload(case: Case) -> dict[str, Any]:
    """The in-page version's data: each task with its question and, for after the commit, its reveal."""
    return {
        "version": 1,
        "format": ANSWERS_FORMAT,
        "case": case.case_id,
        "title": TITLE,
        "limits": {"search": SEARCH_MAX, "learner": LEARNER_MAX},
        "words": VERDICT,
        "restore": RESTORE,
        "download": {"stem": ANSWERS_STEM, "suffix": ANSWERS_SUFFIX},
        "tasks": [
            {
                "id": task.task_id,
                "question_html": str(task_html(case, task, number)),
                "choices": [{"id": c.choice_id, "text": c.text} for c in task.choices],
                "right": task.right_choice.choice_id,
                "why": {c.choice_id: c.why for c in task.choices},
                "found_html": str(found_html(case, task)),
            }
            for number, task in enumerate(case.lateral, start=1)
        ],
    }


def lateral_inpage_html(case: Case) -> Markup:
    """The in-page version's HTML: its data as JSON, a fallback without JavaScript, the line on notebooks."""
    return fragment(
        "lateral_inpage.html",
        title=TITLE,
        case_id=case.case_id,
        data=Markup(script_json(lateral_payload(case))),
        noscript=NOSCRIPT,
        elsewhere=ELSEWHERE,
    )
