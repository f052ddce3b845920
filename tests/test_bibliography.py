"""The bibliography: every ledger reference and every citation in the book resolves."""

from __future__ import annotations

import re

from medialit.case.loading import load_case
from tests.conftest import ROOT

BIB = (ROOT / "book" / "references.bib").read_text(encoding="utf-8")
KEYS = re.findall(r"^@\w+\{([^,\s]+),", BIB, re.M)


def test_bibliography_keys_are_unique() -> None:
    duplicates = {key for key in KEYS if KEYS.count(key) > 1}
    assert not duplicates


def test_every_ledger_reference_is_in_the_bibliography() -> None:
    references = [ref for ref in load_case().sources["reference"] if ref]
    assert references
    missing = sorted(set(references) - set(KEYS))
    assert not missing, f"sources.csv names keys missing from book/references.bib: {missing}"


def test_every_citation_in_the_book_resolves() -> None:
    cited = set()
    for page in (ROOT / "book").glob("*.md"):
        for group in re.findall(r"\{cite(?::\w+)?\}`([^`]+)`", page.read_text(encoding="utf-8")):
            cited.update(key.strip() for key in group.split(","))
    assert cited, "the book cites nothing"
    assert not cited - set(KEYS), f"unknown citation keys: {sorted(cited - set(KEYS))}"
