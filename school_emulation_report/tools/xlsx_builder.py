"""XLSX sheets with Vietnamese headers (pure Python, xlsxwriter).

A sheet is described by columns ``(header, width, kind)`` with kind one of ``text``,
``int``, ``money`` (đồng, thousands separator), ``decimal`` (2 places), ``date``;
rows are sequences of plain values. The header row is bold, wrapped and frozen; an
optional title sits above it.

A sheet that a commune files (NĐ 30/2020 frame, as the PDFs) also gives:

- ``agency``: ``{"superior": ..., "agency": ...}``: the school's superior body and
  the school, top left; the national motto sits top right;
- ``subtitle``: a line under the title (e.g. "Kèm theo Tờ trình số ...");
- ``totals``: ``{"label": ..., "sum": [column indexes], "values": {index: value}}``:
  one bordered row under the table (sums of the listed columns, then the given
  values, e.g. a rate over the totals);
- ``place_date``: "Xuân Sơn, ngày 15 tháng 7 năm 2026", right, under the table;
- ``signatures``: ``[(title, hint, name), ...]``: the signer blocks side by side
  (người lập biểu on the left, thủ trưởng đơn vị on the right).

Every sheet prints on A4 landscape, one page wide, with the table's header row
repeated on each page and the page number at the top from page 2 on (NĐ 30/2020).

Nothing a user typed becomes a formula, a link or a number: text cells are
written with ``write_string`` (a name "=HYPERLINK(...)" stays that text), and the
workbook refuses to turn strings into formulas or URLs anywhere. Numbers are
written as numbers (never text); their display format ``#,##0`` shows the
separators of the reader's locale (2.530.000 with Vietnamese settings): the format
code of the file is locale-neutral, ``,`` meaning "thousands separator".
"""

import io
import math
import re
from datetime import date, datetime

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

KINDS = ("text", "int", "money", "decimal", "date")
NUMERIC = ("int", "money", "decimal")
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
FONT = "Times New Roman"
# A4, NĐ 30/2020 margins (inches): top/bottom 20 mm, left 30 mm, right 15 mm
PAPER_A4 = 9
MARGINS = {"left": 1.18, "right": 0.59, "top": 0.79, "bottom": 0.79}
SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
# a line of 12 pt Times New Roman, in points; about one character a width unit
LINE_HEIGHT = 16


def build(sheets):
    """``sheets``: list of dicts ``{"name", "columns", "rows", "title"?, ...}`` (see
    the module's docstring); returns the workbook as bytes (constant memory mode:
    fine for 50,000+ rows)."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(
        out,
        {
            "in_memory": True,
            "constant_memory": True,
            # defence in depth: ``write()`` never makes a formula or a link of text
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    formats = _formats(book)
    for sheet in sheets:
        _sheet(book, formats, sheet)
    book.close()
    return out.getvalue()


def _formats(book):
    def fmt(**props):
        return book.add_format({"font_name": FONT, "font_size": 12, **props})

    cell = {"border": 1, "valign": "top"}
    return {
        "head": fmt(
            bold=True,
            text_wrap=True,
            valign="vcenter",
            align="center",
            border=1,
            bg_color="#DDEBF7",
        ),
        "title": fmt(bold=True, font_size=14, align="center", valign="vcenter"),
        "title_left": fmt(bold=True, font_size=14),
        "subtitle": fmt(italic=True, align="center", text_wrap=True),
        "superior": fmt(align="center", text_wrap=True),
        "agency": fmt(bold=True, align="center", text_wrap=True),
        "nation": fmt(bold=True, align="center"),
        "motto": fmt(bold=True, align="center", underline=1),
        "place_date": fmt(italic=True, align="center"),
        "sign_title": fmt(bold=True, align="center", text_wrap=True),
        "sign_hint": fmt(italic=True, align="center"),
        "sign_name": fmt(bold=True, align="center"),
        "text": fmt(text_wrap=True, **cell),
        "int": fmt(num_format="0", align="center", **cell),
        "money": fmt(num_format="#,##0", **cell),
        "decimal": fmt(num_format="#,##0.00", **cell),
        "date": fmt(num_format="dd/mm/yyyy", align="center", **cell),
        "total_label": fmt(bold=True, text_wrap=True, **cell),
        "total_int": fmt(bold=True, num_format="0", align="center", **cell),
        "total_money": fmt(bold=True, num_format="#,##0", **cell),
        "total_decimal": fmt(bold=True, num_format="#,##0.00", **cell),
        "total_blank": fmt(bold=True, **cell),
    }


def _check_columns(columns):
    for _header, _width, kind in columns:
        if kind not in KINDS:
            raise ValueError(f"unknown column kind {kind!r}")


def _split(columns):
    """Where the agency block ends and the motto begins: about 40 % of the width
    on the left (at least one column each side)."""
    widths = [width for _h, width, _k in columns]
    total = sum(widths)
    left, acc = 0, 0
    while left < len(widths) - 1 and (acc + widths[left]) * 5 <= total * 2:
        acc += widths[left]
        left += 1
    return max(left, 1)


class _Worksheet(Worksheet):
    """A worksheet whose first printed page has no header (``differentFirst``),
    which xlsxwriter's API does not offer: the page number starts on page 2."""

    def _write_header_footer(self):
        if not (self.header_footer_changed and self.header):
            return super()._write_header_footer()
        attributes = [("differentFirst", 1)]
        if not self.header_footer_scales:
            attributes.append(("scaleWithDoc", 0))
        if not self.header_footer_aligns:
            attributes.append(("alignWithMargins", 0))
        self._xml_start_tag("headerFooter", attributes)
        self._write_odd_header()
        if self.footer:
            self._write_odd_footer()
        self._xml_end_tag("headerFooter")


class _Writer:
    """Rows written top to bottom (constant memory mode flushes each row)."""

    def __init__(self, ws, columns):
        self.ws = ws
        self.columns = columns
        self.last = len(columns) - 1
        self.row = 0

    def span(self, first, last, text, fmt):
        """``text`` (always a string cell) over columns first..last of this row."""
        text = "" if text is None else str(text)
        width = sum(w for _h, w, _k in self.columns[first : last + 1])
        _fit_row(self.ws, self.row, [(text, width)])
        if last > first:
            self.ws.merge_range(self.row, first, self.row, last, "", fmt)
        self.ws.write_string(self.row, first, text, fmt)

    def sides(self, left, right, left_fmt, right_fmt, split):
        if self.last == 0:  # one column: both blocks stacked in it
            if left:
                self.span(0, self.last, left, left_fmt)
                self.row += 1
            if right:
                self.span(0, self.last, right, right_fmt)
            self.row += 1
            return
        if left:
            self.span(0, split - 1, left, left_fmt)
        if right:
            self.span(split, self.last, right, right_fmt)
        self.row += 1


def _sheet(book, formats, sheet):
    columns = sheet["columns"]
    _check_columns(columns)
    ws = book.add_worksheet(
        SHEET_NAME_BAD.sub("-", sheet["name"])[:31], worksheet_class=_Worksheet
    )
    for col, (_header, width, _kind) in enumerate(columns):
        ws.set_column(col, col, width)
    out = _Writer(ws, columns)
    split = _split(columns) if len(columns) > 1 else 1
    agency = sheet.get("agency")
    if agency:
        superior = agency.get("superior") or ""
        school = agency.get("agency") or ""
        out.sides(
            superior or school,
            NATION,
            formats["superior" if superior else "agency"],
            formats["nation"],
            split,
        )
        out.sides(
            school if superior else "",
            MOTTO,
            formats["agency"],
            formats["motto"],
            split,
        )
        out.row += 1
    title_row = None
    if sheet.get("title"):
        title_row = out.row
        if agency:
            ws.set_row(out.row, 22)
            out.span(0, out.last, sheet["title"], formats["title"])
        else:  # the plain layout: title in A1, table from row 3
            ws.write_string(out.row, 0, str(sheet["title"]), formats["title_left"])
        out.row += 1
        if sheet.get("subtitle"):
            out.span(0, out.last, sheet["subtitle"], formats["subtitle"])
            out.row += 1
        out.row += 1
    header_row = out.row
    _fit_row(ws, header_row, [(h, w * 0.9) for h, w, _k in columns])
    for col, (header, _width, _kind) in enumerate(columns):
        ws.write_string(header_row, col, str(header), formats["head"])
    ws.freeze_panes(header_row + 1, 0)
    out.row += 1
    sums = {col: 0 for col in (sheet.get("totals") or {}).get("sum", ())}
    for row in sheet["rows"]:
        _data_row(ws, formats, columns, out.row, row, sums)
        out.row += 1
    last_data = out.row - 1
    if sheet.get("totals"):
        _totals_row(ws, formats, columns, out.row, sheet["totals"], sums)
        out.row += 1
    _footer(out, formats, sheet, split)
    _print_setup(ws, columns, header_row, out.row - 1, title_row)
    return last_data


def _data_row(ws, formats, columns, r, row, sums):
    if len(row) != len(columns):
        raise ValueError(f"row {r} has {len(row)} values for {len(columns)} columns")
    _fit_row(
        ws,
        r,
        [
            (value, col[1])
            for value, col in zip(row, columns, strict=True)
            if col[2] == "text" and value
        ],
    )
    for c, value in enumerate(row):
        kind = columns[c][2]
        if value is None or value is False:
            ws.write_blank(r, c, None, formats[kind])
        elif kind == "date":
            ws.write_datetime(r, c, _as_datetime(value), formats[kind])
        elif kind in NUMERIC:
            ws.write_number(r, c, _as_number(value), formats[kind])
            if c in sums:
                sums[c] += value
        else:
            ws.write_string(r, c, str(value), formats[kind])


def _totals_row(ws, formats, columns, r, totals, sums):
    values = {**sums, **(totals.get("values") or {})}
    label_col = next(
        (c for c, (_h, _w, kind) in enumerate(columns) if kind == "text"), 0
    )
    if label_col not in values:
        _fit_row(ws, r, [(totals.get("label") or "", columns[label_col][1] * 0.9)])
    for c, (_header, _width, kind) in enumerate(columns):
        value = values.get(c)
        if c == label_col and c not in values:
            ws.write_string(
                r, c, str(totals.get("label") or ""), formats["total_label"]
            )
        elif value is None or kind not in NUMERIC:
            ws.write_blank(r, c, None, formats["total_blank"])
        else:
            ws.write_number(r, c, _as_number(value), formats[f"total_{kind}"])


def _footer(out, formats, sheet, split):
    place_date = sheet.get("place_date")
    signatures = sheet.get("signatures") or []
    if not (place_date or signatures):
        return
    out.row += 1
    if place_date:
        out.sides("", place_date, formats["place_date"], formats["place_date"], split)
    if not signatures:
        return
    blocks = _signature_blocks(len(out.columns), len(signatures), split)
    for key, index in (("sign_title", 0), ("sign_hint", 1)):
        for (first, last), signature in zip(blocks, signatures, strict=False):
            out.span(first, last, signature[index], formats[key])
        out.row += 1
    out.row += 4  # room to sign (and stamp)
    for (first, last), signature in zip(blocks, signatures, strict=False):
        out.span(first, last, signature[2], formats["sign_name"])
    out.row += 1


def _signature_blocks(ncols, count, split):
    """Column ranges of ``count`` signer blocks: two blocks follow the header's
    split (left / right), more share the width."""
    if ncols == 1:
        return [(0, 0)] * count
    if count <= 2:
        blocks = [(0, split - 1), (split, ncols - 1)]
        return blocks[-count:] if count == 1 else blocks
    size = max(ncols // count, 1)
    blocks = []
    for i in range(count):
        first = min(i * size, ncols - 1)
        last = ncols - 1 if i == count - 1 else max(first, first + size - 1)
        blocks.append((first, last))
    return blocks


def _fit_row(ws, r, cells):
    """Give row ``r`` the height of its longest wrapped text: neither Excel nor
    LibreOffice grows a row written by xlsxwriter (a cut text would be lost on
    paper). ``cells``: ``[(text, column width)]``."""
    lines = 1
    for text, width in cells:
        per_line = max(int(width * 1.1) - 1, 1)
        count = sum(
            max(1, math.ceil(len(part) / per_line)) for part in str(text).split("\n")
        )
        lines = max(lines, count)
    if lines > getattr(ws, "se_lines", {}).get(r, 1):
        ws.se_lines = {r: lines}  # rows are written in order: only this one
        ws.set_row(r, lines * LINE_HEIGHT)


def _print_setup(ws, columns, header_row, last_row, title_row):
    ws.set_paper(PAPER_A4)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)  # one page wide, as many pages down as needed
    ws.set_margins(**MARGINS)
    ws.repeat_rows(header_row)
    corner = xl_rowcol_to_cell(max(last_row, header_row), len(columns) - 1)
    ws.print_area(f"A1:{corner}")
    ws.center_horizontally()
    # NĐ 30/2020: Arabic page numbers, centred at the top, from the second page on
    # (``_Worksheet`` leaves the first page's header empty)
    ws.set_header("&C&P", {"margin": 0.3})
    ws.set_start_page(1)  # each sheet is its own document: it starts at page 1


def _as_number(value):
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{value!r} is not a number")
    return value


def _as_datetime(value):
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    raise ValueError(f"{value!r} is not a date")
