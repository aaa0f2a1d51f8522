"""Roster columns for the donors' disaggregation: year of birth and the Washington Group short
set, read as leniently as the other columns: a year, a date ("12/03/1985", an Excel date
cell), 1 to 4 or the answer in English or French ("aucune difficulté", "a lot"...)."""

import re

from django.utils import timezone
from django.utils.translation import gettext as _

from lms.accounts.demographics import WG_FIELDS, Difficulty, birth_year_bounds

from .reading import column_label, fold

YEAR_RE = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")

# Folded spellings of the four answers (besides 1 to 4 and the labels in both languages).
DIFFICULTY_WORDS = {
    Difficulty.NONE: ["no", "none", "non", "aucune", "aucun", "pas de difficulte", "0"],
    Difficulty.SOME: ["some", "un peu", "quelques", "quelque", "certaine", "oui un peu",
                      "legere", "moderee"],
    Difficulty.A_LOT: ["a lot", "lot", "beaucoup", "oui beaucoup", "severe", "grande"],
    Difficulty.CANNOT: ["cannot", "can not", "cannot do", "impossible", "ne peut pas",
                        "incapable", "pas du tout", "totale"],
}


def _difficulty_lookup() -> dict[str, int]:
    from django.utils import translation

    lookup = {str(int(code)): int(code) for code in Difficulty.values}
    for code, words in DIFFICULTY_WORDS.items():
        for word in words:
            lookup[word] = int(code)
    for code, label in Difficulty.choices:
        for language in ("en", "fr"):
            with translation.override(language):
                lookup[fold(str(label))] = code
    return lookup


def parse_birth_year(raw: str, *, this_year: int | None = None) -> int | str | None:
    """The year of birth in `raw`: None when empty, the year, or an error message."""
    text = raw.strip()
    if not text:
        return None
    low, high = birth_year_bounds(this_year=this_year or timezone.localdate().year)
    if text.endswith(".0"):
        text = text[:-2]  # a number cell
    text = re.sub(r"[ T]\d\d:\d\d(:\d\d)?$", "", text)  # a date cell's midnight
    found = YEAR_RE.findall(text)
    if len(found) == 1 and len(re.sub(r"\D", "", text)) in (4, 6, 8):
        year = int(found[0])
        if low <= year <= high:
            return year
    return _("Year of birth “%(value)s”: write the year, between %(low)s and %(high)s.") % {
        "value": raw, "low": low, "high": high}


def parse_difficulty(raw: str, lookup: dict[str, int]) -> int | str | None:
    text = fold(raw).strip(" .")
    if not text:
        return None
    if text.endswith(".0"):
        text = text[:-2]
    for prefix in ("difficulty ", "difficulte ", "yes ", "oui "):
        if text.startswith(prefix) and text not in lookup:
            text = text[len(prefix):]
    return lookup.get(text, "")


def clean_demographics(values: dict, cleaned: dict, errors: list[str]) -> None:
    """Fill `cleaned` with birth_year and the wg_* answers of a roster row."""
    year = parse_birth_year(values.get("birth_year", ""))
    if isinstance(year, str):
        errors.append(year)
        year = None
    cleaned["birth_year"] = year
    lookup = _difficulty_lookup()
    for field in WG_FIELDS:
        answer = parse_difficulty(values.get(field, ""), lookup)
        if answer == "":
            errors.append(_("Column “%(column)s”: “%(value)s” is not an answer. Write 1 (no "
                            "difficulty), 2 (some), 3 (a lot) or 4 (cannot do at all).")
                          % {"column": column_label(field), "value": values[field]})
            answer = None
        cleaned[field] = answer
