"""Charts drawn on the server as accessible SVG: no JavaScript, nothing from other sites.

A chart is inline SVG in the page's HTML, so the Content-Security-Policy (no inline
styles, nothing external) has nothing to allow: colours come from presentation attributes
and the site's CSS classes (`.chart-…` in static/css/portal.css, which also makes them
print in black and grey), never from a `style` attribute. Each chart is an `<svg
role="img">` labelled by its own `<title>` and `<desc>` (aria-labelledby), and comes with
its data as a `ChartTable`, shown next to it (templates/includes/chart.html): the table is
the text alternative a screen reader or a printout can read number by number.

This module draws; the apps decide what to draw (programmes/charts.py: indicators,
investment plans, action statuses; projects: a project's funding split). Numbers on the
chart are written in the reader's language by the caller's `label` function.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import mark_safe

WIDTH = 640
# The bars' colours, in order (presentation attributes; the CSS classes may restyle them).
SERIES_CLASSES = ("chart-series-1", "chart-series-2", "chart-series-3", "chart-series-4")
SERIES_FILLS = ("#7a1f2b", "#4a6fa5", "#1e6b34", "#8a5300")


@dataclass
class ChartTable:
    """The chart's data as a table: a caption, the column headings and rows of
    (row heading, [cells as text])."""

    caption: str
    columns: list
    rows: list = field(default_factory=list)


@dataclass
class Chart:
    """A drawn chart: its SVG (safe HTML), its text alternative and its data table."""

    id: str
    title: str
    desc: str
    svg: str
    table: ChartTable


def _number(value):
    return float(Decimal(value)) if value is not None else None


def _fmt(value):
    """A coordinate with at most one decimal, as SVG reads it."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _nice_max(value):
    """A round upper end for an axis (1, 2, 2.5, 5 × 10ⁿ) at or above `value`."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1) if value >= 1 else 1
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= value:
            return float(step * magnitude)
    return float(10 * magnitude)


def _open_svg(chart_id, title, desc, height, css_class):
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {css_class}" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>'
    )


def _text(x, y, content, css_class="chart-label", anchor="start"):
    return (
        f'<text x="{_fmt(x)}" y="{_fmt(y)}" class="{css_class}" text-anchor="{anchor}" '
        f'font-size="12" fill="#1d1d1f">{escape(content)}</text>'
    )


def bar_chart(*, chart_id, title, desc, categories, series, label, table):
    """Horizontal bars, one group per category, one bar per series.

    `categories`: the category names; `series`: [(series name, [value per category])];
    `label(value)` writes a value for the bar's end (e.g. "1 200 000,00 €"); `table`: the
    ChartTable shown beside the chart. Empty values draw no bar.
    """
    values = [_number(v) or 0.0 for _name, vals in series for v in vals]
    top = _nice_max(max(values, default=0.0))
    label_width, value_room, bar_height, gap = 190, 150, 16, 12
    plot = WIDTH - label_width - value_room
    group = bar_height * len(series) + gap
    # A legend line per series (when there are several), above the bars.
    legend = 18 * len(series) + 6 if len(series) > 1 else 0
    height = legend + group * len(categories) + gap
    parts = [_open_svg(chart_id, title, desc, height, "chart-bars")]
    if len(series) > 1:
        for index, (name, _values) in enumerate(series):
            css, fill = SERIES_CLASSES[index % 4], SERIES_FILLS[index % 4]
            y = 4 + 18 * index
            parts.append(
                f'<rect x="{label_width}" y="{y}" width="12" height="12" class="{css}" '
                f'fill="{fill}"/>'
            )
            parts.append(_text(label_width + 18, y + 11, name))
    for row, category in enumerate(categories):
        y0 = legend + gap + row * group
        parts.append(
            _text(
                label_width - 8,
                y0 + bar_height * len(series) / 2 + 4,
                _shorten(category),
                anchor="end",
            )
        )
        for index, (_name, vals) in enumerate(series):
            value = _number(vals[row])
            y = y0 + index * bar_height
            if value is None:
                continue
            width = max(plot * value / top, 1.0 if value > 0 else 0.0)
            css, fill = SERIES_CLASSES[index % 4], SERIES_FILLS[index % 4]
            parts.append(
                f'<rect x="{label_width}" y="{_fmt(y + 1)}" width="{_fmt(width)}" '
                f'height="{bar_height - 2}" class="chart-bar {css}" fill="{fill}"/>'
            )
            parts.append(
                _text(
                    label_width + width + 6,
                    y + bar_height - 4,
                    label(vals[row]),
                    css_class="chart-value",
                )
            )
    parts.append(
        f'<line x1="{label_width}" y1="{legend + 4}" x2="{label_width}" y2="{height}" '
        'class="chart-axis" stroke="#4a4a4f"/>'
    )
    parts.append("</svg>")
    return Chart(chart_id, title, desc, mark_safe("".join(parts)), table)  # escaped above


def _shorten(text, length=28):
    text = str(text)
    return text if len(text) <= length else text[: length - 1] + "…"


def line_chart(*, chart_id, title, desc, baseline, target, actual, label, table):
    """An indicator over the years: the straight trajectory from the baseline to the
    target (dashed), the actual values (a solid line with points), the baseline and the
    target marked.

    `baseline`, `target`: (year, value); `actual`: [(year, value)] in year order;
    `label(value)` writes a value on the axis; `table`: the ChartTable beside it.
    """
    years = [baseline[0], target[0], *(year for year, _v in actual)]
    first, last = min(years), max(years)
    numbers = [_number(baseline[1]), _number(target[1]), *(_number(v) for _y, v in actual)]
    low, high = min(numbers + [0.0]), max(numbers)
    top = _nice_max(high) if high > 0 else 1.0
    bottom = low if low < 0 else 0.0
    left, right, upper, lower, height = 90, 24, 16, 40, 260
    plot_w, plot_h = WIDTH - left - right, height - upper - lower

    def x(year):
        return left + (plot_w * (year - first) / (last - first) if last > first else plot_w / 2)

    def y(value):
        return upper + plot_h * (1 - (_number(value) - bottom) / (top - bottom))

    parts = [_open_svg(chart_id, title, desc, height, "chart-line")]
    for step in range(5):  # horizontal grid with values
        value = bottom + (top - bottom) * step / 4
        gy = y(value)
        parts.append(
            f'<line x1="{left}" y1="{_fmt(gy)}" x2="{WIDTH - right}" y2="{_fmt(gy)}" '
            'class="chart-grid" stroke="#d0d0d5"/>'
        )
        parts.append(_text(left - 6, gy + 4, label(Decimal(str(round(value, 2)))), anchor="end"))
    every = max(1, (last - first + 1) // 8)
    for year in range(first, last + 1, every):
        parts.append(_text(x(year), height - lower + 18, str(year), anchor="middle"))
    parts.append(
        f'<line x1="{_fmt(x(baseline[0]))}" y1="{_fmt(y(baseline[1]))}" '
        f'x2="{_fmt(x(target[0]))}" y2="{_fmt(y(target[1]))}" class="chart-trajectory" '
        'stroke="#4a4a4f" stroke-width="2" stroke-dasharray="6 4"/>'
    )
    if actual:
        points = " ".join(f"{_fmt(x(year))},{_fmt(y(value))}" for year, value in actual)
        parts.append(
            f'<polyline points="{points}" class="chart-actual" fill="none" stroke="#7a1f2b" '
            'stroke-width="3"/>'
        )
        for year, value in actual:
            parts.append(
                f'<circle cx="{_fmt(x(year))}" cy="{_fmt(y(value))}" r="4" '
                'class="chart-point" fill="#7a1f2b"/>'
            )
    for (year, value), css in ((baseline, "chart-baseline"), (target, "chart-target")):
        parts.append(
            f'<rect x="{_fmt(x(year) - 5)}" y="{_fmt(y(value) - 5)}" width="10" height="10" '
            f'class="{css}" fill="#fff" stroke="#1d1d1f" stroke-width="2"/>'
        )
    parts.append("</svg>")
    return Chart(chart_id, title, desc, mark_safe("".join(parts)), table)  # escaped above
