"""The data an in-page exercise needs, as one JSON-ready dict, and that JSON made safe for HTML.

The book's in-page exercise (``medialit/sphinx_ext/static/inpage.js``) never parses CSV and never
reads ``data/``: Python reads the case once, at build time, and writes this payload into the
page. The page's script scores with the same rules as :mod:`medialit.scoring.learner`, on the
same strings, and the parity test (``tests/sphinx_ext/test_inpage_parity.py``) proves it. A test
form's page also carries the levels of confidence and their stated probabilities (the script has
no copy of its own) and, on the post-test, what scoring the pretest kept in the browser needs;
``tests/sphinx_ext/test_inpage_confidence_parity.py`` holds its judging of answers, Brier score,
calibration and skill scores to :mod:`medialit.scoring.calibration` and :mod:`medialit.scoring.skills`.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from typing import Any

from markupsafe import Markup

from medialit.case.labels import category_labels, subtype_label
from medialit.case.model import Case, ExerciseSpec
from medialit.common.cues import split_cues
from medialit.rendering.check import SCORE_COLUMNS
from medialit.rendering.check_words import SCORES_NOTE, STATUS_ORDER, STATUS_TITLES
from medialit.rendering.confidence_words import BRIER_WORDS, CONFIDENCE_QUESTION, SKILLS_NOTE
from medialit.rendering.form_check import ALL_SKILLS, CALIBRATION_COLUMNS, CHANGE_COLUMNS
from medialit.rendering.html import fragment
from medialit.scoring.calibration import CONFIDENCE_LABELS, CONFIDENCE_LEVELS
from medialit.scoring.key import key_matrix
from medialit.tagfile.earlier import EARLIER_FORM
from medialit.tagfile.model import CUES_MAX, FORMAT, LEARNER_MAX, NOTE_MAX

#: The payload's own version, so a page and its script can never silently disagree.
PAYLOAD_VERSION = 1


def _nfc(value: Any) -> str:
    return unicodedata.normalize("NFC", str(value))


def _passage_rows(case: Case, spec: ExerciseSpec) -> list[dict[str, Any]]:
    """The exercise's passages in order, each with its neighbours in the article for context."""
    passages = case.passages
    order = list(passages.index)
    rows = []
    for pid in spec.passage_ids:
        position = order.index(pid)
        row = passages.loc[pid]
        neighbours = {}
        for name, where in (("before", position - 1), ("after", position + 1)):
            if 0 <= where < len(order):
                neighbours[name] = {"id": order[where], "text": _nfc(passages.iloc[where]["text"])}
        rows.append(
            {
                "id": pid,
                "text": _nfc(row["text"]),
                "section": _nfc(row["section"]),
                "kind": str(row["kind"]),
                **neighbours,
            }
        )
    return rows


def _key_rows(case: Case, spec: ExerciseSpec) -> list[dict[str, Any]]:
    """The key's rows over the exercise, with the cues already split and the subtype's label."""
    key = key_matrix(case, spec)
    rows = []
    for (pid, category), entry in key.rows.iterrows():
        rows.append(
            {
                "passage_id": pid,
                "category": category,
                "subtype": _nfc(entry["subtype"]),
                "subtype_label": _nfc(subtype_label(case, category, entry["subtype"])),
                "strength": str(entry["strength"]),
                "cue": _nfc(entry["cue"]),
                "cues": [_nfc(cue) for cue in split_cues(entry["cue"])],
                "rationale": _nfc(entry["rationale"]),
                "check": _nfc(entry["check"]),
                "sources": _nfc(entry["sources"]),
            }
        )
    return rows


def _confidence(spec: ExerciseSpec) -> dict[str, Any] | None:
    """The question and the levels (id, label, stated probability) for a form that asks, else ``None``."""
    if not spec.asks_confidence:
        return None
    levels = [
        {"id": level, "label": CONFIDENCE_LABELS[level], "probability": probability}
        for level, probability in CONFIDENCE_LEVELS.items()
    ]
    return {"question": CONFIDENCE_QUESTION, "levels": levels}


def _earlier(case: Case, spec: ExerciseSpec) -> dict[str, Any] | None:
    """What the post-test needs to score the learner's pretest kept in the browser (else ``None``).

    The pretest's passage ids, categories and key strengths: enough to read its saved record
    and work out its skill scores, without its texts.
    """
    earlier_id = EARLIER_FORM.get(spec.exercise_id)
    if earlier_id is None or earlier_id not in case.exercise_ids:
        return None
    earlier = case.exercise(earlier_id)
    return {
        "format": FORMAT,
        "case": case.case_id,
        "exercise": earlier.exercise_id,
        "confidence": _confidence(earlier),
        "passages": [{"id": pid} for pid in earlier.passage_ids],
        "categories": [{"id": c} for c in earlier.categories],
        "key": [
            {k: row[k] for k in ("passage_id", "category", "strength")} for row in _key_rows(case, earlier)
        ],
        "not_this": [],
        "limits": {"learner": LEARNER_MAX},
    }


def inpage_payload(case: Case, spec: ExerciseSpec) -> dict[str, Any]:
    """Everything the in-page exercise shows and scores: passages, categories, key, reasons, words.

    A test form adds ``confidence`` (the levels, from :mod:`medialit.scoring.calibration`) and the
    post-test ``earlier`` (the pretest, see :func:`_earlier`); both are ``None`` otherwise.
    """
    wanted = set(spec.passage_ids)
    not_this = [
        {"passage_id": pid, "category": category, "reason": _nfc(reason)}
        for (pid, category), reason in case.not_this.items()
        if pid in wanted and category in spec.categories
    ]
    return {
        "version": PAYLOAD_VERSION,
        "format": FORMAT,
        "case": case.case_id,
        "exercise": spec.exercise_id,
        "title": spec.title,
        "categories": [
            {"id": c, "label": label} for c, label in category_labels(case, spec.categories).items()
        ],
        "passages": _passage_rows(case, spec),
        "key": _key_rows(case, spec),
        "not_this": not_this,
        "limits": {"learner": LEARNER_MAX, "note": NOTE_MAX, "cues": CUES_MAX},
        "confidence": _confidence(spec),
        "earlier": _earlier(case, spec),
        "words": {
            "score_columns": SCORE_COLUMNS,
            "status_titles": STATUS_TITLES,
            "status_order": list(STATUS_ORDER),
            "scores_note": SCORES_NOTE,
            "skills_note": SKILLS_NOTE,
            "brier": BRIER_WORDS,
            "calibration_columns": CALIBRATION_COLUMNS,
            "change_columns": CHANGE_COLUMNS,
            "all_skills": ALL_SKILLS,
        },
    }


def script_json(data: Any) -> str:
    """``data`` as JSON safe inside ``<script type="application/json">``: ``<``, ``>``, ``&`` escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


#: How the notebook widget's static preview names its exercise, for the book to find and replace.
MARKER = re.compile(r'data-medialit-case="([^"]*)" data-medialit-exercise="([^"]*)"')


def preview_marker(case_id: str, exercise_id: str) -> str:
    """The attributes a static preview carries so the book can put the in-page exercise there."""
    return f'data-medialit-case="{html.escape(case_id)}" data-medialit-exercise="{html.escape(exercise_id)}"'


def preview_exercise(markup: str) -> tuple[str, str] | None:
    """``(case_id, exercise_id)`` named by a static preview in ``markup``, else ``None``."""
    found = MARKER.search(markup)
    return (html.unescape(found.group(1)), html.unescape(found.group(2))) if found else None


#: The line beside every in-page exercise.
ELSEWHERE = (
    "The same exercise runs as a notebook on Binder, Colab or a local install, "
    "and files saved here and there open in both."
)
NOSCRIPT = "This exercise needs JavaScript; without it, use the notebook on Binder, Colab or a local install."


def inpage_html(case: Case, exercise_id: str) -> Markup:
    """The exercise's HTML: its data as JSON, a fallback without JavaScript and the line on notebooks."""
    spec = case.exercise(exercise_id)
    return fragment(
        "inpage.html",
        title=spec.title,
        case_id=case.case_id,
        exercise_id=spec.exercise_id,
        data=Markup(script_json(inpage_payload(case, spec))),
        noscript=NOSCRIPT,
        elsewhere=ELSEWHERE,
    )
