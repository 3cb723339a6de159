"""Compare two redactions of one programme: what was added, removed or changed.

Items are paired through lineage, not by code: when a redaction is started as a copy of
another, every copied item keeps `copied_from`. An item of one redaction whose
`copied_from` chain reaches an item of the other is the same item, so a renumbered
RV1.3 → RV1.4 is reported as "changed" (its code changed), not as removed and added.
Paired items are then compared field by field; texts get a word-level diff marked with
<ins>/<del>, built from escaped parts only.

Everything here works on rows already fetched by `selectors.redactions_for_compare`
(COMPARE_PREFETCH: a section's data source codes and an indicator's values come along as
`source_codes` and `actual_values`). The only query is the lineage map, and only when the
two redactions are not a direct copy of each other (then the chain passes through
redactions in between).
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal
from difflib import SequenceMatcher

from django.db.models import IntegerField, Value
from django.template.defaultfilters import floatformat
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .models import (
    Action,
    ActionLine,
    CoherenceItem,
    Indicator,
    InvestmentItem,
    Priority,
    SituationSection,
    SwotItem,
    Task,
)
from .selectors import investment_plan

ADDED, REMOVED, CHANGED = "added", "removed", "changed"

_WORDS = re.compile(r"\S+")


# --- word-level diff --------------------------------------------------------------------


def word_diff(old, new):
    """HTML of `new` against `old` word by word: removed words in <del>, added in <ins>.

    Every piece of text is escaped before it is wrapped, so user content can never
    become markup; the result is safe to render.
    """
    a, b = _WORDS.findall(str(old or "")), _WORDS.findall(str(new or ""))
    parts = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(escape(" ".join(a[i1:i2])))
            continue
        if i2 > i1:
            parts.append(
                format_html(
                    '<del><span class="visually-hidden">{} </span>{}</del>',
                    _("removed:"),
                    " ".join(a[i1:i2]),
                )
            )
        if j2 > j1:
            parts.append(
                format_html(
                    '<ins><span class="visually-hidden">{} </span>{}</ins>',
                    _("added:"),
                    " ".join(b[j1:j2]),
                )
            )
    return mark_safe(" ".join(parts))  # built only from escaped parts


# --- pairing through lineage ------------------------------------------------------------


def ancestors(pk, parents):
    """Ids along the `copied_from` chain of `pk` (nearest first), guarding against loops."""
    seen = set()
    current = parents.get(pk)
    while current is not None and current not in seen:
        seen.add(current)
        yield current
        current = parents.get(current)


def pair_items(old_items, new_items, parents):
    """Pair items of two redactions through lineage.

    `parents` maps an item id to its `copied_from` id. An item of `new_items` whose chain
    reaches an item of `old_items` is paired with it; then the other way round, so the
    order of the two redactions does not matter. Returns (pairs, removed, added) where
    pairs is [(old, new)], removed are unpaired old items and added unpaired new ones.
    """
    old_by_id = {item.pk: item for item in old_items}
    new_by_id = {item.pk: item for item in new_items}
    old_to_new = {}
    for item in new_items:
        for ancestor in ancestors(item.pk, parents):
            if ancestor in old_by_id and ancestor not in old_to_new:
                old_to_new[ancestor] = item.pk
                break
    paired_new = set(old_to_new.values())
    for item in old_items:
        if item.pk in old_to_new:
            continue
        for ancestor in ancestors(item.pk, parents):
            if ancestor in new_by_id and ancestor not in paired_new:
                old_to_new[item.pk] = ancestor
                paired_new.add(ancestor)
                break
    new_to_old = {new: old for old, new in old_to_new.items()}
    pairs = [(old_by_id[new_to_old[item.pk]], item) for item in new_items if item.pk in new_to_old]
    removed = [item for item in old_items if item.pk not in old_to_new]
    added = [item for item in new_items if item.pk not in new_to_old]
    return pairs, removed, added


# --- field by field ---------------------------------------------------------------------


@dataclass
class FieldChange:
    """One field that differs. `kind` tells the template how to show the values:
    "text" (word diff in `diff`), "money" (euro), or "value" (as is)."""

    label: str
    kind: str
    old: object
    new: object
    diff: str = ""


@dataclass
class ItemChange:
    status: str  # added / removed / changed
    label: str
    old: object = None
    new: object = None
    fields: list = field(default_factory=list)
    context: str = ""  # e.g. the action line an action belongs to


@dataclass
class SectionComparison:
    key: str
    title: str
    changes: list = field(default_factory=list)
    totals: list = field(default_factory=list)  # [FieldChange] for the investment plan

    def count(self, status):
        return sum(1 for change in self.changes if change.status == status)

    @property
    def added(self):
        return self.count(ADDED)

    @property
    def removed(self):
        return self.count(REMOVED)

    @property
    def changed(self):
        return self.count(CHANGED)


@dataclass
class Comparison:
    old: object
    new: object
    texts: SectionComparison
    sections: list

    def _sum(self, status):
        return self.texts.count(status) + sum(s.count(status) for s in self.sections)

    @property
    def added(self):
        return self._sum(ADDED)

    @property
    def removed(self):
        return self._sum(REMOVED)

    @property
    def changed(self):
        return self._sum(CHANGED)

    @property
    def has_changes(self):
        return bool(self.added or self.removed or self.changed)


def _text(label, attr):
    return (label, "text", lambda obj: getattr(obj, attr) or "", None)


def _value(label, getter, kind="value"):
    return (label, kind, getter, None)


def _choice(label, model, name):
    """A field with choices: compared by its stored value, and shown by its label only
    where it changed (`get_FOO_display()` rebuilds the choices at every call; on a big
    programme's comparison that was a third of the time)."""
    labels = dict(model._meta.get_field(name).flatchoices)
    return (label, "value", lambda obj: getattr(obj, name), labels.get)


def _period(obj):
    return obj.period


def _code_of(attr):
    return lambda obj: getattr(getattr(obj, attr), "code", "") if getattr(obj, attr) else ""


def _number(value):
    """A measured value the way the page shows it: 950.00 → "950", 9.80 → "9,8" in lv."""
    return floatformat(value, "-2g")


def _percent(obj):
    return f"{obj.progress} %"


CODED = [
    _text(_("Code"), "code"),
    _text(_("Title"), "title"),
    _text(_("Description"), "description"),
]

FIELDS = {
    Priority: CODED,
    ActionLine: [*CODED, _value(_("Priority"), _code_of("priority"))],
    Task: [*CODED, _value(_("Action line"), _code_of("action_line"))],
    Action: [
        _text(_("Code"), "code"),
        _text(_("Action"), "title"),
        _value(_("Task"), _code_of("task")),
        _text(_("Responsible"), "responsible"),
        _text(_("Partners"), "partners"),
        _value(_("Period"), _period),
        _text(_("Financing sources"), "financing_sources"),
        _value(_("Estimated cost"), lambda obj: obj.estimated_cost, "money"),
        _choice(_("Status"), Action, "status"),
        _value(_("Progress"), _percent),
    ],
    InvestmentItem: [
        _text(_("Code"), "code"),
        _text(_("Investment project"), "title"),
        _value(_("Action line"), _code_of("action_line")),
        _value(_("Task"), _code_of("task")),
        _text(_("Responsible"), "responsible"),
        _text(_("Expected result"), "expected_result"),
        _value(_("Total"), lambda obj: obj.total, "money"),
    ],
    Indicator: [
        _text(_("Code"), "code"),
        _text(_("Name"), "name"),
        _text(_("Unit"), "unit"),
        _value(_("Baseline"), lambda obj: f"{_number(obj.baseline_value)} ({obj.baseline_year})"),
        _value(_("Target"), lambda obj: f"{_number(obj.target_value)} ({obj.target_year})"),
        _text(_("Source"), "source"),
    ],
    SwotItem: [
        _choice(_("Kind"), SwotItem, "kind"),
        _text(_("Text"), "text"),
    ],
    SituationSection: [
        _choice(_("Thematic area"), SituationSection, "area"),
        _text(_("Title"), "title"),
        _text(_("Text"), "text"),
        _value(
            _("Data sources"),
            lambda obj: ", ".join(sorted(obj.source_codes)),
        ),
    ],
    CoherenceItem: [
        _choice(_("Level"), CoherenceItem, "level"),
        _text(_("Planning document"), "document"),
        _text(_("How the programme agrees with it"), "description"),
    ],
}

REDACTION_TEXTS = [
    ("vision", _("Vision")),
    ("specialisation", _("Specialisation")),
    ("functional_links", _("Functional links")),
]


def compare_fields(old, new, specs):
    """[FieldChange] for every spec (label, kind, getter, shown) whose value differs;
    `shown`, if any, turns the values compared into the values shown."""
    changes = []
    for label, kind, getter, shown in specs:
        before, after = getter(old), getter(new)
        if before == after:
            continue
        if shown is not None:
            before, after = shown(before), shown(after)
        diff = word_diff(before, after) if kind == "text" else ""
        changes.append(FieldChange(label, kind, before, after, diff))
    return changes


def _amount_changes(old, new):
    """Investment amounts compared by (year, source)."""
    before = {(a.year, a.source): a for a in old.amounts.all()}
    after = {(a.year, a.source): a for a in new.amounts.all()}
    changes = []
    for key in sorted(set(before) | set(after)):
        a, b = before.get(key), after.get(key)
        if a is not None and b is not None and a.amount == b.amount:
            continue
        shown = b or a
        label = f"{key[0]}, {shown.get_source_display()}"
        changes.append(
            FieldChange(label, "money", a.amount if a else None, b.amount if b else None)
        )
    return changes


def _value_changes(old, new):
    """Indicator actual values compared by year (`actual_values`: see COMPARE_PREFETCH)."""
    before = {v["year"]: _number(Decimal(v["value"])) for v in old.actual_values}
    after = {v["year"]: _number(Decimal(v["value"])) for v in new.actual_values}
    return [
        FieldChange(
            _("Actual value %(year)s") % {"year": year}, "value", before.get(year), after.get(year)
        )
        for year in sorted(set(before) | set(after))
        if before.get(year) != after.get(year)
    ]


EXTRA_FIELDS = {InvestmentItem: _amount_changes, Indicator: _value_changes}


def _label(item):
    if hasattr(item, "code") and hasattr(item, "title"):
        return f"{item.code} {item.title}"
    if isinstance(item, Indicator):
        return f"{item.code} {item.name}"
    if isinstance(item, SituationSection):
        return f"{item.get_area_display()}: {item.title}"
    if isinstance(item, CoherenceItem):
        return item.document
    if isinstance(item, SwotItem):
        return f"{item.get_kind_display()}: {item.text}"
    return str(item)


def _context(item):
    """Where an item sits, to help a reader find it (parent code)."""
    for attr in ("priority", "action_line", "task"):
        parent = getattr(item, attr, None)
        if parent is not None:
            return parent.code
    return ""


def compare_items(model, old_items, new_items, parents):
    """[ItemChange] for one kind of item: changed and added in the newer order, then removed."""
    pairs, removed, added = pair_items(old_items, new_items, parents)
    specs = FIELDS[model]
    extra = EXTRA_FIELDS.get(model)
    added_ids = {item.pk for item in added}
    pair_of = {new.pk: old for old, new in pairs}
    changes = []
    for item in new_items:
        if item.pk in added_ids:
            changes.append(ItemChange(ADDED, _label(item), new=item, context=_context(item)))
            continue
        if item.pk not in pair_of:
            continue
        old = pair_of[item.pk]
        fields = compare_fields(old, item, specs)
        if extra:
            fields += extra(old, item)
        if fields:
            changes.append(
                ItemChange(
                    CHANGED, _label(item), old=old, new=item, fields=fields, context=_context(item)
                )
            )
    for item in removed:
        changes.append(ItemChange(REMOVED, _label(item), old=item, context=_context(item)))
    return changes


# --- collecting items from a prefetched redaction ----------------------------------------


def collect(redaction):
    """Every content item of a redaction by model, in page order (from prefetched rows)."""
    priorities = list(redaction.priorities.all())
    lines = [line for p in priorities for line in p.action_lines.all()]
    tasks = [task for line in lines for task in line.tasks.all()]
    return {
        SituationSection: list(redaction.situation_sections.all()),
        CoherenceItem: list(redaction.coherence_items.all()),
        SwotItem: list(redaction.swot_items.all()),
        Priority: priorities,
        ActionLine: lines,
        Task: tasks,
        Action: [action for task in tasks for action in task.actions.all()],
        InvestmentItem: [item for line in lines for item in line.investment_items.all()],
        Indicator: list(redaction.indicators.all()),
    }


def lineage(programme_id):
    """{model: {item id: copied_from id}} for every item of every kind in a programme, in
    one query: the lineage of each kind, tagged with its place in SECTIONS, in a UNION ALL."""
    kinds = [model for _key, _title, model in SECTIONS]
    parts = [
        model.objects.filter(**{f"{model.redaction_path}__programme_id": programme_id})
        .annotate(lineage_kind=Value(index, output_field=IntegerField()))
        .values_list("lineage_kind", "id", "copied_from_id")
        .order_by()
        for index, model in enumerate(kinds)
    ]
    maps = {model: {} for model in kinds}
    for index, pk, parent in parts[0].union(*parts[1:], all=True):
        maps[kinds[index]][pk] = parent
    return maps


def _direct_parents(*groups):
    return {item.pk: item.copied_from_id for group in groups for item in group}


SECTIONS = [
    ("situation", _("Situation analysis"), SituationSection),
    ("coherence", _("Coherence with planning documents"), CoherenceItem),
    ("swot", _("SWOT analysis"), SwotItem),
    ("priorities", _("Medium-term priorities"), Priority),
    ("action_lines", _("Action lines"), ActionLine),
    ("tasks", _("Tasks"), Task),
    ("actions", _("Action plan"), Action),
    ("investments", _("Investment plan"), InvestmentItem),
    ("indicators", _("Indicators"), Indicator),
]


def _investment_totals(old, new):
    """Totals of the two investment plans: by year, by source and the grand total."""
    before, after = investment_plan(old), investment_plan(new)
    changes = []
    old_years = dict(zip(before.years, before.totals_by_year, strict=True))
    new_years = dict(zip(after.years, after.totals_by_year, strict=True))
    for year in sorted(set(old_years) | set(new_years)):
        changes.append(FieldChange(str(year), "money", old_years.get(year), new_years.get(year)))
    old_sources = {
        v: t for (v, _label), t in zip(before.sources, before.totals_by_source, strict=True)
    }
    new_sources = {
        v: t for (v, _label), t in zip(after.sources, after.totals_by_source, strict=True)
    }
    labels = dict(before.sources) | dict(after.sources)
    for value in labels:
        changes.append(
            FieldChange(labels[value], "money", old_sources.get(value), new_sources.get(value))
        )
    changes.append(FieldChange(_("Total"), "money", before.grand_total, after.grand_total))
    return changes


def compare_redactions(old, new):
    """Compare two prefetched redactions of one programme (see the module docstring)."""
    old_items, new_items = collect(old), collect(new)
    direct = new.copied_from_id == old.pk or old.copied_from_id == new.pk
    maps = None if direct else lineage(new.programme_id)
    sections = []
    for key, title, model in SECTIONS:
        if direct:
            parents = _direct_parents(old_items[model], new_items[model])
        else:
            parents = maps[model]
        section = SectionComparison(
            key, title, compare_items(model, old_items[model], new_items[model], parents)
        )
        if model is InvestmentItem:
            section.totals = _investment_totals(old, new)
        sections.append(section)
    texts = SectionComparison("texts", _("Vision and strategy"))
    for attr, label in REDACTION_TEXTS:
        before, after = getattr(old, attr) or "", getattr(new, attr) or ""
        if before != after:
            texts.changes.append(
                ItemChange(
                    CHANGED,
                    str(label),
                    old=old,
                    new=new,
                    fields=[FieldChange(label, "text", before, after, word_diff(before, after))],
                )
            )
    return Comparison(old=old, new=new, texts=texts, sections=sections)
