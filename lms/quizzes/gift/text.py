"""GIFT's escapes: `\\~ \\= \\# \\{ \\} \\:` stand for the character, `\\n` for a new line."""

import re

MARKER = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)


def unescape(text: str) -> str:
    return re.sub(r"\\([~=#{}:\\n])", lambda m: "\n" if m.group(1) == "n" else m.group(1),
                  text).strip()


def split_unescaped(text: str, stops: str) -> list[tuple[int, str, str]]:
    """Split `text` before each unescaped character in `stops`: [(offset, stop, chunk)]."""
    parts, start, stop, i = [], 0, "", 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char in stops:
            parts.append((start, stop, text[start:i]))
            start, stop = i + 1, char
        i += 1
    parts.append((start, stop, text[start:]))
    return parts


def find_unescaped(text: str, char: str, start: int = 0) -> int:
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == char:
            return i
        i += 1
    return -1


def find_general_feedback(body: str, *, last: bool = False) -> int | None:
    """Where the first (or last: the one Moodle keeps) unescaped `####` starts."""
    found, i = None, 0
    while i < len(body):
        if body[i] == "\\":
            i += 2
            continue
        if body.startswith("####", i):
            if not last:
                return i
            found = i
            i += 4
            continue
        i += 1
    return found


def format_number(value: float) -> str:
    """`12.0` as `12`, `0.1` as `0.1`: what a person would write in a GIFT file."""
    text = f"{value:.15g}"
    return text if "e" in text or "." not in text else text.rstrip("0").rstrip(".")


def strip_marker(text: str) -> str:
    """Moodle marks an answer or feedback whose format differs from the question's
    (`=[moodle]Yes`): the text is kept, rendered in the question's format."""
    return MARKER.sub("", text, count=1)
