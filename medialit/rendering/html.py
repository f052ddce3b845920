"""HTML through one set of jinja2 templates (``templates/``), escaped by default, and the one table.

Every page the package writes (the class report, the worksheets and answer keys) extends
``page.html``; every data table, in a report, a notebook or a learner's check, is
:func:`table_html`. Values are escaped by the templates; markup made by the package itself is
passed in as :class:`markupsafe.Markup`.
"""

from __future__ import annotations

import base64
import io
import math
from functools import cache
from typing import Any

import numpy as np
import pandas as pd
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from medialit.rendering.plots import Plot


@cache
def environment() -> Environment:
    """The jinja2 environment of the package's templates, compiled once."""
    return Environment(
        loader=PackageLoader("medialit.rendering", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )


def render(template: str, **context: Any) -> Markup:
    """Render one of the package's templates; ``context`` values are escaped unless ``Markup``."""
    return Markup(environment().get_template(template).render(**context))


def fragment(template: str, **context: Any) -> Markup:
    """Render a template that makes a piece of a page (without the file's final newline)."""
    return Markup(render(template, **context).removesuffix("\n"))


def plain_value(value: Any) -> Any:
    """A table cell as a plain Python value: ``None`` when undefined, floats to four places."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(value) else round(float(value), 4)
    if isinstance(value, (np.integer, np.bool_)):
        return value.item()
    return value


def cell_text(value: Any) -> str:
    """A table cell as text: "undefined" where undefined, numbers to two decimals."""
    value = plain_value(value)
    if value is None:
        return "undefined"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def table_html(
    frame: pd.DataFrame,
    caption: str,
    *,
    index: bool = False,
    css_class: str | None = None,
    scroll: bool = False,
) -> Markup:
    """A table with a caption and column headers; with ``index``, each row's index as its header.

    With ``scroll`` the table sits in a region named by its caption that scrolls sideways and
    takes keyboard focus, so a wide table fits a narrow page.
    """
    rows = [
        (cell_text(header), [cell_text(value) for value in values])
        for header, values in zip(frame.index, frame.itertuples(index=False, name=None), strict=True)
    ]
    index_name = str(frame.index.name or "") if index else None
    return fragment(
        "table.html",
        caption=caption,
        columns=[str(column) for column in frame.columns],
        rows=rows,
        index_name=index_name,
        css_class=css_class,
        scroll=scroll,
    )


def plot_html(plot: Plot) -> Markup:
    """A figure as an embedded PNG with its alt text, also shown as a caption."""
    buffer = io.BytesIO()
    plot.figure.savefig(buffer, format="png", dpi=90)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return Markup(
        '<figure><img src="data:image/png;base64,{}" alt="{}" style="max-width:100%">'
        "<figcaption>{}</figcaption></figure>"
    ).format(data, plot.alt, plot.alt)
