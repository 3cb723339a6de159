from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.spreadsheets import csv_streaming_download
from programmes.models import ActionLine

from .budget import eu_share
from .charts import funding_chart
from .columns import CSV_COLUMNS
from .filters import ProjectFilter, sorted_projects
from .models import Partnership, Project
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
    filterset, projects, _sort = _filtered(request, Project.objects.published())
    if filterset.is_bound and not filterset.is_valid():
        lines = [_("The projects were not downloaded: correct these filters.")]
        for name, errors in filterset.form.errors.items():
            lines.append(f"{filterset.form[name].label}: {' '.join(errors)}")
        return HttpResponseBadRequest(
            "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"
        )
    stamp = timezone.localdate().isoformat()
    # One address per project: the prefix built once, each slug appended (no reverse()
    # per row).
    prefix, _placeholder, suffix = request.build_absolute_uri(
        reverse("projects:detail", args=["slug"])
    ).rpartition("slug")
    return csv_streaming_download(
        f"projects-{stamp}.csv", CSV_COLUMNS, _csv_rows(projects, prefix, suffix)
    )


PROJECT_CSV_FIELDS = [
    "pk",
    "agreement_number",
    "title",
    "title_original",
    "acronym",
    "funding_programme__fund",
    "funding_programme__name",
    "municipality__name",
    "municipality_role",
    "status",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "total_cost",
    "eu_funding",
    "co_financing",
    "eu_share",
    "slug",
    "funding_programme__operational_programme",
]


def _csv_rows(projects, prefix, suffix):
    """The CSV's rows, read when the response is sent: the filtered projects' partners
    (one query, kept as a small summary per project), then the projects themselves as
    plain values from a server-side cursor (one query). No model instances, no query per
    row, whatever the registry's size."""
    partners = {}  # project pk → [lead organisation's name, partner count, {countries}]
    rows = (
        Partnership.objects.filter(project__in=projects.order_by().values("pk"))
        .order_by()
        .values_list("project_id", "role", "organisation__name", "organisation__country")
    )
    for project_id, role, name, country in rows.iterator(chunk_size=5000):
        summary = partners.setdefault(project_id, ["", 0, set()])
        if role == Partnership.Role.LEAD and not summary[0]:
            summary[0] = name
        summary[1] += 1
        summary[2].add(str(country))
    # The published action lines each project serves, as programme/code (one query).
    served = {}
    lines = (
        Project.action_lines.through.objects.filter(
            project__in=projects.order_by().values("pk"),
            actionline__in=ActionLine.objects.published(),
        )
        .order_by("actionline__sort_key")
        .values_list(
            "project_id", "actionline__priority__redaction__programme__slug", "actionline__code"
        )
    )
    for project_id, programme, code in lines.iterator(chunk_size=5000):
        served.setdefault(project_id, []).append(f"{programme}/{code}")
    empty = ("", 0, set())
    for row in projects.values_list(*PROJECT_CSV_FIELDS).iterator(chunk_size=2000):
        (pk, number, title, original, acronym, fund, funding, municipality, role, status,
         planned_start, planned_end, actual_start, actual_end, total, eu, co_financing,
         share, slug, operational_programme) = row  # fmt: skip
        lead, partner_count, countries = partners.get(pk, empty)
        # Kohesio and IATI: the beneficiary is the lead partner, else the municipality
        # when it leads the project (projects/columns.py says what each column means).
        beneficiary = lead or (municipality if role == Project.Role.LEAD else "")
        yield [
            number,
            title,
            original,
            acronym,
            fund,
            funding,
            municipality,
            role,
            status,
            planned_start,
            planned_end,
            actual_start,
            actual_end,
            total,
            eu,
            co_financing,
            share if share is not None else eu_share(total, eu),
            lead,
            partner_count,
            len(countries),
            " ".join(sorted(countries)),
            f"{prefix}{slug}{suffix}",
            beneficiary,
            operational_programme,
            actual_start or planned_start,
            actual_end or planned_end,
            municipality,
            "LV",
            "; ".join(served.get(pk, ())),
        ]


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
