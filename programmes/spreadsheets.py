"""Helpers for the open-data CSV downloads of every app (projects registry, consultation
reports)."""


def spreadsheet_safe(value):
    """Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading
    apostrophe, so a title such as "=HYPERLINK(…)" opens as text (CSV injection)."""
    text = "" if value is None else str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
