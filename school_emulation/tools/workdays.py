"""Working-day arithmetic for public posting periods (pure Python)."""

from datetime import timedelta


def add_working_days(start, days, is_working):
    """The ``days``-th working day counted from ``start`` included.

    ``is_working(date) -> bool`` says whether a date is a working day (weekends and
    public holidays are not). ``days`` must be at least 1.
    """
    if days < 1:
        raise ValueError("days must be at least 1")
    current, counted = start, 0
    for _guard in range(days * 7 + 366):
        if is_working(current):
            counted += 1
            if counted == days:
                return current
        current += timedelta(days=1)
    raise ValueError("no working day found within a year")
