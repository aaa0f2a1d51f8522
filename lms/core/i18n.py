"""Bilingual text as quizzes and reaction forms store it: `<field>_en` and `<field>_fr`, French
falling back to English when empty, so one question (and its score) serves both languages."""

from django.utils.translation import get_language


def pick(obj, field: str, language: str | None = None) -> str:
    """`obj.<field>_<lang>` for the active language, falling back to English when empty."""
    lang = (language or get_language() or "en")[:2]
    value = getattr(obj, f"{field}_{lang}", "") if lang != "en" else ""
    return value or getattr(obj, f"{field}_en", "")


class BilingualMixin:
    """Adds `obj.tr("text")` for templates and views."""

    def tr(self, field: str) -> str:
        return pick(self, field)
