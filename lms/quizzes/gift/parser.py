"""Parse GIFT text into plain question records, reporting every problem with its line.

Supported (Moodle's types): multiple choice (`=` right, `~` wrong, `~%50%` partial credit,
`~%-25%` penalties; missing word when text follows the block), true/false (`{T}`, `{FALSE}`, with
`{T#feedback if wrong#feedback if right}`),
short answer (`{=Bamako =%50%Bamaco}`), numerical (`{#12:2}`, `{#10..14}`, several `=`
answers), matching (`{=a -> b =c -> d}`), essay (`{}`); `$CATEGORY:` lines, `::title::`,
`#` per-answer feedback, `####` general feedback (kept as the explanation), `//` comment
lines, `[html]`/`[plain]`/`[moodle]`/`[markdown]` format markers and the escapes
\\~ \\= \\# \\{ \\} \\:.
"""

import re

from django.utils.translation import gettext as _

from .answers import parse_answer_block
from .records import GiftAnswer, GiftError, GiftQuestion
from .text import find_unescaped, unescape

__all__ = ["GiftAnswer", "GiftError", "GiftQuestion", "parse_gift"]

FORMAT_MARKER = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]\s*", re.IGNORECASE)
FORMATS = {"html": "html", "markdown": "markdown", "plain": "plain", "moodle": "plain"}
BLANK = "_____"


def _blocks(source: str):
    """Yield (first_line, text) for each blank-line separated chunk; `//` comment lines are
    dropped without ending the question they sit in."""
    current: list[str] = []
    first = 0
    for number, raw in enumerate(source.splitlines(), start=1):
        if raw.lstrip().startswith("//"):
            continue
        if raw.strip() == "":
            if current:
                yield first, "\n".join(current)
            current = []
            continue
        if not current:
            first = number
        current.append(raw)
    if current:
        yield first, "\n".join(current)


def _take_format(body: str, question: GiftQuestion) -> str:
    marker = FORMAT_MARKER.match(body)
    if marker:
        question.text_format = FORMATS[marker.group(1).lower()]
        body = body[marker.end():]
    return body


def _parse_question(text: str, line: int, category: list[str]):
    question = GiftQuestion(kind="", text="", line=line, category=list(category))
    body = text.strip()
    if body.startswith("::"):
        end = body.find("::", 2)
        if end == -1:
            return None, [(line, _("title is not closed with ::"))]
        question.title, body = unescape(body[2:end]), body[end + 2:]
    body = _take_format(body, question)
    open_at = find_unescaped(body, "{")
    if open_at == -1:
        return None, [(line, _("no answer block { } found"))]
    close_at = find_unescaped(body, "}", open_at)
    if close_at == -1:
        return None, [(line + body[:open_at].count("\n"), _("answer block is not closed with }"))]
    before, after = body[:open_at], body[close_at + 1:]
    if find_unescaped(after, "{") != -1:
        return None, [(line + body[:close_at].count("\n"), _("only one answer block per question"))]
    text = unescape(before) + (f" {BLANK} " + unescape(after) if after.strip() else "")
    question.text = re.sub(r"[ \t]+", " ", text).strip()
    errors = [] if question.text else [(line, _("question text is empty"))]
    errors += parse_answer_block(body[open_at + 1:close_at],
                                 line + body[:open_at].count("\n"), question)
    return question, errors


def _category_path(first_line: str) -> list[str]:
    """`$course$/top/Default for X/Unit 1` -> ["Default for X", "Unit 1"]: Moodle's context
    prefix and its invisible `top` category are not categories of ours."""
    path = first_line[len("$CATEGORY:"):].strip()
    prefixed = re.match(r"^\$(course|module|system|cat\d+)\$/?", path)
    if prefixed:
        path = path[prefixed.end():]
    parts = [part.strip() for part in path.split("/") if part.strip()]
    if parts and parts[0] == "top" and (prefixed or len(parts) > 1):
        parts = parts[1:]
    return parts


def parse_gift(source: str) -> list[GiftQuestion]:
    """Every question of the file, or GiftError listing every problem (line, message)."""
    questions, errors, category = [], [], []
    for line, block in _blocks(source.lstrip("\ufeff")):
        stripped = block.strip()
        if stripped.startswith("$CATEGORY:"):
            first, _newline, rest = stripped.partition("\n")
            category = _category_path(first)
            if not category and not re.search(r"\$\w+\$", first):
                errors.append((line, _("empty category")))
            if not rest.strip():
                continue
            line, stripped = line + 1, rest
        question, problems = _parse_question(stripped, line, category)
        errors += problems
        if question is not None and not problems:
            questions.append(question)
    if errors:
        raise GiftError(errors)
    if not questions:
        raise GiftError([(1, _("no questions found"))])
    return questions
