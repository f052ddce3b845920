"""The primer's data: its checks on broken copies, and the integrity of the shipped tables."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from medialit.case.loading import load_case
from medialit.case.paths import data_dir
from medialit.case.primer import date_text, load_primer, readme_sources
from medialit.case.validation import check_case
from tests.case.test_validation import edit_row, messages
from tests.conftest import ROOT

PRIMER = data_dir() / "primer"
BIB_KEYS = set(re.findall(r"^@\w+\{([^,\s]+),", (ROOT / "book" / "references.bib").read_text("utf-8"), re.M))
#: Syria lies roughly between 32° and 38° N and 35° and 43° E (data/primer/README.md, syria_extent).
SYRIA_LATITUDES, SYRIA_LONGITUDES = (32.0, 38.0), (35.0, 43.0)


@pytest.fixture
def case_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped case, to break."""
    return Path(shutil.copytree(data_dir(), tmp_path / "data"))


@pytest.fixture(scope="module")
def primer():
    return load_primer(load_case())


def test_the_shipped_primer_is_checked_and_valid() -> None:
    report = check_case(data_dir())
    assert report.ok, "\n".join(map(str, report.problems))
    assert report.counts["primer events"] >= 20
    assert report.counts["primer actors"] == 6 and report.counts["primer places"] == 3


def test_every_event_names_real_passages_that_mention_it(primer) -> None:
    passages = load_case().passages["text"]
    for event in primer.events:
        assert event.passage_ids, event.event_id
        for passage_id in event.passage_ids:
            text = passages[passage_id]
            assert any(word in text for word in event.key_words), (event.event_id, passage_id)


def test_every_source_is_in_the_ledger_or_the_readme_and_the_readme_sources_are_cited(primer) -> None:
    ledger = set(load_case().sources.index)
    own = readme_sources((PRIMER / "README.md").read_text(encoding="utf-8"))
    used = {source for row in (*primer.actors, *primer.events, *primer.places) for source in row.sources} | {
        place.coordinate_source for place in primer.places
    }
    assert not used - ledger - set(own)
    assert used & ledger and used & set(own)
    # A source of the primer's own that a page cites must be in the bibliography.
    assert not (used & set(own)) - BIB_KEYS
    assert all(address.startswith("http") for address in own.values())


def test_every_place_lies_in_syria_and_has_its_coordinates_from_the_readme(primer) -> None:
    own = readme_sources((PRIMER / "README.md").read_text(encoding="utf-8"))
    names = {place.name for place in primer.places}
    assert {"Deir ez-Zor", "Raqqa", "al-Omar oil field"} <= names
    for place in primer.places:
        assert SYRIA_LATITUDES[0] < place.latitude < SYRIA_LATITUDES[1], place.name
        assert SYRIA_LONGITUDES[0] < place.longitude < SYRIA_LONGITUDES[1], place.name
        assert place.coordinate_source in own, place.name


def test_the_actors_the_issue_names_are_all_there(primer) -> None:
    assert {"SDF", "YPG", "SAA", "SOHR", "OIR"} <= {actor.short_name for actor in primer.actors}


def test_events_are_in_date_order_and_a_month_only_date_says_so(primer) -> None:
    days = [event.day for event in primer.events]
    assert days == sorted(days)
    assert date_text("2017-09") == "Sep 2017" and date_text("2016-09-17") == "17 Sep 2016"


def test_a_passage_that_lacks_the_key_words_is_reported(case_copy: Path) -> None:
    edit_row(case_copy / "primer" / "events.csv", 0, key_words="no such words anywhere")
    found = messages(case_copy)
    assert any("events.csv, line 2" in m and "p025 contains none of the key words" in m for m in found)


def test_an_unknown_passage_and_an_unknown_source_are_reported(case_copy: Path) -> None:
    edit_row(case_copy / "primer" / "events.csv", 1, passage_ids="p999")
    edit_row(case_copy / "primer" / "places.csv", 0, coordinate_source="made_up")
    found = messages(case_copy)
    assert any("events.csv, line 3: unknown passage id p999" in m for m in found)
    assert any("places.csv, line 2" in m and "made_up" in m for m in found)


@pytest.mark.parametrize(
    ("file", "changes", "words"),
    [
        ("events.csv", {"date": "2017-02-30"}, "not a day of the calendar"),
        ("events.csv", {"date": "Sept 2017"}, "date"),
        ("places.csv", {"latitude": "north"}, "latitude"),
        ("places.csv", {"longitude": "200"}, "longitude"),
    ],
)
def test_bad_dates_and_coordinates_are_reported(
    case_copy: Path, file: str, changes: dict[str, str], words: str
) -> None:
    edit_row(case_copy / "primer" / file, 0, **changes)
    found = [m for m in messages(case_copy) if file in m]
    assert found and words in found[0]


def test_the_command_line_names_the_file_and_exits_non_zero(case_copy: Path) -> None:
    edit_row(case_copy / "primer" / "actors.csv", 0, sources="nowhere")
    result = subprocess.run(
        [sys.executable, "-m", "medialit", "validate", "--data", str(case_copy)],
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "actors.csv" in result.stdout + result.stderr and "Traceback" not in result.stderr
