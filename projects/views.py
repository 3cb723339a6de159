from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.spreadsheets import csv_download

from .charts import funding_chart
from .filters import ProjectFilter, sorted_projects
from .models import Project
from .panels import PANELS

PAGE_SIZE = 20


def _filtered(request, queryset):
    """The filtered, sorted projects. A filter with an invalid value is not applied; the
    form then carries its error, which the page shows next to the field."""
    filterset = ProjectFilter(request.GET or None, queryset=queryset)
    projects, sort = sorted_projects(filterset.qs, request.GET.get("sort", ""))
    return filterset, projects, sort


@require_safe
def project_list(request):
    filterset, projects, sort = _filtered(request, Project.objects.for_registry())
    page = Paginator(projects, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "projects/project_list.html",
        {
            "filter": filterset,
            "page": page,
            "sort": sort,
            "crumbs": [(None, _("Projects"))],
        },
    )


CSV_COLUMNS = [
    "agreement_number",
    "title",
    "title_original",
    "acronym",
    "fund",
    "funding_programme",
    "municipality",
    "municipality_role",
    "status",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "total_cost_eur",
    "eu_funding_eur",
    "co_financing_eur",
    "eu_share_percent",
    "lead_partner",
    "partners",
    "countries",
    "partner_countries",
    "url",
]


@require_safe
def project_csv(request):
    """The registry's filtered result set as open data.

    The portal's CSV dialect (core/spreadsheets.py: UTF-8 with a byte order mark,
    ";", decimal commas, no thousands separator, ISO 8601 dates, no cell runs a formula);
    one project per row, all rows of the filtered set (not one page); codes (not labels)
    for fund, role, status and partner countries (ISO 3166, space-separated), so the file
    reads the same in every language.

    A filter with an invalid value answers 400 with what is wrong, rather than a file of
    every project that the user would take for the filtered set.
    """
    filterset, projects, _sort = _filtered(request, Project.objects.for_csv())
    if filterset.is_bound and not filterset.is_valid():
        lines = [_("The projects were not downloaded: correct these filters.")]
        for name, errors in filterset.form.errors.items():
            lines.append(f"{filterset.form[name].label}: {' '.join(errors)}")
        return HttpResponseBadRequest(
            "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"
        )
    stamp = timezone.localdate().isoformat()
    response, writer = csv_download(f"projects-{stamp}.csv")
    writer.writerow(CSV_COLUMNS)
    for project in projects:
        lead = project.lead_partnership
        writer.writerow(
            [
                project.agreement_number,
                project.title,
                project.title_original,
                project.acronym,
                project.funding_programme.fund,
                project.funding_programme.name,
                project.municipality.name,
                project.municipality_role,
                project.status,
                project.planned_start,
                project.planned_end,
                project.actual_start,
                project.actual_end,
                project.total_cost,
                project.eu_funding,
                project.co_financing,
                project.share,
                lead.organisation.name if lead else "",
                project.partner_count,
                project.country_count,
                " ".join(project.partner_country_codes),
                request.build_absolute_uri(project.get_absolute_url()),
            ]
        )
    return response


@require_safe
def project_detail(request, slug):
    project = get_object_or_404(Project.objects.for_page(), slug=slug)
    PANELS.prefetch("project", [project])  # what the portal shows on it: its news
    return render(
        request,
        "projects/project_detail.html",
        {
            "project": project,
            "partners_by_country": project.partners_by_country(),
            "elapsed": project.period_elapsed(),
            "funding_chart": funding_chart(project),
            "crumbs": [(reverse("projects:list"), _("Projects")), (None, project.title)],
        },
    )
