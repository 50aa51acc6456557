"""school_emulation_report/tools/xlsx_builder.py, read back with openpyxl."""

import io
from datetime import date

import openpyxl
import pytest
from conftest import load_by_path

xb = load_by_path("school_emulation_report/tools/xlsx_builder.py", "se_xlsx")

COLUMNS = [
    ("STT", 6, "int"),
    ("Họ và tên", 28, "text"),
    ("Danh hiệu", 30, "text"),
    ("Ngày quyết định", 14, "date"),
    ("Tiền thưởng (đồng)", 16, "money"),
    ("Điểm", 8, "decimal"),
]


def _book(rows, title=None):
    data = xb.build(
        [{"name": "Khen thưởng", "columns": COLUMNS, "rows": rows, "title": title}]
    )
    return openpyxl.load_workbook(io.BytesIO(data))


def test_values_headers_formats_and_frozen_header():
    rows = [
        (1, "Lê Thị Hồng", "Chiến sĩ thi đua cơ sở", date(2026, 7, 15), 2530000, 92.5),
        (2, "Nguyễn Văn Hùng", "Lao động tiên tiến", date(2026, 7, 15), 760000, None),
    ]
    ws = _book(rows, title="Danh sách khen thưởng năm học 2025-2026")["Khen thưởng"]
    assert ws["A1"].value == "Danh sách khen thưởng năm học 2025-2026"
    assert [c.value for c in ws[3]] == [h for h, _w, _k in COLUMNS]
    assert ws.freeze_panes == "A4"
    assert ws["B4"].value == "Lê Thị Hồng"
    assert ws["D4"].value.date() == date(2026, 7, 15)
    assert ws["D4"].number_format == "dd/mm/yyyy"
    assert ws["E4"].value == 2530000
    assert ws["E4"].number_format == "#,##0"
    assert ws["F4"].value == 92.5
    assert ws["F5"].value is None
    assert ws["A3"].font.b
    assert ws.column_dimensions["B"].width == pytest.approx(28, abs=1)


def test_large_sheet():
    rows = [
        (i, f"GV {i}", "LĐTT", date(2026, 7, 15), 760000, 80.0) for i in range(5000)
    ]
    ws = _book(rows)["Khen thưởng"]
    assert ws.max_row == 5001
    assert ws.freeze_panes == "A2"
    assert ws.cell(row=5001, column=2).value == "GV 4999"


@pytest.mark.parametrize("rows", [[(1, "x")], [(1, "a", "b", "not a date", 1, 1.0)]])
def test_bad_rows_refused(rows):
    with pytest.raises(ValueError):
        xb.build([{"name": "S", "columns": COLUMNS, "rows": rows}])


def test_unknown_kind_refused():
    with pytest.raises(ValueError):
        xb.build([{"name": "S", "columns": [("A", 5, "percent")], "rows": []}])
