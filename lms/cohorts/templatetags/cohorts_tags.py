from django import template

from curriculum.models import CoursePage

from ..completion import CompletionChecklist, open_enrollments
from ..services import completion_checklist

register = template.Library()


@register.simple_tag(takes_context=True)
def completion_checklists(context, user, course=None) -> list[CompletionChecklist]:
    """What is left for each certificate `user` is working towards (in `course`'s cohorts
    only, any translation, when given): enrollments neither completed nor withdrawn.
    The enrollments are read with their cohorts only: the trainee is `user`, and the course
    the page itself when it is the cohort's (not in a preview, which shows a draft), any
    other course is read."""
    if not user.is_authenticated:
        return []
    # a page's template passes its page; elsewhere the variable is empty
    enrollments = open_enrollments(user=user,
                                   course_key=course.translation_key if course else None)
    request = context.get("request")
    live = isinstance(course, CoursePage) and not getattr(request, "is_preview", False)
    known = {course.pk: course} if live else {}
    missing = {enrollment.cohort.course_id for enrollment in enrollments} - set(known)
    if missing:
        known.update(CoursePage.objects.in_bulk(missing))
    for enrollment in enrollments:
        enrollment.cohort.course = known[enrollment.cohort.course_id]
    return [completion_checklist(enrollment=enrollment, for_page=True)
            for enrollment in enrollments]
