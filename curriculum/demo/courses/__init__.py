"""The demo curriculum as data: TOML files that a facilitator can read and edit, read here with
the standard library. The code is only this reader and the loader.

    site.<language>.toml           the home and catalogue texts
    <course>/course.toml           code, hours, colour, the modules in teaching order (slug,
                                   minutes), the figures and documents the modules refer to
    <course>/course.<language>.toml   title, summary, audience, learning objectives...
    <course>/<module slug>.<language>.toml   title, introduction and the body's blocks

A module body is a list of `[[body]]` tables: `type` is a StreamField block of ModulePage and
`value` its content (rich text as HTML), the same blocks in both languages (see types.py).
"""

import tomllib
from pathlib import Path

from .types import LANGUAGES

HERE = Path(__file__).resolve().parent
COURSE_ORDER = ("reintegration", "nrm", "psychosocial")


def _read(path: Path) -> dict:
    with path.open("rb") as file:
        return tomllib.load(file)


def module_read(folder: Path, module: dict) -> dict:
    """One module in every language: body blocks as (type, value) pairs."""
    texts = {}
    for language in LANGUAGES:
        text = _read(folder / f"{module['slug']}.{language}.toml")
        text["body"] = [(block["type"], block["value"]) for block in text.get("body", [])]
        texts[language] = text
    return {**module, **texts}


def course_read(code: str) -> dict:
    folder = HERE / code
    course = _read(folder / "course.toml")
    modules = course.pop("modules")
    for language in LANGUAGES:
        course[language] = _read(folder / f"course.{language}.toml")
    course["modules"] = [module_read(folder, module) for module in modules]
    return course


SITE = {language: _read(HERE / f"site.{language}.toml") for language in LANGUAGES}
COURSES = [course_read(code) for code in COURSE_ORDER]
