"""Curriculum pages in the reader's language: a cohort, a certificate list or an export points at
the English course page, and a French reader sees its live French translation's title."""

import uuid
from collections.abc import Iterable

from django.utils.translation import get_language

from wagtail.models import Page

from lms.core import prepared

from .models import CoursePage, ModuleCompletion


def _language(language: str | None) -> str:
    return (language or get_language() or "en").split("-")[0]


def titles_in_language(pages: Iterable[Page], *, language: str | None = None) -> dict[int, str]:
    """Page pk → the title of its live translation in `language` (default: the active one),
    else the page's own title. One query for any number of pages."""
    pages = [page for page in pages if page is not None]
    language = _language(language)
    translated = dict(
        Page.objects.filter(translation_key__in={page.translation_key for page in pages},
                            locale__language_code=language, live=True)
        .values_list("translation_key", "title")
    ) if pages else {}
    return {page.pk: translated.get(page.translation_key, page.title) for page in pages}


def title_in_language(page: Page | None, *, language: str | None = None) -> str:
    if page is None:
        return ""
    return titles_in_language([page], language=language)[page.pk]


def course_titles_by_code(*, language: str | None = None) -> dict[str, str]:
    """Course code → title in `language` where a live translation exists, else in English
    (else any language): for tables and exports that carry course codes."""
    language = _language(language)
    rank = {language: 0, "en": 1}
    titles: dict[str, tuple[int, str]] = {}
    for code, title, lang, live in CoursePage.objects.values_list(
            "code", "title", "locale__language_code", "live"):
        score = rank.get(lang, 2) + (0 if live else 3)
        if code not in titles or score < titles[code][0]:
            titles[code] = (score, title)
    return {code: title for code, (_score, title) in titles.items()}


@prepared.statement
def _completed_keys_sql(using: str) -> str:
    return (f"SELECT {prepared.column(ModuleCompletion, 'module_key', 'c', using)} "
            f"FROM {prepared.table(ModuleCompletion, 'c', using)} "
            f"WHERE {prepared.column(ModuleCompletion, 'user', 'c', using)} = %s")


def completed_module_keys(*, user) -> frozenset[uuid.UUID]:
    """The translation keys of every module `user` completed (none when signed out): one
    prepared statement, run on every course, catalogue and home page (`lms/core/prepared.py`).
    A person completes at most every module of the curriculum, so it reads them all rather
    than the keys of one course."""
    if not user.is_authenticated:
        return frozenset()
    field = ModuleCompletion._meta.get_field("module_key")
    return frozenset(row[0] for row in prepared.fetch_values(_completed_keys_sql(), [user.pk],
                                                               [field]))
