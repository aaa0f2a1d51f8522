"""Where each page type may live: home → catalogue → course → module."""

import pytest

from wagtail.models import Page

from curriculum.models import CataloguePage, CoursePage, HomePage, ModulePage

pytestmark = pytest.mark.django_db

ALLOWED = {
    HomePage: {CataloguePage},
    CataloguePage: {CoursePage},
    CoursePage: {ModulePage},
    ModulePage: set(),
}


@pytest.mark.parametrize("parent_model", list(ALLOWED))
def test_allowed_child_types(parent_model):
    assert set(parent_model.allowed_subpage_models()) == ALLOWED[parent_model]


def test_can_create_at_each_level(site_tree):
    root = Page.get_first_root_node()
    tree = {Page: root, HomePage: site_tree["home"], CataloguePage: site_tree["catalogue"],
            CoursePage: site_tree["course"], ModulePage: site_tree["modules"][0]}
    expected = {
        (CataloguePage, HomePage), (CoursePage, CataloguePage), (ModulePage, CoursePage),
    }
    for child in (CataloguePage, CoursePage, ModulePage):
        for parent_model, parent in tree.items():
            assert child.can_create_at(parent) == ((child, parent_model) in expected), (
                child, parent_model)


def test_only_one_home_per_parent(site_tree):
    root = Page.get_first_root_node()
    assert not HomePage.can_create_at(root)  # the site tree's home is already there
    assert not HomePage.can_create_at(site_tree["catalogue"])
