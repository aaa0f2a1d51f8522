"""Bilingual text as the quizzes store it: `<field>_en` and `<field>_fr`, French falling back to
English when empty, so one question set and one answer serve both languages."""

from django.utils.translation import get_language


def pick(obj, field: str, language: str | None = None) -> str:
    lang = (language or get_language() or "en")[:2]
    value = getattr(obj, f"{field}_{lang}", "") if lang != "en" else ""
    return value or getattr(obj, f"{field}_en", "")


class BilingualMixin:
    def tr(self, field: str) -> str:
        return pick(self, field)
