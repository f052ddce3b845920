"""A case with two test forms of its own: a copy of the other-side case with ``pretest`` and ``posttest``.

Both forms ask for confidence (``"confidence": true``); no passage is in both.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from medialit.case.loading import load_case
from medialit.case.model import Case
from medialit.case.paths import data_dir

CATEGORIES = ["attribution", "hedging", "selective_citation", "framing"]
PRETEST = ["s003", "s004", "s006", "s007", "s008", "s011", "s013", "s015", "s016", "s018", "s019", "s020"]
POSTTEST = ["s024", "s025", "s026", "s029", "s030", "s032", "s034", "s035", "s036", "s040", "s043", "s044"]


def add_forms(folder: Path, pretest: list[str] = PRETEST, posttest: list[str] = POSTTEST) -> None:
    """Give the case in ``folder`` the two forms (in its manifest), of the passages given."""
    manifest_path = folder / "case.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    for name, passages in (("pretest", pretest), ("posttest", posttest)):
        manifest["exercises"][name] = {
            "title": f"The {name}",
            "categories": CATEGORIES,
            "passages": passages,
            "confidence": True,
        }
    manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")


def forms_case(tmp_path: Path) -> Case:
    """A copy of the other-side case in ``tmp_path`` with the two forms, loaded."""
    folder = tmp_path / "forms-case"
    shutil.copytree(data_dir() / "other-side", folder)
    shutil.copy(data_dir() / "taxonomy.json", tmp_path / "taxonomy.json")  # the case shares it
    add_forms(folder)
    return load_case(folder)
