"""Vietnamese number, money and date formats (school_emulation/tools/vn_format.py)."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from conftest import load_by_path

vn = load_by_path("school_emulation/tools/vn_format.py", "se_vn_format")


@pytest.mark.parametrize(
    ("value", "digits", "expected"),
    [
        (85.714285, None, "85,71"),
        (85.715, None, "85,72"),  # half up on the decimal text, not float drift
        (10.0, None, "10"),
        (1234.5, None, "1.234,5"),
        (89, 2, "89,00"),
        (89.0, 0, "89"),
        (0.5, 0, "1"),
        (1234567.891, 1, "1.234.567,9"),
        (-1234.5, None, "-1.234,5"),
        (-0.001, None, "0"),
        (None, None, "0"),
        (False, 2, "0,00"),
        (Decimal("2530000"), None, "2.530.000"),
        (999, None, "999"),
        (1000, None, "1.000"),
    ],
)
def test_format_number(value, digits, expected):
    assert vn.format_number(value, digits) == expected


def test_format_number_not_a_number_is_returned_as_text():
    assert vn.format_number("n/a") == "n/a"
    assert vn.format_number(float("nan")) == "nan"


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (32690000, "32.690.000 đồng"),
        (34210000.0, "34.210.000 đồng"),  # no ",00" on whole đồng
        (759999.6, "760.000 đồng"),
        (0, "0 đồng"),
        (None, "0 đồng"),
    ],
)
def test_format_money(amount, expected):
    assert vn.format_money(amount) == expected


def test_format_money_other_unit_and_bare_figure():
    assert vn.format_money(1234.5, unit="USD", digits=2) == "1.234,50 USD"
    assert vn.format_money(2530000, unit="") == "2.530.000"


def test_format_date():
    assert vn.format_date(date(2026, 7, 15)) == "15/07/2026"
    assert vn.format_date(date(2026, 12, 4)) == "04/12/2026"
    assert vn.format_date(datetime(2026, 1, 2, 23, 59)) == "02/01/2026"
    assert vn.format_date("2026-12-04") == "04/12/2026"
    assert vn.format_date(False) == ""
    assert vn.format_datetime(datetime(2026, 1, 2, 8, 5)) == "08:05 02/01/2026"


def test_format_date_words_nd30():
    assert vn.format_date_words(date(2026, 2, 5)) == "ngày 05 tháng 02 năm 2026"
    assert vn.format_date_words(date(2026, 7, 15)) == "ngày 15 tháng 7 năm 2026"
    assert vn.format_date_words(None) == "ngày ... tháng ... năm ..."
