"""What every widget of the course shares: labelled controls, plain messages, one stylesheet."""

from __future__ import annotations

import base64
import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from medialit.common.problems import error_text

WIDE = {"description_width": "initial"}

#: The course widgets' stylesheet (an HTML widget's ``<style>``, so it works in every front end):
#: focus rings of 3 px in black with a white halo (high contrast on light and dark themes), rows
#: that wrap at phone width instead of shrinking "Previous" to "P", touch targets of at least
#: 24 px, the download link drawn as a button and error messages marked in the palette's
#: vermilion. Classes: ``medialit-widget`` (the widget), ``medialit-row``, ``medialit-download``,
#: ``medialit-error``.
STYLE = """<style>
.medialit-widget :focus, .medialit-widget :focus-visible {
  outline: 3px solid #000 !important; outline-offset: 2px; box-shadow: 0 0 0 5px #fff !important; }
.medialit-widget .medialit-row { flex-wrap: wrap; gap: 4px 8px; height: auto; }
.medialit-widget .medialit-row > * { flex: 0 0 auto; max-width: 100%; }
.medialit-widget .medialit-row > .widget-button, .medialit-widget .medialit-row > .jupyter-button {
  width: auto; min-width: 6em; }
.medialit-widget button, .medialit-widget .widget-dropdown select { min-height: 28px; }
.medialit-widget input[type="checkbox"] { min-width: 20px; min-height: 20px; margin: 2px; }
.medialit-widget .widget-checkbox { min-height: 28px; }
.medialit-download { display: inline-block; min-height: 24px; padding: 0.35em 0.9em; margin: 0.2em 0;
  background: #0072b2; color: #fff !important; border-radius: 4px; font-weight: 600;
  text-decoration: none; }
.medialit-download:hover { background: #00466e; }
.medialit-error { border-left: 4px solid #d55e00; padding: 0.2em 0.6em; font-weight: 600; }
.medialit-progress { display: flex; align-items: center; gap: 0.5em; }
.medialit-bar { display: inline-block; width: 12em; max-width: 50%; height: 0.9em; border: 1px solid #000;
  background: #fff; }
.medialit-bar > span { display: block; height: 100%; background: #0072b2; }
</style>"""


def download_link_html(text: str, name: str, label: str, about: str) -> str:
    """A JavaScript-free download link drawn as a button (:data:`STYLE`): ``text`` as a ``data:`` URI.

    The link reads ``label (name)``; ``about`` is a sentence on what the file holds, before the
    line on keeping it and loading it again with Restore from file.
    """
    data = base64.b64encode(text.encode("utf-8")).decode("ascii")
    file = html.escape(name)
    return (
        f'<p><a class="medialit-download" download="{file}" href="data:application/json;base64,{data}">'
        f"{html.escape(label)} ({file})</a> {html.escape(about)} Keep it somewhere safe; "
        "Restore from file loads it again.</p>"
    )


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


def error_html(message: str) -> str:
    """A message saying something went wrong, marked as such (see :data:`STYLE`)."""
    if not message:
        return ""
    return f'<div class="medialit-error" role="status" aria-live="polite">{html.escape(message)}</div>'


def focus(control: widgets.Widget) -> None:
    """Move the keyboard focus to ``control`` where the front end can (ipywidgets 8.1+).

    ipywidgets 7 (Google Colab's) has no ``focus()``: there the focus stays where it was.
    """
    move = getattr(control, "focus", None)
    if callable(move):
        move()


def _button(description: str) -> widgets.Button:
    # No icon: ipywidgets draws it as a Font Awesome glyph (CSS ``::before`` content, not hidden
    # from assistive technology), and browsers then put that private-use character into the
    # button's accessible name (" Next" instead of "Next"), so screen readers read noise
    # and voice control ("click Next") misses the button.
    return widgets.Button(description=description, tooltip=description, icon="")


def _checkbox(description: str) -> widgets.Checkbox:
    return widgets.Checkbox(value=False, description=description, indent=False)


def _choice(description: str, options: list[tuple[str, str]]) -> widgets.RadioButtons:
    """Radio buttons with a visible description and nothing chosen: arrow keys move between them.

    A chosen button shows a filled dot, not a colour only; the focus ring is :data:`STYLE`'s.
    """
    return widgets.RadioButtons(options=options, value=None, description=description, style=WIDE)
