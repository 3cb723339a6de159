"""Panels the portal shell shows from the projects app (home page, programme pages)."""

from django import template

register = template.Library()


@register.inclusion_tag("projects/includes/home_panel.html")
def home_projects():
    return {"projects": []}
