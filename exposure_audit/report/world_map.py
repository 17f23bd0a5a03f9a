"""A world map drawn from bundled Natural Earth outlines, with the places photos expose."""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from exposure_audit.i18n import _
from exposure_audit.report.words import place_label

# Latitudes shown: the polar caps hold no photos and would waste a third of the height.
NORTH, SOUTH = 84.0, -58.0
CELL_DEGREES = 1.0  # places closer than this are one dot


@dataclass(frozen=True)
class Place:
    """A dot on the map: where photos were taken (rounded), how many, and a name if known."""

    latitude: float
    longitude: float
    photos: int
    name: str = ""


@lru_cache(maxsize=1)
def land_rings() -> tuple[tuple[tuple[float, float], ...], ...]:
    """The land outlines as rings of (longitude, latitude)."""
    text = resources.files("resources").joinpath("map").joinpath("land.json").read_text("utf-8")
    return tuple(tuple((float(x), float(y)) for x, y in ring) for ring in json.loads(text))


def project(longitude: float, latitude: float, width: float, height: float) -> tuple[float, float]:
    """Equirectangular position of a point on a ``width`` × ``height`` map."""
    lat = min(NORTH, max(SOUTH, latitude))
    x = (longitude + 180.0) / 360.0 * width
    y = (NORTH - lat) / (NORTH - SOUTH) * height
    return x, y


def map_height(width: float) -> float:
    """The height that keeps degrees square for a map ``width`` wide."""
    return width * (NORTH - SOUTH) / 360.0


def cell_of(context: Mapping[str, Any]) -> tuple[float, float] | None:
    """The map dot a photo's coordinates fall in (None without usable coordinates)."""
    lat, lon = context.get("latitude"), context.get("longitude")
    if lat is None or lon is None:
        return None
    try:
        return (round(float(lat) / CELL_DEGREES) * CELL_DEGREES,
                round(float(lon) / CELL_DEGREES) * CELL_DEGREES)  # fmt: skip
    except (TypeError, ValueError, OverflowError):
        return None


def places_of(contexts: Iterable[Mapping[str, Any]]) -> list[Place]:
    """Photo contexts with coordinates, gathered into one dot per cell, busiest first."""
    counts: Counter[tuple[float, float]] = Counter()
    names: dict[tuple[float, float], Counter[str]] = {}
    for context in contexts:
        key = cell_of(context)
        if key is None:
            continue
        counts[key] += 1
        if context.get("place"):
            names.setdefault(key, Counter())[str(context["place"])] += 1
    return [
        Place(
            lat, lon, count, names[(lat, lon)].most_common(1)[0][0] if (lat, lon) in names else ""
        )
        for (lat, lon), count in counts.most_common()
    ]


def dot_radius(photos: int, busiest: int, largest: float = 10.0) -> float:
    """Dots grow with the square root of their count, so areas compare."""
    return 3.0 + (largest - 3.0) * (photos / max(1, busiest)) ** 0.5


def svg(places: list[Place], width: int = 720, colour: str = "#c4572e") -> str:
    """The map as an inline SVG: land in grey, one dot per place with its count in a tooltip."""
    height = map_height(width)
    paths = []
    for ring in land_rings():
        points = " ".join(
            f"{x:.1f},{y:.1f}" for x, y in (project(lon, lat, width, height) for lon, lat in ring)
        )
        paths.append(f'<polygon points="{points}"/>')
    busiest = max((p.photos for p in places), default=1)
    dots = []
    for place in places:
        x, y = project(place.longitude, place.latitude, width, height)
        label = place_label(place.name, place.photos)
        dots.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{dot_radius(place.photos, busiest):.1f}">'
            f"<title>{html.escape(label)}</title></circle>"
        )
    return (
        f'<svg class="map" viewBox="0 0 {width} {height:.0f}" role="img" '
        f'aria-label="{html.escape(_("Map of the places your photos expose"), quote=True)}" '
        'xmlns="http://www.w3.org/2000/svg">'
        f'<rect width="{width}" height="{height:.0f}" fill="#eef3f8"/>'
        f'<g fill="#cfd6de" stroke="#b3bcc6" stroke-width="0.5">{"".join(paths)}</g>'
        f'<g fill="{colour}" fill-opacity="0.75" stroke="#ffffff" stroke-width="1">'
        f"{''.join(dots)}</g></svg>"
    )
