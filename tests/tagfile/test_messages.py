"""Every message about a bad tag file is a plain sentence: from the reader, on restore, from ``score``.

The assertions are on the shape of the sentences over a table of bad files, not on their exact
wording: each names the file (or starts with a capital), ends with a full stop, and holds none
of the schema validator's own jargon.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from medialit.case.loading import load_case
from medialit.cli import main
from medialit.common.problems import Problem, ProblemsError, left_out_summary
from medialit.schemas import schema_errors, validator
from medialit.tagfile.model import CUES_MAX, LEARNER_MAX, NOTE_MAX
from medialit.tagfile.reading import one_learner, parse_tag_file
from medialit.widgets.exercise import start

CASE = load_case()
FIRST, SECOND = CASE.passages.index[:2]
WORD = str(CASE.passages.at[FIRST, "text"]).split()[0]
BASE = {"format": "medialit-tags/1", "case": CASE.case_id, "saved_at": "2024-05-01T09:30:00+00:00"}

#: Words of the schema validator and of Python that must never reach a learner or an instructor.
JARGON = (
    "is a required property",
    "is not of type",
    "was unexpected",
    "should not be valid",
    "Additional properties",
    "is too long",
    "is too short",
    "does not match",
    "is not one of",
    "non-empty",
    "(skipped)",
    "{'",
    "['",
    "':",
    "Traceback",
)


def _json(**parts: Any) -> bytes:
    return json.dumps({**BASE, "tags": {FIRST: []}, **parts}).encode()


def _without(key: str) -> bytes:
    data = json.loads(_json())
    del data[key]
    return json.dumps(data).encode()


#: Files that cannot be used at all.
UNUSABLE: dict[str, bytes] = {
    "no-saved-at.json": _without("saved_at"),
    "extra-entry.json": _json(surprise=1),
    "a-list.json": b"[]",
    "tags-a-list.json": _json(tags=[FIRST]),
    "tags-a-text.json": _json(tags={FIRST: "framing"}),
    "tag-a-number.json": _json(tags={FIRST: [3]}),
    "empty-category.json": _json(tags={FIRST: [""]}),
    "other-format.json": _json(format="medialit-tags/9"),
    "empty-case.json": _json(case=""),
    "line-break-name.json": _json(learner="Ada\nLovelace"),
    "long-name.json": _json(learner="A" * (LEARNER_MAX + 1)),
    "long-note.json": _json(notes={FIRST: "x" * (NOTE_MAX + 1)}),
    "many-cues.json": _json(tags={FIRST: ["framing"]}, cues={FIRST: {"framing": [WORD] * (CUES_MAX + 1)}}),
    "empty-cue.json": _json(tags={FIRST: ["framing"]}, cues={FIRST: {"framing": [""]}}),
    "long-id.json": _json(tags={"p" * 101: []}),
    "bad-time.json": _json(saved_at="yesterday at noon"),
    "other-case.json": _json(case="another-case"),
    "broken.json": b'{"format": ',
    "empty.json": b"",
    "latin-1.json": '{"learner": "José"}'.encode("latin-1"),
    "nan.json": b'{"a": NaN}',
    "twice.json": b'{"a": 1, "a": 2}',
    "deep.json": b"[" * 100_000 + b"]" * 100_000,
    "nul.json": b"{\x00}",
    "surrogate.json": b'{"a": "\\ud800"}',
    "no-header.csv": b"name,passage\nAda,p001\n",
    "header-only.csv": b"learner,passage_id,category\n",
    "two-learners.csv": f"learner,passage_id,category\nA,{FIRST},\nB,{FIRST},\n".encode(),
}

#: Files that can be used, with entries that are reported and left out.
USABLE: dict[str, bytes] = {
    "unknown-ids.json": _json(
        tags={"p999": [], FIRST: ["spin", "framing", "framing"]},
        cues={"p998": {}, FIRST: {"framing": ["zzz not there"], "nonsense": [WORD]}},
        notes={"p997": "a note"},
    ),
    "untagged-cues.json": _json(tags={FIRST: ["framing"]}, cues={FIRST: {"hedging": [WORD]}}),
    "unknown-ids.csv": (
        f"learner,passage_id,category\nAda,{FIRST},framing\nAda,p999,framing\nAda,{SECOND},nonsense\n"
        f"Ada,{SECOND},framing,extra\n"
    ).encode(),
}


def plain_sentences(text: str) -> list[str]:
    """``text`` cut into sentences (at a full stop followed by a space)."""
    return [part for part in re.split(r"(?<=\.) +", text.strip()) if part]


def assert_plain(sentence: str, name: str) -> None:
    assert sentence.startswith(name) or sentence[:1].isupper() or sentence[:1].isdigit(), sentence
    assert sentence.endswith("."), sentence
    assert ".." not in sentence and " ." not in sentence and "  " not in sentence, sentence
    for words in JARGON:
        assert words not in sentence, f"{words!r} in {sentence!r}"


def raw_schema_messages(content: bytes) -> list[str]:
    try:
        data = json.loads(content)
    except (ValueError, RecursionError):
        return []
    return [error.message for error in validator("tags").iter_errors(data)]


def problems_of(name: str, content: bytes) -> list[Problem]:
    try:
        return one_learner(parse_tag_file(content, name, CASE), name).problems
    except ProblemsError as error:
        return error.problems


@pytest.mark.parametrize("name", [*UNUSABLE, *USABLE])
def test_every_problem_is_one_plain_sentence_naming_the_file(name: str) -> None:
    content = {**UNUSABLE, **USABLE}[name]
    problems = problems_of(name, content)
    assert problems
    for problem in problems:
        assert problem.file == name
        assert len(plain_sentences(problem.sentence)) == 1, problem.sentence
        assert_plain(problem.sentence, name)
        for raw in raw_schema_messages(content):
            assert raw not in problem.sentence


@pytest.mark.parametrize("name", list(USABLE))
def test_left_out_entries_are_counted_in_one_sentence(name: str) -> None:
    problems = problems_of(name, USABLE[name])
    summary = left_out_summary(problems, name)
    entries = "entry" if len(problems) == 1 else "entries"
    assert summary.startswith(f"{len(problems)} {entries} of {name} could not be used and ")
    assert_plain(summary, name)
    counted = sum(int(n) for n in re.findall(r"(\d+) with ", summary))
    assert counted == len(problems)
    assert all(problem.kind for problem in problems)


@pytest.mark.parametrize("name", list(UNUSABLE))
def test_a_refused_restore_is_plain_sentences(name: str, tmp_path: Any) -> None:
    exercise = start("hedging", folder=tmp_path, quiet=True, case=CASE)
    message = exercise.restore(UNUSABLE[name], name)
    assert message.startswith("Nothing was restored")
    assert "could not be used. is" not in message
    for sentence in plain_sentences(message):
        assert_plain(sentence, name)
    assert name in message


@pytest.mark.parametrize("name", list(USABLE))
def test_a_restore_with_left_out_entries_is_plain_sentences(name: str, tmp_path: Any) -> None:
    exercise = start("article", folder=tmp_path, quiet=True, case=CASE)
    message = exercise.restore(USABLE[name], name)
    assert message.startswith("Restored your work")
    assert re.search(
        rf"\d+ entr(y|ies) of {re.escape(name)} could not be used and (was|were) left out", message
    )
    for sentence in plain_sentences(message):
        assert_plain(sentence, name)


@pytest.mark.parametrize("name", ["no-saved-at.json", "broken.json", "latin-1.json", "unknown-ids.json"])
def test_score_prints_plain_sentences(
    name: str, tmp_path: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_bytes({**UNUSABLE, **USABLE}[name])
    assert main(["score", name]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines
    for line in lines:
        assert_plain(line, name)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (json.loads(_without("saved_at")), "it has no saved_at (the time the file was saved)"),
        ({**BASE, "tags": {}, "surprise": 1}, "it has an entry 'surprise' that the format does not know"),
        ([], "it is a list, but it should be a group of named entries"),
        ({**BASE, "tags": {}, "format": "x"}, "its format is 'x', but it should be 'medialit-tags/1'"),
        ({**BASE, "tags": {FIRST: "framing"}}, f"its tags ({FIRST}) is a text, but it should be a list"),
        ({**BASE, "tags": {}, "case": ""}, "its case is empty"),
        ({**BASE, "tags": {}, "saved_at": "2024"}, "its saved_at, '2024', is shorter than 10 characters"),
        (
            {**BASE, "tags": {}, "notes": {FIRST: "x" * (NOTE_MAX + 1)}},
            f"its notes ({FIRST}) is longer than 10,000 characters (it has 10,001)",
        ),
        (
            {**BASE, "tags": {}, "cues": {FIRST: {"framing": [WORD] * 51}}},
            f"its cues ({FIRST}, framing) has more than 50 items (it has 51)",
        ),
        ({**BASE, "tags": {}, "learner": "A\tB"}, "its learner must not contain control characters"),
        ({**BASE, "tags": {"p" * 101: []}}, "the entry name 'pppp"),
    ],
)
def test_schema_errors_are_plain_words(data: Any, expected: str) -> None:
    reasons = schema_errors("tags", data)
    assert any(expected in reason for reason in reasons), reasons


def test_schema_errors_of_the_case_files_are_plain_words_too() -> None:
    row = {"passage_id": "P1", "category": "x", "subtype": "y", "strength": "maybe", "cue": "c"}
    reasons = schema_errors("key.row", {**row, "rationale": "r" * 30, "check": "c", "sources": "s"})
    assert "its strength is 'maybe', but it should be one of 'clear' or 'arguable'" in reasons
    assert "its passage_id is 'P1', which is not written the way the format asks" in reasons
    fallback = schema_errors(
        "case", {"exercises": {"x": {"title": "X", "categories": ["a"], "passages": "some"}}}
    )
    assert "its exercises (x, passages) is not what the format allows there" in fallback
    assert "its exercises (x, categories) lists the same item more than once" in schema_errors(
        "case", {"exercises": {"x": {"title": "X", "categories": ["a", "a"], "passages": "all"}}}
    )
