"""The programmes' charts (core/charts.py draws them): each indicator against its
trajectory, the investment plan by year and by source, actions by implementation status.

Each function takes rows already fetched for the page (no queries) and returns a
`core.charts.Chart` with its data table; templates show it with
`{% include "includes/chart.html" %}`.
"""

from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _

from core.charts import ChartTable, bar_chart, line_chart
from core.formats import euro


def _number(value):
    """12345.50 → "12 345,5" in Latvian: at most two decimals, none when whole."""
    return floatformat(value, "-2g")


def indicator_chart(indicator, *, year=None, prefix="indicator"):
    """One indicator: baseline → actual values (up to `year`) → target, with the straight
    trajectory between baseline and target and its assessment in the text alternative."""
    values = [v for v in indicator.values.all() if year is None or v.year <= year]
    values.sort(key=lambda v: v.year)
    assessment = indicator.assessment(year)
    title = f"{indicator.code} {indicator.name} ({indicator.unit})"
    desc = _(
        "Baseline %(baseline)s in %(baseline_year)s, target %(target)s in %(target_year)s; "
        "%(count)s actual values recorded%(latest)s. Assessment: %(assessment)s."
    ) % {
        "baseline": _number(indicator.baseline_value),
        "baseline_year": indicator.baseline_year,
        "target": _number(indicator.target_value),
        "target_year": indicator.target_year,
        "count": len(values),
        "latest": (
            _(", the latest %(value)s in %(year)s")
            % {"value": _number(values[-1].value), "year": values[-1].year}
            if values
            else ""
        ),
        "assessment": indicator.Assessment(assessment).label,
    }
    by_year = {v.year: v.value for v in values}
    years = sorted({indicator.baseline_year, indicator.target_year, *by_year})
    rows = []
    for row_year in years:
        kind = []
        if row_year == indicator.baseline_year:
            kind.append(_("baseline"))
        if row_year == indicator.target_year:
            kind.append(_("target"))
        actual = by_year.get(row_year)
        rows.append(
            (
                str(row_year),
                [
                    _number(actual) if actual is not None else "—",
                    _number(indicator.trajectory_value(row_year)),
                    ", ".join(kind),
                ],
            )
        )
    table = ChartTable(
        caption=title,
        columns=[_("Year"), _("Actual value"), _("Trajectory"), _("Note")],
        rows=rows,
    )
    chart = line_chart(
        chart_id=f"{prefix}-{indicator.pk}",
        title=title,
        desc=desc,
        baseline=(indicator.baseline_year, indicator.baseline_value),
        target=(indicator.target_year, indicator.target_value),
        actual=[(v.year, v.value) for v in values],
        label=_number,
        table=table,
    )
    chart.assessment = assessment
    chart.assessment_label = indicator.Assessment(assessment).label
    return chart


def _money_bars(*, chart_id, title, categories, amounts, caption):
    desc = "; ".join(
        f"{name}: {euro(amount)}" for name, amount in zip(categories, amounts, strict=True)
    )
    table = ChartTable(
        caption=caption,
        columns=[_("Category"), _("Amount, EUR")],
        rows=[
            (str(name), [euro(amount)]) for name, amount in zip(categories, amounts, strict=True)
        ],
    )
    return bar_chart(
        chart_id=chart_id,
        title=title,
        desc=desc,
        categories=[str(c) for c in categories],
        series=[(_("Amount, EUR"), amounts)],
        label=euro,
        table=table,
    )


def investment_charts(plan, *, prefix="investment"):
    """The investment plan by year and by source (from `selectors.investment_plan`)."""
    if not plan:
        return []
    return [
        _money_bars(
            chart_id=f"{prefix}-by-year",
            title=_("Investment plan by year, EUR"),
            categories=plan.years,
            amounts=plan.totals_by_year,
            caption=_("Investment plan by year, EUR"),
        ),
        _money_bars(
            chart_id=f"{prefix}-by-source",
            title=_("Investment plan by source, EUR"),
            categories=[label for _value, label in plan.sources],
            amounts=plan.totals_by_source,
            caption=_("Investment plan by source, EUR"),
        ),
    ]


def status_chart(statuses, *, chart_id="actions-by-status"):
    """Actions by implementation status: `statuses` is [(label, count)]."""
    title = _("Actions by implementation status")
    desc = "; ".join(f"{label}: {count}" for label, count in statuses)
    table = ChartTable(
        caption=_("Actions of the action plan by implementation status"),
        columns=[_("Status"), _("Actions")],
        rows=[(str(label), [str(count)]) for label, count in statuses],
    )
    return bar_chart(
        chart_id=chart_id,
        title=title,
        desc=desc,
        categories=[str(label) for label, _count in statuses],
        series=[(_("Actions"), [count for _label, count in statuses])],
        label=str,
        table=table,
    )
