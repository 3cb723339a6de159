"""Demo municipalities, data sources and development programmes.

Read from `data/municipalities.toml` and one file per programme. Rows are found by natural
keys (slugs, codes, numbers), so a second run doubles nothing. A redaction is made as the
portal makes one, and only when it does not exist yet:

- the first from its file's content, written while it is a draft;
- a later one (`started_from`) by `programmes.services.start_next_redaction`, the copy with
  lineage a planner starts in admin, then changed by the file's `edits` while a draft.

Each is then taken through the workflow services to its file's `status`: approving one
supersedes the redaction approved or in public discussion before it, as in admin. A second
run finds every redaction where its file leaves it and writes nothing.

Fixed keys other apps rely on:
  municipalities   daugavpils, livani
  programmes       daugavpils/ap-2014-2020 (redaction 1: public discussion)
                   livani/iap-2019-2025    (1: superseded, 2: approved, 3: draft)
"""

import re

from django.apps import apps
from django.db import transaction

from core.upsert import save_if_changed, upsert
from programmes import services
from programmes.models import (
    Action,
    ActionLine,
    CoherenceItem,
    DataSource,
    DevelopmentProgramme,
    Indicator,
    IndicatorValue,
    InvestmentAmount,
    InvestmentItem,
    Municipality,
    Priority,
    Redaction,
    SituationSection,
    SteeringGroup,
    SteeringGroupMeeting,
    SteeringGroupMember,
    SwotItem,
    Task,
)

from .files import money, read

Status = Redaction.Status

PROGRAMME_FILES = ["daugavpils-ap-2014-2020", "livani-iap-2019-2025"]
# What a redaction's file records on it besides its content (not frozen with it).
RECORD_FIELDS = ("published_on", "decision_number", "decision_date", "decision_protocol")
TEXT_FIELDS = ("summary", "vision", "specialisation", "functional_links")


@transaction.atomic
def load():
    spec = read("municipalities")
    national = {
        source["code"]: _data_source(None, source) for source in spec["national_data_sources"]
    }
    sources = {}
    for municipality_spec in spec["municipalities"]:
        municipality_spec = dict(municipality_spec)
        own = municipality_spec.pop("data_sources")
        municipality, _ = upsert(
            Municipality, slug=municipality_spec.pop("slug"), defaults=municipality_spec
        )
        # What its redactions cite: the national sources and its own.
        sources[municipality.slug] = {
            **national,
            **{source["code"]: _data_source(municipality, source) for source in own},
        }
    for name in PROGRAMME_FILES:
        _programme(read(name), sources)


def _data_source(municipality, spec):
    source, _ = upsert(
        DataSource,
        code=spec["code"],
        municipality=municipality,
        defaults={"name": spec["name"], "url": spec["url"]},
    )
    return source


def _programme(spec, sources):
    fields = dict(spec["programme"])
    municipality = Municipality.objects.get(slug=fields.pop("municipality"))
    programme, _ = upsert(
        DevelopmentProgramme, municipality=municipality, slug=fields.pop("slug"), defaults=fields
    )
    _steering_group(programme, spec["steering_group"])
    redactions = {}
    for redaction_spec in spec["redactions"]:
        redaction = _redaction(programme, redaction_spec, redactions, sources[municipality.slug])
        redactions[redaction.number] = redaction


def _steering_group(programme, spec):
    group, _ = upsert(
        SteeringGroup,
        programme=programme,
        defaults={
            "order_number": spec["order_number"],
            "order_date": spec["order_date"],
            "purpose": spec["purpose"],
        },
    )
    for position, member in enumerate(spec["members"], start=1):
        upsert(
            SteeringGroupMember,
            group=group,
            name=member["name"],
            defaults={
                "position": member["position"],
                "organisation": member["organisation"],
                "role": member["role"],
                "position_in_list": position,
            },
        )
    for meeting in spec["meetings"]:
        meeting = dict(meeting)
        upsert(SteeringGroupMeeting, group=group, number=meeting.pop("number"), defaults=meeting)


# --- redactions -------------------------------------------------------------------------


def _redaction(programme, spec, earlier, sources):
    """The redaction `spec` describes: found, or made (from its content, or as the next
    redaction of the one it starts from, then edited); then taken to its status."""
    redaction = Redaction.objects.filter(programme=programme, number=spec["number"]).first()
    if redaction is None and "started_from" in spec:
        redaction = services.start_next_redaction(
            redaction=earlier[spec["started_from"]], user=None
        )
        if redaction.number != spec["number"]:
            raise ValueError(
                f"{programme}: the next redaction is No. {redaction.number}, the demo data "
                f"describes No. {spec['number']}"
            )
        redaction.label = spec["label"]
        for name in TEXT_FIELDS:
            if name in spec:
                setattr(redaction, name, spec[name])
        redaction.save()
        for edit in spec.get("edits", []):
            _edit(redaction, edit)
    elif redaction is None:
        redaction = Redaction.objects.create(
            programme=programme, number=spec["number"], label=spec["label"]
        )
        _fill(redaction, spec, sources)
    _publish(redaction, spec)
    return redaction


def _publish(redaction, spec):
    """Take a draft through the workflow to `spec["status"]`, its publication date and
    council decision recorded on it first (a draft's record may still be written)."""
    target = spec.get("status", Status.DRAFT)
    if redaction.status == Status.DRAFT:
        save_if_changed(redaction, **{name: spec[name] for name in RECORD_FIELDS if name in spec})
        if target == Status.DRAFT:
            return
        redaction = services.open_public_discussion(redaction=redaction, user=None)
    if redaction.status == Status.PUBLIC_DISCUSSION and target == Status.APPROVED:
        services.approve_redaction(redaction=redaction, user=None)


def _fill(redaction, spec, sources):
    """Write a whole redaction's content from its file (the redaction is a draft)."""
    for name in TEXT_FIELDS:
        setattr(redaction, name, spec[name])
    redaction.save()
    for position, section in enumerate(spec["sections"], start=1):
        created = SituationSection.objects.create(
            redaction=redaction,
            area=section["area"],
            title=section["title"],
            text=section["text"],
            position=position,
        )
        created.data_sources.set([sources[code] for code in section.get("data_sources", [])])
    for position, item in enumerate(spec["coherence"], start=1):
        CoherenceItem.objects.create(
            redaction=redaction,
            level=item["level"],
            document=item["document"],
            description=item["description"],
            position=position,
        )
    for kind, texts in spec["swot"].items():
        for position, text in enumerate(texts, start=1):
            SwotItem.objects.create(redaction=redaction, kind=kind, text=text, position=position)
    priorities = {}
    for priority_spec in spec["priorities"]:
        priority = Priority.objects.create(
            redaction=redaction,
            code=priority_spec["code"],
            title=priority_spec["title"],
            description=priority_spec["description"],
        )
        priorities[priority.code] = priority
        for line_spec in priority_spec.get("action_lines", []):
            _add_action_line(priority, line_spec)
    for indicator_spec in spec["indicators"]:
        indicator = Indicator.objects.create(
            redaction=redaction,
            priority=priorities.get(indicator_spec.get("priority")),
            code=indicator_spec["code"],
            name=indicator_spec["name"],
            unit=indicator_spec["unit"],
            baseline_year=indicator_spec["baseline_year"],
            baseline_value=money(indicator_spec["baseline_value"]),
            target_year=indicator_spec["target_year"],
            target_value=money(indicator_spec["target_value"]),
            source=indicator_spec["source"],
        )
        for value in indicator_spec.get("values", []):
            IndicatorValue.objects.create(
                indicator=indicator, year=value["year"], value=money(value["value"])
            )


def _add_action_line(priority, spec):
    line = ActionLine.objects.create(
        priority=priority, code=spec["code"], title=spec["title"], description=spec["description"]
    )
    tasks = {}
    for task_spec in spec.get("tasks", []):
        task = _add_task(line, task_spec)
        tasks[task.code] = task
    for item in spec.get("investments", []):
        _add_investment(line, tasks.get(item.get("task")), item)
    return line


def _add_task(line, spec):
    task = Task.objects.create(action_line=line, code=spec["code"], title=spec["title"])
    for action in spec.get("actions", []):
        Action.objects.create(
            task=task,
            code=action["code"],
            title=action["title"],
            responsible=action["responsible"],
            partners=action["partners"],
            start_year=action["start_year"],
            end_year=action["end_year"],
            financing_sources=action["financing_sources"],
            estimated_cost=money(action["estimated_cost"]),
            status=action["status"],
            progress=action["progress"],
        )
    return task


def _add_investment(line, task, spec):
    item = InvestmentItem.objects.create(
        action_line=line,
        task=task,
        code=spec["code"],
        title=spec["title"],
        responsible=spec["responsible"],
        expected_result=spec["expected_result"],
    )
    for amount in spec.get("amounts", []):
        InvestmentAmount.objects.create(
            item=item,
            year=amount["year"],
            source=amount["source"],
            amount=money(amount["amount"]),
            spent=money(amount.get("spent")),
        )
    return item


# --- the edits a later redaction's file makes to the copy --------------------------------


def _in(redaction, model_name, lookups):
    model = apps.get_model("programmes", model_name)
    return model.objects.in_redaction(redaction).get(**lookups)


def _edit(redaction, edit):
    """Apply one edit of a redaction's file to the draft, as a planner would in admin:
    `change` (find by `where`, `set` fields), `remove`, `renumber` an action line, or
    `add` a task (`under` an action line), an action line (`under` a priority) or a SWOT
    item."""
    if "change" in edit:
        obj = _in(redaction, edit["change"], edit["where"])
        for name, value in edit["set"].items():
            setattr(obj, name, obj._meta.get_field(name).to_python(value))
        obj.save()
    elif "remove" in edit:
        _in(redaction, edit["remove"], edit["where"]).delete()
    elif "renumber" in edit:
        _renumber_action_line(_in(redaction, "ActionLine", {"code": edit["renumber"]}), edit["to"])
    elif edit.get("add") == "Task":
        _add_task(_in(redaction, "ActionLine", {"code": edit["under"]}), edit)
    elif edit.get("add") == "ActionLine":
        _add_action_line(_in(redaction, "Priority", {"code": edit["under"]}), edit)
    elif edit.get("add") == "SwotItem":
        SwotItem.objects.create(
            redaction=redaction, kind=edit["kind"], text=edit["text"], position=edit["position"]
        )
    else:
        raise ValueError(f"Unknown edit in the demo data: {edit}")


def _renumber_action_line(line, code):
    """Renumber an action line and everything under it (RV1.3 → RV1.4, its tasks U1.3.1 →
    U1.4.1, their actions R1.3.1.1 → R1.4.1.1, its investments I1.3.1 → I1.4.1), as a
    planner does: codes stay unique in the redaction, free for the line that takes the
    old number."""
    old, new = (re.sub(r"^[A-Z]+", "", value) for value in (line.code, code))
    pattern = re.compile(rf"^([A-Z]+){re.escape(old)}(?=\.|$)")

    def renumbered(obj):
        obj.code = pattern.sub(rf"\g<1>{new}", obj.code)
        obj.save()

    renumbered(line)
    for task in line.tasks.all():
        renumbered(task)
        for action in task.actions.all():
            renumbered(action)
    for item in line.investment_items.all():
        renumbered(item)
