"""Template helpers shared by every page: optional slots filled by other apps, and the
language switcher's targets."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Locale, Page

from curriculum import page_cache

register = template.Library()


@register.simple_tag(takes_context=True)
def optional_include(context: template.Context, template_name: str) -> str:
    """Render `template_name` with the current context, or nothing if no app provides it.

    Lets the quiz and certificate apps fill slots on curriculum pages without the curriculum
    depending on them. Rendered in the page's own context, as `{% include %}` does: a fresh
    context would run every context processor (navigation, permissions) again per slot.
    """
    try:
        slot = context.template.engine.get_template(template_name)
    except template.TemplateDoesNotExist:
        return ""
    with context.push():
        return slot.render(context)


def _page_in_language(page: Page, locale: Locale) -> Page | None:
    """The live translation of `page`, or of its nearest ancestor that has one."""
    for candidate in [page, *reversed(page.get_ancestors())]:
        if candidate.depth <= 1:
            break
        translation = candidate.get_translation_or_none(locale)
        if translation is not None and translation.live:
            return translation
    return None


def _translation_urls(request, page: Page, current: str) -> dict[str, str]:
    """Language code → where the switcher sends a reader of `page` (other languages)."""
    locales = {loc.language_code: loc for loc in Locale.objects.all()}
    urls = {}
    for code, _name in settings.LANGUAGES:
        if code != current and code in locales:
            target = _page_in_language(page, locales[code])
            urls[code] = target.get_url(request) if target else f"/{code}/"
    return urls


@register.simple_tag(takes_context=True)
def language_links(context: template.Context) -> list[dict]:
    """One entry per language: where the switcher sends the user to stay on the same page
    (a page's translations are looked up once per publication: `page_cache`)."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    page_urls = {}
    if isinstance(page, Page) and request is not None:
        if page.pk is None:  # the preview of a page not saved yet
            page_urls = _translation_urls(request, page, current)
        else:
            site = page_cache.site_for_request(request)
            page_urls = page_cache.cached(
                request, "translations", (site.pk if site else 0, page.pk, current),
                lambda: _translation_urls(request, page, current))
    links = []
    for code, _name in settings.LANGUAGES:
        if code == current or request is None:
            url = request.get_full_path() if request else f"/{code}/"
        elif code in page_urls:
            url = page_urls[code]
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "label": LANGUAGE_NAMES.get(code, code), "url": url,
                      "is_current": code == current})
    return links


# Each language names itself, whatever the interface language.
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}
