"""What the GIFT parser yields: plain records, saved by the importer."""

from dataclasses import dataclass, field


@dataclass
class GiftAnswer:
    text: str
    correct: bool
    weight: float | None = None  # percent, -100 to 100
    feedback: str = ""
    match: str = ""  # matching: the right side
    number: float | None = None  # numerical: value and tolerance
    tolerance: float = 0.0


@dataclass
class GiftQuestion:
    kind: str  # "mc", "tf", "essay", "short", "num" or "match"
    text: str
    line: int
    title: str = ""
    category: list[str] = field(default_factory=list)
    answers: list[GiftAnswer] = field(default_factory=list)
    true_false: bool | None = None
    feedback_wrong: str = ""  # true/false: `{T#if wrong#if right}`
    feedback_right: str = ""
    explanation: str = ""
    text_format: str = "plain"


class GiftError(ValueError):
    def __init__(self, errors: list[tuple[int, str]]):
        self.errors = errors
        super().__init__("; ".join(f"line {line}: {msg}" for line, msg in errors))
