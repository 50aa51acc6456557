"""Vietnamese administrative formats (pure Python)."""


def vn_date(value):
    """'ngày 05 tháng 02 năm 2026' (NĐ 30/2020: a 0 before days 1-9 and months 1-2)."""
    if not value:
        return "ngày ... tháng ... năm ..."
    day = f"{value.day:02d}" if value.day < 10 else str(value.day)
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {day} tháng {month} năm {value.year}"


def money(value):
    """2530000 -> '2.530.000' (Vietnamese thousands separator)."""
    return f"{int(round(value or 0)):,}".replace(",", ".")
