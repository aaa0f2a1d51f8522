"""How much of a question's mark an answer earns (0 to 1), for every question type.

Pure functions over an answer key entry (what an attempt keeps of each drawn question when it
starts, see `key_entry`) and what was given; `services` calls them when an answer is recorded,
so the rule lives here once. Weights follow Moodle: each answer carries a percentage (-100 to
100); chosen weights add up, and a question never scores below 0 nor above 1.
"""

import math
import re
import unicodedata
from decimal import Decimal

from .models import Answer, Question

ZERO, ONE = Decimal(0), Decimal(1)
NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")


def clamp(value: Decimal) -> Decimal:
    return min(ONE, max(ZERO, value)).quantize(Decimal("0.0001"))


def _option(answer: Answer) -> dict:
    return {"id": answer.pk, "weight": None if answer.weight is None else str(answer.weight),
            "percent": str(answer.percent), "texts": [answer.text_en, answer.text_fr],
            "match": answer.match_en, "number": answer.number, "tolerance": answer.tolerance}


def key_entry(question: Question) -> dict:
    """What grading needs of a question, as plain JSON: kept by an attempt at its start."""
    if question.is_true_false:
        right = question.true_false_answer
    elif question.is_essay:
        right = None
    else:
        right = sorted(a.pk for a in question.answers.all() if a.is_correct)
    return {"kind": question.kind, "right": right, "points": question.points,
            "accents_optional": question.accents_optional,
            "options": [_option(a) for a in question.answers.all()]}


def allows_several(question: Question) -> bool:
    """Checkboxes rather than radio buttons: no single answer is worth the whole mark and
    more than one earns something (Moodle's rule), or, without weights, several are right."""
    options = list(question.answers.all())
    if not any(a.weight is not None for a in options):
        return sum(1 for a in options if a.is_correct) > 1
    positive = [a.percent for a in options if a.percent > 0]
    return len(positive) > 1 and max(positive) < 100


def choice_credit(entry: dict, chosen: set[int]) -> Decimal:
    options = entry.get("options")
    if not options or all(o["weight"] is None for o in options):
        right = set(entry["right"] or [])
        return ONE if right and chosen == right else ZERO
    return clamp(sum((Decimal(o["percent"]) for o in options if o["id"] in chosen), ZERO) / 100)


def true_false_credit(entry: dict, boolean: bool) -> Decimal:
    return ONE if boolean == entry["right"] else ZERO


def fold(text: str, *, accents: bool) -> str:
    """Case, surrounding and repeated spaces never matter; accents when `accents` is False."""
    text = " ".join(text.split()).casefold()
    if not accents:
        text = "".join(c for c in unicodedata.normalize("NFKD", text)
                       if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", text)


def parse_number(text: str) -> float | None:
    """A number as typed on a phone: `12.5`, `12,5` (French), `1 000`, `-3`."""
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", text or "")
    if not NUMBER.match(cleaned):
        return None
    value = float(cleaned.replace(",", "."))
    return value if math.isfinite(value) else None


def _matches(entry: dict, given: str) -> list[dict]:
    if entry["kind"] == Question.Kind.NUMERICAL:
        value = parse_number(given)
        if value is None:
            return []
        return [o for o in entry["options"] if o["number"] is not None
                and abs(value - o["number"]) <= abs(o["tolerance"]) + 1e-9 * abs(o["number"])]
    accents = not entry.get("accents_optional", True)
    typed = fold(given, accents=accents)
    return [o for o in entry["options"]
            if any(text and fold(text, accents=accents) == typed for text in o["texts"])]


def matched_option_id(entry: dict, given: str) -> int | None:
    """The answer a typed response counts as (the best weighted), for its feedback."""
    best = max(_matches(entry, given), key=lambda o: Decimal(o["percent"]), default=None)
    return None if best is None else best["id"]


def typed_credit(entry: dict, given: str) -> Decimal:
    """Short answer and numerical: the weight of the best answer the response matches."""
    best = max((Decimal(o["percent"]) for o in _matches(entry, given)), default=ZERO)
    return clamp(best / 100)


def matching_credit(entry: dict, pairs: dict) -> Decimal:
    """Each pair matched rightly earns its share."""
    items = [o for o in entry["options"] if (o["texts"][0] or "").strip()]
    if not items:
        return ZERO
    right = sum(1 for o in items if (pairs.get(str(o["id"])) or "") == o["match"])
    return clamp(Decimal(right) / len(items))


def all_or_nothing(credit: Decimal) -> Decimal:
    return ONE if credit >= ONE else ZERO
