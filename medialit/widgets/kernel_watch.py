"""The tagging widget's watch on its kernel: a widget whose kernel is gone says so in words.

After a kernel restart, a kernel shut down or culled (Binder stops idle ones), or a Voila page
whose kernel died, the old widget is still on the page and its controls still take clicks, but
nothing reaches Python any more, so nothing is saved. Only the browser can tell then, so
:class:`KernelWatch`, a child of the tagging widget, carries a few lines of front-end code
(``kernel_watch.js``, run by `anywidget <https://anywidget.dev>`_). In the browser it learns
that the kernel which made the widget is gone from

* ipywidgets, which tells the widget's model it lost its kernel (``comm_live_update``; JupyterLab
  and Notebook 7 do so when the kernel restarts);
* the widget manager's kernel connection (JupyterLab, Notebook 7 and Voila): dead, shutting
  down, restarting or disposed, a status message from another kernel process (all that a
  restart through the REST API shows), or its connection down (its server gone); and
* the server, asked whenever the learner acts on the widget or comes back to the page, which no
  longer has the kernel (a kernel shut down or culled: Voila leaves its connection open).

Then it shows :attr:`KernelWatch.message` in a live region (``role="alert"``), disables every
control of the tagging widget (the element with the class :data:`TAGGING_CLASS`), and marks
its own element, of class ``medialit-kernel-watch``, ``data-medialit-kernel="lost"``
(``"live"`` while connected; the browser tests wait on this). A kernel that is gone never comes
back to the widget; should only the connection have dropped and come back, the controls are
enabled again.

The message is written here, in Python, after every change, so the browser already holds it
when Python is gone: it names the work file and the time it was last written (its modification
time, so a save that failed does not count), see :func:`lost_kernel_sentence`.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import anywidget
import traitlets

from medialit.session.tagging import TaggingSession
from medialit.tagfile.workspace import readable_time

#: The class the tagging widget's element carries, so the front-end code finds the controls.
TAGGING_CLASS = "medialit-tagging"

_CSS = """
.medialit-kernel-note:empty { display: none; }
.medialit-kernel-note {
  margin: 0.4em 0; padding: 0.4em 0.8em; font-weight: bold;
  border: 2px solid #D55E00; border-left-width: 6px; white-space: normal;
}
"""


def last_saved(path: Path) -> str | None:
    """When ``path`` was last written (ISO 8601, local time), or ``None`` if it does not exist."""
    try:
        written = path.stat().st_mtime
    except OSError:
        return None
    return datetime.fromtimestamp(written).astimezone().isoformat(timespec="seconds")


def lost_kernel_sentence(file_name: str, saved_at: str | None) -> str:
    """What the widget says once its kernel is gone: what is saved where, and how to go on."""
    lost = "This exercise has lost its connection to Python (the kernel stopped or restarted)"
    again = "run the cell again (in Voila: reload the page) to"
    if saved_at is None:
        return f"{lost} before anything was saved, so {again} start."
    return f"{lost}: your work up to {readable_time(saved_at)} is saved in {file_name}, so {again} go on."


class KernelWatch(anywidget.AnyWidget):
    """Shows :attr:`message` and disables the tagging widget once the kernel is gone (see the module)."""

    _esm = Path(__file__).with_name("kernel_watch.js").read_text(encoding="utf-8")
    _css = _CSS
    message = traitlets.Unicode("").tag(sync=True)

    def __init__(self, exercise: TaggingSession) -> None:
        super().__init__()
        self.add_class("medialit-kernel-watch")
        self.exercise = exercise
        self.refresh()
        exercise.on_change(self.refresh)

    def refresh(self) -> None:
        """Write :attr:`message` for the work file as it is now (after every change)."""
        workspace = self.exercise.workspace
        self.message = lost_kernel_sentence(workspace.name, last_saved(workspace.path))
