"""Mali's regions as SVG paths, projected linearly (lon/lat → x/y) from the shipped GeoJSON.

The projection runs once per process (the geodata never changes while the site runs).
"""

import math
from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import gettext_lazy as _

from lms.regions.services import region_features

MAP_WIDTH = 600
MARGIN = 6
# Light to dark blue: readable with dark text on the light classes and white on the dark ones.
PALETTE = ["#eef3f8", "#c6dbef", "#9ecae1", "#4292c6", "#08519c"]
NO_DATA = "#f7f7f7"
CREDIT = _("Boundaries: OCHA / DNCT Mali (COD-AB) via HDX, CC BY-IGO — simplified.")


@dataclass(frozen=True)
class Shape:
    iso_code: str
    name: str
    path: str
    label_x: float
    label_y: float
    labelled: bool  # too small a shape (Bamako) gets no number printed on it


def _rings(geometry: dict) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    return [ring for polygon in geometry["coordinates"] for ring in polygon]


@lru_cache(maxsize=1)
def region_shapes() -> tuple[tuple[Shape, ...], int]:
    """(shapes, height) for a map MAP_WIDTH wide; latitude is scaled by cos(mid-latitude)."""
    features = region_features()
    points = [pt for f in features for ring in _rings(f["geometry"]) for pt in ring]
    min_lon, max_lon = min(p[0] for p in points), max(p[0] for p in points)
    min_lat, max_lat = min(p[1] for p in points), max(p[1] for p in points)
    aspect = math.cos(math.radians((min_lat + max_lat) / 2))
    scale = (MAP_WIDTH - 2 * MARGIN) / ((max_lon - min_lon) * aspect)
    height = round((max_lat - min_lat) * scale + 2 * MARGIN)

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (MARGIN + (lon - min_lon) * aspect * scale, MARGIN + (max_lat - lat) * scale)

    shapes = []
    for feature in features:
        rings = _rings(feature["geometry"])
        parts = []
        for ring in rings:
            xy = [project(lon, lat) for lon, lat in ring]
            parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in xy) + "Z")
        outer = [project(lon, lat) for lon, lat in rings[0]]
        area = abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(
            outer, outer[1:] + outer[:1], strict=True))) / 2
        shapes.append(Shape(
            iso_code=feature["properties"]["iso_3166_2"], name=feature["properties"]["name"],
            path="".join(parts),
            label_x=round(sum(x for x, _ in outer) / len(outer), 1),
            label_y=round(sum(y for _, y in outer) / len(outer), 1),
            labelled=area > 400,
        ))
    return tuple(shapes), height


def class_breaks(values: list[int], classes: int = len(PALETTE)) -> list[int]:
    """Upper bounds of equal-width classes from 1 to the maximum (0 has its own colour)."""
    top = max(values, default=0)
    if top <= 0:
        return []
    step = max(1, -(-top // classes))
    return [min(top, step * (i + 1)) for i in range(classes) if step * i < top]


def colour_for(value: int, breaks: list[int]) -> str:
    if value <= 0 or not breaks:
        return NO_DATA
    for index, upper in enumerate(breaks):
        if value <= upper:
            return PALETTE[index]
    return PALETTE[len(breaks) - 1]


def choropleth(*, counts: dict[str, int], highlight: set[str] | None = None) -> dict:
    """Template context for `reporting/includes/map.svg`: shapes with their fill and legend.

    `counts` maps ISO 3166-2 codes to people reached; regions missing from it (outside the
    viewer's scope) are drawn greyed out."""
    shapes, height = region_shapes()
    breaks = class_breaks(list(counts.values()))
    regions = []
    for shape in shapes:
        value = counts.get(shape.iso_code)
        fill = colour_for(value or 0, breaks) if value is not None else "#e0e0e0"
        dark = fill in PALETTE[3:]
        regions.append({"shape": shape, "value": value, "fill": fill,
                        "text": "#ffffff" if dark else "#1b1f24",
                        "in_scope": value is not None})
    legend = [{"fill": NO_DATA, "low": 0, "high": 0}]
    low = 1
    for index, upper in enumerate(breaks):
        legend.append({"fill": PALETTE[index], "low": low, "high": upper})
        low = upper + 1
    return {"width": MAP_WIDTH, "height": height, "regions": regions, "legend": legend,
            "credit": CREDIT}
