"""Template helpers shared by every page: the site header, optional slots filled by other
apps, and the language switcher's targets."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from wagtail.models import Locale, Page

from curriculum import page_cache

register = template.Library()

HEADER_TEMPLATE = "includes/site_header.html"
# Stands for the CSRF token in a kept header; each request puts its own token in its place.
CSRF_MARK = "csrf-token-of-this-request"


@register.simple_tag(takes_context=True)
def site_header(context: template.Context) -> str:
    """The header (navigation, language switcher, account links), rendered once per language,
    site, path, visible links and display name and kept under the published pages' generation
    (the switcher's targets change when a page is published or moved: `page_cache`).

    What decides the links is computed for every request (the roles, through the
    permissions; "My sessions"; the catalogue), so a role given or taken shows on the next
    page. The CSRF token of its forms (log out, language) is the request's own. A query
    string, a preview or an unsaved page render without the cache (no key per URL a visitor
    makes up; nothing kept from a draft).
    """
    header = context.template.engine.get_template(HEADER_TEMPLATE)
    request = context.get("request")
    page = context.get("page")
    csrf_token = context.get("csrf_token")
    if (request is None or csrf_token is None or request.GET
            or getattr(request, "is_preview", False)
            or (isinstance(page, Page) and page.pk is None)):
        return header.render(context)
    user = context.get("user")
    catalogue_url = context.get("catalogue_url")
    parts: tuple = (get_language(), request.path, catalogue_url() if callable(catalogue_url) else
                    catalogue_url or "")
    if user is not None and user.is_authenticated:
        roles = context.get("nav_roles") or {}
        parts += (
            user.display_name, roles.get("staff"), roles.get("coordinator"),
            bool(roles["trainer"]()) if "trainer" in roles else False,
            user.has_perm("certificates.view_certificate"))
    site = page_cache.site_for_request(request)

    def render() -> str:
        with context.push(csrf_token=CSRF_MARK):
            return header.render(context)

    html = page_cache.PAGES.cached(request, "site-header", (site.pk if site else 0, *parts),
                                   render)
    return mark_safe(html.replace(CSRF_MARK, str(csrf_token)))


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
