"""Regenerate a case's derived files (article text, passages, links) from its source."""

from __future__ import annotations

from pathlib import Path

from medialit.authoring.segment import Hints, derived_files
from medialit.case.loading import read_manifest


def case_derived_files(folder: Path) -> dict[str, str]:
    """What ``article.txt``, ``passages.csv`` and ``links.csv`` must hold, from the case's source."""
    manifest = read_manifest(folder)
    source = (folder / manifest["files"]["seed"]).read_text(encoding="utf-8")
    return derived_files(
        source,
        Hints.from_manifest(manifest),
        segmenter=manifest.get("segmenter", "web-seed"),
        prefix=manifest.get("id_prefix", "p"),
    )
