"""Real-shaped roster files, written by the tests themselves."""

import io
import re
import zipfile

from openpyxl import Workbook


def xlsx(rows: list[list], *, title: str = "Liste") -> bytes:
    workbook = Workbook()
    workbook.active.title = title
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def huge_xlsx(header: list[str], extra_rows: int) -> bytes:
    """A real XLSX whose sheet holds `extra_rows` rows under the header, small on disk: the
    same tiny row repeated compresses to almost nothing (like the 103 KB, 200,000-row file)."""
    base = zipfile.ZipFile(io.BytesIO(xlsx([header])))
    row = '<row><c t="inlineStr"><is><t>Awa</t></is></c><c t="inlineStr"><is><t>Diallo</t>' \
          '</is></c><c t="inlineStr"><is><t>Kayes</t></is></c></row>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in base.infolist():
            data = base.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", row.encode() * extra_rows + b"</sheetData>")
                data = re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="A1:C{extra_rows + 1}"'
                              .encode(), data)
            archive.writestr(info.filename, data)
    return out.getvalue()


def with_cached_formula_errors(data: bytes) -> bytes:
    """Give every formula cell the cached #REF! Excel stores once its reference is broken."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                content = re.sub(rb'<c r="(\w+)"><f>([^<]*)</f><v ?/></c>',
                                 rb'<c r="\1" t="e"><f>\2</f><v>#REF!</v></c>', content)
            archive.writestr(info.filename, content)
    return out.getvalue()


FRENCH_HEADER = ["Prénom", "Nom", "Sexe", "Fonction", "Organisation", "Région", "Téléphone",
                 "E-mail", "Année de naissance", "Difficulté à voir", "Difficulté à entendre",
                 "Difficulté à marcher", "Difficulté à se souvenir",
                 "Difficulté à prendre soin de soi", "Difficulté à communiquer"]


def french_excel_roster(rows: list[list]) -> bytes:
    """What partners send: a title over merged cells, a blank line, the template's French
    header, then the people."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Feuil1"
    sheet.append(["Liste des participants — Atelier de Kayes, mars 2026"])
    sheet.merge_cells("A1:H1")
    sheet.append([])
    sheet.append(FRENCH_HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
