"""The portal's one spreadsheet dialect: every CSV and XLSX it hands out is written here.

Used by the open-data downloads of every app (a redaction's plans, the project registry,
a discussion's report) and by the admin's XLSX/CSV export, so that they all open the same
way and none can run a formula.

CSV: UTF-8 with a byte order mark (so Excel reads ā, č, ē right), cells separated by
semicolons and decimals written with a comma, as Excel with Latvian (and most European)
regional settings reads and writes them, so a double-click opens the file in columns with
numbers as numbers (a decimal point would make "3.10" the 3rd of October). Dates are ISO
8601, numbers have no thousands separator. Open-data readers take it as
`pandas.read_csv(path, sep=";", decimal=",")`; LibreOffice and the portal's own import
detect the separator.

Formulas (CSV/formula injection, OWASP and ASVS 1.2.10): a text cell a spreadsheet would
run — one starting with = + - @, a tab, a carriage return or a null character, also after
leading spaces — is neutralised by `needs_neutralising`, the one rule for every cell of
every file. CSV has no types, so such a cell is written with a leading apostrophe. XLSX
has: every text cell is written as a string (never a formula), and one that needs it also
carries Excel's own quote prefix (what typing '=… in Excel stores), so it shows and
re-imports as typed and stays text if edited. Numbers, dates and amounts are values, never
text, so a negative amount stays a number.
"""

import csv
import datetime
import io
from decimal import Decimal

from django.http import HttpResponse, StreamingHttpResponse
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

DELIMITER = ";"
BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@")
CONTROL_STARTS = ("\t", "\r", "\0")
APOSTROPHE = "'"


def needs_neutralising(value):
    """Would a spreadsheet run this cell? True for text starting with = + - @ (also after
    leading whitespace), a tab, a carriage return or a null character. Numbers never."""
    if not isinstance(value, str):
        return False
    return value.startswith(CONTROL_STARTS) or value.lstrip().startswith(FORMULA_STARTS)


def neutralise(value):
    """The cell as CSV text a spreadsheet shows and never runs (see `needs_neutralising`)."""
    return APOSTROPHE + value if needs_neutralising(value) else value


def unneutralise(text):
    """Undo `neutralise` on an imported cell, so an exported file imports back unchanged."""
    if text.startswith(APOSTROPHE) and needs_neutralising(text[1:]):
        return text[1:]
    return text


def csv_cell(value):
    """One cell as the CSV dialect writes it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, Decimal | float):
        return format(value, "f").replace(".", ",")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime.date):  # datetimes too
        return value.isoformat()
    return neutralise(str(value))


class CSVWriter:
    """csv.writer in the portal's dialect: every cell goes through `csv_cell`."""

    def __init__(self, stream):
        self._writer = csv.writer(stream, delimiter=DELIMITER, lineterminator="\r\n")

    def writerow(self, cells):
        self._writer.writerow([csv_cell(cell) for cell in cells])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def csv_text(headers, rows):
    """A whole CSV file as text, byte order mark first."""
    stream = io.StringIO()
    stream.write(BOM)
    writer = CSVWriter(stream)
    if headers:
        writer.writerow(headers)
    writer.writerows(rows)
    return stream.getvalue()


def csv_download(filename):
    """(response, writer): an attachment named `filename` to write rows into."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write(BOM)
    return response, CSVWriter(response)


# Rows written before a chunk is handed to the server: big enough that the per-chunk cost
# vanishes, small enough that the first byte leaves at once and memory stays flat.
STREAM_BATCH = 500


def csv_chunks(headers, rows, *, batch=STREAM_BATCH):
    """A CSV file as text chunks, byte order mark and headers first, then `batch` rows a
    chunk: for files too big to build in memory (rows may be a lazy iterator)."""
    stream = io.StringIO()
    stream.write(BOM)
    writer = CSVWriter(stream)
    if headers:
        writer.writerow(headers)
    yield stream.getvalue()
    stream.seek(0)
    stream.truncate()
    for number, row in enumerate(rows, start=1):
        writer.writerow(row)
        if number % batch == 0:
            yield stream.getvalue()
            stream.seek(0)
            stream.truncate()
    if stream.tell():
        yield stream.getvalue()


def csv_streaming_download(filename, headers, rows):
    """A streamed attachment named `filename`: the headers go out at once, the rows as
    they come (iterate a queryset's `values_list()`/`.iterator()`, never a list of model
    instances). Everything the rows need to translate must be computed before: the
    rows are read after the view returned."""
    response = StreamingHttpResponse(
        csv_chunks(headers, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _xlsx_cell(cell, value):
    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("\N{REPLACEMENT CHARACTER}", value)
        cell.data_type = "s"  # a string, whatever it starts with: never a formula
        if needs_neutralising(value):
            cell.quotePrefix = True
    elif isinstance(value, Decimal | float | int | datetime.date) or value is None:
        cell.value = value
    else:
        _xlsx_cell(cell, str(value))


def xlsx_bytes(headers, rows, *, title=None):
    """A workbook of one sheet: headings in bold and frozen, then the rows."""
    workbook = Workbook()
    sheet = workbook.active
    if title:
        sheet.title = title[:31]
    widths = {}
    bold = Font(bold=True)
    for row_number, row in enumerate([headers or [], *rows], start=1):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column)
            _xlsx_cell(cell, value)
            if row_number == 1 and headers:
                cell.font = bold
            widths[cell.column_letter] = max(widths.get(cell.column_letter, 0), len(str(value)))
    if headers:
        sheet.freeze_panes = "A2"
    for letter, width in widths.items():
        sheet.column_dimensions[letter].width = min(max(width, 8), 60) + 2
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()
