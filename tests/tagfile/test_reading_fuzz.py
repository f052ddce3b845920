"""Property-based tests: arbitrary bytes and JSON never crash the loaders, only ProblemsError."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from medialit.case.loading import load_case
from medialit.cli import main
from medialit.common.problems import ProblemsError
from medialit.schemas import conforms, schema_errors
from medialit.tagfile.csv_form import parse_tags_csv, tags_to_csv
from medialit.tagfile.model import FORMAT, TagSet
from medialit.tagfile.reading import load_tags, parse_tags
from medialit.tagfile.storage import dump_tags

CASE = load_case()
PASSAGES = list(CASE.passages.index)
CATEGORIES = list(CASE.categories)
FOLDER = Path(tempfile.mkdtemp(prefix="medialit-fuzz-"))
FAST = settings(max_examples=150)
#: A file that is fully valid, so the branches for good data are always run, whatever is drawn.
VALID = {
    "format": FORMAT,
    "case": CASE.case_id,
    "saved_at": "2024-05-01T09:30:00Z",
    "learner": "Ada",
    "tags": {PASSAGES[0]: [CATEGORIES[0]], PASSAGES[1]: []},
}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=30,
)
passage_ids = st.sampled_from(PASSAGES) | st.text(max_size=6)
categories = st.sampled_from(CATEGORIES) | st.text(max_size=8)
near_valid = st.fixed_dictionaries(
    {
        "format": st.sampled_from([FORMAT, FORMAT, "medialit-tags/2"]),
        "case": st.sampled_from([CASE.case_id, CASE.case_id, "other"]),
        "saved_at": st.sampled_from(["2024-05-01T09:30:00Z", "2024-05-01", "not a date"]),
        "tags": st.dictionaries(passage_ids, st.lists(categories, max_size=5), max_size=10),
    },
    optional={
        "learner": st.text(max_size=30),
        "cues": st.dictionaries(
            passage_ids, st.dictionaries(categories, st.lists(st.text(max_size=15), max_size=3))
        ),
        "notes": st.dictionaries(passage_ids, st.text(max_size=40)),
    },
)


def test_property_tests_run_the_same_examples_on_every_run_and_machine() -> None:
    """The profile in tests/conftest.py applies: to the default settings and to those made from it."""
    for current in (settings(), settings.default, FAST):
        assert current.derandomize, current
        assert current.database is None and current.print_blob and current.deadline is None


def check_loaded(tagset: TagSet) -> None:
    assert set(tagset.tags) <= set(PASSAGES)
    assert all(set(values) <= set(CATEGORIES) for values in tagset.tags.values())
    assert all(len(values) == len(set(values)) for values in tagset.tags.values())


@pytest.mark.parametrize("suffix", [".json", ".csv"])
@FAST
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes_give_tags_or_problems(suffix, data):
    path = FOLDER / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        check_loaded(load_tags(path, CASE))
    except ProblemsError as error:
        assert error.problems and all(problem.file.endswith(f"fuzz{suffix}") for problem in error.problems)


@FAST
@given(data=json_values)
def test_arbitrary_json_gives_tags_or_problems(data):
    try:
        check_loaded(parse_tags(data, CASE, "x.json"))
    except ProblemsError as error:
        assert error.problems


@FAST
@given(data=near_valid)
@example(data=VALID)
@example(data={**VALID, "tags": {PASSAGES[0]: [CATEGORIES[0]], "p999": []}})
def test_near_valid_files_give_tags_or_problems_and_round_trip(data):
    try:
        tagset = parse_tags(data, CASE, "x.json")
    except ProblemsError as error:
        assert data != VALID, error
        assert error.problems and all(problem.file == "x.json" for problem in error.problems)
        return
    check_loaded(tagset)
    dropped = set(data["tags"]) - set(tagset.tags)
    reported = " ".join(problem.message for problem in tagset.problems)
    assert all(repr(pid) in reported for pid in dropped)  # nothing is dropped silently
    again = parse_tags(json.loads(dump_tags(tagset)), CASE, "y.json")
    assert again.tags == tagset.tags and again.learner == tagset.learner


@FAST
@given(text=st.text(max_size=500))
def test_arbitrary_csv_text_gives_tags_or_problems(text):
    for body in (text, "learner,passage_id,category\n" + text):
        try:
            for tagset in parse_tags_csv(body, CASE, "x.csv"):
                check_loaded(tagset)
        except ProblemsError as error:
            assert error.problems


@FAST
@given(
    learner=st.text(max_size=20).filter(lambda s: s.strip() == s and "\x00" not in s),
    tags=st.dictionaries(
        st.sampled_from(PASSAGES), st.lists(st.sampled_from(CATEGORIES), unique=True), min_size=1
    ),
)
def test_csv_round_trip(learner, tags):
    """Every example goes through the CSV form (a tag set with no passage has no row to write)."""
    tagset = TagSet(CASE.case_id, tags, learner=learner or None)
    (back,) = parse_tags_csv(tags_to_csv([tagset]), CASE, "x.csv")
    assert back.tags == tags and back.learner == tagset.learner


@settings(max_examples=15)
@given(data=st.binary(max_size=300))
def test_the_command_line_answers_every_file_with_an_exit_code(data):
    path = FOLDER / "cli.json"
    path.write_bytes(data)
    assert main(["score", str(path), "--format", "json"]) in (0, 1)


@FAST
@given(data=near_valid | json_values)
@example(data=VALID)
@example(data={**VALID, "saved_at": 5})
def test_the_fast_check_agrees_with_the_json_schema(data):
    assert conforms("tags", data) == (schema_errors("tags", data) == [])


@pytest.mark.parametrize("learner", ["a\rb", "a\r\nb", "a\nb", "\x85a", "Ada\u2028Lovelace"])
def test_line_breaks_in_a_learner_name_survive_the_csv_round_trip(learner):
    tagset = TagSet(CASE.case_id, {PASSAGES[0]: [CATEGORIES[0]]}, learner=learner)
    (back,) = parse_tags_csv(tags_to_csv([tagset]), CASE, "x.csv")
    assert back.learner == learner.strip()
