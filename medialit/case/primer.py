"""The primer: the groups, dated events and places the article takes for granted.

The three tables live in the main case's ``primer/`` folder, listed in its manifest as the
optional roles ``primer_actors``, ``primer_events`` and ``primer_places``; ``python -m medialit
validate`` checks them (:mod:`medialit.case.primer_validation`). A source id names a row of the
case's source ledger or one of the primer's own sources, the table in the folder's README.

>>> from medialit import load_case
>>> primer = load_primer(load_case())
>>> primer.places[0].name
'Deir ez-Zor'
"""

from __future__ import annotations

import csv
import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from medialit.case.model import Case

#: The manifest's roles for the primer's three tables.
PRIMER_ROLES = ("primer_actors", "primer_events", "primer_places")
#: How the tables separate several ids in one cell, and the events several key words.
ID_SEPARATOR = ";"
WORD_SEPARATOR = "|"
#: A row of the README's table of the primer's own sources: ``| `id` | address | ...``.
_README_ROW = re.compile(r"^\| `([a-z][a-z0-9_]*)` \| (\S+) \|", re.M)


def split_ids(cell: str) -> tuple[str, ...]:
    """The ids in a cell such as ``"p044;p046"``."""
    return tuple(part.strip() for part in cell.split(ID_SEPARATOR) if part.strip())


def split_words(cell: str) -> tuple[str, ...]:
    """The key words in a cell such as ``"attack | culpability"``."""
    return tuple(part.strip() for part in cell.split(WORD_SEPARATOR) if part.strip())


def readme_sources(text: str) -> dict[str, str]:
    """The primer's own sources in its README's tables: each id with its address."""
    return dict(_README_ROW.findall(text))


def event_day(date: str) -> datetime.date:
    """The day an event is drawn at: its date, or the 15th where only the month is known."""
    parts = [int(part) for part in date.split("-")]
    return datetime.date(parts[0], parts[1], parts[2] if len(parts) == 3 else 15)


def date_text(date: str) -> str:
    """A date as the page shows it: ``17 Sep 2016``, or ``Sep 2017`` where only the month is known."""
    day = event_day(date)
    return day.strftime("%b %Y") if date.count("-") == 1 else f"{day.day} {day.strftime('%b %Y')}"


@dataclass(frozen=True)
class Actor:
    """A group the article names."""

    actor_id: str
    short_name: str
    full_name: str
    who: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Event:
    """A dated event the article covers, and the passages that mention it."""

    event_id: str
    date: str
    label: str
    event: str
    passage_ids: tuple[str, ...]
    key_words: tuple[str, ...]
    sources: tuple[str, ...]

    @property
    def day(self) -> datetime.date:
        """The day the event is drawn at (see :func:`event_day`)."""
        return event_day(self.date)

    @property
    def date_text(self) -> str:
        """The date in words (see :func:`date_text`)."""
        return date_text(self.date)


@dataclass(frozen=True)
class Place:
    """A place in the story and where it is."""

    place_id: str
    name: str
    latitude: float
    longitude: float
    role: str
    coordinate_source: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Primer:
    """The primer's three tables: the events in date order, the rest as the files have them."""

    actors: tuple[Actor, ...]
    events: tuple[Event, ...]
    places: tuple[Place, ...]
    #: The primer's own sources (id to address), from the README beside the tables.
    own_sources: dict[str, str]


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def has_primer(case: Case) -> bool:
    """Whether the case's manifest lists the primer's three tables."""
    return all(role in case.manifest["files"] for role in PRIMER_ROLES)


def primer_path(case: Case, role: str) -> Path:
    """The file of one of the primer's roles."""
    return case.folder / case.manifest["files"][role]


def load_primer(case: Case) -> Primer:
    """The primer of a loaded (so already validated) case; ``KeyError`` if it has none."""
    if not has_primer(case):
        raise KeyError(f"The case {case.case_id} has no primer.")
    actors = tuple(
        Actor(row["actor_id"], row["short_name"], row["full_name"], row["who"], split_ids(row["sources"]))
        for row in _rows(primer_path(case, "primer_actors"))
    )
    events = tuple(
        sorted(
            (
                Event(
                    row["event_id"],
                    row["date"],
                    row["label"],
                    row["event"],
                    split_ids(row["passage_ids"]),
                    split_words(row["key_words"]),
                    split_ids(row["sources"]),
                )
                for row in _rows(primer_path(case, "primer_events"))
            ),
            key=lambda event: event.day,
        )
    )
    places = tuple(
        Place(
            row["place_id"],
            row["place"],
            float(row["latitude"]),
            float(row["longitude"]),
            row["role"],
            row["coordinate_source"],
            split_ids(row["sources"]),
        )
        for row in _rows(primer_path(case, "primer_places"))
    )
    readme = primer_path(case, "primer_actors").parent / "README.md"
    own = readme_sources(readme.read_text(encoding="utf-8")) if readme.is_file() else {}
    return Primer(actors, events, places, own)
