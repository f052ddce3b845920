"""An exclusive lock, across processes, on one tag file while a save re-reads and rewrites it.

Two kernels (or two Voila tabs, each with its own kernel) of one exercise save to one file; the
lock makes each save's "read what is there, merge, write" one step that the other waits for.

On Linux and macOS the lock is :func:`fcntl.flock` on a sidecar file ``.<name>.lock`` beside the
tag file (hidden, so a class report never takes it for a learner's file). The sidecar is kept:
removing it while another process waits for it would let two processes each hold "the" lock.
The system releases the lock when the process ends, also when a kernel is killed.

Where :mod:`fcntl` is missing (Windows), or the sidecar cannot be opened or locked (some network
drives), :func:`locked` does nothing: every save still re-reads the file and merges, so only two
saves in the very same instant could still race.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from medialit.tagfile.storage import NEW_FILE_MODE

if sys.platform != "win32":
    import fcntl


#: The suffix of the sidecar file :func:`locked` locks (``.<name>.lock``).
LOCK_SUFFIX = ".lock"


def lock_path(path: Path) -> Path:
    """The sidecar file that :func:`locked` locks for ``path``."""
    return path.with_name(f".{path.name}{LOCK_SUFFIX}")


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (waiting for another process to release it) inside the block."""
    if sys.platform == "win32":
        yield
        return
    try:
        handle = os.open(lock_path(path), os.O_RDWR | os.O_CREAT, NEW_FILE_MODE)
    except OSError:
        yield
        return
    try:
        with contextlib.suppress(OSError):
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)
