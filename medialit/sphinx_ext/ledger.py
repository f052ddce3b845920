"""The ``medialit-ledger`` directive: a case's source ledger, one section per source.

Each section is headed by the source's name and is a link target (``source-<source_id>``, see
:mod:`medialit.sphinx_ext.sources`), so worked examples and answer keys can link to it. The
section tells, in a definition list: who the source is; how the article presents it; what the
source said; where the course read it; how far the course could check it; whether the article's
use of it holds up; and what the second, independent check found.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes

from medialit.sphinx_ext.cases import book_cases
from medialit.sphinx_ext.directives import CaseDirective
from medialit.sphinx_ext.nodes import passage_link, quoted_list
from medialit.sphinx_ext.sources import source_label

#: ``verification``, in plain words.
CHECKED = {
    "confirmed_primary": "confirmed from the original",
    "confirmed_secondary": "confirmed from reports",
    "not_located": "not located: the course could not find it",
    "constructed": "constructed for the course",
}

#: ``verdict``: how the article's use of the source compares with what it said, in plain words.
HOLDS_UP = {
    "confirmed": "confirmed: the source says what the article says it does",
    "partly": "partly: the source supports some of what the article takes from it, not all",
    "contradicted": "contradicted: the source says otherwise",
    "not_located": "not located: the course could not find the source to compare",
}

#: How the ledger lists several phrases in one field (``presented_as``, ``quoted_words``, ...).
LIST_SEPARATOR = " | "

_ADDRESS = re.compile(r"(https?://)?[\w-]+(\.[\w-]+)+(/\S*)?")


def where_entry(entry: str) -> nodes.paragraph:
    """One ``"outlet, date, URL"`` entry: its words as a link to its address (when it has one)."""
    words, _, address = entry.rpartition(", ")
    if not words and not _ADDRESS.fullmatch(address):
        words, address = address, ""
    paragraph = nodes.paragraph()
    if _ADDRESS.fullmatch(address):
        url = address if address.startswith(("http://", "https://")) else f"https://{address}"
        paragraph += nodes.reference("", words or address, refuri=url)
    else:
        paragraph += nodes.Text(entry)
    return paragraph


def _item(term: str, *body: nodes.Node) -> nodes.definition_list_item:
    """A term and its definition, each part of ``body`` a paragraph (text) or a node."""
    definition = nodes.definition()
    definition += [nodes.paragraph(text=str(part)) if isinstance(part, nodes.Text) else part for part in body]
    return nodes.definition_list_item("", nodes.term(text=term), definition)


def presentation(row: Any) -> list[nodes.Node]:
    """How the article presents a source: its words for it, its reporting verbs, its passages."""
    parts: list[nodes.Node] = []
    for label, column, separator in (
        ("Presented as ", "presented_as", " / "),
        ("Reporting verbs: ", "reporting_verbs", ", "),
        ("In the article's words: ", "quoted_words", " / "),
    ):
        phrases = [phrase.strip() for phrase in row.get(column, "").split(LIST_SEPARATOR) if phrase.strip()]
        if phrases:
            parts.append(nodes.paragraph("", label + quoted_list(phrases, separator)))
    passages = nodes.paragraph(text="Passages: ")
    for number, passage_id in enumerate(part for part in row["passage_ids"].split(";") if part):
        passages += [nodes.Text(", ")] if number else []
        passages += passage_link(passage_id.strip())
    return [*parts, passages]


class LedgerDirective(CaseDirective):
    """A case's source ledger (the main case, or a further case named as the argument)."""

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        """One section per source, in the ledger's order, each registered as a link target."""
        cases = book_cases(self.env)
        main = cases.note(self.env, cases.case())
        name = self.arguments[0] if self.arguments else None
        if name is not None and name not in main.manifest.get("cases", []):
            return self.warning(f"the case has no further case {name!r}")
        case = cases.note(self.env, cases.named(name)) if name else main
        output: list[nodes.Node] = []
        for source_id, row in case.sources.iterrows():
            output.append(self.entry(str(source_id), row, cases.name_of(case)))
            for column, words in (("verification", CHECKED), ("verdict", HOLDS_UP)):
                value = row.get(column, "")
                if value and value not in words:
                    output += self.warning(f"{source_id}: unknown {column} {value!r}")
        return output

    def entry(self, source_id: str, row: Any, case_name: str | None) -> nodes.section:
        """The section for one source, headed by its name, its id a link target."""
        label = source_label(source_id, case_name)
        section = nodes.section(ids=[label], names=[label], classes=["ledger-entry"])
        section += nodes.title(text=row["name"])
        self.state.document.note_explicit_target(section, section)
        items = nodes.definition_list(classes=["ledger-fields"])
        items += _item("Who", nodes.Text(row["who"]))
        items += _item("How the article presents it", *presentation(row))
        items += _item("What the source said", nodes.Text(row["original_says"]))
        entries = [entry for entry in row.get("where", "").split(" ; ") if entry.strip()]
        if entries:
            listing = nodes.bullet_list()
            listing += [nodes.list_item("", where_entry(entry.strip())) for entry in entries]
            items += _item("Where", listing)
        items += _item("Checked", nodes.Text(CHECKED.get(row["verification"], row["verification"])))
        if row.get("verdict", ""):
            items += _item("Holds up?", nodes.Text(HOLDS_UP.get(row["verdict"], row["verdict"])))
        if row.get("second_check", ""):
            items += _item("Second check", nodes.Text(row["second_check"]))
        section += items
        return section
