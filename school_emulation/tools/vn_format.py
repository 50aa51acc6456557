"""Vietnamese number, money and date formats (pure Python, no Odoo).

The school writes numbers the Vietnamese way whatever the reader's language:
a dot between thousands and a comma before decimals ("32.690.000", "85,71"),
whole đồng without decimals ("32.690.000 đồng"), dates day first with two
digits ("15/07/2026"). Documents under NĐ 30/2020 also date themselves in words
("ngày 05 tháng 02 năm 2026").
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

THOUSANDS_SEP = "."
DECIMAL_POINT = ","
DATE_FORMAT = "%d/%m/%Y"
# at most this many decimals when no precision is asked for
DEFAULT_MAX_DIGITS = 2


def _to_decimal(value):
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        # repr gives the shortest exact text of the float: 85.715 stays 85.715
        return Decimal(repr(value))
    return Decimal(value)


def format_number(value, digits=None):
    """``value`` with Vietnamese separators.

    ``digits=None``: as many decimals as the value has, at most 2, trailing
    zeros dropped (85.714 -> "85,71", 10.0 -> "10", 1234.5 -> "1.234,5").
    ``digits=n``: exactly ``n`` decimals (89 -> "89,00" with 2).
    Empty values give "0"; text that is not a number is returned as is.
    """
    if value is None or value is False:
        value = 0
    if isinstance(value, bool):
        value = int(value)
    try:
        number = _to_decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return str(value)
    if not number.is_finite():
        return str(value)
    places = DEFAULT_MAX_DIGITS if digits is None else max(int(digits), 0)
    number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = "-" if number < 0 else ""
    text = f"{abs(number):.{places}f}"
    whole, _dot, frac = text.partition(".")
    if digits is None:
        frac = frac.rstrip("0")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = THOUSANDS_SEP.join(groups)
    if frac:
        result = f"{result}{DECIMAL_POINT}{frac}"
    if sign and result.strip("0.,") == "":
        sign = ""  # no "-0"
    return sign + result


def format_money(amount, unit="đồng", digits=0):
    """``amount`` with Vietnamese separators and ``unit``: 32690000 ->
    "32.690.000 đồng" (đồng has no subunit: no ",00"). ``digits`` for a
    currency with cents; ``unit=""`` for the figure alone."""
    text = format_number(amount or 0, digits)
    return f"{text} {unit}" if unit else text


def format_date(value):
    """A date (or datetime, already in the school's time) as "15/07/2026";
    an ISO text "2026-07-15" is read first. Empty values give ""."""
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value[:10])
        except ValueError:
            return value
    return value.strftime(DATE_FORMAT)


def format_datetime(value):
    """A datetime (already in the school's time) as "08:30 15/07/2026"."""
    if not value:
        return ""
    return value.strftime(f"%H:%M {DATE_FORMAT}")


def format_date_words(value):
    """'ngày 05 tháng 02 năm 2026' (NĐ 30/2020: a 0 before days 1-9 and
    months 1-2)."""
    if not value:
        return "ngày ... tháng ... năm ..."
    day = f"{value.day:02d}"
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {day} tháng {month} năm {value.year}"
