"""The reference list labelled as the book cites: "(Hyland, 1998)" in the text, "[Hyland, 1998]" in the list.

``_config.yml`` names the ``medialit_author_year`` styles for both. pybtex's ``plain`` style
would number the list: the list's style (``bibtex_default_style``) is ``plain`` with labels
made by the same rule as the citations in the text: up to two authors' last names (or
editors'), "et al." after the first of three or more, else the title; a comma; the year, or
"n.d.". Two entries with the same label get "a", "b"… after the year, in list order, as labels
must be unique. The citations' style (``bibtex_reference_style``) is sphinxcontrib-bibtex's
``author_year`` with the year carrying the list's letter, read from the entry's label in the
list (:func:`year_letter`), so "(Dunlap, 2016a)" in the text is "[Dunlap, 2016a]" in the list.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from pybtex.database import Entry
from pybtex.plugin import register_plugin
from pybtex.richtext import Text
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.template import Node, node
from sphinxcontrib.bibtex import plugin as bibtex_plugin
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

#: The styles' name, as ``bibtex_default_style`` and ``bibtex_reference_style`` in ``_config.yml`` name it.
STYLE = "medialit_author_year"


def _last_name(person: Any) -> str:
    return str(Text.from_latex(" ".join(person.prelast_names + person.last_names)))


def _who(entry: Any) -> Text | str:
    """Who the entry is by, as the citation in the text names them."""
    for role in ("author", "editor"):
        people = entry.persons.get(role, [])
        if len(people) > 2:
            return f"{_last_name(people[0])} et al."
        if people:
            return " and ".join(_last_name(person) for person in people)
    return Text.from_latex(entry.fields.get("title", ""))


def _year(entry: Any) -> str:
    """The entry's year, or "n.d." (no date), as the ``year`` of sphinxcontrib-bibtex's citations."""
    return str(entry.fields.get("year", "n.d."))


def _label(entry: Any) -> str:
    """The label before any letter: who, a comma, the year."""
    who = _who(entry)
    return f"{who if isinstance(who, str) else who.render_as('text')}, {_year(entry)}"


def year_letter(entry: Any, label: str) -> str:
    """The letter the list's ``label`` for ``entry`` adds after the year ("a" in "Dunlap, 2016a"), or ""."""
    _, found, letter = label.rpartition(_label(entry))
    return letter if found else ""


class AuthorYearLabels(BaseLabelStyle):
    """Labels such as "Hyland, 1998", as the author-year citations in the text show them."""

    def format_labels(self, sorted_entries: Iterable[Any]) -> Iterator[str]:
        """One label per entry, in order."""
        labels = [_label(entry) for entry in sorted_entries]
        counts, seen = Counter(labels), Counter[str]()
        for label in labels:
            seen[label] += 1
            yield label if counts[label] == 1 else f"{label}{'abcdefghijklmnopqrstuvwxyz'[seen[label] - 1]}"


class AuthorYearStyle(PlainStyle):
    """pybtex's ``plain`` style, labelled by author and year."""

    default_label_style = "medialit_author_year"


@node
def _with_lettered_year(children: list[Node], data: dict[str, Any]) -> Any:
    """Format ``children`` (one template) with the entry's year carrying its letter in the list."""
    (template,) = children
    entry = data["entry"]
    letter = year_letter(entry, data["formatted_entry"].label)
    if letter:
        fields = {**entry.fields, "year": _year(entry) + letter}
        lettered = Entry(entry.type, fields=fields, persons=entry.persons)
        lettered.key = entry.key
        data = {**data, "entry": lettered}
    return template.format_data(data)


@dataclass
class LetteredAuthorYearReferenceStyle(AuthorYearReferenceStyle):
    """sphinxcontrib-bibtex's ``author_year`` citations, the year with the list's letter ("2016a")."""

    def inner(self, role_name: str) -> Node:
        """The ``author_year`` template for ``role_name``, formatted with the lettered year."""
        return _with_lettered_year[super().inner(role_name)]


register_plugin("pybtex.style.labels", STYLE, AuthorYearLabels)
register_plugin("pybtex.style.formatting", STYLE, AuthorYearStyle)
bibtex_plugin.register_plugin(
    "sphinxcontrib.bibtex.style.referencing", STYLE, LetteredAuthorYearReferenceStyle
)
