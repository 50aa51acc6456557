"""Bonus rounding and working-day arithmetic (pure helpers in tools/)."""

from datetime import date

import pytest
from conftest import load_by_path

money = load_by_path("school_emulation/tools/money.py", "se_money")
workdays = load_by_path("school_emulation/tools/workdays.py", "se_workdays")


@pytest.mark.parametrize(
    ("coefficient", "base", "expected"),
    [
        (0.3, 2530000, 760000),  # 759,000 -> 760,000 (domain.md §10)
        (0.8, 2530000, 2030000),  # 2,024,000 -> 2,030,000
        (1.0, 2530000, 2530000),  # exact stays
        (1.5, 2530000, 3800000),  # 3,795,000 -> 3,800,000
        (0.3, 2340000, 710000),  # 702,000 -> 710,000
        (0.6, 1800000, 1080000),  # exact stays
        (4.5, 2340000, 10530000),
        (0, 2530000, 0),
    ],
)
def test_bonus_rounds_up_to_10000(coefficient, base, expected):
    assert money.bonus_amount(coefficient, base) == expected


def test_bonus_has_no_float_drift():
    # 0.1 + 0.2 style drift would give 759,000.0000001 -> 770,000 with floats.
    assert money.bonus_amount(0.3, 2530000) == 760000
    assert money.bonus_amount(0.7, 1490000) == 1050000  # 1,043,000 -> 1,050,000


def weekdays(d):
    return d.weekday() < 5


def test_working_days_skip_weekends():
    friday = date(2026, 5, 22)
    assert workdays.add_working_days(friday, 1, weekdays) == friday
    assert workdays.add_working_days(friday, 3, weekdays) == date(2026, 5, 26)


def test_working_days_start_on_weekend_and_holidays():
    saturday = date(2026, 4, 25)
    holidays = {date(2026, 4, 30), date(2026, 5, 1)}
    assert workdays.add_working_days(
        saturday, 5, lambda d: weekdays(d) and d not in holidays
    ) == date(2026, 5, 5)  # Mon 27, Tue 28, Wed 29, Mon 4, Tue 5


def test_working_days_refuses_nonsense():
    with pytest.raises(ValueError):
        workdays.add_working_days(date(2026, 1, 1), 0, weekdays)
    with pytest.raises(ValueError):
        workdays.add_working_days(date(2026, 1, 1), 1, lambda d: False)
    assert workdays.add_working_days(
        date(2026, 1, 1), 2, lambda d: d.day % 10 == 0
    ) == date(2026, 1, 20)
