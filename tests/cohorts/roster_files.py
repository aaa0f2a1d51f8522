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
