"""Template helpers shared by every page: optional slots filled by other apps, and the
language switcher's targets."""

from django import template
from django.conf import settings
from django.template.loader import get_template
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Locale, Page

register = template.Library()


@register.simple_tag(takes_context=True)
def optional_include(context: template.Context, template_name: str) -> str:
    """Render `template_name` with the current context, or nothing if no app provides it.

    Lets the quiz and certificate apps fill slots on curriculum pages without the curriculum
    depending on them.
    """
    try:
        slot = get_template(template_name)
    except template.TemplateDoesNotExist:
        return ""
    return slot.render(context.flatten(), context.get("request"))


def _page_in_language(page: Page, locale: Locale) -> Page | None:
    """The live translation of `page`, or of its nearest ancestor that has one."""
    for candidate in [page, *reversed(page.get_ancestors())]:
        if candidate.depth <= 1:
            break
        translation = candidate.get_translation_or_none(locale)
        if translation is not None and translation.live:
            return translation
    return None


@register.simple_tag(takes_context=True)
def language_links(context: template.Context) -> list[dict]:
    """One entry per language: where the switcher sends the user to stay on the same page."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    locales = {}
    if isinstance(page, Page):
        locales = {loc.language_code: loc for loc in Locale.objects.all()}
    links = []
    for code, _name in settings.LANGUAGES:
        if code == current or request is None:
            url = request.get_full_path() if request else f"/{code}/"
        elif isinstance(page, Page) and code in locales:
            target = _page_in_language(page, locales[code])
            url = target.get_url(request) if target else f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "label": LANGUAGE_NAMES.get(code, code), "url": url,
                      "is_current": code == current})
    return links


# Each language names itself, whatever the interface language.
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}
