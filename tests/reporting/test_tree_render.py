"""The cascade tree is rendered in one loop from a flattened forest: the nested lists it writes
must hold exactly the forest (every cohort under its upstream cohort, every list closed)."""

import re
from html.parser import HTMLParser

from django.template.loader import render_to_string
from django.utils import translation

from lms.reporting.drilldown import _flattened
from lms.reporting.views import _labelled


def node(pk: int, *children: dict) -> dict:
    return {"pk": pk, "name": f"Cohort {pk}", "level": 1, "region__name": "Kayes",
            "people": 1200, "children": list(children)}


class Nesting(HTMLParser):
    """Rebuilds the forest from <ul>/<li>/<a href=".../cohorts/<pk>/">."""

    def __init__(self) -> None:
        super().__init__()
        self.root: list = []
        self.lists = [self.root]  # the open <ul>s' item lists
        self.items: list[dict] = []  # the open <li>s
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        if tag == "ul":
            if self.items:  # a nested list belongs to the open item
                self.lists.append(self.items[-1]["children"])
            self.depth += 1
        elif tag == "li":
            item = {"pk": None, "children": []}
            self.lists[-1].append(item)
            self.items.append(item)
        elif tag == "a":
            self.items[-1]["pk"] = int(re.search(r"(\d+)/?$", dict(attrs)["href"]).group(1))

    def handle_endtag(self, tag):
        if tag == "ul":
            self.depth -= 1
            if len(self.lists) > 1:
                self.lists.pop()
        elif tag == "li":
            self.items.pop()


def shape(nodes: list[dict]) -> list:
    return [(n["pk"], shape(n["children"])) for n in nodes]


def test_the_flat_rendering_writes_the_forest():
    forest = [node(1, node(2, node(3), node(4, node(5))), node(6)), node(7),
              node(8, node(9, node(10, node(11))))]
    with translation.override("en"):
        rows = _labelled({"rows": _flattened(forest)})["rows"]
        html = render_to_string("reporting/includes/tree.html", {"rows": rows})
    parser = Nesting()
    parser.feed(html)
    assert parser.depth == 0 and parser.items == []  # every list and item closed
    assert shape(parser.root) == shape(forest)
    assert html.count("<ul>") == html.count("</ul>") == 7  # the forest's, and 6 nested
    assert html.count("<li>") == html.count("</li>") == 11


def test_the_labels_are_in_french_with_french_numbers():
    with translation.override("fr"):
        rows = _labelled({"rows": _flattened([node(1)])})["rows"]
    assert rows[0]["label"] == "niveau 1, Kayes, 1\xa0200 personnes"


def test_each_cohort_links_to_its_own_page_in_the_active_language():
    from django.urls import reverse

    for language in ("en", "fr"):
        with translation.override(language):
            rows = _labelled({"rows": _flattened([node(10, node(205)), node(3000)])})["rows"]
            assert [row["url"] for row in rows] == [
                reverse("reporting:cohort", args=[pk]) for pk in (10, 205, 3000)]
            assert rows[0]["url"].startswith(f"/{language}/")
