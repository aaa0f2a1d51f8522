"""The answer block `{...}` of a GIFT question: which Moodle type it is and its answers.

Moodle's rules: `{}` essay; `{T}`/`{FALSE}` true/false (`{T#if wrong#if right}`); `{#...}`
numerical; answers all `=` and all with `->` matching; all `=` short answer; otherwise multiple
choice (where `->` is text).
Each answer may carry a `%weight%` and a `#feedback`; the last `####` is the general feedback.
"""

import re

from django.utils.translation import gettext as _

from .records import GiftAnswer
from .text import (
    find_general_feedback,
    format_number,
    split_unescaped,
    strip_marker,
    unescape,
)

WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
RANGE = re.compile(rf"^({NUMBER})\s*\.\.\s*({NUMBER})$")
TOLERANCE = re.compile(rf"^({NUMBER})(?:\s*:\s*({NUMBER}))?$")

Errors = list[tuple[int, str]]


def _answer_chunks(body: str, line: int) -> list[dict]:
    """Each `=`/`~` answer: its line, sign, weight, text (escapes kept) and feedback."""
    chunks = []
    for offset, stop, chunk in split_unescaped(body, "=~")[1:]:
        parts = [part for _o, _s, part in split_unescaped(chunk, "#")]
        text, feedback = strip_marker(parts[0].strip()), strip_marker("#".join(parts[1:]))
        weight = WEIGHT.match(text)
        if weight:
            text = strip_marker(text[weight.end():])
        chunks.append({
            "line": line + body[:offset].count("\n"), "sign": stop,
            "weight": float(weight.group(1)) if weight else None,
            "text": text, "feedback": unescape(feedback),
        })
    return chunks


def _default_weight(chunk: dict) -> float:
    if chunk["weight"] is not None:
        return chunk["weight"]
    return 100.0 if chunk["sign"] == "=" else 0.0


def parse_answer_block(body: str, line: int, question) -> Errors:
    """Fill `question` (kind, answers, explanation) from the block's inside; return errors."""
    general = find_general_feedback(body, last=True)
    if general is not None:
        # An earlier `####` is an overridden general feedback, not an answer's feedback.
        first = find_general_feedback(body)
        body, question.explanation = body[:first], unescape(strip_marker(body[general + 4:]))
    stripped = body.strip()
    line += body[:len(body) - len(body.lstrip())].count("\n")
    if not stripped:
        question.kind = "essay"
        return []
    if stripped.startswith("#"):
        question.kind = "num"
        return _numerical(stripped[1:], line, question)
    parts = [part for _o, _s, part in split_unescaped(stripped, "#")]
    if parts[0].strip().upper() in {"T", "F", "TRUE", "FALSE"}:
        return _true_false(parts, line, question)
    chunks = split_unescaped(stripped, "=~")
    if chunks[0][2].strip():
        return [(line + stripped[:chunks[1][0] if len(chunks) > 1 else 0].count("\n"),
                 _("an answer must start with = (right) or ~ (wrong)"))]
    answers = _answer_chunks(stripped, line)
    if all(a["sign"] == "=" for a in answers):
        if all(re.search(r"(?<!\\)->", a["text"]) for a in answers):
            question.kind = "match"
            return _matching(answers, question)
        question.kind = "short"
        return _short_answer(answers, question)
    question.kind = "mc"
    return _multiple_choice(answers, question)


def _true_false(parts: list[str], line: int, question) -> Errors:
    """`{T}`, `{FALSE#feedback if wrong}`, `{T#feedback if wrong#feedback if right}`."""
    question.kind, question.true_false = "tf", parts[0].strip().upper().startswith("T")
    if len(parts) > 3:
        return [(line, _("a true/false question takes at most two feedbacks: "
                         "{T#if wrong#if right}"))]
    feedback = [unescape(strip_marker(part.strip())) for part in parts[1:]] + ["", ""]
    question.feedback_wrong, question.feedback_right = feedback[0], feedback[1]
    return []


def _multiple_choice(answers: list[dict], question) -> Errors:
    errors: Errors = []
    for chunk in answers:
        text = unescape(chunk["text"])
        if not text:
            errors.append((chunk["line"], _("empty answer")))
            continue
        weight = _default_weight(chunk)
        question.answers.append(_answer(text, weight, chunk["feedback"]))
    if errors:
        return errors
    if not any(a.correct for a in question.answers):
        errors.append((question.line, _("no right answer (mark one with = or a positive %weight)")))
    elif len(question.answers) < 2:
        errors.append((question.line, _("a multiple-choice question needs at least two answers")))
    return errors


def _short_answer(answers: list[dict], question) -> Errors:
    errors: Errors = []
    for chunk in answers:
        text = unescape(chunk["text"])
        if not text:
            errors.append((chunk["line"], _("empty answer")))
            continue
        question.answers.append(_answer(text, _default_weight(chunk), chunk["feedback"]))
    if not errors and not any(a.correct for a in question.answers):
        errors.append((question.line, _("no right answer (mark one with = or a positive %weight)")))
    return errors


def _matching(answers: list[dict], question) -> Errors:
    errors: Errors = []
    for chunk in answers:
        left, _arrow, right = re.split(r"(?<!\\)(->)", chunk["text"], maxsplit=1)
        left, right = unescape(left), unescape(right)
        if not right:
            errors.append((chunk["line"], _("a matching pair needs text after ->")))
            continue
        question.answers.append(_answer(left, 100.0 if left else 0.0, chunk["feedback"],
                                        match=right))
    if not errors and sum(1 for a in question.answers if a.text) < 2:
        errors.append((question.line, _("a matching question needs at least two pairs")))
    return errors


def _numerical(body: str, line: int, question) -> Errors:
    if not re.match(r"\s*[=~]", body):
        body = "=" + body
    errors: Errors = []
    for chunk in _answer_chunks(body, line):
        spec = unescape(chunk["text"]).replace(" ", "")
        found = _number_spec(spec)
        if found is None:
            errors.append((chunk["line"], _("not a number, range (10..14) or value:tolerance: "
                                            "%(text)s") % {"text": spec}))
            continue
        number, tolerance = found
        text = format_number(number) + (f":{format_number(tolerance)}" if tolerance else "")
        question.answers.append(_answer(text, _default_weight(chunk), chunk["feedback"],
                                        number=number, tolerance=tolerance))
    if not errors and not any(a.correct for a in question.answers):
        errors.append((question.line, _("no right answer (mark one with = or a positive %weight)")))
    return errors


def _number_spec(spec: str) -> tuple[float, float] | None:
    """`12:2` (value and tolerance), `10..14` (a range) or `12`."""
    if found := RANGE.match(spec):
        low, high = sorted([float(found.group(1)), float(found.group(2))])
        return (low + high) / 2, (high - low) / 2
    if found := TOLERANCE.match(spec):
        return float(found.group(1)), abs(float(found.group(2) or 0))
    return None


def _answer(text: str, weight: float, feedback: str, **extra) -> GiftAnswer:
    return GiftAnswer(text=text, correct=weight > 0, weight=weight, feedback=feedback, **extra)
