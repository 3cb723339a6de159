"""Panels the portal shell shows from the consultations app (home page)."""

from django import template

register = template.Library()


@register.inclusion_tag("consultations/includes/home_panel.html")
def home_consultations():
    return {"discussions": [], "events": []}
