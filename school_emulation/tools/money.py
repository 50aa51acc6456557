"""Bonus money arithmetic (pure Python)."""

from decimal import ROUND_CEILING, Decimal


def bonus_amount(coefficient, base_salary, step=10000):
    """Coefficient x base salary, rounded UP to the next ``step`` (NĐ 152/2025 Art.
    49.1-2). Decimal arithmetic: 0.3 x 2,530,000 is exactly 759,000 -> 760,000."""
    raw = Decimal(str(coefficient)) * Decimal(str(base_salary))
    return int((raw / step).to_integral_value(rounding=ROUND_CEILING) * step)
