"""Write a tag file: its JSON text, saved atomically with a backup of the previous version.

The new version is written to a temporary file in the same folder and flushed to disk; the
current version becomes ``<name>.bak`` by a hard link renamed onto the backup's name (where the
drive has no hard links, the current file itself is renamed to the backup); then the new
version is renamed into place. Each step is atomic and none copies a file, so a full disk can
never leave a half-written tag file or a half-written backup. New files get the user's normal
permissions (as the umask says, not a temporary file's private ``0600``); a file that is
replaced keeps its mode.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import stat
from pathlib import Path

from medialit.tagfile.model import TagSet

#: The mode a new file asks for; the user's umask takes away what it forbids (usually 0644).
NEW_FILE_MODE = 0o666


def dump_tags(tagset: TagSet) -> str:
    """The tag file's JSON text (UTF-8, two-space indent, ending with a newline)."""
    return json.dumps(tagset.to_json(), ensure_ascii=False, indent=2) + "\n"


#: The suffix of the previous version every save keeps (``<name>.bak``).
BACKUP_SUFFIX = ".bak"


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept: ``<name>.bak`` beside it."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def _hidden_sibling(path: Path, suffix: str) -> Path:
    return path.with_name(f".{path.name}.{secrets.token_hex(6)}{suffix}")


def create_temporary(path: Path) -> tuple[int, Path]:
    """A new, empty, hidden file beside ``path`` (open for writing), with the mode ``path`` will have."""
    try:
        mode: int | None = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = None
    while True:
        temporary = _hidden_sibling(path, ".tmp")
        try:
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, NEW_FILE_MODE)
        except FileExistsError:
            continue
        if mode is not None:
            try:
                temporary.chmod(mode)
            except BaseException:
                os.close(handle)
                temporary.unlink(missing_ok=True)
                raise
        return handle, temporary


def keep_backup(path: Path) -> None:
    """Make the current ``path`` the backup ``<name>.bak`` in one atomic step, without copying it.

    A hard link to the current file, under a temporary name, is renamed onto the backup, so
    ``path`` stays in place. Where hard links are not supported, ``path`` itself is renamed to
    the backup (the new version is renamed into place right after).
    """
    link = _hidden_sibling(path, ".bak-tmp")
    try:
        os.link(path, link)
    except OSError:
        path.replace(backup_path(path))
        return
    try:
        link.replace(backup_path(path))
    except BaseException:
        link.unlink(missing_ok=True)
        raise


def _sync_folder(folder: Path) -> None:
    """Flush the folder's entries to disk, where the system allows it (not on Windows)."""
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def write_text_atomic(path: Path | str, text: str) -> Path:
    """Save ``text`` (UTF-8) to ``path`` atomically, keeping the previous version as ``<name>.bak``."""
    path = Path(path)
    handle, temporary = create_temporary(path)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if path.is_file():
            keep_backup(path)
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)
    return path


def write_tags_atomic(path: Path | str, tagset: TagSet) -> Path:
    """Save ``tagset`` to ``path`` so that a crash never leaves a half-written file (see the module)."""
    return write_text_atomic(path, dump_tags(tagset))
