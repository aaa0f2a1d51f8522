"""Geometry for the SVG pictures of the answers (numbers only; the templates render them
under `{% localize off %}`)."""

from .models import LIKERT_MAX, LIKERT_MIN, Likert

WIDTH = 300
HEIGHT = 28
# Diverging colours, disagreement to agreement, readable in greys too.
COLOURS = {1: "#b2182b", 2: "#ef8a62", 3: "#bababa", 4: "#67a9cf", 5: "#2166ac"}


def distribution_bar(counts: dict[int, int]) -> dict:
    """One stacked bar: a segment per answer (1 to 5), as wide as its share."""
    total = sum(counts.values())
    segments, x = [], 0.0
    labels = dict(Likert.choices)
    for value in range(LIKERT_MIN, LIKERT_MAX + 1):
        n = counts.get(value, 0)
        if not n or not total:
            continue
        width = round(WIDTH * n / total, 1)
        segments.append({"x": round(x, 1), "width": width, "value": value, "count": n,
                         "colour": COLOURS[value], "label": str(labels[value]),
                         "text_x": round(x + width / 2, 1)})
        x += width
    return {"width": WIDTH, "height": HEIGHT, "segments": segments, "total": total}


def score_bars(rows: list[dict], *, label_width: int = 170, width: int = 420) -> dict:
    """Horizontal bars of mean scores on the fixed 1 to 5 scale (0 to 5 drawn), one per row."""
    span = width - label_width - 50
    bars = []
    for index, row in enumerate(rows):
        score = row.get("score") or 0
        bar = round(span * score / LIKERT_MAX, 1)
        bars.append({"label": str(row["label"]), "score": score, "y": index * 28,
                     "width": bar, "value_x": round(label_width + bar + 4, 1)})
    return {"bars": bars, "width": width, "label_width": label_width,
            "height": max(1, len(bars)) * 28}
