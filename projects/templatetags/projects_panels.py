"""Panels the portal shell shows from the projects app (home page, programme pages)."""

from django import template

from projects.models import Project

register = template.Library()


@register.inclusion_tag("projects/includes/home_panel.html")
def home_projects(limit=6):
    """Running projects first, then upcoming, then the latest finished: one query."""
    return {"projects": list(Project.objects.for_home(limit))}
