"""Load Mali's regions from the shipped GeoJSON (OCHA COD-AB via HDX, CC BY-IGO)."""

import json
from pathlib import Path

from django.utils.text import slugify

from .models import Region

GEOJSON_PATH = Path(__file__).resolve().parent / "data" / "mali-regions.geojson"


def region_features() -> list[dict]:
    return json.loads(GEOJSON_PATH.read_text(encoding="utf-8"))["features"]


def regions_load(*, region_model=None) -> int:
    """Create or update the nine first-level units. Idempotent; returns how many exist."""
    region_model = region_model or Region
    for feature in region_features():
        props = feature["properties"]
        region_model.objects.update_or_create(
            iso_code=props["iso_3166_2"],
            defaults={
                "name": props["name"],
                "slug": slugify(props["name"]),
                "pcode": props["ocha_pcode"],
                "kind": props["type"],
            },
        )
    return region_model.objects.count()
