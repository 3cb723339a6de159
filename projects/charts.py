"""A project's funding split as an accessible SVG chart (drawn by core/charts.py)."""

from django.utils.translation import gettext as _

from core.charts import ChartTable, bar_chart
from core.formats import euro, percent


def funding_chart(project):
    """EU funding and national / municipal co-financing of a project, or None when the
    project does not publish both amounts (nothing to split)."""
    if project.eu_funding is None or project.total_cost is None:
        return None
    co_financing = project.co_financing
    if co_financing is None:
        co_financing = max(project.total_cost - project.eu_funding, 0)
    parts = [(_("EU funding"), project.eu_funding), (_("Co-financing"), co_financing)]
    total = project.total_cost
    rows = [
        (str(label), [euro(amount), percent(amount / total * 100) if total else "—"])
        for label, amount in parts
    ]
    rows.append((_("Total cost"), [euro(total), percent(100) if total else "—"]))
    title = _("Funding split of the project, EUR")
    desc = "; ".join(f"{label}: {euro(amount)}" for label, amount in parts)
    return bar_chart(
        chart_id="project-funding",
        title=title,
        desc=desc,
        categories=[str(label) for label, _amount in parts],
        series=[(_("Amount, EUR"), [amount for _label, amount in parts])],
        label=euro,
        table=ChartTable(caption=title, columns=[_("Source"), _("Amount"), _("Share")], rows=rows),
    )
