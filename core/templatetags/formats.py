"""`{% load formats %}`: money, shares and dates in the reader's language (core/formats.py)."""

from django import template

from core import formats

register = template.Library()

register.filter("euro", formats.euro)
register.filter("percent", formats.percent)
register.filter("until_date", formats.until_date)
register.filter("since_date", formats.since_date)
