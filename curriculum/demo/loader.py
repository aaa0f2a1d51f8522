"""Build the demo page tree in English, then translate every page into French.

Create-only: a page, image or document that already exists is left as it is (an editor may have
changed it), so loading twice creates no page, revision, image or document. English pages are
the canonical ones; French pages are Wagtail translations (same translation_key).
"""

from dataclasses import dataclass

from django.db import transaction

from wagtail.models import Locale, Page, Site

from curriculum.facilitator_material import ensure_facilitator_material
from curriculum.models import CataloguePage, CoursePage, HomePage, ModulePage
from curriculum.workflow import ensure_curriculum_workflow

from . import media
from .courses import COURSES, SITE
from .courses.types import LANGUAGES


@dataclass
class Tally:
    created: int = 0
    translated: int = 0


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _add_child(parent: Page, page: Page, tally: Tally) -> Page:
    page.live = False
    parent.add_child(instance=page)
    _publish(page)
    tally.created += 1
    return page


def _fill_blanks(page: Page, fields: dict) -> None:
    """Publish `fields` that are still empty (and a first revision if there is none)."""
    changed = False
    for name, value in fields.items():
        if not getattr(page, name):
            setattr(page, name, value)
            changed = True
    if changed or page.live_revision_id is None:
        _publish(page)


def _translate(page: Page, locale: Locale, fields: dict, tally: Tally) -> Page:
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translated = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    _publish(translated)
    tally.translated += 1
    return translated


def _ensure_site(home: HomePage) -> None:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True,
                            site_name="Cascade")
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.save()
        if old_root.depth == 2 and old_root.specific_class is Page:
            old_root.delete()


def _resolve_body(body: list, assets: dict) -> list[dict]:
    """Turn the data's block list into StreamField JSON, swapping asset keys for ids."""
    stream = []
    for block_type, value in body:
        if block_type == "figure":
            value = {**value, "image": assets[value["image"]].pk}
        elif block_type == "download":
            value = {**value, "document": assets[value["document"]].pk}
        stream.append({"type": block_type, "value": value})
    return stream


def _course_assets(course: dict, language: str) -> dict:
    """Images and documents of one course in one language, keyed as the body data names them."""
    assets = {}
    for key, figure in course.get("figures", {}).items():
        drawing = figure[language]
        assets[key] = media.ensure_image(title=drawing["title"], drawer=figure["drawer"],
                                         drawing=drawing["drawing"])
    for key, document in course.get("documents", {}).items():
        collection = ensure_facilitator_material() if document.get("for_facilitators") else None
        assets[key] = media.ensure_document(**document[language], collection=collection)
    text = course[language]
    assets["cover"] = media.ensure_image(
        title=text["cover_title"], drawer="cover",
        drawing={"title": text["title"], "tagline": text["tagline"], "colour": course["colour"]},
    )
    return assets


def _course_fields(course: dict, language: str, assets: dict) -> dict:
    text = course[language]
    return {
        "title": text["title"], "summary": text["summary"], "audience": text["audience"],
        "learning_objectives": text["learning_objectives"], "cover_image": assets["cover"],
        "duration_hours": course["duration_hours"], "code": course["code"],
        "completion_min_attendance": 80, "completion_requires_post_test": True,
        "completion_requires_modules": True,
    }


def _module_fields(module: dict, language: str, assets: dict) -> dict:
    text = module[language]
    return {
        "title": text["title"], "introduction": text["introduction"],
        "duration_minutes": module["duration_minutes"],
        "body": _resolve_body(text["body"], assets),
    }


def _load_course(course: dict, catalogues: dict, locales: dict, tally: Tally) -> None:
    assets = {language: _course_assets(course, language) for language in LANGUAGES}
    page = CoursePage.objects.filter(code=course["code"], locale=locales["en"]).first()
    if page is None:
        page = _add_child(catalogues["en"], CoursePage(
            slug=course["code"], locale=locales["en"], **_course_fields(course, "en", assets["en"])
        ), tally)
    _translate(page, locales["fr"], _course_fields(course, "fr", assets["fr"]), tally)
    for module in course["modules"]:
        module_page = ModulePage.objects.child_of(page).filter(slug=module["slug"]).first()
        if module_page is None:
            module_page = _add_child(page, ModulePage(
                slug=module["slug"], locale=locales["en"],
                **_module_fields(module, "en", assets["en"]),
            ), tally)
        _translate(module_page, locales["fr"], _module_fields(module, "fr", assets["fr"]), tally)


@transaction.atomic
def load() -> str:
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    tally = Tally()
    home = HomePage.objects.filter(locale=locales["en"]).first()
    if home is None:
        home = _add_child(Page.get_first_root_node(), HomePage(
            title=SITE["en"]["home_title"], slug="cascade", locale=locales["en"]), tally)
    _fill_blanks(home, {"intro": SITE["en"]["home_intro"]})
    _ensure_site(home)
    catalogue = CataloguePage.objects.child_of(home).first()
    if catalogue is None:
        catalogue = _add_child(home, CataloguePage(
            title=SITE["en"]["catalogue_title"], slug="courses", locale=locales["en"]), tally)
    _fill_blanks(catalogue, {"intro": SITE["en"]["catalogue_intro"]})
    french = SITE["fr"]
    _translate(home, locales["fr"], {"title": french["home_title"],
                                     "intro": french["home_intro"]}, tally)
    catalogues = {"en": catalogue, "fr": _translate(catalogue, locales["fr"], {
        "title": french["catalogue_title"], "intro": french["catalogue_intro"]}, tally)}
    for course in COURSES:
        _load_course(course, catalogues, locales, tally)
    workflow = ensure_curriculum_workflow()
    modules = sum(len(course["modules"]) for course in COURSES)
    return (f"{len(COURSES)} courses, {modules} modules in {' and '.join(LANGUAGES)} "
            f"({tally.created} pages created, {tally.translated} translated); "
            f"workflow '{workflow.name}' on {workflow.workflow_pages.count()} catalogue(s)")
