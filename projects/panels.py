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

from django.db.models import Count, Prefetch, prefetch_related_objects

from core.panels import Panel, Registry
from programmes.panels import PANELS as PROGRAMME_PANELS

from .models import REGISTRY_SORTS, Project

PANELS = Registry("projects", ["project.head", "project.sections"])


def prefetch_programme(programmes):
    """The published projects that fund each programme's drafting, as
    `public_funding_projects` (one query)."""
    funding = Project.objects.published().select_related("funding_programme")
    prefetch_related_objects(
        programmes, Prefetch("funding_projects", funding, to_attr="public_funding_projects")
    )


MUNICIPALITY_PROJECTS_SHOWN = 6


def prefetch_municipality(municipalities):
    """Each municipality's published projects: how many, as `project_count`, and the
    newest by start, as `latest_projects`, in the registry's order within a municipality
    (its index `projects_registry_municipality` serves both): two queries, the page
    shows one municipality."""
    for municipality in municipalities:
        projects = Project.objects.published().filter(municipality=municipality)
        municipality.project_count = projects.count()
        municipality.latest_projects = list(
            projects.select_related("funding_programme").order_by(*REGISTRY_SORTS["-start"])[
                :MUNICIPALITY_PROJECTS_SHOWN
            ]
        )


def prefetch_redaction(redactions):
    """How many published projects serve each action line, as its `public_project_count`
    (one query, counted by the database); the line links them in the registry
    (`?action_line=`), so the page stays the same size however many projects there are.
    Projects change after a redaction freezes: keep them out of cached content."""
    counts = dict(
        Project.objects.published()
        .filter(action_lines__priority__redaction__in=redactions)
        .order_by()
        .values_list("action_lines")
        .annotate(count=Count("pk", distinct=True))
    )
    for redaction in redactions:
        for priority in redaction.priorities.all():
            for line in priority.action_lines.all():
                line.public_project_count = counts.get(line.pk, 0)


def register():
    PROGRAMME_PANELS.register(
        Panel(
            "projects.municipality",
            "municipality.sections",
            "projects/includes/municipality_projects.html",
            prefetch=prefetch_municipality,
            order=20,
        ),
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
