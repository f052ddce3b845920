"""A table for a notebook page: every cell in full, wrapped, never pandas' text output.

pandas cuts long text in its HTML view (``display.max_colwidth``) and shows a Series as plain
text (``Name: count, dtype: int64``); :func:`table` shows either as a formatted HTML table with
every word, in JupyterLab, Voila, Colab and the book alike.
"""

from __future__ import annotations

import pandas as pd
from pandas.io.formats.style import Styler


def table(data: pd.DataFrame | pd.Series) -> Styler:
    """``data`` (a Series becomes a one-column table) as a styled table, text left-aligned and wrapped."""
    frame = data.to_frame() if isinstance(data, pd.Series) else data
    return frame.style.set_properties(**{"text-align": "left", "white-space": "normal"})
