"""Money, shares and dates as Latvian public documents write them, for every app.

`euro` and `percent` write amounts the way the reader's language does ("99 000,00 €" /
"€99,000.00"). `until_date` and `since_date` write dates inside a sentence: "līdz 2026.
gada 30. decembrim", "no 2012. gada aprīļa". Latvian declines the month after "līdz"
(dative) and "no" (genitive), which Django's date formats cannot do: they only know the
nominative ("decembris"). These build the whole phrase, so each language orders its words
as it needs.

Plain functions, for messages and feeds written in Python; templates get the same as
filters with `{% load formats %}` (core/templatetags/formats.py).
"""

from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import get_language, pgettext, pgettext_lazy


def euro(value, decimals=2):
    """99000 → "99 000,00 €" in Latvian, "€99,000.00" in English; empty stays empty."""
    if value in (None, ""):
        return ""
    try:
        amount = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return ""
    text = number_format(amount, decimal_pos=int(decimals), force_grouping=True)
    if (get_language() or "lv").startswith("lv"):
        return f"{text}\u00a0€"
    return f"€{text}"


def percent(value):
    """A share in whole per cent, e.g. "85 %" (a no-break space before the sign)."""
    if value in (None, ""):
        return ""
    return f"{number_format(value, decimal_pos=0, force_grouping=True)}\u00a0%"


MONTHS_DATIVE = {
    1: pgettext_lazy("month name after 'until' (dative)", "January"),
    2: pgettext_lazy("month name after 'until' (dative)", "February"),
    3: pgettext_lazy("month name after 'until' (dative)", "March"),
    4: pgettext_lazy("month name after 'until' (dative)", "April"),
    5: pgettext_lazy("month name after 'until' (dative)", "May"),
    6: pgettext_lazy("month name after 'until' (dative)", "June"),
    7: pgettext_lazy("month name after 'until' (dative)", "July"),
    8: pgettext_lazy("month name after 'until' (dative)", "August"),
    9: pgettext_lazy("month name after 'until' (dative)", "September"),
    10: pgettext_lazy("month name after 'until' (dative)", "October"),
    11: pgettext_lazy("month name after 'until' (dative)", "November"),
    12: pgettext_lazy("month name after 'until' (dative)", "December"),
}
MONTHS_GENITIVE = {
    1: pgettext_lazy("month name after 'from' (genitive)", "January"),
    2: pgettext_lazy("month name after 'from' (genitive)", "February"),
    3: pgettext_lazy("month name after 'from' (genitive)", "March"),
    4: pgettext_lazy("month name after 'from' (genitive)", "April"),
    5: pgettext_lazy("month name after 'from' (genitive)", "May"),
    6: pgettext_lazy("month name after 'from' (genitive)", "June"),
    7: pgettext_lazy("month name after 'from' (genitive)", "July"),
    8: pgettext_lazy("month name after 'from' (genitive)", "August"),
    9: pgettext_lazy("month name after 'from' (genitive)", "September"),
    10: pgettext_lazy("month name after 'from' (genitive)", "October"),
    11: pgettext_lazy("month name after 'from' (genitive)", "November"),
    12: pgettext_lazy("month name after 'from' (genitive)", "December"),
}


def _parts(value, months):
    """Year, day, month (declined) and time of a date or an aware datetime (Riga time)."""
    time = ""
    if hasattr(value, "hour"):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        time = value.strftime("%H:%M")
    return {"year": value.year, "day": value.day, "month": str(months[value.month]), "time": time}


def _phrase(value, precision, months, texts):
    if not value:
        return ""
    parts = _parts(value, months)
    if precision == "month":
        return texts["month"] % parts
    if precision == "datetime" and parts["time"]:
        return texts["datetime"] % parts
    return texts["date"] % parts


def until_date(value, precision="date"):
    """ "līdz 2026. gada 30. decembrim" / "until 30 December 2026".

    `precision` is "date", "datetime" (adds the time) or "month" ("līdz 2014. gada jūnijam").
    """
    texts = {
        "date": pgettext("until a date", "until %(day)s %(month)s %(year)s"),
        "datetime": pgettext("until a date and time", "until %(day)s %(month)s %(year)s, %(time)s"),
        "month": pgettext("until a month", "until %(month)s %(year)s"),
    }
    return _phrase(value, precision, MONTHS_DATIVE, texts)


def since_date(value, precision="date"):
    """ "no 2012. gada 1. aprīļa" / "from 1 April 2012" (precision as in `until_date`)."""
    texts = {
        "date": pgettext("from a date", "from %(day)s %(month)s %(year)s"),
        "datetime": pgettext("from a date and time", "from %(day)s %(month)s %(year)s, %(time)s"),
        "month": pgettext("from a month", "from %(month)s %(year)s"),
    }
    return _phrase(value, precision, MONTHS_GENITIVE, texts)
