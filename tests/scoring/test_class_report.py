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
    files = load_folder(class_folder, case)
    tagsets, errors = files.tagsets, files.errors
    assert sorted(t.label for t in tagsets) == sorted(["Perfect", HOSTILE, "Csv A", "Csv B"])
    bad = {Path(problem.file).name for problem in errors}
    assert bad == {"broken.json", "latin1.json", "other-case.json", "readme.txt"}
    report = build_report(tagsets, case, errors=errors)
    assert len(report.bad_files) == 4
    assert any("p999" in problem.message for problem in report.warnings)


def test_learner_scores_match_scoring_one_at_a_time(case, class_folder):
    files = load_folder(class_folder, case)
    tagsets, errors = files.tagsets, files.errors
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
    tagsets = load_folder(class_folder, case).tagsets
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
    tagsets = load_folder(class_folder, case).tagsets
    report = build_report(tagsets, case)
    agreement = report.agreement
    assert list(agreement["category"]) == list(case.categories)
    assert {"alpha", "consensus_f1", "consensus_kappa", "mean_learner_f1"} <= set(agreement.columns)
    assert (agreement["learners"] == 4).all()


def test_written_report_is_complete_and_safe(case, class_folder, tmp_path):
    files = load_folder(class_folder, case)
    tagsets, errors = files.tagsets, files.errors
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


def hand_in(folder: Path, name: str, case, learner: str | None, tags: dict, **extra) -> Path:
    data = {**tag_file(case, learner, tags), **extra}
    if learner is None:
        del data["learner"]
    path = folder / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def hedging_tags(case, n: int = 4) -> dict[str, list[str]]:
    return {pid: ["hedging"] for pid in case.exercise("hedging").passage_ids[:n]}


def test_a_learner_who_hands_in_twice_counts_once_with_the_newest(case, tmp_path):
    first, second = case.exercise("hedging").passage_ids[:2]
    # Ten o'clock in Berlin is before nine in London: the newest is judged by the time, not the text.
    hand_in(tmp_path, "ada-late.json", case, "Ada", {first: []}, saved_at="2024-05-01T09:00:00+00:00")
    hand_in(tmp_path, "ada-early.json", case, " ADA ", {second: []}, saved_at="2024-05-01T10:00:00+02:00")
    hand_in(tmp_path, "bo.json", case, "Bo", {first: []})
    report = build_report(load_folder(tmp_path, case).tagsets, case, "hedging")
    assert sorted(report.learners["learner"]) == ["Ada", "Bo"]
    ada = report.learners.set_index("learner").loc["Ada"]
    assert Path(ada["file"]).name == "ada-late.json" and ada["reviewed"] == 1
    (warning,) = [w for w in report.warnings if "more than once" in w.message]
    assert Path(warning.file).name == "ada-early.json" and "ada-late.json" in warning.message
    assert "ada-early.json: Ada handed in more than once" in str(warning)


def test_learners_without_a_name_are_never_merged(case, tmp_path):
    pid = case.exercise("hedging").passage_ids[0]
    for name in ("one.json", "two.json"):
        hand_in(tmp_path, name, case, None, {pid: []})
    report = build_report(load_folder(tmp_path, case).tagsets, case, "hedging")
    assert sorted(report.learners["learner"]) == ["one", "two"]
    assert not report.warnings


def test_a_hedging_class_is_scored_on_hedging_without_being_told(case, tmp_path):
    for number in range(3):
        hand_in(
            tmp_path,
            f"l{number}.json",
            case,
            f"L{number}",
            hedging_tags(case, 2 + number),
            exercise="hedging",
        )
    tagsets = load_folder(tmp_path, case).tagsets
    report = build_report(tagsets, case)
    assert report.exercise.exercise_id == "hedging"
    assert list(report.stack.key.categories) == ["hedging"]
    expected = [score(t, case, "hedging").micro_f1 for t in tagsets]
    assert list(report.learners["micro_f1"]) == pytest.approx(expected)
    assert report.exercise_note == "Scored on hedging, the exercise the files record."
    assert not report.left_out


def test_a_class_whose_files_record_no_exercise_is_scored_on_the_article(case, class_folder):
    report = build_report(load_folder(class_folder, case).tagsets, case)
    assert report.exercise.exercise_id == "article"
    assert report.exercise_note == "Scored on article (the whole article), as no file records its exercise."


def test_a_mixed_folder_is_reported_on_the_most_common_exercise_and_names_the_others(case, tmp_path):
    for number in range(3):
        hand_in(tmp_path, f"h{number}.json", case, f"H{number}", hedging_tags(case), exercise="hedging")
    hand_in(tmp_path, "a.json", case, "A", {}, exercise="attribution")
    hand_in(tmp_path, "old.json", case, "Old", hedging_tags(case))  # records none: no say, still scored
    files = load_folder(tmp_path, case)
    report = build_report(files.tagsets, case, errors=files.errors)
    assert report.exercise.exercise_id == "hedging"
    assert sorted(report.learners["learner"]) == ["H0", "H1", "H2", "Old"]
    assert report.exercise_note == (
        "The files record more than one exercise (hedging: 3 files, attribution: 1 file); this report "
        "is on hedging, the most common, and the 1 file of other exercises is left out."
    )
    (left_out,) = report.left_out
    assert Path(left_out.file).name == "a.json" and "'attribution'" in left_out.message
    frame = report.problems_frame()
    assert list(frame.loc[frame["severity"] == "left out", "file"]) == [left_out.file]


def test_a_tie_goes_to_the_case_s_first_exercise(case, tmp_path):
    first, second = case.exercise_ids[1:3]
    hand_in(tmp_path, "x.json", case, "X", {}, exercise=second)
    hand_in(tmp_path, "y.json", case, "Y", {}, exercise=first)
    assert build_report(load_folder(tmp_path, case).tagsets, case).exercise.exercise_id == first


def test_an_exercise_asked_for_leaves_out_the_files_of_others(case, tmp_path):
    hand_in(tmp_path, "h.json", case, "H", hedging_tags(case), exercise="hedging")
    hand_in(tmp_path, "f.json", case, "F", {}, exercise="framing")
    hand_in(tmp_path, "odd.json", case, "Odd", {}, exercise="no-such-exercise")
    report = build_report(load_folder(tmp_path, case).tagsets, case, "framing")
    assert list(report.learners["learner"]) == ["F"]
    assert {Path(p.file).name for p in report.left_out} == {"h.json", "odd.json"}
    odd = next(p for p in report.left_out if p.file.endswith("odd.json"))
    assert "which this case does not have" in odd.message
    assert report.exercise_note == (
        "Scored on framing, as chosen, and 2 files recording another exercise "
        "(hedging: 1 file, no-such-exercise: 1 file) are left out."
    )


def test_the_written_report_names_the_exercise_and_every_file_left_out(case, tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    for number in range(2):
        hand_in(folder, f"h{number}.json", case, f"H{number}", hedging_tags(case), exercise="hedging")
    hand_in(
        folder,
        "h0-again.json",
        case,
        "h0",
        hedging_tags(case, 1),
        exercise="hedging",
        saved_at="2024-05-02T09:00:00Z",
    )
    hand_in(folder, "a.json", case, "A", {}, exercise="attribution")
    (folder / "h1.json.bak").write_text("{}", encoding="utf-8")
    files = load_folder(folder, case)
    report = build_report(files.tagsets, case, errors=files.errors, skipped_note=files.skipped_sentence())
    out = tmp_path / "out"
    write_report(report, out, plots=False)
    learners = list(csv.DictReader(io.StringIO((out / "learners.csv").read_text(encoding="utf-8"))))
    assert [row["exercise"] for row in learners] == ["hedging", "hedging"]
    problems = list(csv.DictReader(io.StringIO((out / "problems.csv").read_text(encoding="utf-8"))))
    assert {(Path(row["file"]).name, row["severity"]) for row in problems} == {
        ("a.json", "left out"),
        ("h0.json", "warning"),
    }
    page = (out / "index.html").read_text(encoding="utf-8")
    assert f"<h1>Class report: {case.exercise('hedging').title}</h1>" in page
    assert f"<p>{report.exercise_note}</p>" in page
    assert "<p>Skipped 1 file that is not a learner&#39;s tag file: 1 backup.</p>" in page
    assert "h0-again.json" in page and "h0.json" in page
