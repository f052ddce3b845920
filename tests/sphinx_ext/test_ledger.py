"""The source ledger as a page, and the links to it from worked examples and answer keys."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from docutils import nodes

from medialit.case.loading import load_case
from medialit.case.model import Case
from medialit.sphinx_ext.ledger import where_entry
from tests.sphinx_ext.small_book import build, edit_data, make_book, write_index

CASE = load_case()
OTHER = load_case(CASE.folder / "other-side")
LEDGERS = (
    "# The ledger\n\n```{medialit-ledger}\n```\n\n"
    "## The other ledger\n\n```{medialit-ledger} other-side\n```\n"
)
ARTICLES = (
    "# The articles\n\n```{medialit-article}\n```\n\n## The other\n\n```{medialit-article} other-side\n```\n"
)


@pytest.fixture
def book(tmp_path: Path) -> Path:
    """A source folder with a copy of the data, both articles and both ledgers."""
    return make_book(tmp_path, {"article": ARTICLES, "ledger": LEDGERS})


def index(book: Path, body: str, pages: str = "article\nledger") -> None:
    """The front page, listing the article and the ledger pages by default."""
    write_index(book, body, pages)


def example(case: Case, with_cues: bool = False) -> tuple[str, str, list[str]]:
    """A key row that rests on sources: ``(passage_id, category, source ids)``."""
    key = case.key[case.key["sources"] != ""]
    if with_cues:
        key = key[key["cue"].str.contains(" | ", regex=False)]
    row = key.iloc[0]
    return row["passage_id"], row["category"], row["sources"].split(";")


def test_the_ledger_has_one_named_target_per_source(book: Path) -> None:
    index(book, "")
    warnings, out = build(book)
    assert warnings == ""
    page = (out / "ledger.html").read_text(encoding="utf-8")
    for prefix, case in (("source-", CASE), ("source-other-side-", OTHER)):
        for source_id, row in case.sources.iterrows():
            assert page.count(f'id="{prefix}{source_id}"') == 1, source_id
            assert f"<h{2 if case is CASE else 3}>{row['name']}" in unescape(page)
    assert "confirmed from the original" in page and "constructed for the course" in page
    assert 'href="article.html#passage-p011"' in page  # passages link to the full article


def test_a_ref_to_a_source_resolves_to_its_entry(book: Path) -> None:
    source_id = CASE.sources.index[0]
    index(book, f"See {{ref}}`source-{source_id}`.")
    warnings, out = build(book)
    assert warnings == ""
    page = (out / "index.html").read_text(encoding="utf-8")
    assert f'href="ledger.html#source-{source_id}"' in page
    assert CASE.sources.at[source_id, "name"] in unescape(page)


def test_a_worked_example_links_to_its_sources_and_shows_every_cue(book: Path) -> None:
    passage_id, category, source_ids = example(CASE, with_cues=True)
    other_passage, other_category, other_ids = example(OTHER)
    index(
        book,
        f"```{{medialit-worked-example}} {passage_id} {category}\n```\n\n"
        f"```{{medialit-worked-example}} {other_passage} {other_category}\n```\n",
    )
    warnings, out = build(book)
    assert warnings == ""
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "Sources: " in page
    for source_id in source_ids:
        assert f'href="ledger.html#source-{source_id}"' in page
    for source_id in other_ids:
        assert f'href="ledger.html#source-other-side-{source_id}"' in page
    cues = CASE.key[(CASE.key["passage_id"] == passage_id) & (CASE.key["category"] == category)].iloc[0][
        "cue"
    ]
    shown = " / ".join(f"“{cue}”" for cue in cues.split(" | "))
    assert f"Cue: {shown}." in unescape(page)
    assert page.count('class="cue"') >= 2


def test_without_the_other_ledger_the_names_are_shown_unlinked(book: Path) -> None:
    (book / "ledger.md").write_text("# The ledger\n\n```{medialit-ledger}\n```\n", encoding="utf-8")
    passage_id, category, source_ids = example(OTHER)
    index(book, f"```{{medialit-worked-example}} {passage_id} {category}\n```\n")
    warnings, out = build(book)
    assert warnings == ""
    page = (out / "index.html").read_text(encoding="utf-8")
    assert OTHER.sources.at[source_ids[0], "name"] in unescape(page)
    assert "#source-other-side-" not in page


def test_an_unknown_further_case_is_a_warning(book: Path) -> None:
    index(book, "```{medialit-ledger} no-such-case\n```\n")
    warnings, _ = build(book)
    assert "medialit-ledger: the case has no further case 'no-such-case'" in warnings


def test_an_incremental_build_after_a_ledger_edit_shows_the_new_words(book: Path) -> None:
    index(book, "")
    warnings, out = build(book)
    assert warnings == ""
    old = str(CASE.sources.iloc[0]["original_says"])
    assert old in unescape((out / "ledger.html").read_text(encoding="utf-8"))  # what the edit replaces
    new = "What the source said, rewritten after the first build."
    assert edit_data(book, "sources.csv", 0, "original_says", new) == old

    warnings, out = build(book)
    assert warnings == ""
    page = unescape((out / "ledger.html").read_text(encoding="utf-8"))
    assert new in page and old not in page


def test_the_built_answer_keys_name_sources_and_link_to_the_ledger(book: Path) -> None:
    index(book, "```{medialit-printables}\n```\n")
    warnings, out = build(book)
    assert warnings == ""
    keys = sorted(out.glob("_downloads/*/answer-key-*.html"))
    assert keys
    linked = 0
    for key in keys:
        page = key.read_text(encoding="utf-8")
        assert not [source_id for source_id in CASE.sources.index if f"{source_id}:" in page]
        for href in re.findall(r'href="([^"#]*)#(source-[^"]+)"', page):
            target = (key.parent / href[0]).resolve()
            assert target == (out / "ledger.html").resolve()
            assert f'id="{href[1]}"' in target.read_text(encoding="utf-8")
            linked += 1
    assert linked > 0


def test_a_where_entry_links_its_words_to_its_address() -> None:
    linked = where_entry("Mondoweiss, Jan 2017, http://mondoweiss.net/2017/01/watched-manage-leaked/")
    reference = linked.next_node(nodes.reference)
    assert reference["refuri"] == "http://mondoweiss.net/2017/01/watched-manage-leaked/"
    assert reference.astext() == "Mondoweiss, Jan 2017"
    bare = where_entry("Duke Law faculty page, no date seen, law.duke.edu/fac/dunlap/")
    assert bare.next_node(nodes.reference)["refuri"] == "https://law.duke.edu/fac/dunlap/"
    plain = where_entry("BW Central, Jan 2017")
    assert plain.next_node(nodes.reference) is None and plain.astext() == "BW Central, Jan 2017"
