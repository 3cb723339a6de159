"""The sections of the yearly monitoring report and how their figures are drawn up.

A section is a heading and tables built from the data for one programme and one year.
Programmes builds its own (the action plan's fulfilment, the investment plan planned vs.
spent, the indicators against their targets); the apps above it add theirs (the projects
carried out, the consultations held) by registering a `ReportSection` in `SECTIONS` from
their `AppConfig.ready()`, as they fill the pages' panels (core/panels.py): programmes
never names them.

Figures are stored, not recomputed: `services.generate_report` writes each section's
tables as JSON on the report, so a published (frozen) report keeps the figures it was
published with. A table is a dict:

    {"key": "by-priority",                 # unique in its section, names the CSV file
     "caption": ["msgid"],                 # or ["context", "msgid"]: translated on display
     "columns": [{"label": ["msgid"], "kind": "text|code|money|int|percent|label"}],
     "rows": [[cell, …]],                  # money as a decimal string; a `label` cell is a
     "totals": [cell, …] or None,          #   msgid list like a caption
     "chart": {"label": 1, "values": [2, 3]} or None}   # bars: category column, series

Labels are stored as message ids, so the report reads in the visitor's language; the
data (titles, names) are the municipality's, in Latvian.
"""

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, prefetch_related_objects
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext, gettext_noop, pgettext

from core.charts import ChartTable, bar_chart, line_chart
from core.formats import euro, percent

from .models import Action, ActionLine, FundingSource, Indicator, InvestmentItem, Priority
from .selectors import TREE_PREFETCH


@dataclass(frozen=True)
class ReportSection:
    """A section of the report: `build(report)` → a list of tables (see the module)."""

    key: str
    heading: str  # a message id
    build: object
    order: int = 0


class SectionRegistry:
    def __init__(self):
        self._sections = {}

    def register(self, *sections):
        for section in sections:
            self._sections[section.key] = section

    def unregister(self, key):
        self._sections.pop(key, None)

    def all(self):
        return sorted(self._sections.values(), key=lambda s: (s.order, s.key))


SECTIONS = SectionRegistry()


def column(label, kind="text", context=None):
    return {"label": [context, label] if context else [label], "kind": kind}


def money(value):
    return str(Decimal(value or 0).quantize(Decimal("0.01")))


def share(part, whole):
    if not whole:
        return None
    return int((Decimal(part) / Decimal(whole) * 100).quantize(Decimal("1")))


# --- the programme's own sections ---------------------------------------------------------


def _tree(redaction):
    """[(priority, [(line, [actions])])] of a redaction, fetched in four queries."""
    if redaction is None:
        return []
    prefetch_related_objects([redaction], *TREE_PREFETCH)
    return [
        (
            priority,
            [
                (line, [action for task in line.tasks.all() for action in task.actions.all()])
                for line in priority.action_lines.all()
            ],
        )
        for priority in redaction.priorities.all()
    ]


def label_ref(label):
    """The stored form of a lazily translated label of choices: [msgid] or [context,
    msgid] (a lazy translation keeps the arguments it will translate)."""
    return list(label._args)


STATUS_COLUMNS = [
    {"label": label_ref(label), "kind": "int"} for _value, label in Action.Status.choices
]
TOTAL = [gettext_noop("Total")]


def _status_row(actions):
    counts = Counter(action.status for action in actions)
    progress = [action.progress for action in actions]
    average = round(sum(progress) / len(progress)) if progress else None
    return [len(actions), *(counts.get(value, 0) for value in Action.Status.values), average]


def build_actions(report):
    """The action plan's fulfilment: actions by status and average progress, by priority
    and by action line, as recorded when the figures are generated."""
    tree = _tree(report.redaction)
    columns = [
        column(gettext_noop("Code"), "code"),
        column(gettext_noop("Title")),
        column(gettext_noop("Actions"), "int"),
        *STATUS_COLUMNS,
        column(gettext_noop("Average progress"), "percent"),
    ]
    by_priority, by_line, everything = [], [], []
    for priority, lines in tree:
        actions = [action for _line, line_actions in lines for action in line_actions]
        everything += actions
        by_priority.append([priority.code, priority.title, *_status_row(actions)])
        for line, line_actions in lines:
            by_line.append([line.code, line.title, *_status_row(line_actions)])
    totals = ["", TOTAL, *_status_row(everything)] if everything else None
    statuses = Counter(action.status for action in everything)
    return [
        {
            "key": "actions-by-status",
            "caption": [gettext_noop("Actions by implementation status")],
            "columns": [
                column(gettext_noop("Status"), "label"),
                column(gettext_noop("Actions"), "int"),
            ],
            "rows": [
                [label_ref(label), statuses.get(value, 0)] for value, label in Action.Status.choices
            ],
            "totals": None,
            "chart": {"label": 0, "values": [1]},
        },
        {
            "key": "actions-by-priority",
            "caption": [gettext_noop("Fulfilment of the action plan by priority")],
            "columns": columns,
            "rows": by_priority,
            "totals": totals,
            "chart": None,
        },
        {
            "key": "actions-by-action-line",
            "caption": [gettext_noop("Fulfilment of the action plan by action line")],
            "columns": columns,
            "rows": by_line,
            "totals": totals,
            "chart": None,
        },
    ]


def _investment_lines(redaction):
    """[(action line, [amounts])] of a redaction's investment plan (three queries)."""
    if redaction is None:
        return []
    prefetch_related_objects(
        [redaction],
        Prefetch("priorities", Priority.objects.order_by("sort_key")),
        Prefetch("priorities__action_lines", ActionLine.objects.order_by("sort_key")),
        Prefetch(
            "priorities__action_lines__investment_items",
            InvestmentItem.objects.prefetch_related("amounts"),
        ),
    )
    return [
        (line, [amount for item in line.investment_items.all() for amount in item.amounts.all()])
        for priority in redaction.priorities.all()
        for line in priority.action_lines.all()
    ]


def _planned_spent(amounts, year):
    """[planned in the year, spent in it, planned up to it, spent up to it, whole plan]."""
    sums = [Decimal(0)] * 5
    for amount in amounts:
        spent = amount.spent or Decimal(0)
        if amount.year == year:
            sums[0] += amount.amount
            sums[1] += spent
        if amount.year <= year:
            sums[2] += amount.amount
            sums[3] += spent
        sums[4] += amount.amount
    return sums


def _money_cells(sums):
    year_planned, year_spent, planned, spent, whole = sums
    return [
        money(year_planned),
        money(year_spent),
        money(planned),
        money(spent),
        share(spent, planned),
        money(whole),
    ]


def build_investments(report):
    """The investment plan planned vs. spent, in the report's year and up to it, by action
    line and by source (what was spent is recorded on each planned amount)."""
    year = report.year
    lines = [(line, amounts) for line, amounts in _investment_lines(report.redaction) if amounts]
    everything = [amount for _line, amounts in lines for amount in amounts]
    money_columns = [
        column(gettext_noop("Planned in the year, EUR"), "money"),
        column(gettext_noop("Spent in the year, EUR"), "money"),
        column(gettext_noop("Planned up to the year, EUR"), "money"),
        column(gettext_noop("Spent up to the year, EUR"), "money"),
        column(gettext_noop("Share spent"), "percent"),
        column(gettext_noop("Planned for the whole plan, EUR"), "money"),
    ]
    totals = _money_cells(_planned_spent(everything, year))
    by_source = [
        (value, label, [a for a in everything if a.source == value])
        for value, label in FundingSource.choices
    ]
    return [
        {
            "key": "investments-by-action-line",
            "caption": [gettext_noop("Investment plan: planned and spent by action line")],
            "columns": [
                column(gettext_noop("Code"), "code"),
                column(gettext_noop("Action line")),
                *money_columns,
            ],
            "rows": [
                [line.code, line.title, *_money_cells(_planned_spent(amounts, year))]
                for line, amounts in lines
            ],
            "totals": ["", TOTAL, *totals] if lines else None,
            "chart": {"label": 0, "values": [4, 5]},
        },
        {
            "key": "investments-by-source",
            "caption": [gettext_noop("Investment plan: planned and spent by source")],
            "columns": [column(gettext_noop("Source"), "label"), *money_columns],
            "rows": [
                [label_ref(label), *_money_cells(_planned_spent(amounts, year))]
                for _value, label, amounts in by_source
                if amounts
            ],
            "totals": [TOTAL, *totals] if lines else None,
            "chart": {"label": 0, "values": [3, 4]},
        },
    ]


def build_indicators(report):
    """Every indicator of the redaction against its target, with the value of the year
    (or the latest before it) and where it stands on its trajectory."""
    rows, series = [], []
    if report.redaction is not None:
        indicators = Indicator.objects.filter(redaction=report.redaction).prefetch_related("values")
        for indicator in indicators:
            series.append(
                {
                    "code": indicator.code,
                    "title": f"{indicator.code} {indicator.name} ({indicator.unit})",
                    "baseline": [indicator.baseline_year, _plain(indicator.baseline_value)],
                    "target": [indicator.target_year, _plain(indicator.target_value)],
                    "values": [
                        [v.year, _plain(v.value)]
                        for v in sorted(indicator.values.all(), key=lambda v: v.year)
                        if v.year <= report.year
                    ],
                }
            )
            latest = indicator.value_until(report.year)
            span = indicator.target_value - indicator.baseline_value
            progress = None
            if latest is not None:
                progress = (
                    100
                    if span == 0
                    else max(
                        0,
                        min(
                            100,
                            int(
                                ((latest.value - indicator.baseline_value) / span * 100).quantize(
                                    Decimal("1")
                                )
                            ),
                        ),
                    )
                )
            rows.append(
                [
                    indicator.code,
                    indicator.name,
                    indicator.unit,
                    _measure(indicator.baseline_value, indicator.baseline_year),
                    _measure(latest.value, latest.year) if latest else None,
                    _measure(indicator.target_value, indicator.target_year),
                    progress,
                    label_ref(Indicator.Assessment(indicator.assessment(report.year)).label),
                ]
            )
    return [
        {
            "key": "indicators",
            "caption": [gettext_noop("Indicators against their targets")],
            "columns": [
                column(gettext_noop("Code"), "code"),
                column(gettext_noop("Indicator")),
                column(gettext_noop("Unit")),
                column(gettext_noop("Baseline (year)"), "measure"),
                column(gettext_noop("Value (year)"), "measure"),
                column(gettext_noop("Target (year)"), "measure"),
                column(gettext_noop("Progress"), "percent"),
                column(gettext_noop("Assessment"), "label"),
            ],
            "rows": rows,
            "totals": None,
            "chart": None,
            "series": series,
        }
    ]


def _measure(value, year):
    """A value in a year, stored as {"value": "9.8", "year": 2018}: written "9,8 (2018)" in
    Latvian when shown."""
    return {"value": _plain(value), "year": year}


def _plain(value):
    return f"{value.normalize():f}"


SECTIONS.register(
    ReportSection(
        "actions", gettext_noop("Fulfilment of the action plan"), build_actions, order=10
    ),
    ReportSection(
        "investments", gettext_noop("Investment plan: planned and spent"), build_investments, 20
    ),
    ReportSection("indicators", gettext_noop("Indicators"), build_indicators, order=30),
)


# --- showing stored tables ------------------------------------------------------------------


def translated(label):
    """A stored label (["msgid"] or ["context", "msgid"]) in the current language."""
    if isinstance(label, str):
        return gettext(label) if label else ""
    if len(label) == 2:
        return pgettext(label[0], label[1])
    return gettext(label[0])


def _kinds(table):
    return [col["kind"] for col in table["columns"]]


def cell_text(value, kind):
    """A stored cell as the reader sees it."""
    if value is None or value == "":
        return "—" if kind in ("money", "int", "percent") else ""
    if kind == "money":
        return euro(value)
    if kind == "measure":
        return f"{floatformat(Decimal(value['value']), '-2g')} ({value['year']})"
    if kind == "percent":
        return percent(value)
    if kind == "label" or isinstance(value, list):
        return translated(value)
    return str(value)


@dataclass
class ShownTable:
    key: str
    caption: str
    columns: list  # [(label, numeric)]
    rows: list  # [[(text, numeric)]]
    totals: list | None  # [(text, numeric)]
    chart: object | None
    line_charts: list  # an indicator's line against its trajectory, per stored series


def shown_tables(section, *, prefix):
    """A section's stored tables ready for the page: texts in the reader's language and a
    bar chart where the table asks for one."""
    shown = []
    for table in section.tables:
        kinds = _kinds(table)
        columns = [
            (translated(col["label"]), col["kind"] in ("money", "int", "percent"))
            for col in table["columns"]
        ]
        numeric = [is_numeric for _label, is_numeric in columns]

        def cells(row, kinds=kinds, numeric=numeric):
            return [(cell_text(v, k), n) for v, k, n in zip(row, kinds, numeric, strict=True)]

        rows = [cells(row) for row in table["rows"]]
        totals = cells(table["totals"]) if table.get("totals") else None
        caption = translated(table["caption"])
        chart = None
        spec = table.get("chart")
        if spec and table["rows"]:
            chart = _table_chart(table, spec, kinds, caption, f"{prefix}-{table['key']}")
        line_charts = [
            _series_chart(one, f"{prefix}-{table['key']}-{index}")
            for index, one in enumerate(table.get("series", []))
        ]
        shown.append(ShownTable(table["key"], caption, columns, rows, totals, chart, line_charts))
    return shown


def _series_chart(series, chart_id):
    """An indicator's stored values drawn against the line from baseline to target."""
    baseline = (series["baseline"][0], Decimal(series["baseline"][1]))
    target = (series["target"][0], Decimal(series["target"][1]))
    values = [(year, Decimal(value)) for year, value in series["values"]]
    text = gettext(
        "Baseline %(baseline)s (%(by)s), target %(target)s (%(ty)s); values: %(values)s."
    )
    desc = text % {
        "baseline": floatformat(baseline[1], "-2g"),
        "by": baseline[0],
        "target": floatformat(target[1], "-2g"),
        "ty": target[0],
        "values": ", ".join(f"{year}: {floatformat(value, '-2g')}" for year, value in values)
        or "—",
    }
    return line_chart(
        chart_id=chart_id,
        title=series["title"],
        desc=desc,
        baseline=baseline,
        target=target,
        actual=values,
        label=lambda value: floatformat(value, "-2g"),
        table=ChartTable(caption=series["title"], columns=[], rows=[]),
    )


def _table_chart(table, spec, kinds, caption, chart_id):
    label_index = spec["label"]
    categories = [cell_text(row[label_index], kinds[label_index]) for row in table["rows"]]
    series = [
        (translated(table["columns"][i]["label"]), [row[i] or 0 for row in table["rows"]])
        for i in spec["values"]
    ]
    is_money = all(kinds[i] == "money" for i in spec["values"])
    label = euro if is_money else str
    desc = "; ".join(
        f"{category}: " + ", ".join(f"{name} {label(values[n])}" for name, values in series)
        for n, category in enumerate(categories)
    )
    return bar_chart(
        chart_id=chart_id,
        title=caption,
        desc=desc,
        categories=categories,
        series=series,
        label=label,
        table=ChartTable(caption=caption, columns=[], rows=[]),
    )


def csv_rows(table):
    """A stored table as CSV rows: translated headings, raw values (decimal points, no
    currency signs), so a spreadsheet reads the numbers."""
    yield [translated(col["label"]) for col in table["columns"]]
    for row in [*table["rows"], *([table["totals"]] if table.get("totals") else [])]:
        yield [_csv_cell(v) for v in row]


def _csv_cell(value):
    if isinstance(value, list):
        return translated(value)
    if isinstance(value, dict):  # a measure: the value and its year
        return f"{value['value']} ({value['year']})"
    return "" if value is None else value
