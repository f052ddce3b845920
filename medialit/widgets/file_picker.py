"""A file picker that reads the same everywhere: a button-like label on a real ``<input type=file>``.

ipywidgets' FileUpload shows its count of uploads in its words ("Restore from file (0)" on
ipywidgets 8) and differs between versions (ipywidgets 7, Google Colab's, keeps the files in a
read-only value that only a change of its counter renews). :class:`FilePicker`, run by
`anywidget <https://anywidget.dev>`_ (``file_picker.js``), is the same on ipywidgets 7 and 8,
in JupyterLab, Notebook 7, Voila and Colab: a visible ``<label>`` drawn as a button, with
:attr:`FilePicker.description` as its words and so as the input's accessible name, around a
real file input (kept in the page, so it takes the keyboard focus and Enter or Space). The
label shows a focus ring: 2 px of black inside a white edge, drawn within the label, as the
front ends' boxes clip what is drawn around a control.

The files chosen are read in the browser and sent to Python in one message, their names in it
and their contents as its buffers (see :func:`chosen_files`); the input is then emptied, so
choosing the same file again is a new choice. The element carries the class
``medialit-file-picker`` and its box ``data-medialit-files``, the number of choices sent so far
(the browser tests wait on it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import anywidget
import traitlets

#: The ``kind`` of the message the front end sends when files are chosen.
FILES_MESSAGE = "medialit-files"

_CSS = """
.medialit-file-picker { display: flex; align-items: center; box-sizing: border-box;
  height: var(--jp-widgets-inline-height, 28px); min-height: 28px; min-width: 6em;
  margin: var(--jp-widgets-margin, 2px); line-height: normal; position: relative;
  white-space: nowrap; user-select: none; }
.medialit-file-picker input[type="file"] { position: absolute; width: 1px; height: 1px;
  opacity: 0; overflow: hidden; clip-path: inset(50%); margin: 0; padding: 0; border: 0; }
.medialit-file-picker:focus-within { outline: 2px solid #000 !important; outline-offset: -4px;
  box-shadow: inset 0 0 0 2px #fff !important; }
.medialit-file-picker:has(input:disabled) { opacity: 0.5; cursor: not-allowed; }
"""


#: What the learner is told when a message from the front end is not whole (never seen in practice).
NOT_WHOLE = "The file or files chosen did not arrive whole, so nothing was read; please choose them again."


def chosen_files(content: Any, buffers: Sequence[Any]) -> list[tuple[str, bytes]]:
    """The ``(name, content)`` files of a message from the front end (``[]`` if it is not such a message).

    The message is ``{"kind": FILES_MESSAGE, "names": [...]}`` with one buffer per name, in order;
    one without a name for each buffer raises ``ValueError`` (:data:`NOT_WHOLE`).
    """
    if not isinstance(content, dict) or content.get("kind") != FILES_MESSAGE:
        return []
    names = content.get("names")
    if not isinstance(names, list) or len(names) != len(buffers):
        raise ValueError(NOT_WHOLE)
    return [(str(name), bytes(buffer)) for name, buffer in zip(names, buffers, strict=True)]


class FilePicker(anywidget.AnyWidget):
    """A labelled file picker; :meth:`on_files` callbacks get the ``(name, content)`` files chosen."""

    _esm = Path(__file__).with_name("file_picker.js").read_text(encoding="utf-8")
    _css = _CSS
    #: The words on the control, and its accessible name.
    description = traitlets.Unicode("").tag(sync=True)
    #: The file types offered (the input's ``accept``, such as ``".json,.csv"``).
    accept = traitlets.Unicode("").tag(sync=True)
    #: Whether several files can be chosen at once.
    multiple = traitlets.Bool(False).tag(sync=True)

    def __init__(self, description: str, accept: str = "", multiple: bool = False) -> None:
        super().__init__(description=description, accept=accept, multiple=multiple)
        self._callbacks: list[tuple[Callable[[list[tuple[str, bytes]]], None], Callable[[str], None]]] = []
        self.on_msg(self._on_message)

    def on_files(
        self, callback: Callable[[list[tuple[str, bytes]]], None], problem: Callable[[str], None]
    ) -> None:
        """Call ``callback(files)`` with the ``(name, content)`` files each time files are chosen.

        Should the files not arrive whole, ``problem`` gets the sentence to show instead.
        """
        self._callbacks.append((callback, problem))

    def _on_message(self, _widget: Any, content: Any, buffers: Sequence[Any]) -> None:
        try:
            files = chosen_files(content, buffers)
        except ValueError as error:
            for _, problem in self._callbacks:
                problem(str(error))
            return
        if files:
            for callback, _ in self._callbacks:
                callback(files)
