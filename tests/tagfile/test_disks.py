"""Disks as a class meets them: read-only folders, no hard links, full disks, and file permissions."""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from medialit.session.tagging import TaggingSession
from medialit.tagfile import workspace as work_folder
from medialit.tagfile.model import TagSet
from medialit.tagfile.reading import load_tags
from medialit.tagfile.workspace import Workspace


def session(case, folder: Path) -> TaggingSession:
    spec = case.exercise("hedging")
    return TaggingSession(case, spec, Workspace.for_exercise(spec.exercise_id, folder=folder))


def _tags(case, tags: dict[str, list[str]]) -> TagSet:
    return TagSet(case=case.case_id, tags=tags, saved_at="2024-05-01T09:30:00+00:00")


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's data folder (``platformdirs`` reads ``$XDG_DATA_HOME`` on Linux), in the test's folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    return tmp_path / "data-home"


def _inside(value: Any, folders: tuple[Path, ...]) -> bool:
    if isinstance(value, int):
        return False
    path = Path(os.fsdecode(value)).absolute()
    return any(path == folder or folder in path.parents for folder in folders)


@pytest.fixture
def read_only(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Make folders read-only, as on a JupyterHub's course folder (chmod does not stop root)."""

    def make(*folders: Path) -> None:
        absolute = tuple(folder.absolute() for folder in folders)

        def refuse(function: Callable[..., Any], arguments: int = 1) -> Callable[..., Any]:
            def wrapper(*args: Any, **kwargs: Any) -> Any:
                if any(_inside(arg, absolute) for arg in args[:arguments]):
                    flags = args[1] if function is real_open and len(args) > 1 else os.O_WRONLY
                    if function is not real_open or flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
                        raise PermissionError(errno.EROFS, "Read-only file system", os.fsdecode(args[0]))
                return function(*args, **kwargs)

            return wrapper

        real_open = os.open
        monkeypatch.setattr(os, "open", refuse(real_open))
        monkeypatch.setattr(os, "mkdir", refuse(os.mkdir))
        monkeypatch.setattr(os, "unlink", refuse(os.unlink))
        monkeypatch.setattr(os, "replace", refuse(os.replace, 2))
        monkeypatch.setattr(os, "rename", refuse(os.rename, 2))
        monkeypatch.setattr(os, "link", refuse(os.link, 2))

    return make


def test_a_read_only_work_folder_falls_back_to_the_users_data_folder(
    tmp_path: Path, case, data_home: Path, read_only: Callable[..., None]
) -> None:
    course = tmp_path / "course" / "my-work"
    read_only(tmp_path / "course")
    tab = session(case, course)
    assert tab.path == work_folder.fallback_dir() / "hedging-tags.json"
    assert data_home in work_folder.fallback_dir().parents
    first = tab.message.split(". ")[0]
    assert "cannot be written" in first and str(course) in first and str(work_folder.fallback_dir()) in first
    tab.tag("p044", "hedging")
    assert load_tags(tab.path, case).tags == {"p044": ["hedging"]}
    assert "Could not save" not in tab.message
    assert not (tmp_path / "course").exists()
    again = session(case, course)
    assert again.tags_of("p044") == ["hedging"] and "Resumed" in again.message


def test_no_writable_folder_at_all_is_said_without_a_traceback(
    tmp_path: Path, case, data_home: Path, read_only: Callable[..., None]
) -> None:
    read_only(tmp_path / "course", data_home)
    tab = session(case, tmp_path / "course" / "my-work")
    assert "Neither the work folder" in tab.message and "Download my tags" in tab.message
    assert "saved automatically to" not in tab.message
    tab.tag("p044", "hedging")
    assert tab.message.startswith("Could not save") and tab.tags_of("p044") == ["hedging"]


def test_a_corrupt_file_in_a_read_only_folder_is_left_as_it_is(
    tmp_path: Path, case, read_only: Callable[..., None]
) -> None:
    path = tmp_path / "hedging-tags.json"
    path.write_text("{not json", encoding="utf-8")
    read_only(tmp_path)
    resumed = Workspace(path).resume(case, case.exercise("hedging").passage_ids)
    assert resumed.tagset is None and resumed.moved_to is None
    assert "could not be moved aside" in resumed.message and "left as it is" in resumed.message
    assert path.read_text(encoding="utf-8") == "{not json"


def test_chmod_read_only_folder_falls_back(tmp_path: Path, case, data_home: Path) -> None:
    course = tmp_path / "course"
    course.mkdir()
    course.chmod(0o555)
    try:
        if os.access(course, os.W_OK):
            pytest.skip("this user (root) can write to a read-only folder; the simulated test covers it")
        tab = session(case, course / "my-work")
        tab.tag("p044", "hedging")
        assert tab.path.parent == work_folder.fallback_dir() and load_tags(tab.path, case).tags == {
            "p044": ["hedging"]
        }
    finally:
        course.chmod(0o755)


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_files_get_the_users_normal_permissions_and_keep_their_mode(
    tmp_path: Path, case, umask_022: None
) -> None:
    workspace = Workspace(tmp_path / "hedging-tags.json")
    workspace.save(_tags(case, {"p044": ["hedging"]}))
    assert mode(workspace.path) == 0o644  # as the umask says, not a temporary file's 0600
    workspace.path.chmod(0o640)
    workspace.save(_tags(case, {"p044": ["hedging"], "p045": []}))
    assert mode(workspace.path) == 0o640


def test_the_backup_is_the_previous_file_itself_not_a_copy(
    tmp_path: Path, case, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_copy(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")  # a copy on a full disk is cut short

    for name in ("copy", "copy2", "copyfile", "copyfileobj"):
        monkeypatch.setattr(shutil, name, no_copy)
    workspace = Workspace(tmp_path / "hedging-tags.json")
    workspace.save(_tags(case, {"p044": ["hedging"]}))
    previous = workspace.path.stat()
    workspace.save(_tags(case, {"p044": ["hedging"], "p045": []}))
    assert workspace.backup.stat().st_ino == previous.st_ino  # a hard link, renamed onto .bak
    assert json.loads(workspace.backup.read_text())["tags"] == {"p044": ["hedging"]}
    assert json.loads(workspace.path.read_text())["tags"] == {"p044": ["hedging"], "p045": []}
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == [
        "hedging-tags.json",
        "hedging-tags.json.bak",
    ]


def test_without_hard_links_the_previous_file_is_renamed_to_the_backup(
    tmp_path: Path, case, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unsupported(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")  # e.g. a FAT or some network drives

    monkeypatch.setattr(os, "link", unsupported)
    monkeypatch.setattr(shutil, "copy2", unsupported)
    monkeypatch.setattr(shutil, "copyfile", unsupported)
    workspace = Workspace(tmp_path / "hedging-tags.json")
    workspace.save(_tags(case, {"p044": ["hedging"]}))
    previous = workspace.path.stat()
    workspace.save(_tags(case, {"p044": ["hedging"], "p045": []}))
    assert workspace.backup.stat().st_ino == previous.st_ino
    assert json.loads(workspace.path.read_text())["tags"] == {"p044": ["hedging"], "p045": []}


def test_a_save_error_is_cleared_once_saving_works_again(
    tmp_path: Path, case, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = session(case, tmp_path)
    with monkeypatch.context() as patch:
        patch.setattr(
            Path, "replace", lambda self, target: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space"))
        )
        tab.tag("p044", "hedging")
        assert tab.message.startswith("Could not save")
    tab.tag("p045", "hedging")
    assert tab.message == ""
    assert load_tags(tab.path, case).tags == {"p044": ["hedging"], "p045": ["hedging"]}
