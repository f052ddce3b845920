"""`python -m medialit score | report | validate FILE`: output, exit codes, plain messages."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from medialit.case.loading import load_case
from medialit.cli import main
from medialit.tagfile.model import FORMAT

STATS = {"tp", "fp", "fn", "tn", "precision", "recall", "f1", "kappa"}


@pytest.fixture(scope="module")
def case():
    return load_case()


def write_tags(case, path: Path, tags: dict, learner: str = "Ada") -> Path:
    data = {
        "format": FORMAT,
        "case": case.case_id,
        "learner": learner,
        "saved_at": "2024-05-01T09:30:00+02:00",
        "tags": tags,
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def good(case, tmp_path) -> Path:
    tags = {pid: [] for pid in case.passages.index[:20]}
    row = case.key[case.key["strength"] == "clear"].iloc[0]
    tags[row.passage_id] = [row.category]
    return write_tags(case, tmp_path / "ada.json", tags)


def test_score_json_has_every_statistic(good, case, capsys):
    assert main(["score", str(good), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["categories"]) == set(case.categories)
    for values in data["categories"].values():
        assert set(values) == STATS
    assert data["reviewed"] == 20 and data["total"] == len(case.passages)
    assert data["coverage"] == pytest.approx(20 / len(case.passages))
    assert 0 < data["micro_f1"] <= 1


def test_score_text_names_the_learner_and_the_differences(good, capsys):
    assert main(["score", str(good)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Ada: article, reviewed 20 of")
    assert "Differences from the key" in out


def test_score_reports_unknown_ids_and_still_scores(case, tmp_path, capsys):
    path = write_tags(case, tmp_path / "typo.json", {"p999": ["framing"], case.passages.index[0]: ["spin"]})
    assert main(["score", str(path), "--format", "json"]) == 1  # scored, but entries were left out
    captured = capsys.readouterr()
    assert "p999" in captured.err and "'spin'" in captured.err and "typo.json" in captured.err
    data = json.loads(captured.out)
    assert data["reviewed"] == 1
    assert len(data["problems"]) == 2 and all("typo.json" in problem for problem in data["problems"])


def run_as_a_terminal_shows_it(argv: list[str]) -> tuple[int, list[str]]:
    """Run a command with stdout and stderr into one stream, in the order they were written."""
    both = io.StringIO()
    with contextlib.redirect_stdout(both), contextlib.redirect_stderr(both):
        code = main(argv)
    return code, both.getvalue().splitlines()


def test_score_lists_the_problems_first_then_a_summary_then_the_score_and_exits_1(case, tmp_path):
    first = case.passages.index[0]
    tags = {"p999": ["framing"], first: ["spin", "framing", "framing"]}
    path = write_tags(case, tmp_path / "typo.json", tags)
    code, lines = run_as_a_terminal_shows_it(["score", str(path)])
    assert code == 1
    score_line = next(i for i, line in enumerate(lines) if line.startswith("Ada: article, reviewed"))
    problems, summary = lines[: score_line - 1], lines[score_line - 1]
    assert len(problems) == 3
    assert all(line.startswith(str(path)) and line.endswith(".") for line in problems)
    assert summary.startswith(f"3 entries of {path} could not be used and were left out: ")
    assert "1 with an unknown passage id" in summary and "1 with an unknown category" in summary


def test_score_without_problems_exits_0_and_prints_only_the_score(good):
    code, lines = run_as_a_terminal_shows_it(["score", str(good)])
    assert code == 0 and lines[0].startswith("Ada: article, reviewed")


def test_score_says_how_many_reviewed_passages_are_not_in_the_exercise(case, tmp_path, capsys):
    capstone = case.exercise("capstone").passage_ids
    outside = [pid for pid in capstone if pid not in case.exercise("hedging").passage_ids]
    path = tmp_path / "cap.json"
    data = {
        **json.loads(write_tags(case, path, {pid: [] for pid in capstone}).read_text()),
        "exercise": "capstone",
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["score", str(path), "--exercise", "hedging", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["not_scored"] == outside
    assert captured.err == (
        f"{len(outside)} reviewed passages of {path} are not part of the hedging exercise, so they were not "
        "scored (the file was made for the capstone exercise).\n"
    )
    assert main(["score", str(path), "--format", "json"]) == 0  # its own exercise: everything is scored
    captured = capsys.readouterr()
    assert json.loads(captured.out)["not_scored"] == [] and captured.err == ""


def test_score_help_gives_the_exit_codes(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["score", "--help"])
    assert exit_info.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Exit codes: 0 when every entry of the file was used; 1 when the input had problems" in out
    assert "2 for a usage error" in out


@pytest.mark.parametrize(
    ("content", "expected"),
    [(b"{", "is not valid JSON"), (b"\xc3\x28", "is not UTF-8"), (b"[]", "does not follow")],
)
def test_score_bad_file_is_one_plain_message(tmp_path, capsys, content, expected):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    assert main(["score", str(path)]) == 1
    err = capsys.readouterr().err
    assert expected in err and "bad.json" in err and "Traceback" not in err


def test_score_unknown_exercise_is_a_usage_error(good, capsys):
    assert main(["score", str(good), "--exercise", "no-such"]) == 2
    assert "No exercise 'no-such'" in capsys.readouterr().err


def test_validate_file(good, tmp_path, capsys):
    assert main(["validate", str(good)]) == 0
    assert "is a valid tag file" in capsys.readouterr().out
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    assert main(["validate", str(bad)]) == 1
    assert "bad.json" in capsys.readouterr().err


def test_validate_file_with_unknown_ids_fails(case, tmp_path, capsys):
    path = write_tags(case, tmp_path / "typo.json", {"p999": []})
    assert main(["validate", str(path)]) == 1
    assert "unknown passage id 'p999'" in capsys.readouterr().err


def test_validate_without_file_still_checks_the_case(capsys):
    assert main(["validate"]) == 0
    assert "is valid" in capsys.readouterr().out


def test_report_writes_everything_and_prints_one_line(case, good, tmp_path, capsys):
    folder = good.parent
    write_tags(case, folder / "bo.json", {pid: ["framing"] for pid in case.passages.index[:5]}, "Bo")
    (folder / "broken.json").write_text("{", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["report", str(folder), "--out", str(out), "--no-plots"]) == 1  # one bad file
    captured = capsys.readouterr()
    assert len(captured.out.strip().splitlines()) == 1
    assert captured.out.startswith("2 learner(s) scored on article, 1 bad file(s)")
    assert "broken.json" in captured.err
    for name in ("learners.csv", "passages.csv", "agreement.csv", "problems.csv", "index.html"):
        assert (out / name).is_file()
    assert "broken.json" in (out / "problems.csv").read_text(encoding="utf-8")


def test_report_on_a_clean_folder_exits_zero(case, good, tmp_path, capsys):
    assert main(["report", str(good.parent), "--out", str(tmp_path / "out"), "--no-plots"]) == 0


def test_report_on_a_missing_folder(tmp_path, capsys):
    assert main(["report", str(tmp_path / "absent"), "--out", str(tmp_path / "out")]) == 1
    assert "is not a folder" in capsys.readouterr().err


def test_command_line_never_shows_a_traceback(tmp_path):
    path = tmp_path / "hostile.json"
    path.write_bytes(b"\x00\xff" * 100)
    result = subprocess.run(
        [sys.executable, "-m", "medialit", "score", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "hostile.json" in result.stderr


def test_report_needs_out(tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        main(["report", str(tmp_path)])
    assert exit_info.value.code == 2


def hedging_file(case, path: Path, learner: str, exercise: str | None = "hedging", **extra) -> Path:
    tags = {pid: ["hedging"] for pid in case.exercise("hedging").passage_ids[:3]}
    write_tags(case, path, tags, learner)
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update({"exercise": exercise} if exercise else {}, **extra)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def report(folder: Path, out: Path, *extra: str) -> int:
    return main(["report", str(folder), "--out", str(out), "--no-plots", *extra])


def test_report_scores_a_hedging_class_on_hedging_without_being_told(case, tmp_path, capsys):
    folder = tmp_path / "class"
    folder.mkdir()
    for learner in ("Ada", "Bo"):
        hedging_file(case, folder / f"{learner}.json", learner)
    assert report(folder, tmp_path / "out") == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("2 learner(s) scored on hedging, 0 bad file(s), 0 warning(s);")
    assert "Scored on hedging, the exercise the files record." in captured.err
    assert "Class report: " + case.exercise("hedging").title in (tmp_path / "out" / "index.html").read_text()


def test_report_on_a_mixed_folder_warns_once_and_names_the_files_left_out(case, tmp_path, capsys):
    folder = tmp_path / "class"
    folder.mkdir()
    for learner in ("Ada", "Bo", "Cy"):
        hedging_file(case, folder / f"{learner}.json", learner)
    hedging_file(case, folder / "Di.json", "Di", "framing")
    assert report(folder, tmp_path / "out") == 1  # a file was left out
    captured = capsys.readouterr()
    assert captured.out.startswith("3 learner(s) scored on hedging, 0 bad file(s), 1 file(s) left out,")
    sentences = [line for line in captured.err.splitlines() if "more than one exercise" in line]
    assert sentences == [
        "The files record more than one exercise (hedging: 3 files, framing: 1 file); this report is on "
        "hedging, the most common, and the 1 file of other exercises is left out."
    ]
    assert any(line.startswith("left out: ") and "Di.json" in line for line in captured.err.splitlines())
    assert "Di.json" in (tmp_path / "out" / "problems.csv").read_text(encoding="utf-8")


def test_report_with_an_exercise_leaves_out_the_files_of_others(case, tmp_path, capsys):
    folder = tmp_path / "class"
    folder.mkdir()
    hedging_file(case, folder / "ada.json", "Ada")
    hedging_file(case, folder / "bo.json", "Bo", "framing")
    assert report(folder, tmp_path / "out", "--exercise", "framing") == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("1 learner(s) scored on framing, 0 bad file(s), 1 file(s) left out,")
    assert "ada.json records the exercise 'hedging', not 'framing'" in captured.err


def test_report_counts_a_learner_who_hands_in_twice_once(case, tmp_path, capsys):
    folder = tmp_path / "class"
    folder.mkdir()
    hedging_file(case, folder / "ada-1.json", "Ada", saved_at="2024-05-01T09:30:00+00:00")
    hedging_file(case, folder / "ada-2.json", "ada", saved_at="2024-05-02T09:30:00+00:00")
    assert report(folder, tmp_path / "out") == 0  # the older hand-in is a warning, not a lost file
    captured = capsys.readouterr()
    assert captured.out.startswith("1 learner(s) scored on hedging, 0 bad file(s), 1 warning(s);")
    (line,) = [line for line in captured.err.splitlines() if "more than once" in line]
    assert line.startswith("warning: ") and "ada-1.json" in line and "ada-2.json" in line


def test_report_on_a_work_folder_skips_the_lateral_reading_answers_and_says_so(case, tmp_path, capsys):
    from medialit.session.lateral import LateralSession
    from medialit.tagfile.answer_store import AnswerStore

    folder = tmp_path / "my-work"
    folder.mkdir()
    hedging_file(case, folder / "hedging-ada-tags.json", "Ada")
    task = case.lateral[0]
    store = AnswerStore.for_learner(case.case_id, case.lateral, "Ada", folder)
    LateralSession(case, store, "Ada").commit(task.task_id, task.choices[0].choice_id)
    assert store.path.name.endswith("-answers.json")
    assert report(folder, tmp_path / "out") == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("1 learner(s) scored on hedging, 0 bad file(s), 0 warning(s);")
    assert "Skipped 1 file that is not a learner's tag file: 1 lateral-reading answers file." in captured.err


def test_report_on_a_work_folder_skips_its_copies_and_says_so(case, tmp_path, capsys):
    from medialit.tagfile.workspace import Workspace

    folder = tmp_path / "my-work"
    folder.mkdir()
    path = hedging_file(case, folder / "hedging-ada-tags.json", "Ada")
    workspace = Workspace(path)
    workspace.keep_copy()
    workspace.save(workspace.resume(case, case.passages.index).tagset)
    assert report(folder, tmp_path / "out") == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("1 learner(s) scored on hedging, 0 bad file(s), 0 warning(s);")
    assert "Skipped 2 files that are not learners' tag files: 1 backup, 1 copy kept aside." in captured.err
