"""`python -m medialit report` on a class that took both tests, and the case a folder is for."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from medialit.case.loading import load_case
from medialit.case.model import Case
from medialit.cli import main
from medialit.rendering.report_view import report_html
from medialit.scoring.class_report import build_report
from medialit.tagfile.model import TagSet
from tests.scoring.forms_case import POST_PASSAGES, PRE_PASSAGES, forms_case, levelled

HEADER = "skill,label,learners_paired,mean_pre,mean_post,gain,gain_low,gain_high"
SKILLS = ["attribution", "hedging", "selective_citation", "framing"]
SAVED = "2024-05-01T09:30:00+00:00"


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> Case:
    return forms_case(tmp_path_factory.mktemp("forms"))


def _write(folder: Path, tagset: TagSet) -> None:
    tagset = replace(tagset, saved_at=SAVED)
    path = folder / f"{tagset.exercise}-{tagset.learner}.json"
    path.write_text(json.dumps(tagset.to_json()), encoding="utf-8")


def _class(case: Case, folder: Path, learners: list[str]) -> Path:
    """Each learner: the pre-test untagged and "Not sure" throughout; the post-test as the key, "Sure"."""
    folder.mkdir()
    for learner in learners:
        before = levelled(case, "pretest", learner, {})
        after = levelled(case, "posttest", learner, dict.fromkeys(SKILLS, 1.0))
        _write(folder, replace(before, confidence=dict.fromkeys(PRE_PASSAGES, "unsure")))
        _write(folder, replace(after, confidence=dict.fromkeys(POST_PASSAGES, "sure")))
    return folder


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_a_class_with_both_tests_gets_its_gains_calibration_and_section(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, out = _class(case, tmp_path / "class", ["Ada", "Bo", "Cy"]), tmp_path / "out"
    assert main(["report", str(folder), "--out", str(out), "--data", str(case.folder)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("3 learner(s) scored on posttest, 0 bad file(s), 0 warning(s);")
    assert "gains.csv" in captured.out and "left out" not in captured.err
    assert "3 learners took both tests" in captured.err
    text = (out / "gains.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == HEADER
    rows = _rows(out / "gains.csv")
    assert [row["skill"] for row in rows] == [*SKILLS, "all"]
    assert [row["label"] for row in rows][-1] == "All skills"
    for row in rows:  # everyone scores 0.5 before and 1 after, so the interval is the gain itself
        assert (row["learners_paired"], row["mean_pre"], row["mean_post"]) == ("3", "0.5", "1.0")
        assert (row["gain"], row["gain_low"], row["gain_high"]) == ("0.5", "0.5", "0.5")
    calibration = {(row["test"], row["level"]): row for row in _rows(out / "calibration.csv")}
    after = calibration[("posttest", "sure")]
    assert (after["count"], after["share_right"], after["brier"]) == (
        str(3 * len(POST_PASSAGES)),
        "1.0",
        "0.0025",
    )
    key = case.key[case.key["strength"] == "clear"]
    untagged_right = sum(pid not in set(key["passage_id"]) for pid in PRE_PASSAGES) / len(PRE_PASSAGES)
    before = calibration[("pretest", "unsure")]
    assert float(before["share_right"]) == pytest.approx(untagged_right, abs=0.0001)
    assert before["brier"] == "0.25"  # (0.5 - right) squared is 0.25 whether right or not
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "<h2>Before and after</h2>" in page
    for name in ("gains.png", "calibration.png"):
        assert (out / name).is_file() and f'src="{name}"' in page


def test_a_report_on_the_pre_test_when_asked_still_compares_both(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, out = _class(case, tmp_path / "class", ["Ada", "Bo"]), tmp_path / "out"
    args = ["report", str(folder), "--out", str(out), "--data", str(case.folder), "--no-plots"]
    assert main([*args, "--exercise", "pretest"]) == 0
    assert capsys.readouterr().out.startswith("2 learner(s) scored on pretest")
    assert len(_rows(out / "gains.csv")) == 5


def test_with_one_learner_paired_the_interval_is_blank_and_the_page_says_why(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, out = _class(case, tmp_path / "class", ["Ada"]), tmp_path / "out"
    _write(folder, levelled(case, "posttest", "Bo", {}))
    assert main(["report", str(folder), "--out", str(out), "--data", str(case.folder), "--no-plots"]) == 0
    rows = _rows(out / "gains.csv")
    assert all(row["learners_paired"] == "1" and row["gain_low"] == row["gain_high"] == "" for row in rows)
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "1 learner took both tests; 1 hand-in had no partner test under the same name (Bo)" in page
    assert "no interval for the gains: it needs at least two learners" in page


def test_the_instructor_notebook_shows_before_and_after_too(case: Case, tmp_path: Path) -> None:
    from medialit.tagfile.folder import load_folder

    folder = _class(case, tmp_path / "class", ["Ada", "Bo"])
    html = report_html(build_report(load_folder(folder, case).tagsets, case))
    assert "<h3>Before and after</h3>" in html and html.count('<img src="data:image/png') >= 5


def _other_side_file(folder: Path, name: str, learner: str) -> None:
    other = load_case(load_case().folder / "other-side")
    tagset = TagSet(other.case_id, {"s003": []}, learner=learner, saved_at=SAVED, exercise="other_side")
    (folder / name).write_text(json.dumps(tagset.to_json()), encoding="utf-8")


def test_without_data_the_case_is_the_one_the_files_are_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "class"
    folder.mkdir()
    _other_side_file(folder, "ada.json", "Ada")
    assert main(["report", str(folder), "--out", str(tmp_path / "out"), "--no-plots"]) == 0
    assert capsys.readouterr().out.startswith("1 learner(s) scored on other_side")


def test_a_folder_mixing_cases_is_refused_in_one_sentence_naming_the_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, out = tmp_path / "class", tmp_path / "out"
    folder.mkdir()
    _other_side_file(folder, "ada.json", "Ada")
    main_case = load_case()
    tagset = TagSet(main_case.case_id, {}, learner="Bo", saved_at=SAVED)
    (folder / "bo.json").write_text(json.dumps(tagset.to_json()), encoding="utf-8")
    assert main(["report", str(folder), "--out", str(out), "--no-plots"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.endswith(".") and "Traceback" not in err
    assert "ada.json" in err and "bo.json" in err and main_case.case_id in err
    assert not out.exists()


def test_files_for_a_case_the_course_does_not_have_need_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "ada.json").write_text(
        json.dumps(TagSet("nope", {}, saved_at=SAVED).to_json()), encoding="utf-8"
    )
    assert main(["report", str(folder), "--out", str(tmp_path / "out"), "--no-plots"]) == 2
    err = capsys.readouterr().err
    assert "'nope'" in err and "--data" in err
