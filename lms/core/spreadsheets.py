"""Cells of the CSV and XLSX files people open in a spreadsheet program.

A name such as `=HYPERLINK(...)` or `@SUM(...)` typed into a roster would otherwise come out
as a live formula (CSV/formula injection, OWASP): every export writes its text cells through
`spreadsheet_safe`, which puts an apostrophe before a text that starts like a formula. Phone
numbers and signed numbers ("+223 76 12 34 56", "-5") hold no formula and stay as they are.
"""

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_NUMBER = re.compile(r"[+-]?\d[\d .]*")


def spreadsheet_safe(value):
    """`value` unchanged unless it is a text a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _NUMBER.fullmatch(
            value):
        return "'" + value
    return value


def spreadsheet_row(values) -> list:
    return [spreadsheet_safe(value) for value in values]
