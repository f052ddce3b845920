"""A class folder: the copies a work folder keeps are never read as learners, and are counted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medialit.tagfile.folder import load_folder, load_uploads
from medialit.tagfile.model import TagSet
from medialit.tagfile.storage import dump_tags
from medialit.tagfile.workspace import Workspace, not_learner_work


def _tags(case, learner: str, pid: str) -> TagSet:
    return TagSet(case=case.case_id, tags={pid: []}, learner=learner, saved_at="2024-05-01T09:30:00+00:00")


def test_a_work_folder_gives_one_learner_and_says_what_it_skipped(tmp_path: Path, case) -> None:
    first, second = case.passages.index[:2]
    workspace = Workspace(tmp_path / "hedging-ada-tags.json")
    workspace.save(_tags(case, "Ada", first))
    workspace.save(_tags(case, "Ada", second))  # the first version becomes the .bak
    workspace.keep_copy()  # a .replaced-<stamp>.json copy, as before a restore
    broken = Workspace(tmp_path / "hedging-bo-tags.json")
    broken.path.write_text("{", encoding="utf-8")
    broken.resume(case, case.passages.index)  # moved aside to .corrupt-<stamp>.json
    (tmp_path / ".hedging-ada-tags.json.k2j4x9.tmp").write_text(dump_tags(_tags(case, "Ada", first)))
    assert (tmp_path / ".hedging-ada-tags.json.lock").is_file()  # the saves' lock: holds nothing, not said
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    (tmp_path / ".ipynb_checkpoints").mkdir()

    files = load_folder(tmp_path, case)

    assert [(t.label, Path(t.source).name) for t in files.tagsets] == [("Ada", "hedging-ada-tags.json")]
    assert files.tagsets[0].tags == {second: []}
    assert files.errors == []
    assert files.skipped_sentence() == (
        "Skipped 6 files that are not learners' tag files: 1 backup, 2 copies kept aside, 1 folder, "
        "1 hidden file, 1 temporary file."
    )


def test_nothing_skipped_says_nothing(tmp_path: Path, case) -> None:
    Workspace(tmp_path / "a-tags.json").save(_tags(case, "Ada", case.passages.index[0]))
    files = load_folder(tmp_path, case)
    assert len(files.tagsets) == 1 and files.skipped_sentence() == ""


def test_one_skipped_file_is_one_readable_sentence(tmp_path: Path, case) -> None:
    workspace = Workspace(tmp_path / "a-tags.json")
    workspace.save(_tags(case, "Ada", case.passages.index[0]))
    workspace.save(_tags(case, "Ada", case.passages.index[1]))
    assert load_folder(tmp_path, case).skipped_sentence() == (
        "Skipped 1 file that is not a learner's tag file: 1 backup."
    )


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("hedging-ada-tags.json.bak", "backup"),
        ("hedging-ada-tags.json.lock", "lock file"),
        (".hedging-ada-tags.json.abc123.tmp", "temporary file"),
        ("hedging-ada-tags.replaced-20240501T093000.json", "copy kept aside"),
        ("hedging-ada-tags.corrupt-20240501T093000-2.json", "copy kept aside"),
        ("lateral-answers.json", "lateral-reading answers file"),
        ("lateral-ada-1a2b3c4d-answers.json", "lateral-reading answers file"),
        ("lateral-answers.json.bak", "backup"),
        ("hedging-ada-tags.json", None),
        ("replaced.json", None),
        ("ada.replaced.json", None),  # a learner's own name for a file, not a copy the course made
        ("ada.replaced-later.json", None),
        ("ada.csv", None),
    ],
)
def test_the_rule_for_work_folder_copies(name: str, kind: str | None) -> None:
    assert not_learner_work(name) == kind


def test_uploads_skip_the_same_copies(case) -> None:
    good = dump_tags(_tags(case, "Ada", case.passages.index[0])).encode()
    files = load_uploads(
        [
            ("ada-tags.json", good),
            ("ada-tags.json.bak", good),
            ("ada-tags.replaced-20240501T093000.json", good),
        ],
        case,
    )
    assert [t.label for t in files.tagsets] == ["Ada"]
    assert files.errors == []
    assert files.skipped_sentence() == (
        "Skipped 2 files that are not learners' tag files: 1 backup, 1 copy kept aside."
    )


def test_a_bad_file_beside_the_copies_is_still_a_problem(tmp_path: Path, case) -> None:
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    (tmp_path / "broken.json.bak").write_text(json.dumps({"not": "read"}), encoding="utf-8")
    files = load_folder(tmp_path, case)
    assert [Path(problem.file).name for problem in files.errors] == ["broken.json"]
    assert "1 backup" in files.skipped_sentence()
