from lms.reporting.svg.charts import bar_chart, line_chart
from lms.reporting.svg.maps import (
    NO_DATA,
    PALETTE,
    choropleth,
    class_breaks,
    colour_for,
    region_shapes,
)


def test_region_shapes_are_projected_inside_the_picture():
    shapes, height = region_shapes()
    assert len(shapes) == 9 and {s.iso_code for s in shapes} >= {"ML-1", "ML-BKO"}
    for shape in shapes:
        numbers = [float(n) for part in shape.path.replace("M", " ").replace("Z", " ")
                   .replace("L", " ").split() for n in part.split(",")]
        assert min(numbers) >= 0 and max(numbers[0::2]) <= 600 and max(numbers[1::2]) <= height
    assert region_shapes() is region_shapes()  # computed once


def test_class_breaks_and_colours():
    assert class_breaks([0, 0]) == []
    assert class_breaks([1, 10]) == [2, 4, 6, 8, 10]
    assert class_breaks([3]) == [1, 2, 3]
    breaks = class_breaks([0, 5, 100])
    assert colour_for(0, breaks) == NO_DATA
    assert colour_for(100, breaks) == PALETTE[-1]
    assert colour_for(5, breaks) == PALETTE[0]


def test_choropleth_greys_out_regions_outside_scope():
    picture = choropleth(counts={"ML-1": 12})
    by_code = {r["shape"].iso_code: r for r in picture["regions"]}
    assert by_code["ML-1"]["in_scope"] and by_code["ML-1"]["fill"] in PALETTE
    assert not by_code["ML-7"]["in_scope"] and by_code["ML-7"]["value"] is None
    assert picture["legend"][0]["fill"] == NO_DATA


def test_bar_and_line_charts_scale_to_the_largest_value():
    chart = bar_chart([{"label": "A", "people": 10}, {"label": "B", "people": 5}])
    assert chart["bars"][0]["width"] == 2 * chart["bars"][1]["width"]
    assert bar_chart([])["bars"] == []
    line = line_chart([("2024-01", 0), ("2024-02", 4)])
    assert len(line["dots"]) == 2 and line["dots"][1]["y"] < line["dots"][0]["y"]
