"""Roster import from CSV and XLSX: read, check (preview), import all-or-nothing."""

from .blank import roster_template_csv, roster_template_xlsx
from .reading import COLUMNS, MAX_BYTES, MAX_ROWS, RawRow, RosterFileError, read_roster
from .roster import (
    RosterPreview,
    RosterRejected,
    RosterRow,
    normalise_phone,
    roster_check,
    roster_import,
)

__all__ = [
    "COLUMNS", "MAX_BYTES", "MAX_ROWS", "RawRow", "RosterFileError", "RosterPreview",
    "RosterRejected", "RosterRow",
    "normalise_phone", "read_roster", "roster_check", "roster_import", "roster_template_csv",
    "roster_template_xlsx",
]
