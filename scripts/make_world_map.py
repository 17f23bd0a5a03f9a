"""Turn Natural Earth's 1:110m land (TopoJSON from the world-atlas package) into the app's map.

Usage: python scripts/make_world_map.py path/to/land-110m.json
The result, resources/map/land.json, is a list of rings of [longitude, latitude] pairs rounded
to 0.1 degree: small enough to ship, enough for a world map a few hundred pixels wide. Rings
that cross the antimeridian are cut there; Antarctica, below the map's edge, is left out.
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

SOUTHMOST = -58.0  # the map's southern edge (exposure_audit.world_map.SOUTH)
OUT = Path(__file__).resolve().parents[1] / "resources" / "map" / "land.json"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[list[float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)
    out: list[list[float]] = []
    for lon, lat in points:
        point = [round(lon, 1), round(lat, 1)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def split_at_antimeridian(points: list[list[float]]) -> list[list[list[float]]]:
    """Pieces of a ring that crosses ±180°, each closing along that meridian."""
    cuts = [n for n in range(1, len(points)) if abs(points[n][0] - points[n - 1][0]) > 180]
    if not cuts:
        return [points]
    rotated = points[cuts[0] :] + points[1 : cuts[0]]  # start at a crossing (first == last)
    pieces, current = [], [rotated[0]]
    for before, point in itertools.pairwise(rotated):
        if abs(point[0] - before[0]) > 180:
            pieces.append(current)
            current = []
        current.append(point)
    pieces.append(current)
    return [piece for piece in pieces if len(piece) >= 3]


def main(source: str) -> None:
    topology = json.loads(Path(source).read_text())
    arcs = decode_arcs(topology)
    rings = []
    for geometry in topology["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            outer = ring(arcs, polygon[0])  # holes (lakes) are left out at this scale
            if len(outer) < 4 or max(lat for _, lat in outer) < SOUTHMOST:
                continue  # Antarctica: below the map's edge
            rings.extend(split_at_antimeridian(outer))
    OUT.write_text(json.dumps(rings, separators=(",", ":")))
    print(f"{len(rings)} rings, {OUT.stat().st_size:,} bytes -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
