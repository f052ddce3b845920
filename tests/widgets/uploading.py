"""Choose files in a FileUpload the way the browser does, on ipywidgets 7 (Colab's) or 8.

The front end sends one state message per upload, which ``Widget.set_state`` applies as it
does in a live kernel. Read from the front-end code of each version:

- ipywidgets 8 sends ``value``: a list of ``{name, type, size, content, last_modified}``, the
  content as a buffer and ``last_modified`` in milliseconds;
- ipywidgets 7 (widgetsnbextension 3.6) sends ``metadata`` and ``data`` (one entry per file)
  and ``_counter`` plus the number of files; the kernel builds the read-only ``value`` dict
  when ``_counter`` changes.
"""

from __future__ import annotations

from datetime import UTC, datetime

import ipywidgets as widgets

IPYWIDGETS_MAJOR = int(widgets.__version__.split(".")[0])
LAST_MODIFIED_MS = int(datetime(2024, 5, 1, tzinfo=UTC).timestamp() * 1000)


def choose_files(control: widgets.FileUpload, files: list[tuple[str, bytes]]) -> None:
    """Upload ``(name, content)`` files into ``control``, as the browser would."""
    about = [{"name": name, "type": "application/json", "size": len(content)} for name, content in files]
    buffers = [memoryview(content) for _, content in files]
    if IPYWIDGETS_MAJOR >= 8:
        value = [
            {**item, "content": buffer, "last_modified": LAST_MODIFIED_MS}
            for item, buffer in zip(about, buffers, strict=True)
        ]
        control.set_state({"value": value})
    else:
        metadata = [{**item, "lastModified": LAST_MODIFIED_MS} for item in about]
        control.set_state({"_counter": control._counter + len(files), "metadata": metadata, "data": buffers})
