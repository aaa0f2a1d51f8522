"""`{% localized_title page %}`: a curriculum page's title in the page's language (its live
translation's), looked up once per page and template render."""

from django import template

from ..selectors import title_in_language

register = template.Library()


@register.simple_tag(takes_context=True)
def localized_title(context: template.Context, page) -> str:
    if page is None:
        return ""
    cache = context.render_context.setdefault("curriculum_i18n_titles", {})
    if page.pk not in cache:
        cache[page.pk] = title_in_language(page)
    return cache[page.pk]
