"""The primer's map and timeline: drawn at the data's coordinates and dates, with alt text from them."""

from __future__ import annotations

import datetime
import itertools
import math

import pytest

from medialit.case.loading import load_case
from medialit.case.primer import Place, load_primer
from medialit.rendering.palette import OKABE_ITO
from medialit.rendering.primer_figures import direction, distance_km, events_timeline, places_map


@pytest.fixture(scope="module")
def primer():
    return load_primer(load_case())


def place(name: str, latitude: float, longitude: float) -> Place:
    return Place(name.lower(), name, latitude, longitude, "a role long enough", "src", ("src",))


def test_the_map_alt_text_names_every_place_with_its_coordinates(primer) -> None:
    alt = places_map(primer.places).alt
    for each in primer.places:
        assert each.name in alt
        assert f"{each.latitude:.2f}° N, {each.longitude:.2f}° E" in alt


def test_the_map_alt_text_names_places_it_is_given() -> None:
    alt = places_map([place("Alpha", 34.0, 38.0), place("Beta", 36.0, 41.0)]).alt
    assert "Alpha" in alt and "Beta" in alt and "north-east of Alpha" in alt


def test_the_map_puts_each_point_at_its_coordinates_with_an_equal_area_aspect(primer) -> None:
    plot = places_map(primer.places)
    axes = plot.figure.axes[0]
    points = [tuple(offsets[0]) for offsets in (c.get_offsets() for c in axes.collections)]
    assert points == [(p.longitude, p.latitude) for p in primer.places]
    mean = sum(p.latitude for p in primer.places) / len(primer.places)
    assert axes.get_aspect() == pytest.approx(1 / math.cos(math.radians(mean)))
    labels = {text.get_text() for text in axes.texts}
    assert {p.name for p in primer.places} <= labels
    assert any(label.endswith(" km") for label in labels)
    palette = {colour.lower() for colour in OKABE_ITO.values()}
    from matplotlib.colors import to_hex

    assert all(to_hex(c.get_facecolor()[0]) in palette for c in axes.collections)


def test_distances_and_directions() -> None:
    a, b = place("A", 35.0, 40.0), place("B", 36.0, 40.0)
    assert distance_km(a, b) == pytest.approx(111.19, abs=0.01)
    assert direction(a, b) == "north" and direction(b, a) == "south"
    assert direction(a, place("C", 35.0, 41.0)) == "east"


def test_the_timeline_alt_text_lists_every_event_in_order_and_the_publication(primer) -> None:
    alt = events_timeline(primer.events, datetime.date(2018, 2, 17)).alt
    positions = [alt.index(f"{event.date_text}, {event.label}") for event in primer.events]
    assert positions == sorted(positions)
    assert "published on 17 Feb 2018" in alt
    assert f"a timeline of {len(primer.events)} events" in alt


def test_the_timeline_labels_every_event_without_overlap(primer) -> None:
    plot = events_timeline(primer.events)
    axes = plot.figure.axes[0]
    labelled = [t for t in axes.texts if ": " in t.get_text()]
    assert [t.get_text() for t in labelled] == [f"{e.date_text}: {e.label}" for e in primer.events]
    heights = [t.get_position()[1] for t in labelled]
    gaps = [upper - lower for upper, lower in itertools.pairwise(heights)]
    assert min(gaps) == pytest.approx(max(gaps)) and min(gaps) > 0
