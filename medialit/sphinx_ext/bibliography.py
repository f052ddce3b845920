"""The reference list labelled as the book cites: "(Hyland, 1998)" in the text, "[Hyland, 1998]" in the list.

``_config.yml`` cites author-year (``bibtex_reference_style: author_year``); pybtex's ``plain``
style would number the list. The ``medialit_author_year`` style is ``plain`` with labels made
by the same rule as the citations in the text: up to two authors' last names (or editors'),
"et al." after the first of three or more, else the title; a comma; the year, or "n.d.".
Two entries with the same label get "a", "b"… after the year, in list order, as labels must
be unique (the citations in the text do not carry the letter).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from pybtex.plugin import register_plugin
from pybtex.richtext import Text
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.labels import BaseLabelStyle

#: The style's name, as ``bibtex_default_style`` in ``_config.yml`` names it.
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


def _label(entry: Any) -> str:
    who = _who(entry)
    return f"{who if isinstance(who, str) else who.render_as('text')}, {entry.fields.get('year', 'n.d.')}"


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


register_plugin("pybtex.style.labels", STYLE, AuthorYearLabels)
register_plugin("pybtex.style.formatting", STYLE, AuthorYearStyle)
