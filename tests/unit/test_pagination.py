"""A table cut into pages on the server (report addon tools/pagination.py)."""

from conftest import load_by_path

pg = load_by_path("school_emulation/tools/pagination.py", "se_pagination")

WIDTHS = [12, 60, 45, 60]  # STT, name, title, achievement (mm)
HEADER = ["STT", "Họ và tên", "Danh hiệu", "Thành tích"]


def _rows(n, achievement="Hoàn thành xuất sắc nhiệm vụ"):
    return [
        (str(i), "Nguyễn Thị Phương Thảo", "Chiến sĩ thi đua cơ sở", achievement)
        for i in range(1, n + 1)
    ]


def test_lines_needed_grows_with_the_text_and_shrinks_with_the_width():
    short = pg.lines_needed("Nguyễn Thị Phương Thảo", 60)
    assert short == 1
    assert pg.lines_needed("Nguyễn Thị Phương Thảo", 20) >= 2
    long_text = "sáng kiến cấp cơ sở " * 20
    assert pg.lines_needed(long_text, 60) > pg.lines_needed(long_text, 120)
    assert pg.lines_needed("", 60) == 1
    assert pg.lines_needed("a\nb\nc", 60) == 3


def test_a_word_longer_than_the_column_breaks_over_lines():
    assert pg.lines_needed("x" * 100, 20) >= 4


def test_every_row_once_in_order_and_each_page_fits():
    rows = _rows(60)
    pages = pg.paginate(rows, lambda r: r, WIDTHS, HEADER, first_mm=150, page_mm=250)
    assert [row for page in pages for row in page] == rows
    assert len(pages) >= 3
    head = pg.row_height(HEADER, WIDTHS)
    for n, page in enumerate(pages):
        room = (150 if n == 0 else 250) - head
        assert sum(pg.row_height(r, WIDTHS) for r in page) <= room


def test_the_first_page_holds_fewer_rows_than_the_next():
    pages = pg.paginate(
        _rows(80), lambda r: r, WIDTHS, HEADER, first_mm=100, page_mm=250
    )
    assert len(pages[0]) < len(pages[1])


def test_tall_rows_take_more_room():
    tall = _rows(20, achievement="Thành tích tiêu biểu trong năm học " * 8)
    flat = _rows(20)
    args = dict(first_mm=250, page_mm=250)
    tall_pages = pg.paginate(tall, lambda r: r, WIDTHS, HEADER, **args)
    flat_pages = pg.paginate(flat, lambda r: r, WIDTHS, HEADER, **args)
    assert len(tall_pages) > len(flat_pages)


def test_a_row_taller_than_a_page_gets_a_page_of_its_own_and_no_rows_no_pages():
    huge = [("1", "A", "B", "chữ " * 2000), ("2", "C", "D", "E")]
    pages = pg.paginate(huge, lambda r: r, WIDTHS, HEADER, first_mm=250, page_mm=250)
    assert pages == [[huge[0]], [huge[1]]]
    assert pg.paginate([], lambda r: r, WIDTHS, HEADER, first_mm=250, page_mm=250) == []
