"""One scoring truth: the page's script, run under Node, scores exactly as the package does.

Thousands of seeded random tag sets (plus the shipped examples) go through
:func:`medialit.scoring.learner.score` and :func:`~medialit.scoring.learner.feedback` and through
``inpage.js`` itself; the scores and the feedback list must agree item by item, exactly: counts,
``None`` for undefined values, floats to the last bit, the order of rows, the two-decimal texts.
Downloads are named alike too (:mod:`medialit.tagfile.names`): for a table of tricky names, for
every character Python's Unicode database knows, and for seeded random names.

Likewise one merge rule for two tabs: seeded random pairs of versions go through
:func:`medialit.tagfile.merge.merge_tagsets` and the script's ``merge``, with the same result.
"""

from __future__ import annotations

import json
import math
import random
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from medialit.authoring.sample import sample_class
from medialit.case.loading import load_case
from medialit.case.model import Case
from medialit.common.cues import cue_segments
from medialit.common.numbers import number_text
from medialit.rendering.check_words import (
    check_groups,
    coverage_sentence,
    cue_sentence,
    extra_sentence,
    kappa_words,
)
from medialit.rendering.inpage import inpage_payload
from medialit.schemas import schema
from medialit.scoring.learner import feedback, score
from medialit.session.tagging import kept_cues, kept_note, left_out_passages_message, name_cut_message
from medialit.sphinx_ext import STATIC
from medialit.tagfile.answer_store import ANSWERS_STEM
from medialit.tagfile.csv_form import tags_to_csv
from medialit.tagfile.merge import merge_tagsets
from medialit.tagfile.model import CUES_MAX, LEARNER_MAX, NOTE_MAX, clean_learner
from medialit.tagfile.names import ANSWERS_SUFFIX, download_file_name, learner_key, learner_part
from medialit.tagfile.reading import parse_tags
from medialit.tagfile.workspace import passage_list
from medialit.widgets.exercise import start

ROOT = Path(__file__).resolve().parents[2]
RUNNER = Path(__file__).with_name("inpage_node.js")
SETS_PER_EXERCISE = 300
NOISE = ["  ", "\u00a0", "\u0085", "\ufeff", "\u2003", "\t"]


def _cases() -> list[Case]:
    main = load_case()
    return [main, load_case(main.folder / "other-side")]


def _words(rng: random.Random, text: str, key_cues: list[str]) -> str:
    """Cue words a learner might type: a piece of the passage, a key cue, case changed, or not there."""
    roll = rng.random()
    if roll < 0.25 and key_cues:
        words = rng.choice(key_cues)
    elif roll < 0.85:
        start = rng.randrange(len(text))
        words = text[start : start + rng.randint(1, 30)]
    else:
        words = rng.choice(["zzz not there", "Ünïcödé", "ISIS", "the", "ſ", "K"])
    if rng.random() < 0.3:
        words = words.upper() if rng.random() < 0.5 else words.lower()
    if rng.random() < 0.1:
        words = rng.choice(NOISE) + words
    return words


def random_data(case: Case, exercise: str, rng: random.Random) -> dict[str, Any]:
    """A random but valid tag file for ``case``: any passages, categories, cues and notes."""
    spec = case.exercise(exercise)
    categories = list(case.categories)
    inside = list(spec.passage_ids)
    outside = [pid for pid in case.passages.index if pid not in spec.passage_ids]
    key_cues: dict[tuple[str, str], list[str]] = {
        (row.passage_id, row.category): row.cue.split(" | ") for row in case.key.itertuples()
    }
    p_review, p_tag = rng.random(), rng.random() * 0.6
    tags: dict[str, list[str]] = {}
    cues: dict[str, dict[str, list[str]]] = {}
    notes: dict[str, str] = {}
    chosen = [pid for pid in inside if rng.random() < p_review]
    chosen += [pid for pid in outside if rng.random() < 0.05]
    rng.shuffle(chosen)
    for pid in chosen:
        given = [c for c in rng.sample(categories, len(categories)) if rng.random() < p_tag]
        tags[pid] = given
        text = str(case.passages.at[pid, "text"])
        for category in given + ([rng.choice(categories)] if rng.random() < 0.05 else []):
            if rng.random() < 0.5:
                count = rng.randint(1, 3)
                picked = [_words(rng, text, key_cues.get((pid, category), [])) for _ in range(count)]
                cues.setdefault(pid, {})[category] = [w for w in picked if w]
        if rng.random() < 0.1:
            notes[pid] = rng.choice(["not sure", "é\u0301 caf\u00e9", "  spaced  ", "<b>&</b>"])
    data: dict[str, Any] = {
        "format": "medialit-tags/1",
        "case": case.case_id,
        "saved_at": "2024-05-01T09:30:00+00:00",
    }
    if rng.random() < 0.7:
        data["learner"] = f"learner {rng.randrange(1000)}"
    data["tags"] = tags
    if cues:
        data["cues"] = {pid: {c: w for c, w in by.items() if w} for pid, by in cues.items()}
    if notes:
        data["notes"] = notes
    return data


def _python_side(case: Case, exercise: str, data: dict[str, Any], name: str) -> dict[str, Any]:
    tagset = parse_tags(data, case, name)
    result = score(tagset, case, exercise).to_json()
    del result["problems"]
    rows = feedback(tagset, case, exercise).to_dict("records")
    for row in rows:
        row["learner_tagged"], row["reviewed"] = bool(row["learner_tagged"]), bool(row["reviewed"])
        row["cue_f1"] = None if math.isnan(row["cue_f1"]) else float(row["cue_f1"])
    texts: list[str] = []

    def walk(value: Any) -> None:
        if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)):
            texts.append(number_text(value))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    walk(result)
    return {"score": result, "feedback": rows, "texts": texts, "data": tagset.to_json()}


def _run_node(
    node: str,
    payload: dict[str, Any],
    sets: list[dict[str, Any]],
    numbers: list[float],
    files: list[dict[str, Any]] | None = None,
    names: list[tuple[str | None, str | None]] | None = None,
    merges: list[dict[str, Any]] | None = None,
    lists: list[list[str]] | None = None,
    calls: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    job = json.dumps(  # ASCII, so that names with a lone surrogate pass too
        {
            "payload": payload,
            "sets": sets,
            "numbers": numbers,
            "files": files or [],
            "names": names or [],
            "merges": merges or [],
            "lists": lists or [],
            "calls": calls or [],
        },
    )
    done = subprocess.run(
        [node, str(RUNNER), str(STATIC / "inpage.js")],
        input=job,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _exercises() -> list[tuple[int, str]]:
    return [(i, exercise) for i, case in enumerate(_cases()) for exercise in case.exercise_ids]


@pytest.mark.parametrize(("case_index", "exercise"), _exercises())
def test_page_scores_random_tag_sets_exactly_as_the_package(
    node_path: str, case_index: int, exercise: str
) -> None:
    case = _cases()[case_index]
    rng = random.Random(f"{case.case_id}/{exercise}")
    expected, sets = [], []
    for number in range(SETS_PER_EXERCISE):
        name = f"random-{number}.json"
        python = _python_side(case, exercise, random_data(case, exercise, rng), name)
        expected.append(python)
        data = python["data"]  # as the package read it: what the page sees after restoring it
        sets.append({"data": data, "label": data.get("learner") or Path(name).stem})
    numbers = (
        [k / 8 for k in range(-8, 9)]
        + [rng.uniform(-1, 1) for _ in range(2000)]
        + [0.005, 0.015, 0.125, -0.375]
    )
    got = _run_node(node_path, inpage_payload(case, case.exercise(exercise)), sets, numbers)
    for number, (want, have) in enumerate(zip(expected, got["results"], strict=True)):
        assert have["score"] == want["score"], f"score differs for random set {number}"
        assert have["feedback"] == want["feedback"], f"feedback differs for random set {number}"
        assert have["texts"] == want["texts"], f"number texts differ for random set {number}"
    assert got["numbers"] == [number_text(n) for n in numbers]
    payload = inpage_payload(case, case.exercise(exercise))
    want_segments = [
        [list(piece) for piece in cue_segments(str(case.passages.at[row["passage_id"], "text"]), row["cue"])]
        for row in payload["key"]
    ]
    assert got["segments"] == want_segments


def test_page_scores_the_shipped_examples_exactly_as_the_package(node_path: str, tmp_path: Path) -> None:
    """The sample class the course ships (``medialit.authoring.sample``), and the key itself as a learner."""
    case = _cases()[0]
    for exercise in case.exercise_ids:
        paths = sample_class(tmp_path / exercise, n=12, exercise=exercise, case=case)
        key_as_learner = {
            "format": "medialit-tags/1",
            "case": case.case_id,
            "saved_at": "2024-05-01T09:30:00+00:00",
        }
        key_as_learner["tags"] = {pid: [] for pid in case.exercise(exercise).passage_ids}
        for row in case.key.itertuples():
            if row.passage_id in key_as_learner["tags"] and row.strength == "clear":
                key_as_learner["tags"][row.passage_id].append(row.category)
        expected = [
            _python_side(case, exercise, json.loads(path.read_text("utf-8")), path.name) for path in paths
        ]
        expected.append(_python_side(case, exercise, key_as_learner, "key.json"))
        sets = [{"data": python["data"], "label": python["score"]["learner"]} for python in expected]
        got = _run_node(node_path, inpage_payload(case, case.exercise(exercise)), sets, [])
        for want, have in zip(expected, got["results"], strict=True):
            assert have["score"] == want["score"], f"{exercise} {want['score']['learner']}"
            assert have["feedback"] == want["feedback"], f"{exercise} {want['score']['learner']}"


def test_page_restores_the_files_the_package_writes_and_refuses_others(
    node_path: str, tmp_path: Path
) -> None:
    """JSON and the flat CSV as the package writes them; a file of another case is refused, and one of
    another exercise too unless the learner says to load it anyway: then both keep the same passages
    and say the same about the ones left out."""
    case = _cases()[0]
    exercise = case.exercise("capstone")
    (path,) = sample_class(tmp_path, n=1, exercise="capstone", case=case)
    tagset = parse_tags(json.loads(path.read_text("utf-8")), case, path.name)
    tagset.exercise, tagset.cues = "capstone", {}
    in_exercise = {pid: tags for pid, tags in tagset.tags.items() if pid in exercise.passage_ids}
    elsewhere = [pid for pid in case.exercise("hedging").passage_ids if pid not in exercise.passage_ids]
    wrong_exercise = {**tagset.to_json(), "exercise": "hedging"}
    wrong_exercise["tags"] = {**wrong_exercise["tags"], **{pid: [] for pid in elsewhere[:3]}}
    wrong_case = {**tagset.to_json(), "case": "another-case"}
    files = [
        {"name": "a-tags.json", "text": json.dumps(tagset.to_json())},
        {"name": "a.csv", "text": tags_to_csv([tagset])},
        {"name": "b-tags.json", "text": json.dumps(wrong_exercise)},
        {"name": "c-tags.json", "text": json.dumps(wrong_case)},
        {"name": "d-tags.json", "text": "not json"},
        {"name": "b-tags.json", "text": json.dumps(wrong_exercise), "anyway": True},
    ]
    calls = [{"fn": "leftOutMessage", "args": ["b-tags.json", len(elsewhere[:3]), "capstone"]}]
    done = _run_node(node_path, inpage_payload(case, exercise), [], [], files, calls=calls)
    got = done["restored"]
    assert got[0]["state"]["tags"] == in_exercise and got[0]["state"]["learner"] == tagset.learner
    assert got[1]["state"]["tags"] == in_exercise and got[1]["state"]["learner"] == tagset.learner
    assert got[0]["leftOut"] == got[1]["leftOut"] == 0
    assert got[2]["otherExercise"] == "hedging" and "state" not in got[2]
    assert "another-case" in got[3]["error"] and "otherExercise" not in got[3]
    assert "not valid JSON" in got[4]["error"]
    for refused in got[2:5]:
        assert refused["error"].startswith(("b-tags.json ", "c-tags.json ", "d-tags.json "))
        assert refused["error"].endswith(".")
    session = start("capstone", folder=tmp_path / "work", quiet=True, case=case)
    message = session.restore(json.dumps(wrong_exercise).encode(), "b-tags.json", anyway=True)
    assert got[5]["state"]["tags"] == session.tagset.tags == in_exercise
    assert got[5]["leftOut"] == 3
    assert done["calls"][0] and done["calls"][0] in message


def _typed_values(rng: random.Random, limit: int) -> list[str]:
    """What a learner might type or paste: empty, spaces, control characters, astral characters, too long."""
    pieces = ["Ada", "  ", "\n", "\t", "\x7f", "é", "😀", "\u2003", "\u0085", "x"]
    values = [
        "",
        "   ",
        "Ada",
        "x" * (limit - 1),
        "x" * limit,
        "x" * (limit + 1),
        "😀" * (limit + 2),
        " " * (limit + 3),
    ]
    values += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, limit // 2 + 60))) for _ in range(60)]
    return values


def test_page_keeps_and_cuts_what_the_learner_types_exactly_as_the_package(node_path: str) -> None:
    """Names, notes and cue phrases: the same kept, and the same sentence when something is not kept."""
    case = _cases()[0]
    payload = inpage_payload(case, case.exercise("capstone"))
    rng = random.Random("typed")
    calls: list[dict[str, Any]] = []
    expected: list[Any] = []
    for value in _typed_values(rng, LEARNER_MAX):
        calls.append({"fn": "learnerKept", "args": [value, LEARNER_MAX]})
        expected.append({"learner": clean_learner(value), "message": name_cut_message(value)})
    notes = _typed_values(rng, NOTE_MAX)
    for value in notes[:8] + notes[8::6]:  # every edge case, some of the long random ones
        calls.append({"fn": "noteKept", "args": ["p044", value, NOTE_MAX]})
        note, message = kept_note("p044", value)
        expected.append({"note": note, "message": message})
    key_cues = {(row["passage_id"], row["category"]): row["cues"] for row in payload["key"]}
    for number in range(300):
        passage = rng.choice(payload["passages"])
        cues = [cue for (pid, _), found in key_cues.items() if pid == passage["id"] for cue in found]
        count = rng.choice([0, 1, 3, CUES_MAX, CUES_MAX + 1, CUES_MAX + 7])
        phrases = [_words(rng, passage["text"], cues) for _ in range(count)]
        if number % 10 == 0:
            phrases += phrases[:2]  # repeated phrases are kept once
        calls.append({"fn": "cuesKept", "args": [passage["text"], phrases, CUES_MAX]})
        kept, message = kept_cues(passage["text"], phrases)
        expected.append({"kept": kept, "message": message})
    for count in (0, 1, 2, 12, 1000):
        calls.append({"fn": "leftOutMessage", "args": ["old tags.json", count, "capstone"]})
        expected.append(left_out_passages_message("old tags.json", count, "capstone"))
    got = _run_node(node_path, payload, [], [], calls=calls)["calls"]
    for call, want, have in zip(calls, expected, got, strict=True):
        assert have == want, f"{call['fn']} differs for {call['args'][:2]!r}"
    for fn in ("learnerKept", "noteKept", "cuesKept"):  # each was tried with something to cut, and without
        said = [want["message"] for call, want in zip(calls, expected, strict=True) if call["fn"] == fn]
        assert any(said) and not all(said), fn


TRICKY_NAMES = [
    *(None, "", "   ", "Ada L.", "ada-l", "ADA  L.", "Ada\nL.", "Ada\u200bL"),
    *("王芳", "李明", "さくら", "김민준"),
    *("José", "Jose\u0301", "JOSÉ", "Ｊｏｓｅ\u0301", "José-María O'Neil", "Zoë", "Łukasz", "Nguyễn Thị Ánh"),
    *("ΟΔΟΣ ΚΑΙ ΣΑΣ", "Straße", "ẞ", "İstanbul", "ǅemal", "ﬁona", "𝒜da", "ᾼ ᾳ ᾀ", "ͺ", "ϲ", "ᲀ"),
    *("ᏣᎳᎩ", "ꮳꮃꭹ", "हिन्दी", "محمد", "דָּוִד", "สมชาย", "Արամ", "ნინო", "Ⴀ"),
    *("😀", "👩🏽\u200d💻 Zoë", "❤\ufe0f Ana", "🇫🇷"),
    *("!!!", "—", "...", "?", '<>:"/\\|?*', "../../etc/passwd"),
    *("a" * 300, "𠀀" * 30, "é" * 40, "e\u0301" * 40, "ab" * 23 + "王", "\ud800x", "x\udfff"),
]


def _python_names(learner: str | None, saved_at: str | None) -> list[str | None]:
    return [learner_key(learner), learner_part(learner), download_file_name("hedging", learner, saved_at)]


def _compare_names(node: str, names: list[tuple[str | None, str | None]]) -> None:
    payload = inpage_payload(_cases()[0], _cases()[0].exercise("hedging"))
    got = _run_node(node, payload, [], [], names=names)["names"]
    differ = [
        (learner, want, have)
        for (learner, saved_at), have in zip(names, got, strict=True)
        if have != (want := _python_names(learner, saved_at))
    ]
    assert not differ, f"{len(differ)} names differ, e.g. {differ[:5]}"


def test_page_names_downloads_as_the_package_does_for_tricky_names(node_path: str) -> None:
    dates = ["2024-05-01T09:30:00+02:00", "2026-12-31T23:59:59-10:00"]
    _compare_names(node_path, [(name, date) for name in TRICKY_NAMES for date in dates])
    learners = {learner_key(name) for name in TRICKY_NAMES}
    assert len({learner_part(name) for name in TRICKY_NAMES}) == len(learners)  # no two share a name


def test_page_names_answers_downloads_as_the_package_does(node_path: str) -> None:
    """The lateral-reading page names its downloads with the same function, given the answers' suffix."""
    payload = inpage_payload(_cases()[0], _cases()[0].exercise("hedging"))
    named = [(name, "2024-05-01T09:30:00+02:00") for name in TRICKY_NAMES]
    calls = [{"fn": "downloadName", "args": [ANSWERS_STEM, name, at, ANSWERS_SUFFIX]} for name, at in named]
    got = _run_node(node_path, payload, [], [], calls=calls)["calls"]
    want = [download_file_name(ANSWERS_STEM, name, at, ANSWERS_SUFFIX) for name, at in named]
    assert got == want
    assert all(name.endswith("-2024-05-01-answers.json") for name in got)


def test_page_names_every_character_as_the_package_does(node_path: str) -> None:
    """Every character of Python's Unicode database (Node's may be newer), but private-use ones."""
    known = (chr(code) for code in range(sys.maxunicode + 1))
    chars = [char for char in known if unicodedata.category(char) not in ("Cn", "Cs", "Co")]
    _compare_names(node_path, [(char, "2024-05-01") for char in chars])


def test_page_names_random_names_as_the_package_does(node_path: str) -> None:
    rng = random.Random("names")
    pieces = [*"".join(name or "" for name in TRICKY_NAMES[:-2]), *" -._'ABZaz09ΣσςßİıÅÅ\u0301\u0345"]
    names = ["".join(rng.choices(pieces, k=rng.randint(0, 70))) for _ in range(3000)]
    _compare_names(node_path, [(name, "2024-05-01T09:30:00+02:00") for name in names])


#: Edit times that make ties likely: one instant written four ways, a millisecond either side, and
#: microseconds that the page's clock (milliseconds) and Python's must round alike.
EDIT_TIMES = [
    "2024-05-01T09:30:00+00:00",
    "2024-05-01T11:30:00+02:00",
    "2024-05-01T09:30:00.000Z",
    "2024-05-01T04:00:00-05:30",
    "2024-05-01T09:30:00.001+00:00",
    "2024-05-01T09:29:59.999+00:00",
    "2024-05-01T09:30:00.001999+00:00",
    "2024-05-01T09:31:00.5+00:00",
    "2024-05-02T08:00:00+01:00",
]


def _edited_version(
    case: Case, exercise: str, rng: random.Random, base: dict[str, Any] | None
) -> dict[str, Any]:
    """A random tag file with edit times (or none, as in older files): ``base`` changed here and there."""
    if base is None or rng.random() < 0.3:
        data = random_data(case, exercise, rng)
    else:
        data = json.loads(json.dumps(base))
        other = random_data(case, exercise, rng)
        for part in ("tags", "cues", "notes"):
            for pid in list(data.get(part, {})):
                if rng.random() < 0.3:
                    del data[part][pid]  # un-reviewed, or its cue words or note removed
            for pid, value in other.get(part, {}).items():
                if rng.random() < 0.3:
                    data.setdefault(part, {})[pid] = value
        for part in ("cues", "notes"):
            if not data.get(part):
                data.pop(part, None)
    data["saved_at"] = rng.choice(EDIT_TIMES)
    spec = case.exercise(exercise)
    if rng.random() < 0.8:
        touched = [*data["tags"], *data.get("cues", {}), *data.get("notes", {}), *spec.passage_ids]
        data["edited"] = {pid: rng.choice(EDIT_TIMES) for pid in touched if rng.random() < 0.4}
    else:
        data.pop("edited", None)
    return data


@pytest.mark.parametrize("exercise", ["hedging", "capstone"])
def test_page_merges_two_tabs_exactly_as_the_package(node_path: str, exercise: str) -> None:
    """Random pairs of versions, with ties, un-reviews and files without edit times: one merge rule."""
    case = _cases()[0]
    rng = random.Random(f"merge/{exercise}")
    expected, merges = [], []
    for number in range(400):
        mine_data = _edited_version(case, exercise, rng, None)
        theirs_data = _edited_version(case, exercise, rng, mine_data if rng.random() < 0.7 else None)
        mine = parse_tags(mine_data, case, f"mine-{number}.json")
        theirs = parse_tags(theirs_data, case, f"theirs-{number}.json")
        merged = merge_tagsets(mine, theirs)
        expected.append((merged.tagset, list(merged.taken)))
        merges.append({"mine": mine.to_json(), "theirs": theirs.to_json()})
    lists = [[f"p{n:03}" for n in range(count)] for count in range(1, 9)]
    got = _run_node(
        node_path, inpage_payload(case, case.exercise(exercise)), [], [], merges=merges, lists=lists
    )
    assert sum(bool(taken) for _, taken in expected) > 100  # the other tab's changes often win
    for number, ((tagset, taken), have) in enumerate(zip(expected, got["merged"], strict=True)):
        state = have["state"]
        assert state["tags"] == tagset.tags, f"tags differ for pair {number}"
        assert state["cues"] == tagset.cues, f"cue words differ for pair {number}"
        assert state["notes"] == tagset.notes, f"notes differ for pair {number}"
        assert state["edited"] == tagset.edited, f"edit times differ for pair {number}"
        assert (state.get("learner"), state["saved_at"]) == (tagset.learner, tagset.saved_at)
        assert have["taken"] == taken, f"the passages taken from the other tab differ for pair {number}"
    assert got["lists"] == [passage_list(tuple(ids)) for ids in lists]


def test_page_reads_edit_times_as_the_schema_allows_them() -> None:
    """The page keeps a copy of the schema's pattern for edit times (it reads localStorage without it)."""
    pattern = schema("tags")["properties"]["edited"]["additionalProperties"]["pattern"]
    assert f'var EDIT_TIME = new RegExp("{pattern}");' in (STATIC / "inpage.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("exercise", ["hedging", "capstone"])
def test_page_words_a_check_exactly_as_the_package(node_path: str, exercise: str) -> None:
    """Groups (reviewed passages by status, the unreviewed apart), coverage, kappa, extra tags and cue
    words: the script's copy of :mod:`medialit.rendering.check_words` says what the package says."""
    case = _cases()[0]
    spec = case.exercise(exercise)
    payload = inpage_payload(case, spec)
    labels = {c["id"]: c["label"] for c in payload["categories"]}
    rng = random.Random(f"words/{exercise}")
    calls: list[dict[str, Any]] = []
    expected: list[Any] = []
    for number in range(60):
        python = _python_side(case, exercise, random_data(case, exercise, rng), f"words-{number}.json")
        rows = python["feedback"]
        groups = check_groups(rows)
        calls.append({"fn": "checkGroups", "args": [payload["words"], rows]})
        expected.append(groups)
        reviewed, total = python["score"]["reviewed"], python["score"]["total"]
        calls.append({"fn": "coverageSentence", "args": [reviewed, total]})
        expected.append(coverage_sentence(reviewed, total))
        for row in rows:
            calls.append({"fn": "extraSentence", "args": [labels[row["category"]], row["not_this"]]})
            expected.append(extra_sentence(labels[row["category"]], row["not_this"]))
            args = [row["learner_cues"], bool(row["subtype"]), row["learner_tagged"], row["cue_f1"]]
            calls.append({"fn": "cueSentence", "args": args})
            expected.append(cue_sentence(*args))
    calls.append({"fn": "extraSentence", "args": ["Framing", "It states no intention."]})
    expected.append(extra_sentence("Framing", "It states no intention."))
    for reviewed, total in ((0, 25), (25, 25), (24, 25), (1, 2)):
        calls.append({"fn": "coverageSentence", "args": [reviewed, total]})
        expected.append(coverage_sentence(reviewed, total))
    kappas = [
        None,
        -1.0,
        -1e-9,
        0.0,
        0.2,
        0.39999,
        0.4,
        0.6,
        0.8,
        0.99,
        1.0,
        *(rng.uniform(-1, 1) for _ in range(300)),
    ]
    for value in kappas:
        calls.append({"fn": "kappaWords", "args": [value]})
        expected.append(kappa_words(float("nan") if value is None else value))
    got = _run_node(node_path, payload, [], [], calls=calls)["calls"]
    for call, want, have in zip(calls, expected, got, strict=True):
        assert have == want, f"{call['fn']} differs for {call['args'][-2:]!r}"
    said = {call["fn"]: set() for call in calls}
    for call, want in zip(calls, expected, strict=True):
        said[call["fn"]].add(json.dumps(want))
    assert all(len(values) > 1 for values in said.values())  # each said different things
    assert any(
        group["status"] == "unreviewed" for groups in expected if isinstance(groups, list) for group in groups
    )
