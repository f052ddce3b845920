"""What every widget of the course shares: labelled controls, plain messages, uploads."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from medialit.common.problems import error_text

WIDE = {"description_width": "initial"}


def uploaded_files(value: Any) -> list[tuple[str, bytes]]:
    """``(name, content)`` pairs from a FileUpload value (ipywidgets 8 tuple or 7 dict)."""
    if isinstance(value, dict):  # ipywidgets 7: {name: {"metadata": ..., "content": bytes}}
        return [(name, bytes(item["content"])) for name, item in value.items()]
    return [(item["name"], bytes(item["content"])) for item in value or ()]


def clear_upload(upload: widgets.FileUpload) -> None:
    """Empty ``upload``, so that choosing a file again, even the same one, is a new upload.

    ipywidgets 8 lets the value be set to ``()``. On ipywidgets 7 (Google Colab's) the value is
    a read-only dict, set anew from the file data each time the front end counts another upload;
    traitlets reports a change only if the new dict differs from the old, so the old one is
    emptied in place (the upload counter keeps running, as the front end expects).
    """
    if isinstance(upload.value, dict):
        upload.value.clear()
    else:
        upload.value = ()


def guarded(callback: Callable[..., None], show: Callable[[str], None]) -> Callable[..., None]:
    """``callback`` for a widget event, with any error passed to ``show`` as one plain sentence.

    An exception escaping an ipywidgets callback would reach the learner as a traceback (or
    vanish into the front end's log), so every callback a control calls goes through here.
    """

    def run(*args: Any) -> None:
        try:
            callback(*args)
        except Exception as error:
            show(error_text(error))

    return run


def status_html(message: str) -> str:
    """A message in a polite live region."""
    return f'<div role="status" aria-live="polite">{html.escape(message)}</div>' if message else ""


def _button(description: str) -> widgets.Button:
    # No icon: ipywidgets draws it as a Font Awesome glyph (CSS ``::before`` content, not hidden
    # from assistive technology), and browsers then put that private-use character into the
    # button's accessible name (" Next" instead of "Next"), so screen readers read noise
    # and voice control ("click Next") misses the button.
    return widgets.Button(description=description, tooltip=description, icon="")


def _checkbox(description: str) -> widgets.Checkbox:
    return widgets.Checkbox(value=False, description=description, indent=False)
