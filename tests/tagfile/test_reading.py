"""Learners' tag files: the JSON and CSV forms, the schema, and plain problems for bad input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from medialit.case.loading import load_case
from medialit.common.csv_text import spreadsheet_safe, spreadsheet_unsafe
from medialit.common.cues import find_span
from medialit.common.problems import ProblemsError
from medialit.schemas import validator
from medialit.tagfile.csv_form import parse_tags_csv, tags_to_csv
from medialit.tagfile.model import FORMAT, TagSet
from medialit.tagfile.reading import MAX_BYTES, load_tags, parse_tag_file, parse_tags
from medialit.tagfile.storage import dump_tags, write_tags_atomic


@pytest.fixture(scope="module")
def case():
    return load_case()


def sample(the_case, **changes) -> dict:
    first, second, third = list(the_case.passages.index[:3])
    category = next(iter(the_case.categories))
    data = {
        "format": FORMAT,
        "case": the_case.case_id,
        "learner": "Ada",
        "saved_at": "2024-05-01T09:30:00+00:00",
        "tags": {first: [category], second: []},
        "cues": {first: {category: [the_case.passages.at[first, "text"].split()[0]]}},
        "notes": {third: "not sure <b>here</b>"},
    }
    data.update(changes)
    return data


def write(tmp_path: Path, data, name: str = "ada.json") -> Path:
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def messages(error: pytest.ExceptionInfo) -> str:
    return "\n".join(str(problem) for problem in error.value.problems)


def test_the_schema_is_a_valid_json_schema():
    Draft202012Validator.check_schema(validator("tags").schema)


def test_a_good_file_loads_and_round_trips(case, tmp_path):
    path = write(tmp_path, sample(case))
    tagset = load_tags(path, case)
    assert tagset.learner == "Ada"
    assert tagset.problems == []
    assert tagset.source.endswith("ada.json")
    again = load_tags(write(tmp_path, dump_tags(tagset), "again.json"), case)
    assert again.tags == tagset.tags and again.cues == tagset.cues and again.notes == tagset.notes
    assert json.loads(dump_tags(tagset)) == sample(case)


def test_empty_list_means_reviewed_and_absent_means_not(case, tmp_path):
    tagset = load_tags(write(tmp_path, sample(case)), case)
    _first, second, third = list(case.passages.index[:3])
    assert tagset.tags[second] == []
    assert second in tagset.tags and third not in tagset.tags


def test_optional_parts_may_be_left_out(case):
    data = sample(case)
    for name in ("learner", "cues", "notes"):
        del data[name]
    tagset = parse_tags(data, case, "x.json")
    assert tagset.learner is None and tagset.cues == {} and tagset.notes == {}
    assert "learner" not in json.loads(dump_tags(tagset))
    assert tagset.label == "x"


def test_unknown_ids_and_categories_are_reported_and_the_good_tags_kept(case):
    first = case.passages.index[0]
    category = next(iter(case.categories))
    data = sample(case, tags={first: [category, "propaganda", category], "p999": ["framing"]})
    tagset = parse_tags(data, case, "ada.json")
    text = "\n".join(str(problem) for problem in tagset.problems)
    assert tagset.tags == {first: [category]}
    assert "unknown passage id 'p999'" in text
    assert "unknown category 'propaganda'" in text
    assert "given twice" in text
    assert all(problem.file == "ada.json" for problem in tagset.problems)


def test_cue_words_not_in_the_passage_are_reported(case):
    first = case.passages.index[0]
    category = next(iter(case.categories))
    data = sample(case, cues={first: {category: ["zzz not there"]}})
    tagset = parse_tags(data, case, "ada.json")
    assert any("not in the text" in problem.message for problem in tagset.problems)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"case": "another-case"}, "is for case 'another-case'"),
        ({"format": "medialit-tags/9"}, "does not follow the tag-file format"),
        ({"saved_at": "yesterday at noon"}, "is not a date and time written like"),
        ({"tags": ["p001"]}, "tags"),
        ({"tags": {"p001": "framing"}}, "its tags (p001) is a text, but it should be a list"),
        ({"surprise": 1}, "surprise"),
        ({"learner": "Ada\x00"}, "learner"),
        ({"learner": "Ada\n"}, "must not contain control characters"),
    ],
)
def test_unusable_data_is_refused_naming_the_file(case, change, expected):
    with pytest.raises(ProblemsError) as error:
        parse_tags(sample(case, **change), case, "bad.json")
    assert expected in messages(error)
    assert all(problem.file == "bad.json" for problem in error.value.problems)


def test_missing_required_field_is_refused(case):
    data = sample(case)
    del data["saved_at"]
    with pytest.raises(ProblemsError) as error:
        parse_tags(data, case, "bad.json")
    assert "saved_at" in messages(error)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"format": "medialit-tags/1", "case": ', "is not valid JSON"),
        (b"\xff\xfe{}", "is not UTF-8 text"),
        ("{}".encode("utf-16"), "is not UTF-8 text"),
        (b'{"a": NaN}', "NaN is not allowed"),
        (b'{"a": 1, "a": 2}', "appears twice"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"a": "\\ud800"}', "unpaired surrogate"),
        (b"{\x00}", "NUL"),
        (b"", "is not valid JSON"),
    ],
)
def test_bad_files_get_one_plain_message(case, tmp_path, content, expected):
    path = write(tmp_path, content, "bad.json")
    with pytest.raises(ProblemsError) as error:
        load_tags(path, case)
    text = messages(error)
    assert expected in text
    assert "bad.json" in text


def test_a_byte_order_mark_is_accepted(case, tmp_path):
    path = write(tmp_path, b"\xef\xbb\xbf" + json.dumps(sample(case)).encode(), "bom.json")
    assert load_tags(path, case).learner == "Ada"


def test_oversized_files_are_refused_before_parsing(case, tmp_path):
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(ProblemsError) as error:
        load_tags(path, case)
    assert "larger than" in messages(error)


def test_missing_files_and_folders_are_plain_problems(case, tmp_path):
    with pytest.raises(ProblemsError, match="no such file"):
        load_tags(tmp_path / "absent.json", case)
    with pytest.raises(ProblemsError, match="not a regular file"):
        load_tags(tmp_path, case)


def test_atomic_write_keeps_the_previous_version(case, tmp_path):
    path = tmp_path / "ada.json"
    first = parse_tags(sample(case), case)
    write_tags_atomic(path, first)
    assert not (tmp_path / "ada.json.bak").exists()
    second = parse_tags(sample(case, learner="Ada L."), case)
    write_tags_atomic(path, second)
    assert load_tags(path, case).learner == "Ada L."
    assert load_tags(tmp_path / "ada.json.bak", case).learner == "Ada"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ada.json", "ada.json.bak"]


def test_find_span_takes_the_first_occurrence_and_ignores_case_as_a_fallback():
    assert find_span("the cat and the hat", "the") == (0, 3)
    assert find_span("The cat", "the cat") == (0, 7)
    assert find_span("The cat", "dog") is None
    assert find_span("The cat", "") is None
    assert find_span("a.b", ".") == (1, 2)


@pytest.mark.parametrize("value", ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx", "'=x", "''"])
def test_spreadsheet_cells_are_neutralised_and_restored(value):
    safe = spreadsheet_safe(value)
    assert safe.startswith("'")
    assert spreadsheet_unsafe(safe) == value


def test_harmless_cells_are_left_alone():
    assert spreadsheet_safe("Ada") == "Ada"
    assert spreadsheet_safe(-0.5) == -0.5
    assert spreadsheet_unsafe("'tis") == "'tis"


def test_csv_round_trip_with_hostile_names(case, tmp_path):
    first, second = list(case.passages.index[:2])
    category = next(iter(case.categories))
    names = ['=HYPERLINK("http://x")', "@Ada", "-Bo", 'Cy, "the" learner']
    tagsets = [TagSet(case.case_id, {first: [category], second: []}, learner=name) for name in names]
    text = tags_to_csv(tagsets)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["learner", "passage_id", "category"]
    assert all(row[0][:1] not in "=+-@" for row in rows[1:])
    back = parse_tag_file(text.encode("utf-8"), "class.csv", case)
    assert [t.learner for t in back] == names
    assert all(t.tags == {first: [category], second: []} for t in back)


def test_csv_reports_unknown_ids_with_line_numbers(case):
    first = case.passages.index[0]
    text = f"learner,passage_id,category\nAda,{first},framing\nAda,p999,framing\nAda,{first},nonsense\nBo\n"
    tagsets = parse_tags_csv(text, case, "class.csv")
    problems = [str(problem) for t in tagsets for problem in t.problems]
    assert tagsets[0].tags == {first: ["framing"]}
    assert any("line 3" in p and "p999" in p for p in problems)
    assert any("line 4" in p and "nonsense" in p for p in problems)
    assert any("line 5" in p and "cells" in p for p in problems)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "the header"),
        ("name,passage\nAda,p001\n", "the header"),
        ("learner,passage_id,category\n", "no tags"),
    ],
)
def test_csv_without_header_or_rows_is_refused(case, text, expected):
    with pytest.raises(ProblemsError, match=expected) as error:
        parse_tags_csv(text, case, "x.csv")
    assert all(problem.file == "x.csv" for problem in error.value.problems)


def test_a_csv_with_several_learners_cannot_be_scored_as_one(case, tmp_path):
    first = case.passages.index[0]
    path = write(tmp_path, f"learner,passage_id,category\nA,{first},\nB,{first},\n", "two.csv")
    with pytest.raises(ProblemsError, match="holds 2 learners"):
        load_tags(path, case)
    one = write(tmp_path, f"learner,passage_id,category\nA,{first},framing\n", "one.csv")
    assert load_tags(one, case).tags == {first: ["framing"]}


def test_tags_to_csv_marks_reviewed_passages_without_tags(case):
    first = case.passages.index[0]
    text = tags_to_csv([TagSet(case.case_id, {first: []}, learner="Ada")])
    assert text.splitlines()[1] == f"Ada,{first},"
