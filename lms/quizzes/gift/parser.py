"""Parse GIFT text into plain question records, reporting every problem with its line.

Supported: multiple choice (`=` right, `~` wrong, `~%50%` weighted answers for several right
answers), true/false (`{T}`, `{F}`, `{TRUE}`, `{FALSE}`), essay (`{}`), `$CATEGORY:` lines,
`::title::`, `#` feedback and `####` general feedback (kept as the explanation), `//` comments,
`[html]`/`[plain]`/`[moodle]`/`[markdown]` format markers and the escapes \\~ \\= \\# \\{ \\} \\:.
Other GIFT question types (short answer, matching, numerical) are refused with an error.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

SPECIAL = "~=#{}:"
FORMAT_MARKER = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]\s*", re.IGNORECASE)
WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")


@dataclass
class GiftAnswer:
    text: str
    correct: bool


@dataclass
class GiftQuestion:
    kind: str  # "mc", "tf" or "essay"
    text: str
    line: int
    title: str = ""
    category: list[str] = field(default_factory=list)
    answers: list[GiftAnswer] = field(default_factory=list)
    true_false: bool | None = None
    explanation: str = ""


class GiftError(ValueError):
    def __init__(self, errors: list[tuple[int, str]]):
        self.errors = errors
        super().__init__("; ".join(f"line {line}: {msg}" for line, msg in errors))


def unescape(text: str) -> str:
    return re.sub(r"\\([~=#{}:\\n])", lambda m: "\n" if m.group(1) == "n" else m.group(1),
                  text).strip()


def _split_unescaped(text: str, stops: str) -> list[tuple[int, str, str]]:
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


def _find_unescaped(text: str, char: str, start: int = 0) -> int:
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == char:
            return i
        i += 1
    return -1


def _blocks(source: str):
    """Yield (first_line, text) for each blank-line separated chunk, comments removed."""
    current: list[str] = []
    first = 0
    for number, raw in enumerate(source.splitlines(), start=1):
        if raw.lstrip().startswith("//"):
            raw = ""
            if not current:
                continue
        if raw.strip() == "":
            if any(line.strip() for line in current):
                yield first, "\n".join(current)
            current = []
            continue
        if not current:
            first = number
        current.append(raw)
    if any(line.strip() for line in current):
        yield first, "\n".join(current)


def _parse_answers(body: str, line: int, question: GiftQuestion) -> list[tuple[int, str]]:
    errors: list[tuple[int, str]] = []
    general = _find_general_feedback(body)
    if general is not None:
        body, question.explanation = body[:general], unescape(body[general + 4:])
    stripped = body.strip()
    line += body[:len(body) - len(body.lstrip())].count("\n")
    if not stripped:
        question.kind = "essay"
        return errors
    if stripped.startswith("#"):
        return [(line, _("numerical questions are not supported"))]
    head = _split_unescaped(stripped, "#")[0][2].strip().upper()
    if head in {"T", "F", "TRUE", "FALSE"}:
        question.kind, question.true_false = "tf", head.startswith("T")
        return errors
    question.kind = "mc"
    chunks = [(off, stop, chunk) for off, stop, chunk in _split_unescaped(stripped, "=~")]
    if chunks[0][2].strip():
        return [(line + stripped[:chunks[0][0]].count("\n"),
                 _("an answer must start with = (right) or ~ (wrong)"))]
    weighted_right = 0
    for offset, stop, chunk in chunks[1:]:
        answer_line = line + stripped[:offset].count("\n")
        text = _split_unescaped(chunk, "#")[0][2]
        weight = WEIGHT.match(text.strip())
        if weight:
            text = text.strip()[weight.end():]
        if "->" in text:
            errors.append((answer_line, _("matching questions are not supported")))
            continue
        text = unescape(text)
        if not text:
            errors.append((answer_line, _("empty answer")))
            continue
        if weight:
            correct = float(weight.group(1)) > 0
            weighted_right += correct
        else:
            correct = stop == "="
        question.answers.append(GiftAnswer(text=text, correct=correct))
    if errors:
        return errors
    right = [a for a in question.answers if a.correct]
    if not right:
        errors.append((question.line, _("no right answer (mark one with = or a positive %weight)")))
    elif all(a.correct for a in question.answers):
        errors.append(
            (question.line, _("short-answer questions (only = answers) are not supported"))
        )
    elif len(right) > 1 and weighted_right < len(right):
        errors.append((question.line, _("several right answers need %weights, e.g. ~%50%answer")))
    elif len(question.answers) < 2:
        errors.append((question.line, _("a multiple-choice question needs at least two answers")))
    return errors


def _find_general_feedback(body: str) -> int | None:
    i = 0
    while i < len(body):
        if body[i] == "\\":
            i += 2
            continue
        if body.startswith("####", i):
            return i
        i += 1
    return None


def _parse_question(text: str, line: int, category: list[str]):
    errors: list[tuple[int, str]] = []
    question = GiftQuestion(kind="", text="", line=line, category=list(category))
    body = text.strip()
    if body.startswith("::"):
        end = body.find("::", 2)
        if end == -1:
            return None, [(line, _("title is not closed with ::"))]
        question.title, body = unescape(body[2:end]), body[end + 2:]
    body = FORMAT_MARKER.sub("", body)
    open_at = _find_unescaped(body, "{")
    if open_at == -1:
        return None, [(line, _("no answer block { } found"))]
    close_at = _find_unescaped(body, "}", open_at)
    if close_at == -1:
        return None, [(line + body[:open_at].count("\n"), _("answer block is not closed with }"))]
    before, after = body[:open_at], body[close_at + 1:]
    if _find_unescaped(after, "{") != -1:
        return None, [(line + body[:close_at].count("\n"), _("only one answer block per question"))]
    question.text = unescape(FORMAT_MARKER.sub("", before) + (" _____ " + after if after.strip()
                                                              else ""))
    question.text = re.sub(r"[ \t]+", " ", question.text).strip()
    if not question.text:
        errors.append((line, _("question text is empty")))
    errors += _parse_answers(body[open_at + 1:close_at], line + body[:open_at].count("\n"),
                             question)
    return question, errors


def parse_gift(source: str) -> list[GiftQuestion]:
    """Every question of the file, or GiftError listing every problem (line, message)."""
    questions, errors, category = [], [], []
    for line, block in _blocks(source.lstrip("\ufeff")):
        stripped = block.strip()
        if stripped.startswith("$CATEGORY:"):
            first, _newline, rest = stripped.partition("\n")
            path = first[len("$CATEGORY:"):].strip()
            path = re.sub(r"^\$(course|module|system|cat\d+)\$/?", "", path)
            category = [part.strip() for part in path.split("/") if part.strip()]
            if not category:
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
