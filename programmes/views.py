"""Public pages of municipalities, development programmes and their redactions.

Each view fetches through one named selector (fixed query count) and renders; access
rules live in `Redaction.objects.visible_to`, applied inside the selectors.
"""

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.spreadsheets import csv_download

from . import charts, reports, selectors
from .compare import compare_redactions
from .models import Action, IndicatorValue, InvestmentAmount
from .resources import (
    ActionResource,
    IndicatorValueResource,
    InvestmentAmountResource,
    SpreadsheetCSV,
)


def _programme_crumbs(programme):
    municipality = programme.municipality
    return [
        (reverse("programmes:list"), _("Programmes")),
        (municipality.get_absolute_url(), municipality.name),
        (programme.get_absolute_url(), programme.title),
    ]


@require_safe
def municipality_list(request):
    return render(
        request,
        "programmes/municipality_list.html",
        {
            "municipalities": selectors.municipalities_for_list(),
            "crumbs": [(None, _("Programmes"))],
        },
    )


@require_safe
def municipality_detail(request, municipality):
    municipality = selectors.municipality_for_page(municipality)
    crumbs = [(reverse("programmes:list"), _("Programmes")), (None, municipality.name)]
    programmes = [
        (programme, selectors.current_redaction(programme.published_redactions))
        for programme in municipality.programmes.all()
    ]
    return render(
        request,
        "programmes/municipality_detail.html",
        {"municipality": municipality, "programmes": programmes, "crumbs": crumbs},
    )


@require_safe
def programme_detail(request, municipality, programme):
    programme = selectors.programme_for_page(municipality, programme, request.user)
    crumbs = _programme_crumbs(programme)
    crumbs[-1] = (None, programme.title)
    return render(
        request,
        "programmes/programme_detail.html",
        {
            "programme": programme,
            "municipality": programme.municipality,
            "current": programme.current,
            "redactions": programme.visible_redactions,
            "steering_group": selectors.steering_group_of(programme),
            "crumbs": crumbs,
        },
    )


@require_safe
def programme_monitoring(request, municipality, programme):
    """How the programme in force is carried out: actions by status, progress by priority,
    indicators year by year (the public side of the yearly monitoring report)."""
    programme, current, years, series, statuses = selectors.monitoring_for_page(
        municipality, programme, request.user
    )
    crumbs = _programme_crumbs(programme)
    crumbs.append((None, _("Monitoring")))
    return render(
        request,
        "programmes/programme_monitoring.html",
        {
            "programme": programme,
            "redaction": current,
            "years": years,
            "series": series,
            "statuses": statuses,
            "action_total": sum(count for _label, count in statuses),
            "status_chart": charts.status_chart(statuses) if current else None,
            "indicator_charts": [charts.indicator_chart(row.indicator) for row in series],
            "crumbs": crumbs,
        },
    )


# A frozen redaction's cached parts change only with its status (which is in the cache
# key); the timeout only bounds how long an unused copy occupies the cache.
FROZEN_PARTS_TIMEOUT = 60 * 60 * 24 * 7
FROZEN_PART_TEMPLATES = {
    "strategy": "programmes/includes/strategy_parts.html",
    "plans": "programmes/includes/plans_parts.html",
}


def _frozen_part_context(redaction, part):
    if part == "strategy":
        return {"swot": selectors.swot_by_kind(redaction)}
    plan = selectors.investment_plan(redaction)
    return {"investment_plan": plan, "investment_charts": charts.investment_charts(plan)}


def _frozen_part(redaction, part):
    """A redaction's `part` rendered: "strategy" (the strategic part and SWOT, on the
    redaction page) or "plans" (the investment plan, on a page of its own). Monitoring (the
    action plan's status and progress, indicators' values) is never in them: it is still
    recorded once the redaction froze.

    A frozen redaction's copy comes from the cache when there is one; a draft's part is
    rendered on every request.
    """
    key = selectors.frozen_parts_cache_key(redaction, get_language(), part)
    html = cache.get(key) if key else None
    if html is None:
        selectors.fetch_frozen_part(redaction, part)
        context = {"redaction": redaction, **_frozen_part_context(redaction, part)}
        html = render_to_string(FROZEN_PART_TEMPLATES[part], context)
        if key:
            cache.set(key, html, FROZEN_PARTS_TIMEOUT)
    return mark_safe(html)  # rendered by us


def _redaction_crumbs(redaction, part=None):
    programme = redaction.programme
    crumbs = _programme_crumbs(programme)
    if part is None:
        return [*crumbs, (None, redaction.display_label)]
    return [*crumbs, (redaction.get_absolute_url(), redaction.display_label), (None, part)]


@require_safe
def redaction_detail(request, municipality, programme, number):
    """A redaction: its facts, situation analysis, strategic part, priorities with their
    action lines and tasks, indicators, and what the action plan and the investment plan
    hold, each of which has a page of its own."""
    redaction = selectors.redaction_for_page(municipality, programme, number, request.user)
    programme = redaction.programme
    return render(
        request,
        "programmes/redaction_detail.html",
        {
            "redaction": redaction,
            "programme": programme,
            "municipality": programme.municipality,
            "copied_from": redaction.copied_from if redaction.copied_from_visible else None,
            "sections_by_area": selectors.sections_by_area(redaction),
            "strategy": _frozen_part(redaction, "strategy"),
            "action_plan_summary": selectors.action_plan_summary(redaction),
            "steering_group": selectors.steering_group_of(programme),
            "crumbs": _redaction_crumbs(redaction),
        },
    )


@require_safe
def redaction_action_plan(request, municipality, programme, number):
    """A redaction's action plan: every action under its task, with who carries it out,
    when, with what money, and how far it has got (five queries whatever its size)."""
    redaction = selectors.redaction_alone(
        municipality, programme, number, request.user, *selectors.TREE_PREFETCH
    )
    return _part_page(
        request,
        redaction,
        "action-plan",
        _("Action plan"),
        action_plan=selectors.action_plan_rows(redaction),
    )


@require_safe
def redaction_investment_plan(request, municipality, programme, number):
    """A redaction's investment plan: investment projects by year and by financing source
    (frozen with the redaction, so rendered once: one query when the cache has it)."""
    redaction = selectors.redaction_alone(municipality, programme, number, request.user)
    return _part_page(
        request,
        redaction,
        "investment-plan",
        _("Investment plan"),
        plans=_frozen_part(redaction, "plans"),
    )


def _part_page(request, redaction, part, title, **context):
    """The page of one part of a redaction, with the parts' navigation."""
    return render(
        request,
        "programmes/redaction_part.html",
        {
            "redaction": redaction,
            "programme": redaction.programme,
            "part": part,
            "part_title": title,
            "crumbs": _redaction_crumbs(redaction, title),
            **context,
        },
    )


@require_safe
def redaction_compare(request, municipality, programme, a, b):
    """Two redactions side by side, the earlier (lower number) first.

    The page has one address per pair: the later-first address redirects to it, and a
    redaction compared with itself redirects to its own page. Both happen before any
    lookup, so a redirect tells nothing about which redactions exist.
    """
    if a == b:
        return redirect("programmes:redaction", municipality, programme, a)
    if a > b:
        return redirect("programmes:compare", municipality, programme, b, a)
    old, new = selectors.redactions_for_compare(municipality, programme, a, b, request.user)
    programme = new.programme
    title = _("Comparison of redactions: %(old)s and %(new)s") % {
        "old": old.display_label,
        "new": new.display_label,
    }
    return render(
        request,
        "programmes/redaction_compare.html",
        {
            "comparison": compare_redactions(old, new),
            "old": old,
            "new": new,
            "programme": programme,
            "title": title,
            "crumbs": [*_programme_crumbs(programme), (None, title)],
        },
    )


# Open data: a redaction's plans as the CSV files planners import (the same columns), so a
# resident, a journalist or the next planner can take the tables into a spreadsheet.
OPEN_DATA_TABLES = {
    "action-plan": (ActionResource, Action, ("task",), ("task__sort_key", "sort_key")),
    "investment-plan": (
        InvestmentAmountResource,
        InvestmentAmount,
        ("item__action_line", "item__task"),
        ("item__sort_key", "year", "source"),
    ),
    "indicators": (IndicatorValueResource, IndicatorValue, ("indicator",), ("indicator", "year")),
}


@require_safe
def redaction_table_csv(request, municipality, programme, number, table):
    """One table of a redaction as CSV in the portal's dialect (core/spreadsheets.py):
    two queries, whatever its size."""
    if table not in OPEN_DATA_TABLES:
        raise Http404("No such table.")
    resource_class, model, related, order = OPEN_DATA_TABLES[table]
    redaction = selectors.redaction_alone(municipality, programme, number, request.user)
    rows = model.objects.in_redaction(redaction).select_related(*related).order_by(*order)
    dataset = resource_class(redaction).export(queryset=rows)
    response = HttpResponse(
        SpreadsheetCSV().export_data(dataset), content_type="text/csv; charset=utf-8"
    )
    name = f"{redaction.programme.slug}-{redaction.number}-{table}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# --- the yearly monitoring report ----------------------------------------------------------


def _report_context(request, report):
    programme = report.programme
    sections = [
        (
            section,
            reports.translated(section.heading),
            reports.shown_tables(section, prefix=f"report-{section.key}"),
        )
        for section in report.sections.all()
    ]
    return {
        "report": report,
        "programme": programme,
        "municipality": programme.municipality,
        "sections": sections,
        "crumbs": [*_programme_crumbs(programme), (None, report.title)],
    }


@require_safe
def report_detail(request, municipality, programme, year):
    """The yearly monitoring report: printable as an A4 document (print CSS)."""
    report = selectors.report_for_page(municipality, programme, year, request.user)
    response = render(request, "programmes/report_detail.html", _report_context(request, report))
    if not report.is_published:
        response["Cache-Control"] = "private, no-store"
    return response


# Raise when the report's PDF template or print styles change (cached PDFs are redrawn).
REPORT_PDF_VERSION = 1


@require_safe
def report_pdf(request, municipality, programme, year):
    """The report as PDF, drawn by WeasyPrint from the same HTML with its print styles."""
    # Loaded only for this download: it pulls in Pango. (Its import tells Pillow, for the
    # whole process, to accept truncated images; core/images.py refuses them at each check.)
    from weasyprint import HTML

    report = selectors.report_for_page(municipality, programme, year, request.user)
    # A published report never changes: its PDF (seconds of layout) is drawn once per
    # language and kept; a draft's is drawn on every request.
    key = None
    if report.is_published:
        key = (
            f"programmes:report-pdf:v{REPORT_PDF_VERSION}:{report.pk}:"
            f"{report.published_at.timestamp()}:{get_language()}"
        )
    pdf = cache.get(key) if key else None
    if pdf is None:
        html = render_to_string(
            "programmes/report_pdf.html", _report_context(request, report), request=request
        )
        pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
        if key:
            cache.set(key, pdf, FROZEN_PARTS_TIMEOUT)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"{report.programme.slug}-parskats-{report.year}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    if not report.is_published:
        response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def report_table_csv(request, municipality, programme, year, table):
    """One table of the report as CSV (the portal's dialect, core/spreadsheets.py)."""
    report = selectors.report_for_page(municipality, programme, year, request.user)
    for section in report.sections.all():
        for stored in section.tables:
            if stored["key"] == table:
                name = f"{report.programme.slug}-parskats-{report.year}-{table}.csv"
                response, writer = csv_download(name)
                writer.writerows(reports.csv_rows(stored))
                return response
    raise Http404("No such table.")
