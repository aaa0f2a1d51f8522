"""Write questions as GIFT text that `parse_gift` (and Moodle) read back."""

from collections.abc import Iterable

from ..i18n import pick

SPECIAL = "\\~=#{}:"


def escape(text: str) -> str:
    out = "".join("\\" + c if c in SPECIAL else c for c in text)
    return out.replace("\r\n", "\n").replace("\n", "\\n")


def _weight(n: int) -> str:
    return f"{100 / n:.5f}".rstrip("0").rstrip(".")


def _answers(question, language: str) -> str:
    if question.is_essay:
        return ""
    if question.is_true_false:
        return "TRUE" if question.true_false_answer else "FALSE"
    options = list(question.answers.all())
    right = [a for a in options if a.is_correct]
    parts = []
    for option in options:
        text = escape(pick(option, "text", language))
        if len(right) > 1:
            parts.append(f"~%{_weight(len(right)) if option.is_correct else '-100'}%{text}")
        else:
            parts.append(("=" if option.is_correct else "~") + text)
    return "\n".join(f"    {p}" for p in parts).join(["\n", "\n"])


def write_gift(questions: Iterable, *, language: str = "en") -> str:
    chunks, current = [], None
    for question in questions:
        path = "/".join(question.category.path_names())
        if path != current:
            chunks.append(f"$CATEGORY: {path}")
            current = path
        explanation = pick(question, "explanation", language)
        feedback = f"####{escape(explanation)}" if explanation else ""
        title = f"::{escape(question.title)}::" if question.title else ""
        chunks.append(f"{title}{escape(pick(question, 'text', language))}"
                      f"{{{_answers(question, language)}{feedback}}}")
    return "\n\n".join(chunks) + "\n"
