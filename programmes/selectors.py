"""Reads for public pages: one named function per page, each with a fixed query count.

Every page fetches through one function here. What other apps show on these pages
(projects serving an action line, news about a programme, proposals per part) comes in
through panels (programmes/panels.py): after fetching its own rows, a page's function lets
each panel fetch what it shows, so the count stays fixed whatever the data.

The functions raise Http404 for what the user may not see: drafts are visible only to
the planners of the programme's municipality (`Redaction.objects.visible_to`).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import (
    Avg,
    CharField,
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    prefetch_related_objects,
)
from django.db.models.functions import Cast, JSONObject
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from core.aggregates import JSONList

from .models import (
    Action,
    ActionLine,
    DevelopmentProgramme,
    FundingSource,
    Indicator,
    InvestmentItem,
    MonitoringReport,
    Municipality,
    Priority,
    Redaction,
    SituationSection,
    SteeringGroupMeeting,
    SteeringGroupMember,
    SwotItem,
    Task,
    ThematicArea,
)
from .panels import PANELS


def municipalities_for_home():
    """Municipalities with their programmes and each programme's published redactions.

    Three queries whatever the number of municipalities and programmes.
    """
    published = Redaction.objects.published().order_by("-number")
    programmes = DevelopmentProgramme.objects.prefetch_related(
        Prefetch("redactions", queryset=published, to_attr="published_redactions")
    )
    return Municipality.objects.prefetch_related(Prefetch("programmes", queryset=programmes))


def municipalities_for_list():
    """The public list of municipalities (same shape as the home page's)."""
    return municipalities_for_home()


def municipality_for_page(slug):
    """One municipality with its programmes and their published redactions (3 queries),
    and what the panels on its page show (its projects, consultations and news)."""
    municipality = get_object_or_404(municipalities_for_home(), slug=slug)
    PANELS.prefetch("municipality", [municipality])
    return municipality


def current_redaction(redactions):
    """The approved redaction, else the newest published one (from a prefetched list)."""
    redactions = list(redactions)
    for redaction in redactions:
        if redaction.status == Redaction.Status.APPROVED:
            return redaction
    published = [r for r in redactions if not r.is_draft]
    return max(published, key=lambda r: r.number) if published else None


# --- the tree: priorities → action lines → tasks → actions (progress rolls up) ---------

_actions = Action.objects.order_by("sort_key")
_tasks = Task.objects.order_by("sort_key").prefetch_related(Prefetch("actions", _actions))
_lines = ActionLine.objects.order_by("sort_key").prefetch_related(Prefetch("tasks", _tasks))
_items = InvestmentItem.objects.select_related("task").prefetch_related("amounts")
TREE_PREFETCH = [
    Prefetch("priorities", Priority.objects.order_by("sort_key")),
    Prefetch("priorities__action_lines", _lines),
]
# The tree for its progress and the action plan in numbers: tasks come with their actions'
# average progress and their actions counted by status (`actions_<status>`), not with
# the actions themselves (three queries, not four).
_tasks_in_numbers = Task.objects.order_by("sort_key").annotate(
    actions_average=Avg("actions__progress"),
    **{
        f"actions_{value}": Count("actions", filter=Q(actions__status=value))
        for value in Action.Status.values
    },
)
PROGRESS_PREFETCH = [
    Prefetch("priorities", Priority.objects.order_by("sort_key")),
    Prefetch("priorities__action_lines", ActionLine.objects.order_by("sort_key")),
    Prefetch("priorities__action_lines__tasks", _tasks_in_numbers),
]
INVESTMENT_PREFETCH = [Prefetch("priorities__action_lines__investment_items", _items)]


def steering_group_prefetch(path=""):
    """Members and meetings of the steering group reached through `path` (e.g. "programme__")."""
    return [
        Prefetch(
            f"{path}steering_group__members",
            SteeringGroupMember.objects.order_by("position_in_list", "name"),
        ),
        Prefetch(
            f"{path}steering_group__meetings", SteeringGroupMeeting.objects.order_by("number")
        ),
    ]


SECTIONS_PREFETCH = [
    Prefetch(
        "situation_sections",
        SituationSection.objects.order_by("area", "position", "id").prefetch_related(
            "data_sources"
        ),
    ),
]
# The parts of a redaction that show nothing but its own frozen content: the strategic
# part with the SWOT analysis (on the redaction page) and the investment plan (a page of its
# own). Once the redaction has left draft each is rendered once and cached (see
# `frozen_parts_cache_key`), and these rows are fetched only when the cache has no copy.
_plain_lines = ActionLine.objects.order_by("sort_key")
FROZEN_PARTS_PREFETCH = {
    "strategy": [
        Prefetch("swot_items", SwotItem.objects.order_by("kind", "position", "id")),
        "coherence_items",
    ],
    "plans": [
        Prefetch("priorities", Priority.objects.order_by("sort_key")),
        Prefetch("priorities__action_lines", _plain_lines),
        *INVESTMENT_PREFETCH,
    ],
}
# Monitoring: indicators with their actual values. Values are still recorded while the
# redaction is approved, so they are never part of the cached content.
INDICATORS_PREFETCH = [
    Prefetch(
        "indicators",
        Indicator.objects.select_related("priority").prefetch_related("values"),
    ),
]
# Everything a redaction contains (the comparison page).
CONTENT_PREFETCH = [
    *SECTIONS_PREFETCH,
    *TREE_PREFETCH,
    *FROZEN_PARTS_PREFETCH["strategy"],
    *INVESTMENT_PREFETCH,
    *INDICATORS_PREFETCH,
]
# The comparison page: everything a redaction contains, with what the comparison needs of
# the sections' data sources (their codes) and of the indicators' values (year and value)
# brought along as JSON lists in their parents' rows: two queries fewer than prefetching.
COMPARE_PREFETCH = [
    Prefetch(
        "situation_sections",
        SituationSection.objects.order_by("area", "position", "id").annotate(
            source_codes=JSONList("data_sources__code", present="data_sources")
        ),
    ),
    *TREE_PREFETCH,
    *FROZEN_PARTS_PREFETCH["strategy"],
    *INVESTMENT_PREFETCH,
    Prefetch(
        "indicators",
        Indicator.objects.select_related("priority").annotate(
            actual_values=JSONList(
                JSONObject(year="values__year", value=Cast("values__value", CharField())),
                present="values",
            )
        ),
    ),
]
# What the redaction page fetches every time: the parts that also show things which change
# after the redaction froze (residents' proposals, projects, data source names,
# monitoring), and the tree with its progress and its actions in numbers (an action's
# status and progress are monitoring too). The steering group is the programme's: its
# page shows it.
REDACTION_PREFETCH = [
    *SECTIONS_PREFETCH,
    *PROGRESS_PREFETCH,
    *INDICATORS_PREFETCH,
]


def _redactions(municipality, programme, user):
    return Redaction.objects.visible_to(user).filter(
        programme__municipality__slug=municipality, programme__slug=programme
    )


def programme_for_page(municipality, programme, user, *, panels=True, tree=PROGRESS_PREFETCH):
    """A programme with the redactions and monitoring reports the user may see, its
    current redaction's tree (for the progress rollup: `tree`, three queries; the whole
    tree with the actions, four) and its steering group: eight queries whatever the size,
    and what the panels on its page show (four more today: news about the programme,
    their photos, the projects funding its drafting, the redactions' public discussions).

    Sets `programme.visible_redactions` (by number), `programme.visible_reports` (newest
    year first) and `programme.current` (or None).
    """
    visible = Redaction.objects.visible_to(user).order_by("number")
    reports = MonitoringReport.objects.visible_to(user).order_by("-year")
    programme = get_object_or_404(
        DevelopmentProgramme.objects.select_related(
            "municipality", "steering_group"
        ).prefetch_related(
            Prefetch("redactions", visible, to_attr="visible_redactions"),
            Prefetch("reports", reports, to_attr="visible_reports"),
            *steering_group_prefetch(),
        ),
        municipality__slug=municipality,
        slug=programme,
    )
    current = current_redaction(programme.visible_redactions)
    if current is not None:
        prefetch_related_objects([current], *tree)
    programme.current = current
    previous = None
    for redaction in programme.visible_redactions:
        redaction.previous = previous
        previous = redaction
    if panels:
        PANELS.prefetch("programme", [programme])
    return programme


def redaction_for_page(municipality, programme, number, user):
    """One redaction with the content the page renders every time (see
    `REDACTION_PREFETCH`) and what the panels on its page show (proposals, projects);
    `fetch_frozen_part` adds the rest when the cache lacks it.

    `copied_from_visible` says whether the user may see the redaction it was copied from
    (a redaction of the same programme that `visible_to` holds), in the same query."""
    source_visible = Redaction.objects.visible_to(user).filter(
        pk=OuterRef("copied_from_id"), programme_id=OuterRef("programme_id")
    )
    queryset = (
        _redactions(municipality, programme, user)
        .select_related("programme__municipality", "programme__steering_group", "copied_from")
        .annotate(copied_from_visible=Exists(source_visible))
        .prefetch_related(*REDACTION_PREFETCH)
    )
    redaction = get_object_or_404(queryset, number=number)
    source = redaction.copied_from
    if source is not None and source.programme_id == redaction.programme_id:
        # Its link needs the programme and municipality we already have: no two queries.
        source.programme = redaction.programme
    PANELS.prefetch("redaction", [redaction])
    return redaction


@dataclass
class IndicatorSeries:
    """One indicator's row of the monitoring table: a cell per year of the span."""

    indicator: Indicator
    cells: list


def monitoring_for_page(municipality, programme, user):
    """The programme, its redaction in force with the priority tree (progress), indicators
    with their yearly values laid out on one span of years, and its actions counted by
    status. Eleven queries whatever the size (the programme page's own, with the actions,
    nine; indicators and their values); None as the redaction when none is published.
    """
    programme = programme_for_page(municipality, programme, user, panels=False, tree=TREE_PREFETCH)
    current = programme.current
    if current is None:
        return programme, None, [], [], []
    prefetch_related_objects([current], *INDICATORS_PREFETCH)
    indicators = list(current.indicators.all())
    years = set()
    for indicator in indicators:
        years |= {indicator.baseline_year, indicator.target_year}
        years |= {value.year for value in indicator.values.all()}
    span = list(range(min(years), max(years) + 1)) if years else []
    series = []
    for indicator in indicators:
        by_year = {value.year: value for value in indicator.values.all()}
        cells = []
        for year in span:
            value = by_year.get(year)
            if value is not None:
                cells.append({"kind": "actual", "value": value.value, "note": value.note})
            elif year == indicator.baseline_year:
                cells.append({"kind": "baseline", "value": indicator.baseline_value})
            elif year == indicator.target_year:
                cells.append({"kind": "target", "value": indicator.target_value})
            else:
                cells.append({"kind": "none"})
        series.append(IndicatorSeries(indicator, cells))
    counts = action_status_counts(current)
    statuses = [(label, counts.get(value, 0)) for value, label in Action.Status.choices]
    return programme, current, span, series, statuses


def redaction_alone(municipality, programme, number, user, *prefetch):
    """A redaction the user may see, with its programme and municipality (one query), and
    the `prefetch` lookups (a query each): for a download or one part's page."""
    queryset = (
        _redactions(municipality, programme, user)
        .select_related("programme__municipality", "programme__steering_group")
        .prefetch_related(*prefetch)
    )
    return get_object_or_404(queryset, number=number)


def redactions_for_compare(municipality, programme, a, b, user):
    """The two redactions of one programme to compare, each with all its content.

    Both must be visible to the user, else 404. Returns (a, b) in the order asked.
    """
    queryset = (
        _redactions(municipality, programme, user)
        .filter(number__in=[a, b])
        .select_related("programme__municipality")
        .prefetch_related(*COMPARE_PREFETCH)
    )
    by_number = {redaction.number: redaction for redaction in queryset}
    if a not in by_number or b not in by_number:
        raise Http404("No such redaction.")
    return by_number[a], by_number[b]


def steering_group_of(programme):
    """The programme's steering group, or None (a missing one-to-one row raises otherwise)."""
    try:
        return programme.steering_group
    except ObjectDoesNotExist:
        return None


# Raise when the frozen parts' templates change, so that pages cached before are not reused.
# 2: the action plan and indicators (monitoring) left the cached parts.
# 3: the investment plan's charts by year and by source.
# 4: one key per part; the investment plan on a page of its own.
FROZEN_PARTS_VERSION = 4


def frozen_parts_cache_key(redaction, language, part):
    """The cache key of a frozen redaction's rendered `part` ("strategy", "plans"), or None
    for a draft.

    It holds the status and the time it last changed, so a status change (approval,
    withdrawal) is shown at once; the creation time keeps keys apart where a database
    reuses ids.
    """
    if redaction.is_draft:
        return None
    changed = redaction.status_changed_at.timestamp() if redaction.status_changed_at else ""
    created = redaction.created_at.timestamp() if redaction.created_at else ""
    return (
        f"programmes:redaction-parts:v{FROZEN_PARTS_VERSION}:{redaction.pk}:{created}:"
        f"{redaction.status}:{changed}:{language}:{part}"
    )


def fetch_frozen_part(redaction, part):
    """Fetch what the frozen `part` shows, onto a redaction from `redaction_for_page` or
    `redaction_part_for_page`."""
    prefetch_related_objects([redaction], *FROZEN_PARTS_PREFETCH[part])


# --- shaping prefetched rows for the page (pure Python, no queries) ---------------------


def sections_by_area(redaction):
    """[(area label, [sections])] in the order of ThematicArea, from prefetched rows."""
    grouped = defaultdict(list)
    for section in redaction.situation_sections.all():
        grouped[section.area].append(section)
    return [(label, grouped[value]) for value, label in ThematicArea.choices if grouped[value]]


SWOT_HEADINGS = {
    SwotItem.Kind.STRENGTH: _("Strengths"),
    SwotItem.Kind.WEAKNESS: _("Weaknesses"),
    SwotItem.Kind.OPPORTUNITY: _("Opportunities"),
    SwotItem.Kind.THREAT: _("Threats"),
}


def swot_by_kind(redaction):
    """[(kind value, heading, [items])] for all four kinds, from prefetched rows."""
    grouped = defaultdict(list)
    for item in redaction.swot_items.all():
        grouped[item.kind].append(item)
    return [(value, SWOT_HEADINGS[value], grouped[value]) for value in SwotItem.Kind.values]


def action_plan_rows(redaction):
    """Every action with its task and action line, in tree order, from prefetched rows."""
    rows = []
    for priority in redaction.priorities.all():
        for line in priority.action_lines.all():
            for task in line.tasks.all():
                for action in task.actions.all():
                    rows.append((line, task, action))
    return rows


@dataclass
class ActionPlanSummary:
    """What the redaction page says of its action plan: how many actions under how many
    tasks, and how many in each status (in the order of Action.Status)."""

    actions: int
    tasks: int
    statuses: list  # [(status value, label, count)], statuses in use only


def action_status_counts(redaction):
    """Counter of the redaction's actions by status, from the tree's prefetched rows."""
    return Counter(action.status for _line, _task, action in action_plan_rows(redaction))


def action_plan_summary(redaction):
    """The action plan in numbers, from the tree's tasks fetched with `PROGRESS_PREFETCH`
    (no query)."""
    tasks = [
        task
        for priority in redaction.priorities.all()
        for line in priority.action_lines.all()
        for task in line.tasks.all()
    ]
    counts = Counter(
        {
            value: sum(getattr(task, f"actions_{value}") for task in tasks)
            for value in Action.Status.values
        }
    )
    statuses = [
        (value, label, counts[value]) for value, label in Action.Status.choices if counts[value]
    ]
    return ActionPlanSummary(actions=sum(counts.values()), tasks=len(tasks), statuses=statuses)


@dataclass
class InvestmentRow:
    item: InvestmentItem
    action_line: ActionLine
    by_year: list  # amounts aligned with InvestmentPlan.years
    by_source: list  # amounts aligned with InvestmentPlan.sources
    total: Decimal


@dataclass
class InvestmentPlan:
    """The investment plan as tables: items by year, and totals by year and by source."""

    years: list = field(default_factory=list)
    sources: list = field(default_factory=list)  # [(value, label)] of sources in use
    rows: list = field(default_factory=list)
    totals_by_year: list = field(default_factory=list)
    totals_by_source: list = field(default_factory=list)
    # [(label, [amount per year], total)] — the source × year matrix
    source_rows: list = field(default_factory=list)
    grand_total: Decimal = Decimal("0")

    def __bool__(self):
        return bool(self.rows)


def investment_plan(redaction):
    """Compute the investment plan tables in Python from the prefetched amounts."""
    items = []
    for priority in redaction.priorities.all():
        for line in priority.action_lines.all():
            for item in line.investment_items.all():
                items.append((line, item))
    years = sorted({a.year for _, item in items for a in item.amounts.all()})
    used = {a.source for _, item in items for a in item.amounts.all()}
    sources = [(value, label) for value, label in FundingSource.choices if value in used]
    matrix = defaultdict(Decimal)  # (source, year) → amount
    plan = InvestmentPlan(years=years, sources=sources)
    for line, item in items:
        per_year, per_source = defaultdict(Decimal), defaultdict(Decimal)
        for amount in item.amounts.all():
            per_year[amount.year] += amount.amount
            per_source[amount.source] += amount.amount
            matrix[(amount.source, amount.year)] += amount.amount
        plan.rows.append(
            InvestmentRow(
                item=item,
                action_line=line,
                by_year=[per_year.get(year) for year in years],
                by_source=[per_source.get(value) for value, _ in sources],
                total=sum(per_year.values(), Decimal("0")),
            )
        )
    plan.totals_by_year = [
        sum((matrix[(value, year)] for value, _ in sources), Decimal("0")) for year in years
    ]
    plan.totals_by_source = [
        sum((matrix[(value, year)] for year in years), Decimal("0")) for value, _ in sources
    ]
    plan.source_rows = [
        (label, [matrix.get((value, year)) for year in years], total)
        for (value, label), total in zip(sources, plan.totals_by_source, strict=True)
    ]
    plan.grand_total = sum(plan.totals_by_year, Decimal("0"))
    return plan


# --- the yearly monitoring report ------------------------------------------------------------


def report_for_page(municipality, programme, year, user):
    """A monitoring report the user may see (published; a draft only to the planners of
    its municipality, as a preview), with its programme and sections: two queries."""
    queryset = (
        MonitoringReport.objects.visible_to(user)
        .select_related("programme__municipality", "redaction__programme__municipality")
        .prefetch_related("sections")
    )
    return get_object_or_404(
        queryset,
        programme__municipality__slug=municipality,
        programme__slug=programme,
        year=year,
    )
