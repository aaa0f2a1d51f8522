"""Bar and line charts as plain numbers for the SVG templates (geometry computed here)."""

BAR_HEIGHT = 22
BAR_GAP = 6
LABEL_WIDTH = 150
CHART_WIDTH = 400
VALUE_ROOM = 60


def bar_chart(rows: list[dict], *, value: str = "people", label: str = "label") -> dict:
    """Horizontal bars, one per row; the longest bar fills the width."""
    top = max((row[value] for row in rows), default=0) or 1
    span = CHART_WIDTH - LABEL_WIDTH - VALUE_ROOM
    bars = []
    for index, row in enumerate(rows):
        width = round(span * row[value] / top, 1)
        bars.append({
            "label": str(row[label]), "value": row[value],
            "y": index * (BAR_HEIGHT + BAR_GAP), "width": width,
            "value_x": round(LABEL_WIDTH + width + 4, 1),
        })
    return {"bars": bars, "width": CHART_WIDTH, "label_width": LABEL_WIDTH,
            "bar_height": BAR_HEIGHT,
            "height": max(1, len(bars)) * (BAR_HEIGHT + BAR_GAP)}


def line_chart(points: list[tuple[str, int]], *, width: int = 560,
               height: int = 180) -> dict:
    """A polyline over evenly spaced labels; returns the points string and the axis ticks."""
    left, bottom, top_pad = 40, 24, 10
    top = max((v for _, v in points), default=0) or 1
    inner_w, inner_h = width - left - 30, height - bottom - top_pad
    step = inner_w / max(1, len(points) - 1)
    coords = [
        (round(left + i * step, 1), round(top_pad + inner_h * (1 - v / top), 1))
        for i, (_, v) in enumerate(points)
    ]
    every = max(1, len(points) // 6)
    ticks = [
        {"x": x, "label": label} for i, ((label, _), (x, _y)) in enumerate(zip(points, coords,
                                                                              strict=True))
        if i % every == 0
    ]
    return {
        "width": width, "height": height, "left": left, "baseline": height - bottom,
        "top": top, "points": " ".join(f"{x},{y}" for x, y in coords),
        "dots": [{"x": x, "y": y, "label": lab, "value": v}
                 for (x, y), (lab, v) in zip(coords, points, strict=True)],
        "ticks": ticks, "top_label_y": top_pad + 4, "tick_y": height - 6,
    }
