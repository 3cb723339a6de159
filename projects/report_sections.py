"""The projects' section of the yearly monitoring report (programmes/reports.py).

Programmes may not name projects, so this app registers the section from its
`AppConfig.ready()`: the published projects that serve the programme (an action line of
any of its redactions, or the programme's own drafting), those running in the report's
year and all of them up to it, with their money.
"""

import datetime
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext_noop

from programmes.reports import SECTIONS, ReportSection, column, label_ref, money

from .models import Project


def _serving(programme):
    return (
        Project.objects.published()
        .filter(
            Q(action_lines__priority__redaction__programme=programme) | Q(funds_programme=programme)
        )
        .distinct()
        .select_related("funding_programme")
        .prefetch_related("action_lines")
        .order_by("planned_start", "title")
    )


def _row(project):
    lines = sorted({line.code for line in project.action_lines.all()})
    start, end = project.start, project.end
    period = f"{start:%Y-%m-%d} – {end:%Y-%m-%d}" if start and end else ""
    return [
        project.title,
        label_ref(project.funding_programme.Fund(project.funding_programme.fund).label)
        if project.funding_programme
        else "",
        label_ref(Project.Status(project.status).label),
        period,
        ", ".join(lines),
        money(project.total_cost) if project.total_cost is not None else None,
        money(project.eu_funding) if project.eu_funding is not None else None,
    ]


COLUMNS = [
    column(gettext_noop("Project")),
    column(gettext_noop("Fund"), "label"),
    column(gettext_noop("Status"), "label"),
    column(gettext_noop("Period")),
    column(gettext_noop("Action lines")),
    column(gettext_noop("Total cost, EUR"), "money"),
    column(gettext_noop("EU funding, EUR"), "money"),
]


def _table(key, caption, projects):
    rows = [_row(project) for project in projects]
    total = sum((p.total_cost or Decimal(0) for p in projects), Decimal(0))
    eu = sum((p.eu_funding or Decimal(0) for p in projects), Decimal(0))
    return {
        "key": key,
        "caption": [caption],
        "columns": COLUMNS,
        "rows": rows,
        "totals": [[gettext_noop("Total")], "", "", "", "", money(total), money(eu)]
        if rows
        else None,
        "chart": None,
    }


def build_projects(report):
    first, last = datetime.date(report.year, 1, 1), datetime.date(report.year, 12, 31)
    projects = list(_serving(report.programme))
    running = [
        p for p in projects if p.start and p.start <= last and (p.end is None or p.end >= first)
    ]
    so_far = [p for p in projects if p.start and p.start <= last]
    return [
        _table("projects-in-year", gettext_noop("Projects running in the year"), running),
        _table(
            "projects-to-date",
            gettext_noop("Projects carried out for the programme up to the year"),
            so_far,
        ),
    ]


def register():
    SECTIONS.register(
        ReportSection("projects", gettext_noop("Projects carried out"), build_projects, order=40)
    )
