"""The book's citation styles, without a build: the list's labels and the citations in the text agree."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pybtex.plugin
from pybtex.database import parse_string
from sphinxcontrib.bibtex import plugin as bibtex_plugin
from sphinxcontrib.bibtex.style.referencing import format_references
from sphinxcontrib.bibtex.style.template import SphinxReferenceInfo

from medialit.sphinx_ext.bibliography import STYLE, LetteredAuthorYearReferenceStyle, year_letter
from tests.sphinx_ext.small_book import build, make_book, write_index

BIB = """
@article{dunlap2016moral, author = {Dunlap, Jr., Charles J.}, title = {The moral hazard of inaction},
  journal = {Just Security}, year = {2016}}
@article{dunlap2016lawfire, author = {Dunlap, Jr., Charles J.}, title = {Lawfire},
  journal = {Lawfire}, year = {2016}}
@article{hyland1998, author = {Hyland, Ken}, title = {Hedging in scientific research articles},
  journal = {Pragmatics}, year = {1998}}
@misc{anon1, title = {Undated page}}
@misc{anon2, title = {Undated page}}
"""


def cited(role: str, *keys: str) -> dict[str, str]:
    """What a citation of ``keys`` with ``role`` ("p", "t", "year"...) reads, and each entry's list label."""
    entries = parse_string(BIB, "bibtex").entries
    style = pybtex.plugin.find_plugin("pybtex.style.formatting", STYLE)()
    ordered = list(style.sort(entries.values()))
    formatted = {
        entry.key: style.format_entry(label, entry)
        for label, entry in zip(style.format_labels(ordered), ordered, strict=True)
    }
    info = SphinxReferenceInfo(None, "page", "references", "id", None, "", "")  # type: ignore[arg-type]
    references = [(entries[key], formatted[key], info) for key in keys]
    reference_style = bibtex_plugin.find_plugin("sphinxcontrib.bibtex.style.referencing", STYLE)()
    return {
        "text": str(format_references(reference_style, role, references)),
        **{key: formatted[key].label for key in keys},
    }


def test_the_style_is_registered_for_citations() -> None:
    found = bibtex_plugin.find_plugin("sphinxcontrib.bibtex.style.referencing", STYLE)
    assert found is LetteredAuthorYearReferenceStyle


def test_same_author_year_citations_carry_the_list_s_letter() -> None:
    both = cited("p", "dunlap2016lawfire", "dunlap2016moral")
    assert {both["dunlap2016lawfire"], both["dunlap2016moral"]} == {"Dunlap, 2016a", "Dunlap, 2016b"}
    assert both["text"] == f"[{both['dunlap2016lawfire']}, {both['dunlap2016moral']}]"
    moral = both["dunlap2016moral"]
    assert cited("t", "dunlap2016moral")["text"] == f"Dunlap [{moral.removeprefix('Dunlap, ')}]"
    assert cited("year", "dunlap2016moral")["text"] == moral.removeprefix("Dunlap, ")


def test_a_lone_author_year_has_no_letter_and_undated_entries_are_lettered_too() -> None:
    assert cited("p", "hyland1998") == {"text": "[Hyland, 1998]", "hyland1998": "Hyland, 1998"}
    undated = cited("p", "anon1", "anon2")
    assert sorted([undated["anon1"], undated["anon2"]]) == ["Undated page, n.d.a", "Undated page, n.d.b"]
    assert undated["text"] == f"[{undated['anon1']}, {undated['anon2']}]"


def test_the_letter_is_what_the_label_adds_after_the_year() -> None:
    entry = parse_string(BIB, "bibtex").entries["dunlap2016moral"]
    assert year_letter(entry, "Dunlap, 2016b") == "b"
    assert year_letter(entry, "Dunlap, 2016") == ""
    assert year_letter(entry, "7") == ""  # a label of another style: no letter


def test_a_built_page_cites_with_the_letter_its_reference_list_shows(tmp_path: Path) -> None:
    book = make_book(tmp_path, {"page": "# Page\n\nBoth {cite:p}`dunlap2016moral,dunlap2016lawfire`.\n"})
    (book / "references.bib").write_text(BIB, encoding="utf-8")
    with (book / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(
            'extensions.insert(1, "sphinxcontrib.bibtex")\nbibtex_bibfiles = ["references.bib"]\n'
            f'bibtex_reference_style = "{STYLE}"\nbibtex_default_style = "{STYLE}"\n'
        )
    write_index(book, "```{bibliography}\n```", pages="page")
    warnings, out = build(book)
    assert "WARNING" not in warnings, warnings
    page = html.unescape((out / "page.html").read_text(encoding="utf-8"))
    listed = html.unescape((out / "index.html").read_text(encoding="utf-8"))
    shown = re.findall(
        r'<a class="reference internal" href="index.html#id\d+" title="[^"]*">([^<]+)</a>', page
    )
    assert sorted(shown) == ["Dunlap, 2016a", "Dunlap, 2016b"]
    for label in shown:
        assert f"[{label}]" in re.sub(r"<[^>]+>", "", listed)
