"""Read a roster file (CSV or XLSX) into plain rows keyed by our column names."""

import csv
import io
import unicodedata
from dataclasses import dataclass

from openpyxl import load_workbook

from django.utils.translation import gettext as _

COLUMNS = ["first_name", "last_name", "sex", "function", "organisation", "region", "phone",
           "email"]
REQUIRED_COLUMNS = ["first_name", "last_name", "region"]
MAX_ROWS = 2000

# Header spellings we accept (after folding: lower case, no accents, no spaces/_/-).
HEADER_ALIASES = {
    "firstname": "first_name", "prenom": "first_name", "prenoms": "first_name",
    "givenname": "first_name",
    "lastname": "last_name", "nom": "last_name", "surname": "last_name",
    "familyname": "last_name", "nomdefamille": "last_name",
    "sex": "sex", "sexe": "sex", "gender": "sex", "genre": "sex",
    "function": "function", "fonction": "function", "position": "function", "poste": "function",
    "organisation": "organisation", "organization": "organisation", "structure": "organisation",
    "region": "region",
    "phone": "phone", "telephone": "phone", "tel": "phone", "phonenumber": "phone",
    "mobile": "phone",
    "email": "email", "mail": "email", "courriel": "email", "adresseemail": "email",
}


class RosterFileError(Exception):
    """The file as a whole cannot be read (wrong type, no header, too many rows...)."""


@dataclass
class RawRow:
    number: int  # the row number as the spreadsheet shows it (header = 1)
    values: dict[str, str]


def fold(text: str) -> str:
    """Lower case, accents removed, inner whitespace collapsed: for matching names."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return " ".join(text.lower().split())


def _header_key(cell) -> str | None:
    folded = fold(cell or "")
    for char in " _-.'":
        folded = folded.replace(char, "")
    return HEADER_ALIASES.get(folded)


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # phone numbers typed into a numeric cell
    return str(value).strip()


def _rows_from_table(table: list[list]) -> list[RawRow]:
    if not table:
        raise RosterFileError(_("The file is empty."))
    header = [_header_key(cell) for cell in table[0]]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise RosterFileError(
            _("Missing column(s): %(columns)s. Download the template to see the expected "
              "columns.") % {"columns": ", ".join(missing)}
        )
    rows = []
    for offset, cells in enumerate(table[1:], start=2):
        values = dict.fromkeys(COLUMNS, "")
        for key, cell in zip(header, cells, strict=False):
            if key:
                values[key] = _cell_text(cell)
        if any(values.values()):
            rows.append(RawRow(number=offset, values=values))
    if not rows:
        raise RosterFileError(_("The file has a header but no trainees."))
    if len(rows) > MAX_ROWS:
        raise RosterFileError(_("Too many rows (at most %(max)s).") % {"max": MAX_ROWS})
    return rows


def _read_csv(data: bytes) -> list[list]:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    first_line = text.splitlines()[0] if text else ""
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _read_xlsx(data: bytes) -> list[list]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise RosterFileError(_("This is not a readable XLSX file.")) from exc
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def read_roster(*, name: str, data: bytes) -> list[RawRow]:
    lowered = name.lower()
    if lowered.endswith(".xlsx"):
        table = _read_xlsx(data)
    elif lowered.endswith(".csv") or lowered.endswith(".txt"):
        table = _read_csv(data)
    else:
        raise RosterFileError(_("Upload a .csv or .xlsx file."))
    return _rows_from_table(table)
