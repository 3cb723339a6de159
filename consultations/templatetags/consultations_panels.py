"""Panels the portal shell shows from the consultations app (home page)."""

from django import template

from consultations.selectors import upcoming_for_home

register = template.Library()


@register.inclusion_tag("consultations/includes/home_panel.html")
def home_consultations():
    """Open public discussions and upcoming events: two queries."""
    return upcoming_for_home()
