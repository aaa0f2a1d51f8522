from django import template

from ..i18n import pick
from ..selectors import quizzes_with_status

register = template.Library()


@register.filter
def tr(obj, field: str) -> str:
    """`{{ quiz|tr:"title" }}`: the field in the active language, English as fallback."""
    return pick(obj, field)


@register.simple_tag
def course_quizzes(page, user) -> list[dict]:
    return quizzes_with_status(course=page, user=user)
