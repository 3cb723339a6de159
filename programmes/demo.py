"""Demo municipalities and development programmes built from the seed documents.

`load()` is idempotent: rows are found by natural keys (slugs, codes, numbers) and a
redaction's content is only written when the redaction is created, while it is still a
draft. Statuses are moved at the end, step by step along the workflow (each step a
plain `save()`, which the model's rules allow); so a second run neither doubles anything
nor touches frozen content.

Fixed keys other apps rely on:
  municipalities   daugavpils, livani
  programmes       daugavpils/ap-2014-2020 (redaction 1: public discussion)
                   livani/iap-2019-2025    (1: superseded, 2: approved, 3: draft)
"""

import datetime
import re
from decimal import Decimal

from django.db import transaction

from core.upsert import save_if_changed, upsert

from . import demo_content as content
from .models import (
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

Status = Redaction.Status


@transaction.atomic
def load():
    national = _national_data_sources()
    daugavpils, livani = _municipalities()
    dp_sources = _data_sources(daugavpils, national)
    lv_sources = _data_sources(livani, national)
    dp_programme, lv_programme = _programmes(daugavpils, livani)
    _steering_group(dp_programme, content.DAUGAVPILS_STEERING_GROUP)
    _steering_group(lv_programme, content.LIVANI_STEERING_GROUP)

    redaction, created = _redaction(dp_programme, 1, "1. redakcija")
    if created:
        _fill(redaction, content.DAUGAVPILS, dp_sources)
    _set_status(
        redaction,
        [Status.DRAFT, Status.PUBLIC_DISCUSSION],
        published_on=datetime.date(2013, 12, 2),
    )

    # Each redaction leaves draft before the next one starts: a programme has one draft
    # at a time (the database holds it).
    first, created = _redaction(lv_programme, 1, "1. redakcija")
    if created:
        _fill(first, content.LIVANI, lv_sources)
    # Published for public discussion on 3 September 2018 (consultations.demo).
    _set_status(
        first,
        [Status.DRAFT, Status.PUBLIC_DISCUSSION],
        published_on=datetime.date(2018, 9, 3),
    )
    second, created = _redaction(lv_programme, 2, "2. redakcija", copied_from=first)
    if created:
        copy_content(first, second)
        _change_second_livani_redaction(second)
    _set_status(
        second,
        [Status.DRAFT, Status.PUBLIC_DISCUSSION, Status.APPROVED],
        published_on=datetime.date(2019, 12, 2),
        decision_number="15",
        decision_date=datetime.date(2019, 11, 28),
        decision_protocol="Nr. 14, 3.§",
    )
    # Approving the second redaction replaced the first.
    _set_status(first, [Status.DRAFT, Status.PUBLIC_DISCUSSION, Status.SUPERSEDED])
    third, created = _redaction(lv_programme, 3, "3. redakcija (aktualizācija)", copied_from=second)
    if created:
        copy_content(second, third)
        _change_third_livani_redaction(third)


# --- reference data ---------------------------------------------------------------------


def _national_data_sources():
    sources = {}
    for code, name, url in content.DATA_SOURCES:
        sources[code], _ = upsert(
            DataSource, code=code, municipality=None, defaults={"name": name, "url": url}
        )
    return sources


def _data_sources(municipality, national):
    """{code: source} a municipality's redactions cite: the national ones and its own."""
    sources = dict(national)
    for code, name, url in content.MUNICIPAL_DATA_SOURCES[municipality.slug]:
        sources[code], _ = upsert(
            DataSource, code=code, municipality=municipality, defaults={"name": name, "url": url}
        )
    return sources


def _municipalities():
    daugavpils, _ = upsert(
        Municipality,
        slug="daugavpils",
        defaults={
            "name": "Daugavpils",
            "kind": Municipality.Kind.CITY,
            "planning_region": Municipality.PlanningRegion.LATGALE,
            "website": "https://www.daugavpils.lv/",
            "description": (
                "Latvijas otrā lielākā pilsēta un Latgales reģiona attīstības centrs "
                "Daugavas krastos."
            ),
        },
    )
    livani, _ = upsert(
        Municipality,
        slug="livani",
        defaults={
            "name": "Līvānu novads",
            "kind": Municipality.Kind.NOVADS,
            "planning_region": Municipality.PlanningRegion.LATGALE,
            "website": "https://www.livani.lv/",
            "description": (
                "Novads Daugavas krastā ar Līvānu pilsētu un pagastiem, pazīstams ar "
                "industriālo parku un stikla ražošanas mantojumu."
            ),
        },
    )
    return daugavpils, livani


def _programmes(daugavpils, livani):
    dp, _ = upsert(
        DevelopmentProgramme,
        municipality=daugavpils,
        slug="ap-2014-2020",
        defaults={
            "title": "Daugavpils pilsētas attīstības programma 2014.–2020. gadam",
            "kind": DevelopmentProgramme.Kind.AP,
            "period_start": 2014,
            "period_end": 2020,
            "drafter_kind": DevelopmentProgramme.Drafter.CONTRACTOR,
            "drafter_name": "SIA „Baltijas Konsultācijas”",
            "summary": (
                "Attīstības programmu izstrādā Daugavpils pilsētas dome sadarbībā ar "
                "ekspertu grupu plānošanas jomā SIA „Baltijas Konsultācijas” ESF projekta "
                "„Daugavpils pilsētas pašvaldības attīstības plānošanas kapacitātes "
                "paaugstināšana” (vienošanās Nr. 1DP/1.5.3.2.0/10/APIA/VRAA/047/042) ietvaros."
            ),
            "contact": (
                "Helēna Trošimova, Daugavpils pilsētas domes Attīstības departamenta "
                "Ekonomikas un investīciju nodaļas telpiskās attīstības plānotāja, "
                "tālr. 654 04358, helena.trosimova@daugavpils.lv"
            ),
        },
    )
    lv, _ = upsert(
        DevelopmentProgramme,
        municipality=livani,
        slug="iap-2019-2025",
        defaults={
            "title": "Līvānu novada integrētā attīstības programma 2019.–2025. gadam",
            "kind": DevelopmentProgramme.Kind.IAP,
            "period_start": 2019,
            "period_end": 2025,
            "drafter_kind": DevelopmentProgramme.Drafter.IN_HOUSE,
            "drafter_name": "Līvānu novada domes Plānošanas un attīstības daļa",
            "summary": (
                "Programma izstrādāta ar plašu sabiedrības līdzdalību: 7 tematiskās un "
                "6 teritoriālās darba grupas (142 dalībnieki), iedzīvotāju, uzņēmēju, "
                "kaimiņu pašvaldību un speciālistu aptaujas."
            ),
            "contact": (
                "Iveta Dobeļe, Plānošanas un attīstības daļas vadītājas vietniece, "
                "Līvānu novada dome"
            ),
        },
    )
    return dp, lv


def _steering_group(programme, spec):
    group, _ = upsert(
        SteeringGroup,
        programme=programme,
        defaults={
            "order_number": spec["order_number"],
            "order_date": datetime.date(*spec["order_date"]),
            "purpose": spec["purpose"],
        },
    )
    for position, (name, job, organisation, role) in enumerate(spec["members"], start=1):
        upsert(
            SteeringGroupMember,
            group=group,
            name=name,
            defaults={
                "position": job,
                "organisation": organisation,
                "role": role,
                "position_in_list": position,
            },
        )
    for number, date, place, agenda, decisions in spec["meetings"]:
        upsert(
            SteeringGroupMeeting,
            group=group,
            number=number,
            defaults={
                "date": datetime.date(*date),
                "place": place,
                "agenda": agenda,
                "decisions": decisions,
            },
        )


# --- redactions -------------------------------------------------------------------------


def _redaction(programme, number, label, copied_from=None):
    return Redaction.objects.get_or_create(
        programme=programme,
        number=number,
        defaults={"label": label, "copied_from": copied_from},
    )


def _set_status(redaction, path, **fields):
    """Move the redaction along `path` (its statuses in workflow order, draft first) from
    where it is now, recording `fields` (publication date, council decision: not content).

    Each step is a plain `save()`, so the model's workflow rules hold here as anywhere; a
    second run finds the redaction at the end of its path and only refreshes `fields`.
    """
    redaction.refresh_from_db()
    steps = path[path.index(redaction.status) + 1 :] if redaction.status in path else []
    if not steps:
        save_if_changed(redaction, **fields)
        return
    for name, value in fields.items():
        setattr(redaction, name, value)
    for status in steps:
        redaction.status = status
        redaction.save()


def _fill(redaction, spec, sources):
    """Write a whole redaction's content from a `demo_content` spec (redaction is a draft)."""
    redaction.summary = spec["summary"]
    redaction.vision = spec["vision"]
    redaction.specialisation = spec["specialisation"]
    redaction.functional_links = spec["functional_links"]
    redaction.save()
    for position, (area, title, text, codes) in enumerate(spec["sections"], start=1):
        section = SituationSection.objects.create(
            redaction=redaction, area=area, title=title, text=text, position=position
        )
        section.data_sources.set([sources[code] for code in codes])
    for position, (level, document, description) in enumerate(spec["coherence"], start=1):
        CoherenceItem.objects.create(
            redaction=redaction,
            level=level,
            document=document,
            description=description,
            position=position,
        )
    for kind, texts in spec["swot"].items():
        for position, text in enumerate(texts, start=1):
            SwotItem.objects.create(redaction=redaction, kind=kind, text=text, position=position)
    priorities = {}
    for code, title, description, lines in spec["priorities"]:
        priority = Priority.objects.create(
            redaction=redaction, code=code, title=title, description=description
        )
        priorities[code] = priority
        for line_spec in lines:
            _add_action_line(priority, line_spec)
    for (
        code,
        name,
        unit,
        priority_code,
        baseline_year,
        baseline_value,
        target_year,
        target_value,
        source,
        values,
    ) in spec["indicators"]:
        indicator = Indicator.objects.create(
            redaction=redaction,
            priority=priorities.get(priority_code),
            code=code,
            name=name,
            unit=unit,
            baseline_year=baseline_year,
            baseline_value=Decimal(baseline_value),
            target_year=target_year,
            target_value=Decimal(target_value),
            source=source,
        )
        for year, value in values.items():
            IndicatorValue.objects.create(indicator=indicator, year=year, value=Decimal(value))


def _add_action_line(priority, line_spec):
    code, title, description, tasks, investments = line_spec
    line = ActionLine.objects.create(
        priority=priority, code=code, title=title, description=description
    )
    by_code = {}
    for task_code, task_title, actions in tasks:
        task = Task.objects.create(action_line=line, code=task_code, title=task_title)
        by_code[task_code] = task
        for action_spec in actions:
            _add_action(task, action_spec)
    for item_code, item_title, responsible, result, task_code, amounts in investments:
        _add_investment(
            line, by_code.get(task_code), item_code, item_title, responsible, result, amounts
        )
    return line


def _add_action(task, spec):
    code, title, responsible, partners, start, end, financing, cost, status, progress = spec
    return Action.objects.create(
        task=task,
        code=code,
        title=title,
        responsible=responsible,
        partners=partners,
        start_year=start,
        end_year=end,
        financing_sources=financing,
        estimated_cost=Decimal(cost),
        status=status,
        progress=progress,
    )


def _add_investment(line, task, code, title, responsible, result, amounts):
    item = InvestmentItem.objects.create(
        action_line=line,
        task=task,
        code=code,
        title=title,
        responsible=responsible,
        expected_result=result,
    )
    for (year, source), amount in amounts.items():
        InvestmentAmount.objects.create(item=item, year=year, source=source, amount=Decimal(amount))
    return item


# --- copying: the next redaction starts as a copy with lineage ---------------------------


def _clone(obj, **changes):
    """A new row with `obj`'s field values, `changes` applied and `copied_from` set to it."""
    values = {
        field.attname: getattr(obj, field.attname)
        for field in obj._meta.concrete_fields
        if not field.primary_key
    }
    values["copied_from_id"] = obj.pk
    values.update(changes)
    return type(obj).objects.create(**values)


def copy_content(source, target):
    """Copy every content item of `source` into the draft `target`, keeping lineage.

    The demo's own copy (programmes.services owns the real workflow); it leaves
    `target`'s own fields alone apart from the strategic texts.
    """
    target.summary = source.summary
    target.vision = source.vision
    target.specialisation = source.specialisation
    target.functional_links = source.functional_links
    target.save()
    for section in source.situation_sections.prefetch_related("data_sources"):
        new = _clone(section, redaction_id=target.pk)
        new.data_sources.set(section.data_sources.all())
    for item in source.coherence_items.all():
        _clone(item, redaction_id=target.pk)
    for item in source.swot_items.all():
        _clone(item, redaction_id=target.pk)
    priority_map, line_map, task_map = {}, {}, {}
    for priority in source.priorities.all():
        new_priority = _clone(priority, redaction_id=target.pk)
        priority_map[priority.pk] = new_priority.pk
        for line in priority.action_lines.all():
            new_line = _clone(line, priority_id=new_priority.pk)
            line_map[line.pk] = new_line.pk
            for task in line.tasks.all():
                new_task = _clone(task, action_line_id=new_line.pk)
                task_map[task.pk] = new_task.pk
                for action in task.actions.all():
                    _clone(action, task_id=new_task.pk)
    items = InvestmentItem.objects.filter(action_line__priority__redaction=source)
    for item in items.prefetch_related("amounts"):
        new_item = _clone(
            item, action_line_id=line_map[item.action_line_id], task_id=task_map.get(item.task_id)
        )
        for amount in item.amounts.all():
            _clone(amount, item_id=new_item.pk)
    for indicator in source.indicators.prefetch_related("values"):
        new_indicator = _clone(
            indicator,
            redaction_id=target.pk,
            priority_id=priority_map.get(indicator.priority_id),
        )
        for value in indicator.values.all():
            _clone(value, indicator_id=new_indicator.pk)


def _in(redaction, model, **lookups):
    return model.objects.in_redaction(redaction).get(**lookups)


def _change_second_livani_redaction(redaction):
    """After the public discussion: the visible differences between redaction 1 and 2."""
    redaction.summary = (
        "Papildināta pēc sabiedriskās apspriešanas: precizēts rīcības virziens, pievienots "
        "uzdevums mājokļu jomā, precizētas investīciju summas."
    )
    redaction.vision = (
        "Līvānu novads 2030. gadā ir uzņēmīgu un radošu cilvēku novads ar modernu rūpniecību, "
        "sakoptu dabas un kultūrvidi un daudzveidīgām iespējām ģimenēm ar bērniem, kur "
        "pilsēta un pagasti attīstās līdzsvaroti."
    )
    redaction.save()
    line = _in(redaction, ActionLine, code="RV1.2")
    line.title = "Atbalsts jaunajiem un esošajiem uzņēmējiem"
    line.save()
    housing = _in(redaction, ActionLine, code="RV3.2")
    task = Task.objects.create(
        action_line=housing,
        code="U3.2.2",
        title="Atbalstīt privāto investoru īres mājokļu projektus",
    )
    _add_action(
        task,
        (
            "R3.2.2.1",
            "Nekustamā nodokļa atvieglojumi īres namu būvētājiem",
            "Finanšu daļa",
            "Plānošanas un attīstības daļa",
            2020,
            2025,
            "Pašvaldības budžets",
            "50000.00",
            "planned",
            0,
        ),
    )
    _in(redaction, SwotItem, kind="threat", text="Būvniecības izmaksu kāpums").delete()
    amount = _in(redaction, InvestmentAmount, item__code="I1.1.1", year=2020, source="eu")
    amount.amount = Decimal("820000.00")
    amount.save()
    indicator = _in(redaction, Indicator, code="R3")
    indicator.target_value = Decimal("1000")
    indicator.save()


def _renumber_action_line(line, old, new):
    """Renumber an action line and everything under it (RV1.3 → RV1.4, its tasks U1.3.1 →
    U1.4.1, their actions R1.3.1.1 → R1.4.1.1, its investments I1.3.1 → I1.4.1), as a
    planner does: codes stay unique in the redaction, free for the line that takes the
    old number."""
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


def _change_third_livani_redaction(redaction):
    """The update being prepared: a renumbered action line, a new one and new amounts."""
    redaction.specialisation = (
        "Līvānu novada specializācija, ņemot vērā Latgales plānošanas reģiona ekonomikas "
        "profilu, ir apstrādes rūpniecība (kokapstrāde, metālapstrāde, būvmateriālu, "
        "farmācijas un fotonikas ražošana) Līvānu industriālajā parkā, kā arī stikla mākslas "
        "un amatniecības mantojumā balstīts tūrisms un radošās industrijas."
    )
    redaction.save()
    tourism = _in(redaction, ActionLine, code="RV1.3")
    _renumber_action_line(tourism, "1.3", "1.4")
    digital = ActionLine.objects.create(
        priority=tourism.priority,
        code="RV1.3",
        title="Digitālā transformācija uzņēmējdarbībā",
        description="Platjoslas internets un digitālās prasmes uzņēmumos.",
    )
    task = Task.objects.create(
        action_line=digital,
        code="U1.3.1",
        title="Nodrošināt platjoslas interneta pieejamību industriālajā parkā",
    )
    _add_action(
        task,
        (
            "R1.3.1.1",
            "Optiskā tīkla pieslēgumi industriālā parka uzņēmumiem",
            "Plānošanas un attīstības daļa",
            "Elektronisko sakaru komersanti",
            2023,
            2025,
            "ERAF, privātie līdzekļi",
            "180000.00",
            "planned",
            0,
        ),
    )
    _add_investment(
        digital,
        task,
        "I1.3.1",
        "Optiskā tīkla izbūve industriālajā parkā",
        "Plānošanas un attīstības daļa",
        "Pieslēgti 25 uzņēmumi",
        {(2023, "eu"): "90000.00", (2024, "eu"): "60000.00", (2024, "private"): "30000.00"},
    )
    action = _in(redaction, Action, code="R1.1.1.2")
    action.status = Action.Status.COMPLETED
    action.progress = 100
    action.save()
    _in(redaction, SwotItem, kind="weakness", text="Mūsdienīgu īres mājokļu trūkums").delete()
    SwotItem.objects.create(
        redaction=redaction,
        kind="opportunity",
        text="Ražošanas pārcelšana tuvāk Eiropas tirgiem (nearshoring)",
        position=5,
    )
    amount = _in(redaction, InvestmentAmount, item__code="I3.2.1", year=2021, source="private")
    amount.amount = Decimal("520000.00")
    amount.save()
