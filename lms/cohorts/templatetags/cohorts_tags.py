from django import template

from ..completion import CompletionChecklist
from ..models import Enrollment
from ..services import completion_checklist

register = template.Library()


@register.simple_tag
def completion_checklists(user, course=None) -> list[CompletionChecklist]:
    """What is left for each certificate `user` is working towards (in `course`'s cohorts
    only, any translation, when given): enrollments neither completed nor withdrawn."""
    if not user.is_authenticated:
        return []
    enrollments = Enrollment.objects.filter(
        trainee=user, status=Enrollment.Status.ENROLLED).select_related(
        "cohort__course", "trainee").order_by("cohort__start_date", "pk")
    if course:  # a page's template passes its page; elsewhere the variable is empty
        enrollments = enrollments.filter(cohort__course__translation_key=course.translation_key)
    return [completion_checklist(enrollment=enrollment) for enrollment in enrollments]
