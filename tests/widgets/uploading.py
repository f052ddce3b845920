"""Choose files in a FilePicker the way the browser does, on ipywidgets 7 (Colab's) or 8.

``file_picker.js`` sends one custom message per choice, ``{"kind": "medialit-files", "names":
[...]}`` with the contents as buffers; the kernel's comm hands it to ``Widget._handle_msg`` as
below, in both versions, which passes it to the picker's ``on_msg`` handler.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from medialit.widgets.file_picker import FILES_MESSAGE, FilePicker

IPYWIDGETS_MAJOR = int(widgets.__version__.split(".")[0])


def send(control: FilePicker, content: Any, buffers: list[bytes]) -> None:
    """Deliver a custom message from the front end to ``control``, as the kernel's comm does."""
    data = {"method": "custom", "content": content}
    control._handle_msg({"content": {"data": data}, "buffers": [memoryview(b) for b in buffers]})


def choose_files(control: FilePicker, files: list[tuple[str, bytes]]) -> None:
    """Choose ``(name, content)`` files in ``control``, as the browser would."""
    send(control, {"kind": FILES_MESSAGE, "names": [name for name, _ in files]}, [c for _, c in files])
