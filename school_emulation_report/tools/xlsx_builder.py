"""XLSX sheets with Vietnamese headers (pure Python, xlsxwriter).

A sheet is described by columns ``(header, width, kind)`` with kind one of ``text``,
``int``, ``money`` (đồng, thousands separator), ``decimal`` (2 places), ``date``;
rows are sequences of plain values. The header row is bold, wrapped and frozen; an
optional title sits above it.
"""

import io

import xlsxwriter

KINDS = ("text", "int", "money", "decimal", "date")


def build(sheets):
    """``sheets``: list of dicts ``{"name", "columns", "rows", "title"?}``; returns
    the workbook as bytes (constant memory mode: fine for 50,000+ rows)."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "constant_memory": True})
    head = book.add_format(
        {
            "bold": True,
            "text_wrap": True,
            "valign": "vcenter",
            "align": "center",
            "border": 1,
            "bg_color": "#DDEBF7",
            "font_name": "Times New Roman",
        }
    )
    title_fmt = book.add_format(
        {"bold": True, "font_size": 14, "font_name": "Times New Roman"}
    )
    formats = {
        "text": book.add_format({"font_name": "Times New Roman", "text_wrap": False}),
        "int": book.add_format({"font_name": "Times New Roman", "num_format": "0"}),
        "money": book.add_format(
            {"font_name": "Times New Roman", "num_format": "#,##0"}
        ),
        "decimal": book.add_format(
            {"font_name": "Times New Roman", "num_format": "0.00"}
        ),
        "date": book.add_format(
            {"font_name": "Times New Roman", "num_format": "dd/mm/yyyy"}
        ),
    }
    for sheet in sheets:
        columns = sheet["columns"]
        for _header, _width, kind in columns:
            if kind not in KINDS:
                raise ValueError(f"unknown column kind {kind!r}")
        ws = book.add_worksheet(sheet["name"][:31])
        first = 0
        if sheet.get("title"):
            ws.write("A1", sheet["title"], title_fmt)
            first = 2
        for col, (header, width, _kind) in enumerate(columns):
            ws.set_column(col, col, width)
            ws.write(first, col, header, head)
        ws.freeze_panes(first + 1, 0)
        for r, row in enumerate(sheet["rows"], start=first + 1):
            if len(row) != len(columns):
                raise ValueError(
                    f"row {r} has {len(row)} values for {len(columns)} columns"
                )
            for c, value in enumerate(row):
                kind = columns[c][2]
                if value is None or value is False:
                    ws.write_blank(r, c, None, formats[kind])
                elif kind == "date":
                    ws.write_datetime(r, c, _as_datetime(value), formats[kind])
                elif kind in ("int", "money", "decimal"):
                    ws.write_number(r, c, value, formats[kind])
                else:
                    ws.write_string(r, c, str(value), formats[kind])
    book.close()
    return out.getvalue()


def _as_datetime(value):
    from datetime import date, datetime

    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    raise ValueError(f"{value!r} is not a date")
