"""Write questions as GIFT text that `parse_gift` (and Moodle) read back."""

from collections.abc import Iterable

from lms.core.i18n import pick

from .parser import BLANK
from .text import format_number

SPECIAL = "\\~=#{}:"
MARKERS = {"html": "[html]", "markdown": "[markdown]"}


def escape(text: str) -> str:
    out = "".join("\\" + c if c in SPECIAL else c for c in text)
    return out.replace("\r\n", "\n").replace("\n", "\\n")


def _percent(value) -> str:
    return f"{float(value):.5f}".rstrip("0").rstrip(".")


def _feedback(option, language: str) -> str:
    feedback = pick(option, "feedback", language)
    return f"#{escape(feedback)}" if feedback else ""


def _true_false_feedback(question, language: str) -> str:
    """Moodle's `#if wrong#if right` (the first left empty when only the second is given)."""
    wrong = pick(question, "feedback_wrong", language)
    right = pick(question, "feedback_right", language)
    if not (wrong or right):
        return ""
    return f"#{escape(wrong)}" + (f"#{escape(right)}" if right else "")


def _weighted(option, sign: str) -> str:
    if option.weight is None or float(option.weight) == (100 if sign == "=" else 0):
        return sign
    return f"{sign}%{_percent(option.weight)}%"


def _choices(options: list, language: str) -> list[str]:
    if any(o.weight is not None for o in options):
        return [_weighted(o, "=" if o.weight == 100 else "~") + escape(pick(o, "text", language))
                + _feedback(o, language) for o in options]
    right = [o for o in options if o.is_correct]
    parts = []
    for option in options:
        if len(right) > 1:
            sign = f"~%{_percent(100 / len(right)) if option.is_correct else '-100'}%"
        else:
            sign = "=" if option.is_correct else "~"
        parts.append(sign + escape(pick(option, "text", language)) + _feedback(option, language))
    return parts


def _answers(question, language: str) -> str:
    if question.is_essay:
        return ""
    if question.is_true_false:
        return ("TRUE" if question.true_false_answer else "FALSE") + _true_false_feedback(
            question, language)
    options = list(question.answers.all())
    if question.is_short_answer:
        parts = [_weighted(o, "=") + escape(pick(o, "text", language)) + _feedback(o, language)
                 for o in options]
    elif question.is_numerical:
        parts = [_weighted(o, "=") + format_number(o.number)
                 + (f":{format_number(o.tolerance)}" if o.tolerance else "")
                 + _feedback(o, language) for o in options if o.number is not None]
        return "#" + "\n".join(f"    {p}" for p in parts).join(["\n", "\n"])
    elif question.is_matching:
        parts = [f"={escape(pick(o, 'text', language))} -> {escape(pick(o, 'match', language))}"
                 + _feedback(o, language) for o in options]
    else:
        parts = _choices(options, language)
    return "\n".join(f"    {p}" for p in parts).join(["\n", "\n"])


def _question(question, language: str) -> str:
    explanation = pick(question, "explanation", language)
    feedback = f"####{escape(explanation)}" if explanation else ""
    title = f"::{escape(question.title)}::" if question.title else ""
    marker = MARKERS.get(question.text_format, "")
    block = f"{{{_answers(question, language)}{feedback}}}"
    before, blank, after = pick(question, "text", language).partition(BLANK)
    if blank and question.kind != "essay":
        return f"{title}{marker}{escape(before.rstrip())} {block} {escape(after.lstrip())}"
    return f"{title}{marker}{escape(before)}{block}"


def write_gift(questions: Iterable, *, language: str = "en") -> str:
    chunks, current = [], None
    for question in questions:
        path = "/".join(question.category.path_names())
        if path != current:
            chunks.append(f"$CATEGORY: {path}")
            current = path
        chunks.append(_question(question, language))
    return "\n\n".join(chunks) + "\n"
