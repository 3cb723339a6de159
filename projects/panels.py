"""Panels of the projects app, both ways (the mechanism: core/panels.py).

`PANELS` declares the places on the project page where the portal shell shows what it
keeps about a project (its news); the page renders each with `{% panels "<slot>" %}`, and
`project_for_page` lets the panels fetch onto `[project]`. Every panel's template gets the
page's context (`project`):

    project.head      inside <head> (feed links)
    project.sections  sections after the activity log

`register()` (from `ProjectsConfig.ready()`) adds what projects show on programmes' pages
(programmes/panels.py): the projects funding a programme's drafting, and under each action
line of a redaction the projects serving it.
"""

from django.db.models import Prefetch, prefetch_related_objects

from core.panels import Panel, Registry
from programmes.panels import PANELS as PROGRAMME_PANELS

from .models import Project

PANELS = Registry("projects", ["project.head", "project.sections"])


def prefetch_programme(programmes):
    """The published projects that fund each programme's drafting, as
    `public_funding_projects` (one query)."""
    funding = Project.objects.published().select_related("funding_programme")
    prefetch_related_objects(
        programmes, Prefetch("funding_projects", funding, to_attr="public_funding_projects")
    )


def prefetch_redaction(redactions):
    """The published projects serving each action line, as its `public_projects` (one
    query). Projects change after a redaction freezes: keep them out of cached content."""
    serving = Project.objects.published().select_related("funding_programme").order_by("title")
    prefetch_related_objects(
        redactions,
        Prefetch("priorities__action_lines__projects", serving, to_attr="public_projects"),
    )


def register():
    PROGRAMME_PANELS.register(
        Panel(
            "projects.programme_funding",
            "programme.facts",
            "projects/includes/programme_funding.html",
            prefetch=prefetch_programme,
        ),
        Panel(
            "projects.action_line_projects",
            "redaction.part",
            "projects/includes/action_line_projects.html",
            prefetch=prefetch_redaction,
            order=10,
        ),
    )
