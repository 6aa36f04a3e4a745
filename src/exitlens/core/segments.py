"""Coarse segments that stay with an anonymous interview: tenure band and leave quarter."""

from datetime import date

TENURE_BANDS = ("<1", "1-2", "2-5", "5-10", "10+")
UNKNOWN = "unknown"


def tenure_years(hire_date: date | None, leave_date: date) -> float | None:
    if hire_date is None:
        return None
    return (leave_date - hire_date).days / 365.25


def tenure_band(hire_date: date | None, leave_date: date) -> str:
    """Years of service as one of TENURE_BANDS, or 'unknown' without a hire date."""
    years = tenure_years(hire_date, leave_date)
    if years is None:
        return UNKNOWN
    if years < 1:
        return "<1"
    if years < 2:
        return "1-2"
    if years < 5:
        return "2-5"
    if years < 10:
        return "5-10"
    return "10+"


def quarter(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
