"""Phone numbers to E.164 for Mali (+223 and eight digits), as SMS gateways want them.

Rosters hold numbers as people write them: "76 12 34 56", "0022376123456", "+223 76.12.34.56",
"223-76-12-34-56". A number written with another country's prefix is kept as it is written.
"""

import re

MALI = "223"
_SEPARATORS = re.compile(r"[\s().\-/]")


class InvalidPhone(ValueError):
    pass


def phone_e164(raw: str, *, country: str = MALI) -> str:
    """`raw` as "+<country><number>" (E.164), or `InvalidPhone`. Eight digits alone are a Malian
    number; a leading 00 is the international prefix."""
    text = _SEPARATORS.sub("", raw or "")
    if text.startswith("00"):
        text = "+" + text[2:]
    if text.startswith("+"):
        digits = text[1:]
    elif len(text) == 8:
        digits = country + text
    elif len(text) == 11 and text.startswith(country):
        digits = text
    else:
        raise InvalidPhone(raw)
    if not digits.isdigit() or not 10 <= len(digits) <= 15 or digits.startswith("0"):
        raise InvalidPhone(raw)
    if digits.startswith(MALI) and len(digits) != len(MALI) + 8:
        raise InvalidPhone(raw)
    return "+" + digits
