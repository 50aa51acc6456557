"""Split a document's table into pages before wkhtmltopdf prints it (pure, no Odoo).

The wkhtmltopdf of Debian (unpatched Qt) honours neither ``page-break-inside: avoid``
on a table row nor ``display: table-header-group`` on its header: a long list is cut
through a row and its header row printed once. So the server cuts the list itself:
each page gets its own table with the header row, and holds only the rows that fit,
estimated from the cell texts, the column widths and the font (conservatively: a
page may end a little early, a row is never cut).
"""

PT_MM = 25.4 / 72  # one typographic point in millimetres
# average advance of a Times New Roman character (Vietnamese text, diacritics
# included), in em; generous, so that an estimate never falls short
CHAR_EM = 0.55
LINE_SPACING = 1.3
# a cell's left + right padding and its top + bottom padding and border (mm)
CELL_PAD_MM = 2.8
ROW_PAD_MM = 2.0


def lines_needed(text, width_mm, font_pt=13.0):
    """How many printed lines ``text`` takes in a cell ``width_mm`` wide (its
    padding included)."""
    chars_per_line = max(1, int((width_mm - CELL_PAD_MM) / (font_pt * PT_MM * CHAR_EM)))
    lines = 0
    for paragraph in str(text or "").split("\n"):
        words, line = paragraph.split(), 0
        lines += 1
        for word in words:
            # a word longer than the line breaks anywhere
            size = len(word)
            if line and line + 1 + size > chars_per_line:
                lines += 1
                line = 0
            while size > chars_per_line:
                lines += 1
                size -= chars_per_line
            line += size + (1 if line else 0)
    return max(lines, 1)


def row_height(cells, widths_mm, font_pt=13.0, padding_mm=ROW_PAD_MM):
    """Estimated height (mm) of one table row: its tallest cell plus padding.
    ``font_pt`` is the size as printed (after any shrinking of the page)."""
    line_mm = font_pt * PT_MM * LINE_SPACING
    tallest = max(
        (
            lines_needed(text, width, font_pt)
            for text, width in zip(cells, widths_mm, strict=False)
        ),
        default=1,
    )
    return tallest * line_mm + padding_mm


def paginate(rows, cells, widths_mm, header, first_mm, page_mm, font_pt=13.0):
    """Cut ``rows`` into pages: ``[[row, ...], ...]``.

    ``cells(row)`` gives the texts of a row's cells, ``widths_mm`` the columns'
    widths, ``header`` the header row's texts. The first page has ``first_mm`` of
    height left under the document's heading, every other page ``page_mm``. Each
    page repeats the header. A row taller than a page gets a page of its own.
    """
    rows = list(rows)
    if not rows:
        return []
    head_mm = row_height(header, widths_mm, font_pt)
    pages, current, room = [], [], first_mm - head_mm
    for row in rows:
        height = row_height(cells(row), widths_mm, font_pt)
        if current and height > room:
            pages.append(current)
            current, room = [], page_mm - head_mm
        current.append(row)
        room -= height
    pages.append(current)
    return pages


# A4 and the NĐ 30/2020 margins (top, bottom, left, right), in mm
A4_MM = (210, 297)
ADMIN_MARGINS_MM = (20, 20, 30, 15)
# wkhtmltopdf's smart shrinking prints the documents' text at 0.78 of its CSS size
# (measured with pdftotext -bbox: a 12 pt cell prints at 9.4 pt); 0.8 keeps the
# estimate on the safe side
SHRINK = 0.8


def a4_pages(
    rows,
    cells,
    widths_pct,
    header,
    heading_mm=35.0,
    font_pt=12.0,
    margins_mm=ADMIN_MARGINS_MM,
    shrink=SHRINK,
):
    """``paginate`` on an A4 portrait page: ``widths_pct`` in percent of the text
    width, ``heading_mm`` taken above the table on its first page, ``font_pt`` the
    CSS size of the table's text."""
    rows = list(rows)
    top, bottom, left, right = margins_mm
    width_mm = A4_MM[0] - left - right
    # a little under the text height: wkhtmltopdf's own spacing, a long word
    page_mm = (A4_MM[1] - top - bottom) * 0.92
    return paginate(
        rows,
        lambda row: [str(text or "") for text in cells(row)],
        [width_mm * pct / 100 for pct in widths_pct],
        header,
        first_mm=page_mm - heading_mm,
        page_mm=page_mm,
        font_pt=font_pt * shrink,
    ) or [rows]
