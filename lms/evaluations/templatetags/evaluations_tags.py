from django import template

from ..i18n import pick
from ..selectors import enrollments_to_answer

register = template.Library()


@register.filter
def tr(obj, field: str) -> str:
    """A bilingual field in the active language (French falls back to English)."""
    return pick(obj, field)


@register.simple_tag
def reactions_to_give(user) -> list:
    return list(enrollments_to_answer(user=user)) if user.is_authenticated else []


@register.filter
def count_of(counts: dict, value: int) -> int:
    return counts.get(value, 0)
