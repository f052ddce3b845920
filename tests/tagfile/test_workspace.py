"""The work folder: where autosaves go, resuming, and what happens to a corrupt file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medialit import load_case
from medialit.tagfile.model import TagSet
from medialit.tagfile.reading import load_tags
from medialit.tagfile.workspace import WORK_DIR_VARIABLE, Workspace, tag_file_name, work_dir

HEDGING = load_case().exercise("hedging").passage_ids
N = len(HEDGING)


def _tags(case, tags: dict[str, list[str]]) -> TagSet:
    return TagSet(case=case.case_id, tags=tags, saved_at="2024-05-01T09:30:00+00:00")


def test_work_dir_defaults_beside_the_notebook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(WORK_DIR_VARIABLE, raising=False)
    monkeypatch.chdir(tmp_path)  # a kernel runs in its notebook's folder
    assert work_dir() == tmp_path / "my-work"


def test_work_dir_can_be_overridden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(WORK_DIR_VARIABLE, str(tmp_path / "elsewhere"))
    assert work_dir() == tmp_path / "elsewhere"
    assert work_dir().is_dir()


def test_file_names_per_exercise_and_learner(tmp_path: Path) -> None:
    assert Workspace.for_exercise("hedging", folder=tmp_path).path == tmp_path / "hedging-tags.json"
    ada = Workspace.for_exercise("hedging", "Ada L.", folder=tmp_path).path
    assert ada == tmp_path / tag_file_name("hedging", "Ada L.") and ada.parent == tmp_path
    assert Workspace.for_exercise("hedging", "../../etc", folder=tmp_path).path.parent == tmp_path
    assert Workspace.for_exercise("hedging", "ada-l", folder=tmp_path).path != ada


def _saved_twice(workspace: Workspace, case) -> tuple[bytes, bytes]:
    workspace.save(_tags(case, {"p034": ["hedging"]}))
    workspace.save(_tags(case, {"p034": ["hedging"], "p035": []}))
    return workspace.path.read_bytes(), workspace.backup.read_bytes()


@pytest.fixture(params=[True, False], ids=["hard-links", "no-hard-links"])
def links(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """With hard links, and without them (a FAT drive, some network folders)."""
    if not request.param:

        def no_link(*_args: object) -> None:
            raise PermissionError(1, "Operation not permitted")

        monkeypatch.setattr("os.link", no_link)
    return bool(request.param)


def test_move_to_renames_the_file_and_its_backup(tmp_path: Path, case, links: bool) -> None:
    workspace = Workspace(tmp_path / "hedging-tags.json")
    work, backup = _saved_twice(workspace, case)
    target = tmp_path / tag_file_name("hedging", "Ada")
    workspace.move_to(target)
    assert workspace.path == target and target.read_bytes() == work
    assert workspace.backup.read_bytes() == backup
    shown = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))  # not the saves' lock
    assert shown == [target.name, target.name + ".bak"]


def test_move_to_never_overwrites(tmp_path: Path, case, links: bool) -> None:
    workspace = Workspace(tmp_path / "hedging-tags.json")
    work, _backup = _saved_twice(workspace, case)
    target = tmp_path / "hedging-ada-tags.json"
    target.write_text("Ada's earlier work", encoding="utf-8")
    with pytest.raises(FileExistsError):
        workspace.move_to(target)
    assert workspace.path == tmp_path / "hedging-tags.json" and workspace.path.read_bytes() == work
    assert target.read_text(encoding="utf-8") == "Ada's earlier work"


def test_hand_back_moves_another_learner_s_file_to_theirs_as_it_is(tmp_path: Path, case) -> None:
    workspace = Workspace(tmp_path / "hedging-tags.json")
    work, backup = _saved_twice(workspace, case)
    went = workspace.hand_back("hedging", "Ada")
    assert went == tmp_path / tag_file_name("hedging", "Ada") and went.read_bytes() == work
    assert Path(f"{went}.bak").read_bytes() == backup
    assert workspace.path == tmp_path / "hedging-tags.json" and not workspace.path.exists()
    _saved_twice(workspace, case)  # Ada has her own file now: the next one goes aside
    aside = workspace.hand_back("hedging", "Ada")
    assert aside.name.startswith("hedging-tags.another-learner-") and aside.read_bytes() == work
    assert went.read_bytes() == work


def test_fresh_start_says_where_work_is_saved(tmp_path: Path, case) -> None:
    workspace = Workspace(tmp_path / "hedging-tags.json")
    resumed = workspace.resume(case, HEDGING)
    assert resumed.tagset is None
    assert "Starting fresh" in resumed.message and "hedging-tags.json" in resumed.message


def test_save_keeps_a_backup_and_resume_reports(tmp_path: Path, case) -> None:
    workspace = Workspace(tmp_path / "hedging-tags.json")
    workspace.save(_tags(case, {"p034": ["hedging"]}))
    workspace.save(_tags(case, {"p034": ["hedging"], "p035": []}))
    assert json.loads(workspace.backup.read_text())["tags"] == {"p034": ["hedging"]}
    resumed = workspace.resume(case, HEDGING)
    assert resumed.tagset.tags == {"p034": ["hedging"], "p035": []}
    assert resumed.message.startswith("Resumed your work from")
    assert f"2 of {N} passages reviewed" in resumed.message
    assert "01 May 2024" in resumed.message


@pytest.mark.parametrize(
    "content",
    [
        '{"format": "medialit-tags/1", "case": "chovanec-2018", "tags": {"p0',
        "",
        "not json",
        '{"format": "x"}',
    ],
    ids=["truncated", "empty", "bad-json", "wrong-format"],
)
def test_corrupt_file_is_moved_aside_and_backup_used(tmp_path: Path, case, content: str) -> None:
    workspace = Workspace(tmp_path / "hedging-tags.json")
    workspace.save(_tags(case, {"p034": ["hedging"]}))
    workspace.save(_tags(case, {"p034": ["hedging"], "p035": []}))
    workspace.path.write_text(content, encoding="utf-8")
    resumed = workspace.resume(case, HEDGING)
    corrupt = list(tmp_path.glob("hedging-tags.corrupt-*.json"))
    assert len(corrupt) == 1 and corrupt[0].read_text(encoding="utf-8") == content
    assert resumed.moved_to == corrupt[0] and resumed.from_backup
    assert corrupt[0].name in resumed.message and "hedging-tags.json.bak" in resumed.message
    assert "Resumed from the backup" in resumed.message
    assert resumed.tagset.tags == {"p034": ["hedging"]}
    assert load_tags(workspace.path, case).tags == {"p034": ["hedging"]}


def test_corrupt_file_without_backup_starts_fresh(tmp_path: Path, case) -> None:
    workspace = Workspace(tmp_path / "hedging-tags.json")
    workspace.path.write_text("{", encoding="utf-8")
    resumed = workspace.resume(case, HEDGING)
    assert resumed.tagset is None
    assert "could not be read" in resumed.message and "Starting fresh" in resumed.message
    assert not workspace.path.exists()
    assert len(list(tmp_path.glob("*.corrupt-*.json"))) == 1


def test_file_for_another_case_is_not_overwritten(tmp_path: Path, case) -> None:
    workspace = Workspace(tmp_path / "hedging-tags.json")
    other = TagSet(case="other-case", tags={}, saved_at="2024-05-01T09:30:00+00:00")
    workspace.save(other)
    resumed = workspace.resume(case, HEDGING)
    assert "other-case" in resumed.message
    assert resumed.moved_to is not None and resumed.moved_to.exists()


def test_keep_copy_before_replacing(tmp_path: Path, case) -> None:
    workspace = Workspace(tmp_path / "hedging-tags.json")
    assert workspace.keep_copy() is None
    workspace.save(_tags(case, {"p034": ["hedging"]}))
    copy = workspace.keep_copy()
    assert copy.name.startswith("hedging-tags.replaced-")
    assert copy.read_text() == workspace.path.read_text()
