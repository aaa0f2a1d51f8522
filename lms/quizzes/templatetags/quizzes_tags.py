import hashlib

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString

from .. import bank_cache
from ..gift.text import format_number
from ..grading import key_entry, matched_option_id
from ..i18n import pick
from ..rich import render
from ..selectors import quizzes_with_status, sitting_status

register = template.Library()


@register.filter
def tr(obj, field: str) -> str:
    """`{{ quiz|tr:"title" }}`: the field in the active language, English as fallback."""
    return pick(obj, field)


@register.simple_tag(takes_context=True)
def course_quizzes(context, page, user) -> list[dict]:
    """Each quiz of the course with `user`'s status (`quizzes_with_status`), and what the
    list prints of it in the active language: `title`, `purpose` and `url` (cached)."""
    request = context.get("request")
    rows = quizzes_with_status(course=page, user=user, request=request)
    labels = bank_cache.quiz_labels([row["quiz"] for row in rows], request=request)
    for row in rows:
        row["title"], row["purpose"], row["url"] = labels[row["quiz"].pk]
    return rows


@register.filter
def rich(obj, field: str) -> SafeString:
    """`{{ question|rich:"text" }}`: a question's (or its answer's) text in the active
    language, rendered in the question's format (plain, sanitised HTML or Markdown)."""
    question = getattr(obj, "question", obj)
    inline = question is not obj
    return render(pick(obj, field), question.text_format, inline=inline)


@register.filter
def image_url(question) -> str:
    """Where a page shows the question's image: the view that checks who asks (the file is
    private), versioned by the file's name so a browser may keep it."""
    if not question.image:
        return ""
    version = hashlib.sha256(question.image.name.encode()).hexdigest()[:12]
    return f"{reverse('quizzes:question_image', kwargs={'pk': question.pk})}?v={version}"


@register.filter
def number_answer(option) -> str:
    """A numerical answer as read: `12 ± 2`, or `12`."""
    if option.number is None:
        return ""
    value = format_number(option.number)
    return f"{value} ± {format_number(option.tolerance)}" if option.tolerance else value


@register.filter
def matching_option(answer, question):
    """The answer option a typed response counted as (for its feedback), or None."""
    if answer is None or not answer.response_text:
        return None
    found = matched_option_id(key_entry(question), answer.response_text)
    return next((a for a in question.answers.all() if a.pk == found), None)


@register.filter
def true_false_feedback(answer, question) -> str:
    """The feedback a true/false answer earns (`{T#if wrong#if right}`), rendered; "" when
    unanswered or there is none. Right or wrong as graded, with the attempt's answer key."""
    if answer is None or answer.boolean is None or answer.is_correct is None:
        return ""
    field = "feedback_right" if answer.is_correct else "feedback_wrong"
    return rich(question, field) if pick(question, field) else ""


@register.filter
def pair_for(answer, option) -> str:
    """The right-hand side a trainee matched with `option`, in the page's language."""
    if answer is None:
        return ""
    chosen = (answer.pairs or {}).get(str(option.pk), "")
    for candidate in option.question.answers.all():
        if candidate.match_en == chosen:
            return pick(candidate, "match")
    return chosen


@register.filter
def credit_percent(credit) -> str:
    return f"{float(credit) * 100:.0f}" if credit is not None else ""


@register.filter
def status_of(sitting) -> str:
    """`{{ sitting|status_of }}`: in progress, awaiting marking, done (pre-test), passed..."""
    return sitting_status(sitting)
