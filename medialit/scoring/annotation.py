"""How far the key's two independent annotation passes agreed, category by category."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from medialit.scoring.statistics import cohen_kappa


def pass_agreement(
    first: pd.DataFrame, second: pd.DataFrame, passage_ids: Sequence[str], categories: Sequence[str]
) -> pd.DataFrame:
    """Per category, the 2x2 table of two passes' tag/no-tag decisions and Cohen's kappa.

    Each pass is a table with ``passage_id`` and ``category`` columns, one row per tag; a
    passage with no row for a category was judged "no technique".
    """
    index = pd.MultiIndex.from_product([list(passage_ids), list(categories)])
    tagged = [
        pd.Series(True, index=pd.MultiIndex.from_frame(frame[["passage_id", "category"]]))
        .reindex(index, fill_value=False)
        .to_numpy()
        .reshape(len(passage_ids), len(categories))
        for frame in (first, second)
    ]
    a, b = tagged
    table = pd.DataFrame(
        {
            "both": (a & b).sum(axis=0),
            "first_only": (a & ~b).sum(axis=0),
            "second_only": (~a & b).sum(axis=0),
            "neither": (~a & ~b).sum(axis=0),
        },
        index=pd.Index(list(categories), name="category"),
    )
    table["observed"] = (table["both"] + table["neither"]) / len(passage_ids)
    table["kappa"] = cohen_kappa(table["both"], table["second_only"], table["first_only"], table["neither"])
    return table
