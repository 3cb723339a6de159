"""Formatting for Latvian public documents: euro amounts and percentages."""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils.formats import number_format
from django.utils.translation import get_language

register = template.Library()


@register.filter
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


@register.filter
def percent(value):
    if value in (None, ""):
        return ""
    return f"{number_format(value, decimal_pos=0, force_grouping=True)}\u00a0%"


@register.simple_tag(takes_context=True)
def url_in_language(context, language):
    """The current page's address in another interface language (/lv/… ↔ /en/…)."""
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    parts = path.split("/", 2)
    if len(parts) > 1 and parts[1] in ("lv", "en"):
        rest = parts[2] if len(parts) > 2 else ""
        return f"/{language}/{rest}"
    return f"/{language}/"
