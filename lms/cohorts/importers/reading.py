"""Read a roster file (CSV, tab-separated text or XLSX) into plain rows keyed by our column
names.

The format and encoding come from the content, not the file name (an XLSX renamed .csv, the
UTF-16 "Unicode text" Excel saves). Rows are streamed and reading stops one row past the limit,
so a huge file is refused in well under a second whatever it claims to hold.
"""

import codecs
import csv
import io
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from openpyxl import load_workbook

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

COLUMNS = ["first_name", "last_name", "sex", "function", "organisation", "region", "phone",
           "email", "birth_year", "wg_seeing", "wg_hearing", "wg_walking", "wg_cognition",
           "wg_selfcare", "wg_communication"]
DEMOGRAPHIC_COLUMNS = COLUMNS[8:]  # optional: year of birth, Washington Group short set
REQUIRED_COLUMNS = ["first_name", "last_name", "region"]
MAX_ROWS = 2000
MAX_BYTES = 2 * 1024 * 1024
HEADER_SEARCH_ROWS = 10  # title rows above the header are skipped, within this many rows
MAX_SHARED_STRINGS_BYTES = 16 * 1024 * 1024  # an XLSX's strings are loaded whole: cap them

# The column names the template writes, in the reader's language.
COLUMN_LABELS = {
    "first_name": gettext_lazy("First name"), "last_name": gettext_lazy("Last name"),
    "sex": gettext_lazy("Sex"), "function": gettext_lazy("Function"),
    "organisation": gettext_lazy("Organisation"), "region": gettext_lazy("Region"),
    "phone": gettext_lazy("Phone"), "email": gettext_lazy("E-mail"),
    "birth_year": gettext_lazy("Year of birth"),
    # The Washington Group short set (optional): one column per question.
    "wg_seeing": gettext_lazy("Difficulty seeing"),
    "wg_hearing": gettext_lazy("Difficulty hearing"),
    "wg_walking": gettext_lazy("Difficulty walking"),
    "wg_cognition": gettext_lazy("Difficulty remembering"),
    "wg_selfcare": gettext_lazy("Difficulty with self-care"),
    "wg_communication": gettext_lazy("Difficulty communicating"),
}

# Other header spellings we accept (after folding: lower case, no accents, no spaces/_/-).
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
    "mobile": "phone", "numerodetelephone": "phone",
    "email": "email", "mail": "email", "courriel": "email", "adresseemail": "email",
    "birthyear": "birth_year", "yearofbirth": "birth_year", "anneedenaissance": "birth_year",
    "naissance": "birth_year", "datedenaissance": "birth_year", "dateofbirth": "birth_year",
    "birthdate": "birth_year", "neen": "birth_year",
    "seeing": "wg_seeing", "voir": "wg_seeing", "vision": "wg_seeing",
    "hearing": "wg_hearing", "entendre": "wg_hearing", "audition": "wg_hearing",
    "walking": "wg_walking", "marcher": "wg_walking", "mobilite": "wg_walking",
    "cognition": "wg_cognition", "memoire": "wg_cognition", "remembering": "wg_cognition",
    "selfcare": "wg_selfcare", "soins": "wg_selfcare", "soinsdesoi": "wg_selfcare",
    "communication": "wg_communication", "communiquer": "wg_communication",
}


class RosterFileError(Exception):
    """The file as a whole cannot be read (wrong type, no header, too many rows...)."""


@dataclass
class RawRow:
    number: int  # the row number as the spreadsheet shows it (first line = 1)
    values: dict[str, str]


def fold(text: str) -> str:
    """Lower case, accents removed, inner whitespace collapsed: for matching names."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return " ".join(text.lower().split())


def column_label(name: str) -> str:
    return str(COLUMN_LABELS.get(name, name))


def _header_fold(text) -> str:
    folded = fold(text or "")
    for char in " _-.'*:":
        folded = folded.replace(char, "")
    return folded


def _header_aliases() -> dict[str, str]:
    aliases = dict(HEADER_ALIASES)
    for language in ("en", "fr"):
        with translation.override(language):
            for name, label in COLUMN_LABELS.items():
                aliases[_header_fold(str(label))] = name
    return aliases


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # phone numbers typed into a numeric cell
    return str(value).strip()


def _too_many_rows() -> RosterFileError:
    return RosterFileError(
        _("Too many rows: a roster holds at most %(max)s trainees. Split the file.")
        % {"max": MAX_ROWS}
    )


def _rows_from_table(table: Iterable[Iterable]) -> list[RawRow]:
    """Find the header within the first rows, then read at most MAX_ROWS trainees."""
    aliases = _header_aliases()
    table = iter(table)
    header, header_number, seen_anything = None, 0, False
    for cells in islice(table, HEADER_SEARCH_ROWS):
        header_number += 1
        keys = [aliases.get(_header_fold(_cell_text(cell))) for cell in cells]
        seen_anything = seen_anything or any(_cell_text(cell) for cell in cells)
        if sum(1 for key in keys if key) >= 2:
            header = keys
            break
    if not seen_anything:
        raise RosterFileError(_("The file is empty."))
    missing = [name for name in REQUIRED_COLUMNS if name not in (header or [])]
    if missing:
        raise RosterFileError(
            _("Missing column(s): %(columns)s. Download the template to see the expected "
              "columns.") % {"columns": ", ".join(column_label(name) for name in missing)}
        )
    rows = []
    for number, cells in enumerate(table, start=header_number + 1):
        values = dict.fromkeys(COLUMNS, "")
        for key, cell in zip(header, cells, strict=False):
            if key and not values[key]:
                values[key] = _cell_text(cell)
        if any(values.values()):
            if len(rows) == MAX_ROWS:
                raise _too_many_rows()  # stop reading here: the rest is never parsed
            rows.append(RawRow(number=number, values=values))
    if not rows:
        raise RosterFileError(_("The file has a header but no trainees."))
    return rows


def _decode_text(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")  # Excel's "Unicode text"
    sample = data[:200]
    even_zeros, odd_zeros = sample[0::2].count(0), sample[1::2].count(0)
    if min(even_zeros, odd_zeros) == 0 and max(even_zeros, odd_zeros) > len(sample) // 5:
        # UTF-16 without its mark: every other byte of Latin text is zero
        return data.decode("utf-16-be" if even_zeros else "utf-16-le")
    if b"\x00" in sample:
        raise RosterFileError(_("This file is neither a spreadsheet nor text. Save it from "
                                "Excel as .xlsx or as CSV and upload it again."))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _read_text(data: bytes) -> Iterator[list[str]]:
    try:
        text = _decode_text(data)
    except UnicodeDecodeError as exc:
        raise RosterFileError(_("The text of this file could not be read. Save it from Excel "
                                "as CSV UTF-8 or .xlsx.")) from exc
    head = "\n".join(text.splitlines()[:HEADER_SEARCH_ROWS])
    delimiter = max(("\t", ";", ","), key=head.count)
    try:
        yield from csv.reader(io.StringIO(text), delimiter=delimiter)
    except csv.Error as exc:
        raise RosterFileError(_("This file is neither a spreadsheet nor text. Save it from "
                                "Excel as .xlsx or as CSV and upload it again.")) from exc


def _read_xlsx(data: bytes) -> Iterator[tuple]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            strings = [info.file_size for info in archive.infolist()
                       if info.filename.lower().endswith("sharedstrings.xml")]
        if sum(strings) > MAX_SHARED_STRINGS_BYTES:
            raise RosterFileError(_("This spreadsheet holds far more text than a roster of "
                                    "%(max)s trainees.") % {"max": MAX_ROWS})
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except RosterFileError:
        raise
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise RosterFileError(_("This is not a readable XLSX file.")) from exc
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # some writers store a wrong size; stream whatever is there
        yield from sheet.iter_rows(values_only=True)
    finally:
        workbook.close()


def read_roster(*, name: str, data: bytes) -> list[RawRow]:
    """Rows of the file, or RosterFileError saying what is wrong with the file as a whole."""
    if len(data) > MAX_BYTES:
        raise RosterFileError(_("The file is too large (2 MB at most)."))
    lowered = name.lower()
    if lowered.endswith(".xls") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise RosterFileError(_("This is an old Excel file (.xls): open it in Excel and save it "
                                "as .xlsx, then upload it again."))
    if not lowered.endswith((".xlsx", ".csv", ".txt", ".tsv")):
        raise RosterFileError(_("Upload a .csv or .xlsx file."))
    if data.startswith(b"PK\x03\x04"):
        return _rows_from_table(_read_xlsx(data))
    if lowered.endswith(".xlsx") and data:
        raise RosterFileError(_("This is not a readable XLSX file."))
    return _rows_from_table(_read_text(data))
