"""Small constructors that keep the demo question banks readable."""

from typing import NamedTuple


class QuestionSpec(NamedTuple):
    category: str
    kind: str
    text_en: str
    text_fr: str
    options: tuple
    true_false: bool | None
    explanation_en: str
    explanation_fr: str


def mc(category, text_en, text_fr, options, why_en, why_fr) -> QuestionSpec:
    return QuestionSpec(category, "mc", text_en, text_fr, tuple(options), None, why_en, why_fr)


def tf(category, text_en, text_fr, answer, why_en, why_fr) -> QuestionSpec:
    return QuestionSpec(category, "tf", text_en, text_fr, (), answer, why_en, why_fr)
