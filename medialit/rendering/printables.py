"""Printable worksheets and answer keys, generated from the case as print-styled HTML.

A worksheet lists an exercise's passages with an empty box per category and room for notes,
for classes without computers or when Binder is down. The answer key, for instructors, lists
the key's judgements on the same passages with cue, subtype, strength and rationale.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from medialit.case.labels import subtype_label
from medialit.case.model import Case
from medialit.rendering.passages import highlight

STYLE = """
body { font-family: Georgia, "Times New Roman", serif; max-width: 60em; margin: 2em auto;
       padding: 0 1em; color: #111; line-height: 1.4; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.5em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #444; padding: 0.4em; vertical-align: top; text-align: left; }
th { background: #e8e8e8; }
td.box { width: 5.5em; text-align: center; }
td.notes { width: 12em; }
.id { font-family: monospace; white-space: nowrap; }
mark { background: #ffe9a8; border-bottom: 2px solid #8a5a00; color: inherit; }
.arguable { font-style: italic; }
.meta { color: #333; font-size: 0.9em; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  tr { page-break-inside: avoid; }
  .noprint { display: none; }
}
@page { margin: 15mm; }
"""


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _header(case: Case, title: str, exercise_id: str) -> str:
    exercise = case.exercise(exercise_id)
    return (
        f"<h1>{escape(title)}: {escape(exercise.title)}</h1>\n"
        f'<p class="meta">Between the Lines. Article: “{escape(case.title)}” by '
        f"{escape(case.manifest['author'])}. {len(exercise.passage_ids)} passages. "
        '<span class="noprint">Print this page with your browser (Ctrl+P or Cmd+P).</span></p>\n'
    )


def worksheet_html(case: Case, exercise_id: str) -> str:
    """A worksheet: the exercise's passages with an empty box per category and a notes column."""
    exercise = case.exercise(exercise_id)
    labels = [case.categories[category]["label"] for category in exercise.categories]
    head = "".join(f'<th scope="col">{escape(label)}</th>' for label in labels)
    rows = []
    for passage_id in exercise.passage_ids:
        text = case.passages.loc[passage_id, "text"]
        boxes = "".join('<td class="box">&#9744;</td>' for _ in labels)
        rows.append(
            f'<tr><th scope="row" class="id">{passage_id}</th><td>{escape(text)}</td>{boxes}'
            '<td class="box">&#9744;</td><td class="notes"></td></tr>'
        )
    instructions = (
        "<p>For each passage, tick every technique you find, or tick <em>None</em> if you find none. "
        "Under <em>Notes</em>, write the words that signal it (the cue).</p>\n"
    )
    table = (
        '<table>\n<thead><tr><th scope="col">Id</th><th scope="col">Passage</th>'
        f'{head}<th scope="col">None</th><th scope="col">Notes</th></tr></thead>\n<tbody>\n'
        + "\n".join(rows)
        + "\n</tbody>\n</table>"
    )
    return _page(
        f"Worksheet: {exercise.title}", _header(case, "Worksheet", exercise_id) + instructions + table
    )


def answer_key_html(case: Case, exercise_id: str) -> str:
    """The instructor's answer key for an exercise: every key judgement, explained."""
    exercise = case.exercise(exercise_id)
    key = case.key[
        case.key["passage_id"].isin(exercise.passage_ids) & case.key["category"].isin(exercise.categories)
    ]
    parts = [
        _header(case, "Answer key", exercise_id),
        "<p>Clear tags should be found by a careful reader; <em>arguable</em> tags are defensible "
        "either way and never count against a learner. Passages not listed have no technique in "
        "the key.</p>",
    ]
    for passage_id in exercise.passage_ids:
        rows = key[key["passage_id"] == passage_id]
        if rows.empty:
            continue
        text = case.passages.loc[passage_id, "text"]
        items = []
        for row in rows.itertuples():
            category = case.categories[row.category]
            subtype = subtype_label(case, row.category, row.subtype)
            strength = '<span class="arguable">arguable</span>' if row.strength == "arguable" else "clear"
            check = f"<br><strong>Check:</strong> {escape(row.check)}" if row.check else ""
            items.append(
                f"<li><strong>{escape(category['label'])}</strong> — {escape(subtype)} ({strength}). "
                f"<p>{highlight(text, row.cue)}</p>{escape(row.rationale)}{check}</li>"
            )
        parts.append(
            f'<h2><span class="id">{passage_id}</span></h2>\n<p>{escape(text)}</p>\n<ul>\n'
            + "\n".join(items)
            + "\n</ul>"
        )
    return _page(f"Answer key: {exercise.title}", "\n".join(parts))


def printable_name(kind: str, exercise_id: str) -> str:
    """The file name of a printable: ``worksheet-<exercise>.html`` or ``answer-key-<exercise>.html``."""
    return f"{kind}-{exercise_id}.html"


def write_printables(case: Case, folder: Path) -> list[Path]:
    """Write a worksheet and an answer key for every exercise into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for exercise_id in case.exercise_ids:
        if exercise_id == "article":
            continue
        for kind, render in (("worksheet", worksheet_html), ("answer-key", answer_key_html)):
            path = folder / printable_name(kind, exercise_id)
            path.write_text(render(case, exercise_id), encoding="utf-8")
            written.append(path)
    return written
