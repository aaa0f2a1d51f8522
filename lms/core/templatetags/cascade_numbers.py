"""Numbers people read, in their language: rounded, localised, with an explicit sign when it is
a change. Numbers inside markup (SVG coordinates, CSS, data-*) never go through these: the SVG
templates render under `{% localize off %}`."""

from decimal import Decimal, InvalidOperation

from django import template
from django.template.defaultfilters import floatformat

register = template.Library()

EMPTY = "—"


def _number(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


@register.filter
def decimal1(value) -> str:
    """One decimal at most, localised ("66,7" in French, "80" for a whole number); "—" for
    no value."""
    number = _number(value)
    return EMPTY if number is None else floatformat(number, "-1")


@register.filter
def signed(value) -> str:
    """A change, localised with one decimal and its sign: "+31,6", "-2,5", "0"."""
    number = _number(value)
    if number is None:
        return EMPTY
    text = floatformat(number, "-1")
    return f"+{text}" if number > 0 and not text.startswith("+") else text
