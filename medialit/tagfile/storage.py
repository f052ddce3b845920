"""Write a tag file: its JSON text, saved atomically with a backup of the previous version."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from medialit.tagfile.model import TagSet


def dump_tags(tagset: TagSet) -> str:
    """The tag file's JSON text (UTF-8, two-space indent, ending with a newline)."""
    return json.dumps(tagset.to_json(), ensure_ascii=False, indent=2) + "\n"


def write_tags_atomic(path: Path | str, tagset: TagSet) -> Path:
    """Save ``tagset`` to ``path`` so that a crash never leaves a half-written file.

    Writes to a temporary file in the same folder, flushes it to disk, keeps the previous
    version as ``<name>.bak`` (a copy, so ``path`` itself never goes missing), then renames the
    new file into place in one step.
    """
    path = Path(path)
    text = dump_tags(tagset)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if path.is_file():
            shutil.copy2(path, path.with_name(path.name + ".bak"))
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
