"""How far the key's independent annotation passes agreed: with each other, and with the key."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from medialit.case.model import Case
from medialit.scoring.learner import score
from medialit.scoring.statistics import cohen_kappa
from medialit.tagfile.model import TagSet


def tagged_pairs(frame: pd.DataFrame) -> pd.DataFrame:
    """The (passage, category) pairs a pass or key tags: every row but a ``not_this`` judgement."""
    if "strength" in frame:
        frame = frame[frame["strength"] != "not_this"]
    return frame[["passage_id", "category"]]


def pass_agreement(
    first: pd.DataFrame, second: pd.DataFrame, passage_ids: Sequence[str], categories: Sequence[str]
) -> pd.DataFrame:
    """Per category, the 2x2 table of two passes' tag/no-tag decisions and Cohen's kappa.

    Each pass is a table with ``passage_id`` and ``category`` columns, one row per tag (rows
    whose ``strength`` is ``not_this`` are judgements *against* a tag and count as no tag); a
    passage with no row for a category was judged "no technique".
    """
    index = pd.MultiIndex.from_product([list(passage_ids), list(categories)])
    tagged = [
        pd.Series(True, index=pd.MultiIndex.from_frame(tagged_pairs(frame)))
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


def pass_roles(case: Case) -> list[str]:
    """The case's annotation passes (``pass_a``, ``pass_b``, ...), in order."""
    return sorted(role for role in case.manifest["files"] if role.startswith("pass_"))


def pass_pairs(case: Case) -> list[tuple[str, str]]:
    """The passes made side by side, in rounds of two: (a, b), (c, d), ..."""
    roles = pass_roles(case)
    return list(zip(roles[::2], roles[1::2], strict=False))


def passes_against_key(case: Case) -> pd.DataFrame:
    """Cohen's kappa of each pass against the adjudicated key (clear or arguable rows), per category."""
    passages, categories = case.passages.index, list(case.categories)
    return pd.DataFrame(
        {
            role: pass_agreement(case.annotation_pass(role), case.key, passages, categories)["kappa"]
            for role in pass_roles(case)
        }
    ).T.rename_axis("pass")


def heldout_scores(case: Case) -> pd.DataFrame | None:
    """The held-out pass scored against the key as if a learner had made it, or ``None``.

    A held-out pass is made independently after the key is final and is never used to change
    it, so it measures how a careful outside reader fares: precision, recall and kappa per
    category, every passage counted as reviewed.
    """
    if "heldout" not in case.manifest["files"]:
        return None
    tags: dict[str, list[str]] = {pid: [] for pid in case.passages.index}
    for row in tagged_pairs(case.annotation_pass("heldout")).itertuples():
        tags[row.passage_id].append(row.category)
    result = score(TagSet(case.case_id, tags), case)
    return result.categories[["precision", "recall", "kappa"]]
