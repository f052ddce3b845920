"""The primer's two figures, drawn from its data: a map of the places and a timeline of the events.

The map puts each place at its sourced coordinates on longitude/latitude axes, with the aspect
that makes a kilometre east as long as a kilometre north at the places' mean latitude (an
equirectangular projection), a labelled point per place and a scale bar. It draws no borders or
rivers: the course has no sourced data for them. The timeline puts each event at its date on a
time axis, its label in an evenly spaced column beside it with a leader line, so that labels of
events close in time never overlap. Both use the colour-blind-safe palette and carry alt text
built from the data.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence

from medialit.case.primer import Event, Place, date_text
from medialit.rendering.palette import OKABE_ITO
from medialit.rendering.plots import Plot, new_figure

#: The mean radius of the Earth, in km (see data/primer/README.md, ``earth_radius``).
EARTH_RADIUS_KM = 6371.0088
#: The map's margin around the places, in degrees.
MAP_MARGIN = 0.6
#: Markers, so that no place is told apart by colour alone: each also has its name beside it.
PLACE_MARKERS = ("o", "s", "^", "D", "v", "P")
#: The compass directions, each covering 45 degrees of bearing, for the alt text.
COMPASS = ("north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west")


def distance_km(a: Place, b: Place) -> float:
    """The great-circle distance between two places (haversine formula, spherical Earth)."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat, dlon = lat2 - lat1, math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def direction(a: Place, b: Place) -> str:
    """Which way ``b`` lies from ``a``, to the nearest of eight compass points (initial bearing)."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlon = math.radians(b.longitude - a.longitude)
    x = math.sin(dlon) * math.cos(lat2)
    y = math.cos(lat1) * math.sin(lat2) - math.sin(lat1) * math.cos(lat2) * math.cos(dlon)
    bearing = math.degrees(math.atan2(x, y)) % 360
    return COMPASS[round(bearing / 45) % len(COMPASS)]


def _scale_length(width_km: float) -> int:
    """A round scale-bar length, about a quarter of the map's width: 10, 20, 50, 100 km..."""
    target = width_km / 4
    steps = [step * 10**power for power in range(0, 4) for step in (1, 2, 5)]
    return max([step for step in steps if step <= target] or [1])


def places_map(places: Sequence[Place], title: str = "Where the places are") -> Plot:
    """A map of the places at their coordinates, labelled, with a scale bar and alt text."""
    figure = new_figure(figsize=(7.0, 5.0), layout="constrained")
    axes = figure.add_subplot()
    lons = [place.longitude for place in places]
    lats = [place.latitude for place in places]
    mean_lat = sum(lats) / len(lats)
    km_per_degree_lat = math.pi * EARTH_RADIUS_KM / 180
    km_per_degree_lon = km_per_degree_lat * math.cos(math.radians(mean_lat))
    colours = [OKABE_ITO[name] for name in ("blue", "vermillion", "bluish_green", "reddish_purple")]
    for index, place in enumerate(places):
        axes.scatter(
            place.longitude,
            place.latitude,
            s=70,
            marker=PLACE_MARKERS[index % len(PLACE_MARKERS)],
            color=colours[index % len(colours)],
            edgecolors="black",
            zorder=3,
        )
        axes.annotate(
            place.name,
            (place.longitude, place.latitude),
            xytext=(8, 6),
            textcoords="offset points",
            fontsize=10,
        )
    west, east = min(lons) - MAP_MARGIN, max(lons) + MAP_MARGIN
    south, north = min(lats) - MAP_MARGIN, max(lats) + MAP_MARGIN
    axes.set_xlim(west, east)
    axes.set_ylim(south, north)
    axes.set_aspect(1 / math.cos(math.radians(mean_lat)))
    width_km = (east - west) * km_per_degree_lon
    scale = _scale_length(width_km)
    bar_degrees = scale / km_per_degree_lon
    x0, y0 = west + 0.1 * (east - west), south + 0.08 * (north - south)
    axes.plot([x0, x0 + bar_degrees], [y0, y0], color="black", linewidth=3, solid_capstyle="butt")
    axes.text(x0 + bar_degrees / 2, y0 + 0.03 * (north - south), f"{scale} km", ha="center", fontsize=9)
    axes.set_xlabel("longitude (degrees east)")
    axes.set_ylabel("latitude (degrees north)")
    axes.grid(color="#DDDDDD", linewidth=0.6)
    axes.set_title(title)
    axes.text(
        0.99,
        0.01,
        f"Scale bar true at {mean_lat:.1f}° N. No borders or rivers: only the places' coordinates.",
        transform=axes.transAxes,
        ha="right",
        va="bottom",
        fontsize=7,
    )
    return Plot("primer_map", figure, _map_alt(places, title, scale))


def _map_alt(places: Sequence[Place], title: str, scale: int) -> str:
    """The map's alt text: every place with its coordinates, then how far apart they lie."""
    where = "; ".join(
        f"{place.name} at {place.latitude:.2f}° N, {place.longitude:.2f}° E" for place in places
    )
    first = places[0]
    apart = "; ".join(
        f"{other.name} lies about {distance_km(first, other):.0f} km "
        f"{direction(first, other)} of {first.name}"
        for other in places[1:]
    )
    return (
        f"{title}: a map with longitude across and latitude up, one labelled point per place and a "
        f"{scale} km scale bar, with no borders or rivers. {where}. {apart}."
    )


def events_timeline(
    events: Sequence[Event], published: datetime.date | None = None, title: str = "What happened, and when"
) -> Plot:
    """A timeline of the events, earliest at the top; ``published`` marks the article's date."""
    count = len(events)
    figure = new_figure(figsize=(8.0, 1.2 + 0.36 * count), layout="constrained")
    axes = figure.add_subplot()
    days = [event.day.toordinal() for event in events]
    last = max([*days, published.toordinal() if published else days[-1]])
    first, span = days[0], max(1, last - days[0])
    # The time axis runs down x = 0 (scaled 0 to 1); labels sit at x = 1, evenly spaced.
    heights = [1 - (day - first) / span for day in days]
    slots = [1 - index / max(1, count - 1) for index in range(count)]
    axes.plot([0, 0], [0, 1], color="black", linewidth=1.5)
    colour = OKABE_ITO["blue"]
    for event, height, slot in zip(events, heights, slots, strict=True):
        axes.scatter(0, height, s=30, color=colour, edgecolors="black", zorder=3)
        axes.plot([0, 0.25, 0.35], [height, slot, slot], color="#888888", linewidth=0.7)
        axes.text(0.37, slot, f"{event.date_text}: {event.label}", va="center", fontsize=9)
    if published is not None:
        height = 1 - (published.toordinal() - first) / span
        axes.scatter(0, height, s=60, marker="D", color=OKABE_ITO["orange"], edgecolors="black", zorder=3)
        axes.text(
            -0.03,
            height,
            f"article published, {date_text(published.isoformat())}",
            ha="right",
            va="center",
            fontsize=9,
            fontweight="bold",
        )
    for year in range(events[0].day.year + 1, datetime.date.fromordinal(last).year + 1):
        height = 1 - (datetime.date(year, 1, 1).toordinal() - first) / span
        axes.text(-0.03, height, str(year), ha="right", va="center", fontsize=9, color="#444444")
        axes.plot([-0.02, 0], [height, height], color="black", linewidth=1)
    axes.set_xlim(-0.9, 2.0)
    axes.set_ylim(-0.03, 1.03)
    axes.set_axis_off()
    axes.set_title(title)
    return Plot("primer_timeline", figure, _timeline_alt(events, published, title))


def _timeline_alt(events: Sequence[Event], published: datetime.date | None, title: str) -> str:
    """The timeline's alt text: every event in order with its date."""
    listed = "; ".join(f"{event.date_text}, {event.label}" for event in events)
    end = f" The article was published on {date_text(published.isoformat())}." if published else ""
    return (
        f"{title}: a timeline of {len(events)} events from {events[0].date_text} to "
        f"{events[-1].date_text}, earliest first: {listed}.{end}"
    )
