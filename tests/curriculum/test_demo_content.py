"""The demo curriculum: three courses in English and French, loaded idempotently."""

import re

import pytest

from django.db import transaction
from django.test import override_settings
from django.utils.html import escape, strip_tags

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site

from curriculum.blocks import ModuleStreamBlock
from curriculum.demo import load
from curriculum.demo.courses import COURSES
from curriculum.models import CataloguePage, CoursePage, HomePage, ModulePage

CODES = ["reintegration", "nrm", "psychosocial"]
BLOCK_TYPES = set(ModuleStreamBlock.base_blocks)


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    return str(tmp_path_factory.mktemp("demo-media"))


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, demo_media):
    """Load once for the whole module (a load takes seconds), inside a transaction that is
    rolled back at the end so other test modules start from an empty database."""
    with override_settings(MEDIA_ROOT=demo_media), django_db_blocker.unblock(), \
            transaction.atomic():
        summary = load()
        yield summary
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _demo_media_root(settings, demo_media):
    settings.MEDIA_ROOT = demo_media


def _course(code: str, language: str) -> CoursePage:
    return CoursePage.objects.get(code=code, locale__language_code=language)


def _modules(language: str):
    return ModulePage.objects.filter(locale__language_code=language).live().order_by("path")


def _words(html: str) -> int:
    return len(strip_tags(html).split())


def _module_text(module: ModulePage) -> str:
    parts = [module.introduction]
    for block in module.body.raw_data:
        value = block["value"]
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, dict):
            parts += [v for v in value.values() if isinstance(v, str)]
    return " ".join(parts)


def test_load_completes_a_tree_built_by_an_earlier_version(db):
    """Databases loaded before the courses existed hold a home and catalogue with no intro
    and no revision. Runs before any test that uses `demo` (module-scoped data)."""
    assert not HomePage.objects.exists()
    english = Locale.objects.get_or_create(language_code="en")[0]
    home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Cascade", slug="cascade", locale=english))
    catalogue = home.add_child(instance=CataloguePage(title="Courses", slug="courses"))

    summary = load()

    assert "(18 pages created, 20 translated)" in summary
    home.refresh_from_db()
    catalogue.refresh_from_db()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert home.intro and home.live_revision_id is not None
    assert catalogue.intro and catalogue.live_revision_id is not None
    assert CoursePage.objects.child_of(catalogue).count() == 3
    revisions = Revision.objects.count()
    load()
    assert Revision.objects.count() == revisions


def test_first_load_creates_the_tree(demo, db):
    assert demo.startswith("3 courses, 15 modules in en and fr")
    assert "(20 pages created, 20 translated)" in demo
    assert "workflow 'Curriculum review' on 2 catalogue(s)" in demo


def test_loading_again_changes_nothing(demo, db):
    image_model, document_model = get_image_model(), get_document_model()
    before = (Page.objects.count(), Revision.objects.count(), image_model.objects.count(),
              document_model.objects.count(), Locale.objects.count(), Site.objects.count())

    summary = load()

    after = (Page.objects.count(), Revision.objects.count(), image_model.objects.count(),
             document_model.objects.count(), Locale.objects.count(), Site.objects.count())
    assert after == before
    assert "(0 pages created, 0 translated)" in summary


def test_site_root_is_the_english_home_and_french_home_is_its_translation(demo, db):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.locale.language_code == "en"
    french_home = home.get_translation(Locale.objects.get(language_code="fr"))
    assert french_home.live
    catalogue = CataloguePage.objects.child_of(french_home).get()
    assert catalogue.title == "Formations"
    assert catalogue.slug == "courses"


@pytest.mark.parametrize("code", CODES)
def test_each_course_exists_in_both_languages_as_translations(demo, db, code):
    english, french = _course(code, "en"), _course(code, "fr")
    assert english.translation_key == french.translation_key
    assert english.title != french.title
    assert english.live and french.live
    english_modules, french_modules = list(english.modules()), list(french.modules())
    assert len(english_modules) >= 4
    assert [m.translation_key for m in english_modules] == [
        m.translation_key for m in french_modules
    ]
    for en_module, fr_module in zip(english_modules, french_modules, strict=True):
        assert en_module.title != fr_module.title


@pytest.mark.parametrize("code", CODES)
def test_course_fields_and_completion_rule(demo, db, code):
    for language in ("en", "fr"):
        course = _course(code, language)
        assert course.summary and course.audience and "<li>" in course.learning_objectives
        assert course.duration_hours > 0
        assert course.completion_min_attendance == 80
        assert course.completion_requires_post_test is True
        assert course.cover_image is not None
        assert course.cover_image.file.size < 60_000
    assert _course(code, "en").cover_image_id != _course(code, "fr").cover_image_id


def test_every_page_is_published_with_a_revision(demo, db):
    pages = Page.objects.filter(depth__gte=2).specific()
    assert pages.count() == 2 * (2 + 3 + 15)
    for page in pages:
        assert page.live, page
        assert page.live_revision_id is not None, page
        assert not page.has_unpublished_changes, page


def test_every_block_type_is_used_in_each_language(demo, db):
    for language in ("en", "fr"):
        used = [block.block_type for module in _modules(language) for block in module.body]
        assert set(used) == BLOCK_TYPES, language
        assert used.count("video") == 1


def test_french_modules_mirror_the_english_blocks(demo, db):
    for english in _modules("en"):
        french = english.get_translation(Locale.objects.get(language_code="fr"))
        assert [b.block_type for b in english.body] == [b.block_type for b in french.body]


def test_modules_are_substantive(demo, db):
    for module in ModulePage.objects.all():
        assert _words(_module_text(module)) >= 350, module.title


def test_group_activities_have_facilitator_notes(demo, db):
    activities = [block.value for module in ModulePage.objects.all()
                  for block in module.body if block.block_type == "group_activity"]
    assert len(activities) >= 10
    for activity in activities:
        assert _words(activity["facilitator_notes"].source) >= 20


def test_figures_and_downloads_point_at_real_files(demo, db):
    for module in ModulePage.objects.all():
        language = module.locale.language_code
        for block in module.body:
            if block.block_type == "figure":
                assert block.value["image"].title.endswith(f"({language.upper()})")
                assert len(block.value["alt_text"]) > 40
                assert block.value["caption"]
            elif block.block_type == "download":
                document = block.value["document"]
                with document.file.open("rb") as handle:
                    assert handle.read(5) == b"%PDF-"
                assert block.value["kind"] in {"handout", "facilitator_guide", "form", "reading"}


def test_english_and_french_catalogues_list_their_courses(demo, db, client):
    french_home = client.get("/fr/")
    assert french_home.status_code == 200
    assert "/fr/courses/" in french_home.text

    for language in ("en", "fr"):
        response = client.get(f"/{language}/courses/")
        assert response.status_code == 200
        for code in CODES:
            assert escape(_course(code, language).title) in response.text


def test_french_module_page_answers(demo, db, client):
    module = _course("nrm", "fr").modules().first()
    response = client.get(module.url)
    assert response.status_code == 200
    assert module.url.startswith("/fr/courses/nrm/")
    assert escape(module.title) in response.text


def test_course_data_names_only_existing_assets():
    """Every figure and download in the bodies refers to an image or document the course
    defines, and each course defines both languages of it."""
    for course in COURSES:
        figures, documents = course.get("figures", {}), course.get("documents", {})
        for key in [*figures, *documents]:
            assert {"en", "fr"} <= set({**figures, **documents}[key])
        for module in course["modules"]:
            for language in ("en", "fr"):
                for block_type, value in module[language]["body"]:
                    assert block_type in BLOCK_TYPES
                    if block_type == "figure":
                        assert value["image"] in figures
                    if block_type == "download":
                        assert value["document"] in documents


def test_course_data_has_no_empty_or_duplicate_slugs():
    slugs = [module["slug"] for course in COURSES for module in course["modules"]]
    assert all(re.fullmatch(r"[a-z0-9-]+", slug) for slug in slugs)
    assert len(slugs) == len(set(slugs))
    assert [course["code"] for course in COURSES] == CODES


def test_every_module_page_renders_without_facilitator_notes(demo, db, client):
    for module in ModulePage.objects.live().specific():
        response = client.get(module.url)
        assert response.status_code == 200, module.url
        for block in module.body:
            if block.block_type == "group_activity":
                shown = strip_tags(block.value["instructions"].source)[:60]
                hidden = strip_tags(block.value["facilitator_notes"].source)[:60]
                assert _appears(shown, response.text), module.url
                assert not _appears(hidden, response.text), module.url


def _appears(text: str, html: str) -> bool:
    return text in html or escape(text) in html
