"""The class report: bad files listed, good files used, tables right, CSV and HTML safe."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import numpy as np
import pytest

from medialit.case.loading import load_case
from medialit.rendering.report_files import frame_csv, render_html, write_report
from medialit.rendering.text import format_score
from medialit.scoring.class_report import build_report
from medialit.scoring.key import key_matrix
from medialit.scoring.learner import feedback, score
from medialit.tagfile.folder import load_folder
from medialit.tagfile.model import FORMAT, TagSet
from medialit.tagfile.storage import write_tags_atomic

HOSTILE = '=cmd|" /C calc"!A0 <script>alert(1)</script>'


@pytest.fixture(scope="module")
def case():
    return load_case()


def tag_file(case, learner, tags, **extra) -> dict:
    return {
        "format": FORMAT,
        "case": case.case_id,
        "learner": learner,
        "saved_at": "2024-05-01T09:30:00Z",
        "tags": tags,
        **extra,
    }


@pytest.fixture
def class_folder(case, tmp_path) -> Path:
    folder = tmp_path / "class"
    folder.mkdir()
    clear = case.key[case.key["strength"] == "clear"]
    perfect = {pid: [] for pid in case.passages.index}
    for row in clear.itertuples():
        perfect[row.passage_id].append(row.category)
    first = case.passages.index[0]
    (folder / "perfect.json").write_text(json.dumps(tag_file(case, "Perfect", perfect)), encoding="utf-8")
    notes = {first: HOSTILE}
    hostile = tag_file(case, HOSTILE, {first: [], "p999": ["framing"]}, notes=notes)
    (folder / "hostile.json").write_text(json.dumps(hostile), encoding="utf-8")
    (folder / "broken.json").write_text('{"format": "medialit-tags/1", "case"', encoding="utf-8")
    (folder / "latin1.json").write_bytes(
        json.dumps(tag_file(case, "Zoë", {}), ensure_ascii=False).encode("latin-1")
    )
    (folder / "other-case.json").write_text(json.dumps({**tag_file(case, "X", {}), "case": "nope"}))
    (folder / "readme.txt").write_text("hello")
    (folder / "perfect.json.bak").write_text("old version, ignored")
    (folder / "two.csv").write_text(f"learner,passage_id,category\nCsv A,{first},\nCsv B,{first},framing\n")
    return folder


def test_bad_files_are_listed_and_good_files_used(case, class_folder):
    tagsets, errors = load_folder(class_folder, case)
    assert sorted(t.label for t in tagsets) == sorted(["Perfect", HOSTILE, "Csv A", "Csv B"])
    bad = {Path(problem.file).name for problem in errors}
    assert bad == {"broken.json", "latin1.json", "other-case.json", "readme.txt"}
    report = build_report(tagsets, case, errors=errors)
    assert len(report.bad_files) == 4
    assert any("p999" in problem.message for problem in report.warnings)


def test_learner_scores_match_scoring_one_at_a_time(case, class_folder):
    tagsets, errors = load_folder(class_folder, case)
    report = build_report(tagsets, case, errors=errors)
    for tagset, row in zip(tagsets, report.learners.itertuples(index=False), strict=True):
        alone = score(tagset, case)
        assert row.learner == tagset.label
        assert row.coverage == pytest.approx(alone.coverage)
        assert row.micro_f1 == pytest.approx(alone.micro_f1, nan_ok=True)
        for category, values in alone.categories.iterrows():
            assert getattr(row, f"{category}_tp") == values["tp"]
            assert getattr(row, f"{category}_kappa") == pytest.approx(values["kappa"], nan_ok=True)
    perfect = report.learners.set_index("learner").loc["Perfect"]
    assert perfect["micro_f1"] == 1


def test_passages_are_hardest_first_with_shares(case, class_folder):
    tagsets, _ = load_folder(class_folder, case)
    report = build_report(tagsets, case)
    passages = report.passages
    key = key_matrix(case)
    assert len(passages) == len(key.passage_ids) * len(key.categories)
    difficulty = passages["difficulty"].dropna().to_numpy()
    assert (np.diff(difficulty) <= 0).all()
    assert (
        passages["difficulty"].isna().sum()
        == key.arguable.sum()
        + passages["reviewed"].eq(0).sum()
        - (passages["reviewed"].eq(0) & passages["key"].eq("arguable")).sum()
    )
    first = case.passages.index[0]
    row = passages[(passages["passage_id"] == first) & (passages["category"] == "framing")].iloc[0]
    assert row["reviewed"] == 4  # Perfect, hostile, and both CSV learners reviewed it
    expected_tagged = sum("framing" in t.tags.get(first, []) for t in tagsets)
    assert row["tagged"] == expected_tagged
    assert row["share"] == pytest.approx(expected_tagged / 4)


def test_agreement_has_alpha_and_consensus_per_category(case, class_folder):
    tagsets, _ = load_folder(class_folder, case)
    report = build_report(tagsets, case)
    agreement = report.agreement
    assert list(agreement["category"]) == list(case.categories)
    assert {"alpha", "consensus_f1", "consensus_kappa", "mean_learner_f1"} <= set(agreement.columns)
    assert (agreement["learners"] == 4).all()


def test_written_report_is_complete_and_safe(case, class_folder, tmp_path):
    tagsets, errors = load_folder(class_folder, case)
    report = build_report(tagsets, case, errors=errors)
    out = tmp_path / "out"
    written = write_report(report, out, plots=True)
    names = {path.name for path in written}
    assert {"learners.csv", "passages.csv", "agreement.csv", "problems.csv", "index.html"} <= names
    assert {"category_scores.png", "article_strip.png", "learner_heatmap.png"} <= names
    for name in ("learners.csv", "passages.csv", "agreement.csv", "problems.csv"):
        rows = list(csv.reader(io.StringIO((out / name).read_text(encoding="utf-8"))))
        for row in rows:
            for cell in row:
                if cell[:1] in ("=", "+", "@", "\t", "\r"):
                    pytest.fail(f"{name}: unsafe cell {cell!r}")
                if cell.startswith("-"):
                    float(cell)  # only numbers may start with a minus sign
    learners = (out / "learners.csv").read_text(encoding="utf-8")
    assert "'" + HOSTILE.split('"')[0] in learners
    problems = (out / "problems.csv").read_text(encoding="utf-8")
    for bad in ("broken.json", "latin1.json", "other-case.json", "readme.txt"):
        assert bad in problems
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert page.count("<img ") == 3
    assert all('alt=""' not in line for line in page.splitlines())


def test_undefined_values_are_empty_in_csv_and_undefined_in_html(case, tmp_path):
    report = build_report([TagSet(case.case_id, {}, learner="Nobody")], case)
    learners = list(csv.DictReader(io.StringIO(frame_csv(report.learners))))
    assert learners[0]["micro_precision"] == ""
    page = render_html(report, [])
    assert "undefined" in page


def test_an_empty_class_still_gives_a_report(case, tmp_path):
    report = build_report([], case)
    written = write_report(report, tmp_path / "out", plots=True)
    assert (tmp_path / "out" / "index.html") in written
    assert len(report.learners) == 0


def test_load_folder_refuses_a_file(case, tmp_path):
    from medialit.common.problems import ProblemsError

    path = tmp_path / "x.json"
    path.write_text("{}")
    with pytest.raises(ProblemsError, match="not a folder"):
        load_folder(path, case)


def test_format_score_lists_differences_with_the_rationale(case, tmp_path):
    row = case.key[case.key["strength"] == "clear"].iloc[0]
    tagset = TagSet(case.case_id, {row.passage_id: []}, learner="Ada")
    path = write_tags_atomic(tmp_path / "ada.json", tagset)
    assert path.exists()
    result = score(tagset, case)
    labels = {c: entry["label"] for c, entry in case.categories.items()}
    text = format_score(result, feedback(tagset, case), labels)
    assert f"{row.passage_id} {labels[row.category]}: missed" in text
    assert row.rationale in text
    assert "undefined" in text  # precision with no tags given
