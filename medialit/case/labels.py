"""The taxonomy's labels for categories and subtypes, for display: the one place they are looked up."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from medialit.case.model import Case


def category_labels(case: Case, categories: Iterable[str] | None = None) -> dict[str, str]:
    """The taxonomy's label for each category id (``categories``, or every category in order)."""
    return {c: case.categories[c]["label"] for c in (case.categories if categories is None else categories)}


def category_table(case: Case, *categories: str) -> pd.DataFrame:
    """The categories (``categories``, or all in order) with their full definitions and subtypes."""
    return pd.DataFrame(
        [
            {
                "category": category["label"],
                "definition": category["definition"],
                "subtypes": ", ".join(subtype["label"] for subtype in category["subtypes"]),
            }
            for category_id, category in case.categories.items()
            if not categories or category_id in categories
        ]
    ).set_index("category")


def subtype_label(case: Case, category: str, subtype: str) -> str:
    """The taxonomy's label for a subtype id (the id itself if unknown or empty)."""
    for entry in case.categories[category]["subtypes"]:
        if entry["id"] == subtype:
            return entry["label"]
    return subtype
