"""The roster template offered for download, as CSV and as XLSX (with a sheet of allowed
values so people filling it offline can check their spelling), in the reader's language:
column names and allowed values as the reader writes them; reading accepts both languages."""

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from lms.accounts.demographics import WG_FIELDS
from lms.core.spreadsheets import spreadsheet_row
from lms.organisations.models import Organisation
from lms.regions.models import Region

from .reading import COLUMNS, column_label

User = get_user_model()


def _headers() -> list[str]:
    return [column_label(name) for name in COLUMNS]


def _example() -> list[str]:
    return ["Aminata", "Traoré", "F", str(User.Function.SOCIAL_WORKER.label), "", "Kayes",
            "+223 76 12 34 56", "", "1988", "1", "1", "2", "1", "1", "1"]


def roster_template_csv() -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_headers())
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel opens it as UTF-8


def roster_template_xlsx() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Roster")
    sheet.append(_headers())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = (18, 18, 6, 20, 30, 14, 18, 28, 12, *[16] * len(WG_FIELDS))
    for index, width in enumerate(widths, start=1):
        column = get_column_letter(index)
        sheet.column_dimensions[column].width = width
        sheet[f"{column}1"].number_format = "@"
    for row in range(2, 502):  # keep phone numbers as text, not numbers
        sheet[f"G{row}"].number_format = "@"
    help_sheet = workbook.create_sheet(_("Allowed values"))
    help_sheet.append([_("Column"), _("Allowed values")])
    help_sheet.append([column_label("sex"), _("F (woman) or M (man)")])
    help_sheet.append([column_label("function"), "; ".join(
        str(label) for _code, label in User.Function.choices)])
    help_sheet.append(["", _("Another function: write it, it is kept as “Other”.")])
    help_sheet.append(spreadsheet_row([column_label("region"), ", ".join(
        Region.objects.values_list("name", flat=True))]))
    help_sheet.append([column_label("phone"), _("+223 and 8 digits, e.g. +223 76 12 34 56")])
    help_sheet.append([column_label("email"), _("optional")])
    help_sheet.append([column_label("birth_year"), _("optional: the year only, e.g. 1988")])
    help_sheet.append([_("Difficulty …"), _(
        "optional, the Washington Group questions (ask them as written in the trainee's "
        "profile form): 1 = no difficulty, 2 = some difficulty, 3 = a lot of difficulty, "
        "4 = cannot do at all")])
    help_sheet.append([])
    help_sheet.append([column_label("organisation"), _(
        "one of these, or its acronym; a new one is proposed for creation when you import:")])
    for organisation in Organisation.objects.all():
        help_sheet.append(spreadsheet_row(["", str(organisation)]))
    help_sheet.append([])
    help_sheet.append([_("Example row"), *_example()])
    help_sheet.column_dimensions["A"].width = 16
    help_sheet.column_dimensions["B"].width = 80
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
