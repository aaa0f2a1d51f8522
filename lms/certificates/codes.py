"""Verification codes: random, non-guessable, easy to read out and type (XXXX-XXXX-XXXX).

The alphabet leaves out 0/O, 1/I/L and U so a code read over the phone or copied by hand
cannot be mistyped into another valid code; 30 symbols x 12 places ~ 59 bits of randomness.
"""

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUPS, GROUP_LENGTH = 3, 4
CODE_LENGTH = GROUPS * GROUP_LENGTH
_SEPARATORS = re.compile(r"[\s\-_.]+")


def code_generate() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return code_format(raw)


def code_format(raw: str) -> str:
    return "-".join(raw[i:i + GROUP_LENGTH] for i in range(0, len(raw), GROUP_LENGTH))


def code_normalise(typed: str) -> str | None:
    """The canonical form of a typed code (any case, dashes or spaces), or None if it cannot be
    a code at all."""
    raw = _SEPARATORS.sub("", typed or "").upper()
    if len(raw) != CODE_LENGTH or any(char not in ALPHABET for char in raw):
        return None
    return code_format(raw)
