"""Municipalities, their staff, programmes, steering groups and redactions with content.

Each programme's redactions are made the way the portal makes them: the first is written
while a draft, then published by the workflow services; every later one is started by
`services.start_next_redaction` (a deep copy with lineage), edited while a draft (titles
reworded, costs corrected, a task added, an action dropped, as planners do) and published
in turn. Approving one supersedes the one approved before it.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from portal.roles import ensure_role_groups
from programmes import services
from programmes.models import (
    Action,
    ActionLine,
    CoherenceItem,
    DataSource,
    DevelopmentProgramme,
    FundingSource,
    Indicator,
    IndicatorValue,
    InvestmentAmount,
    InvestmentItem,
    Municipality,
    Priority,
    Redaction,
    SituationSection,
    StaffProfile,
    SteeringGroup,
    SteeringGroupMeeting,
    SteeringGroupMember,
    SwotItem,
    Task,
    ThematicArea,
    natural_sort_key,
)
from programmes.roles import PLANNER, PROJECT_MANAGER

from . import words
from .words import DEPARTMENTS, FACILITIES, FINANCING, POSITIONS, TOPICS, WORKS

Status = Redaction.Status

NATIONAL_SOURCES = [
    ("CSP", "Centrālā statistikas pārvalde", "https://www.csp.gov.lv/"),
    ("NVA", "Nodarbinātības valsts aģentūra", "https://www.nva.gov.lv/"),
    ("PMLP", "Pilsonības un migrācijas lietu pārvalde", "https://www.pmlp.gov.lv/"),
    ("VID", "Valsts ieņēmumu dienests", "https://www.vid.gov.lv/"),
    ("VZD", "Valsts zemes dienests", "https://www.vzd.gov.lv/"),
]
OWN_SOURCES = [
    ("Iedzīvotāju aptauja", "{genitive} iedzīvotāju aptauja"),
    ("Uzņēmēju aptauja", "{genitive} uzņēmēju aptauja"),
    ("Darba grupas", "{genitive} tematisko darba grupu rezultāti"),
]
REGION_NAMES = {
    "riga": "Rīgas",
    "vidzeme": "Vidzemes",
    "kurzeme": "Kurzemes",
    "zemgale": "Zemgales",
    "latgale": "Latgales",
}
AREA_TITLES = {
    ThematicArea.NATURE: [
        "Dabas un kultūrvēsturiskās vērtības",
        "Ainava un aizsargājamās teritorijas",
    ],
    ThematicArea.POPULATION: ["Iedzīvotāji", "Demogrāfiskā situācija", "Migrācija"],
    ThematicArea.LIVING: [
        "Izglītība un zinātne",
        "Veselības aprūpe",
        "Sociālā drošība",
        "Vide",
        "Kultūrvide un sports",
    ],
    ThematicArea.INFRASTRUCTURE: ["Transports", "Mājokļi", "Komunālie pakalpojumi", "Enerģētika"],
    ThematicArea.ECONOMY: ["Ekonomiskās aktivitātes resursi", "Nodarbinātība", "Tūrisms"],
    ThematicArea.GOVERNANCE: [
        "Budžets un investīcijas",
        "Pārrobežu sadarbība",
        "Tēls un komunikācija",
    ],
}


@dataclass
class RedactionInfo:
    """A generated redaction and what the consultations need to know of it."""

    redaction: Redaction
    programme: DevelopmentProgramme
    place: words.Place
    status: str
    # When its public discussion ran (aware datetimes), None for a draft.
    opens_at: datetime.datetime | None = None
    closes_at: datetime.datetime | None = None


def generate(context):
    _municipalities(context)
    context.step("municipalities, data sources and staff")
    _programmes(context)
    context.step("programmes and steering groups")
    _redactions(context)
    context.step("redactions with their content, through the workflow")


# --- municipalities, data sources, staff --------------------------------------------------


def _municipalities(context):
    rng, write = context.rng, context.write
    context.places = words.places(context.plan.municipalities)
    municipalities = context.bulk(
        Municipality,
        [
            Municipality(
                name=place.name,
                slug=place.slug,
                kind=place.kind,
                planning_region=place.region,
                description=write.sentences(place, 2),
            )
            for place in context.places
        ],
    )
    for place, municipality in zip(context.places, municipalities, strict=True):
        place.municipality = municipality
    national = context.bulk(
        DataSource,
        [DataSource(code=code, name=name, url=url) for code, name, url in NATIONAL_SOURCES],
    )
    own = context.bulk(
        DataSource,
        [
            DataSource(
                municipality=place.municipality,
                code=code,
                name=name.format(genitive=place.genitive),
            )
            for place in context.places
            for code, name in OWN_SOURCES
        ],
    )
    context.sources = {
        place.municipality.pk: national
        + [s for s in own if s.municipality_id == place.municipality.pk]
        for place in context.places
    }

    ensure_role_groups()
    groups = {
        group.name: group for group in Group.objects.filter(name__in=[PLANNER, PROJECT_MANAGER])
    }
    User = get_user_model()
    users = []
    for place in context.places:
        for prefix, role in (("planotajs", PLANNER), ("projekti", PROJECT_MANAGER)):
            first, last = write.person().split(" ", 1)
            user = User(
                username=f"{prefix}.{place.slug}",
                first_name=first,
                last_name=last,
                email=f"{prefix}.{place.slug}@pasts.example",
                is_staff=True,
            )
            # Nobody can log in as generated staff until an administrator sets a password.
            user.set_unusable_password()
            user.role = role
            user.place = place
            users.append(user)
    users = context.bulk(User, users)
    context.bulk(
        StaffProfile,
        [
            StaffProfile(
                user=user,
                municipality=user.place.municipality,
                position=rng.choice(POSITIONS),
                phone=f"+371 6{rng.randint(1000000, 9999999)}",
            )
            for user in users
        ],
    )
    through = User.groups.through
    context.bulk(
        through, [through(user_id=user.pk, group_id=groups[user.role].pk) for user in users]
    )
    for user in users:
        target = context.planners if user.role == PLANNER else context.managers
        target[user.place.municipality.pk] = user


# --- programmes and steering groups -------------------------------------------------------


def _programmes(context):
    """Every municipality's current programme; the biggest also their 2014–2020 one."""
    rng, write = context.rng, context.write
    plan = context.plan
    programmes = []
    for place in context.places:
        if place.kind == "city":
            start, kind, slug = 2021, DevelopmentProgramme.Kind.IAP, "iap-2021-2027"
            title = f"{place.genitive} integrētā attīstības programma 2021.–2027. gadam"
        else:
            start, kind, slug = 2022, DevelopmentProgramme.Kind.AP, "ap-2022-2027"
            title = f"{place.genitive} attīstības programma 2022.–2027. gadam"
        programmes.append(_programme(context, place, title, slug, kind, start, 2027, current=True))
    for place in context.places[: plan.programmes - len(context.places)]:
        title = f"{place.genitive} attīstības programma 2014.–2020. gadam"
        programmes.append(
            _programme(
                context,
                place,
                title,
                "ap-2014-2020",
                DevelopmentProgramme.Kind.AP,
                2014,
                2020,
                current=False,
            )
        )
    created = context.bulk(DevelopmentProgramme, programmes)
    for programme, made in zip(programmes, created, strict=True):
        made.place, made.current = programme.place, programme.current
    context.programmes = created

    groups = context.bulk(
        SteeringGroup,
        [
            SteeringGroup(
                programme=programme,
                name="Vadības grupa",
                order_number=f"{rng.randint(1, 40)}-{rng.randint(1, 12)}/{rng.randint(10, 900)}",
                order_date=datetime.date(
                    programme.period_start - 2, rng.randint(1, 12), rng.randint(1, 28)
                ),
                purpose=(
                    "Vadīt attīstības programmas izstrādi, izvērtēt darba grupu priekšlikumus "
                    "un sagatavot programmas redakcijas nodošanai sabiedriskajai apspriešanai."
                ),
            )
            for programme in created
        ],
    )
    members, meetings = [], []
    for group, programme in zip(groups, created, strict=True):
        place = programme.place
        roles = ["chair", "deputy", "secretary"] + ["member"] * rng.randint(5, 9)
        for position, role in enumerate(roles, start=1):
            members.append(
                SteeringGroupMember(
                    group=group,
                    name=write.person(),
                    position=rng.choice(POSITIONS),
                    organisation=place.council
                    if rng.random() < 0.8
                    else f"{REGION_NAMES[place.region]} plānošanas reģions",
                    role=role,
                    position_in_list=position,
                )
            )
        day = group.order_date
        for number in range(1, rng.randint(4, 9)):
            day += datetime.timedelta(days=rng.randint(20, 70))
            meetings.append(
                SteeringGroupMeeting(
                    group=group,
                    number=number,
                    date=day,
                    place=write.address(place.centre),
                    agenda=write.sentences(place, 1),
                    decisions=rng.choice(
                        [
                            "Sadaļas pieņemtas zināšanai; precizēt datus.",
                            "Atbalstītas vidēja termiņa prioritātes.",
                            "Rīcības plāna projektu papildināt ar darba grupu priekšlikumiem.",
                            "Ieteikt domei nodot redakciju sabiedriskajai apspriešanai.",
                        ]
                    ),
                )
            )
    context.bulk(SteeringGroupMember, members)
    context.bulk(SteeringGroupMeeting, meetings)


def _programme(context, place, title, slug, kind, start, end, *, current):
    write = context.write
    programme = DevelopmentProgramme(
        municipality=place.municipality,
        title=title,
        slug=slug,
        kind=kind,
        period_start=start,
        period_end=end,
        drafter_kind=DevelopmentProgramme.Drafter.IN_HOUSE
        if context.rng.random() < 0.6
        else DevelopmentProgramme.Drafter.CONTRACTOR,
        drafter_name=f"{place.council}, Attīstības nodaļa",
        summary=write.sentences(place, 3),
        contact=f"{write.person()}, plānotājs, tālr. 6{context.rng.randrange(10**7):07d}",
    )
    programme.place, programme.current = place, current
    return programme


# --- redactions ---------------------------------------------------------------------------


def _redactions(context):
    """Spread the plan's redactions over the programmes and take each programme's through
    the workflow. The first programme (the capital's current one) gets an approved
    redaction after a superseded one and a next one in public discussion, the second a
    draft after an approved one, so even a small factor has every status."""
    rng, plan = context.rng, context.plan
    programmes = context.programmes
    weights = [p.place.weight * (2 if p.current else 1) for p in programmes]
    extra = context.split(plan.redactions - 2 * len(programmes), weights)
    counts = [min(2 + e, 9) for e in extra]
    # What the capping took goes to the programmes with room left; the first needs three.
    missing = plan.redactions - sum(counts)
    while counts[0] < 3:
        donor = max(range(1, len(counts)), key=lambda i: counts[i])
        counts[donor] -= 1
        counts[0] += 1
    for i in range(len(counts)):
        while missing and counts[i] < 9:
            counts[i] += 1
            missing -= 1
    for index, (programme, count) in enumerate(zip(programmes, counts, strict=True)):
        open_now = index == 0 or rng.random() < 0.7
        if index == 0:
            tail = Status.PUBLIC_DISCUSSION
        elif index == 1:
            tail = Status.DRAFT
        elif not programme.current:
            tail = Status.APPROVED
        else:
            tail = rng.choices(
                [Status.APPROVED, Status.PUBLIC_DISCUSSION, Status.DRAFT], weights=[55, 25, 20]
            )[0]
        _lifecycle(context, programme, count, tail, open_now)


def _timeline(context, programme, count, tail, open_now):
    """(opens_at, closes_at, decision date) of each redaction's public discussion."""
    rng, now = context.rng, context.now
    if programme.current:
        start = datetime.date(programme.period_start - 1, 5, 1)
        end = context.today - datetime.timedelta(days=60)
    else:
        start, end = datetime.date(2013, 3, 1), datetime.date(2019, 6, 1)
    spaced = count if tail != Status.PUBLIC_DISCUSSION else count - 1
    spaced -= 1 if tail == Status.DRAFT else 0
    windows = []
    step = (end - start) / max(spaced, 1)
    for i in range(spaced):
        day = start + step * i + datetime.timedelta(days=rng.randint(0, max(1, step.days // 3)))
        opens = _at(day, 9)
        closes = _at(day + datetime.timedelta(days=rng.randint(28, 42)), 17)
        decided = min(closes.date() + datetime.timedelta(days=rng.randint(14, 50)), context.today)
        windows.append((opens, closes, decided))
    if tail == Status.PUBLIC_DISCUSSION:
        if open_now:
            # Open now: residents can still send proposals.
            opens = now - datetime.timedelta(days=rng.randint(3, 20))
            closes = now + datetime.timedelta(days=rng.randint(10, 30))
        else:
            # Closed, the planners are still answering before approval.
            opens = now - datetime.timedelta(days=rng.randint(45, 70))
            closes = opens + datetime.timedelta(days=30)
        windows.append(
            (opens.replace(minute=0, second=0), closes.replace(minute=0, second=0), None)
        )
    return windows


def _at(day, hour):
    return timezone.make_aware(datetime.datetime(day.year, day.month, day.day, hour, 0))


def _lifecycle(context, programme, count, tail, open_now):
    rng, write = context.rng, context.write
    place = programme.place
    windows = _timeline(context, programme, count, tail, open_now)
    previous = None
    for i in range(count):
        last = i == count - 1
        status = tail if last else Status.APPROVED
        if not last and i > 0 and rng.random() < 0.04:
            status = Status.WITHDRAWN
        if previous is None:
            redaction = Redaction.objects.create(
                programme=programme,
                number=1,
                label="1. redakcija",
                summary="Pirmā redakcija, sagatavota pēc darba grupu un iedzīvotāju aptaujas.",
                vision=_vision(context, programme),
                specialisation=write.sentences(place, 3),
                functional_links=write.sentences(place, 3),
            )
            _content(context, redaction, programme)
        else:
            redaction = services.start_next_redaction(redaction=previous, user=None)
            redaction.label = f"{redaction.number}. redakcija"
            redaction.summary = (
                "Redakcija sagatavota, ņemot vērā sabiedriskās apspriešanas priekšlikumus "
                "un uzraudzības ziņojumu."
            )
            _edit(context, redaction, programme)
        info = RedactionInfo(redaction, programme, place, status)
        if status == Status.DRAFT:
            redaction.save()
            context.redactions.append(info)
            break
        opens, closes, decided = windows[min(i, len(windows) - 1)]
        info.opens_at, info.closes_at = opens, closes
        redaction.published_on = timezone.localdate(opens)
        redaction.save()
        services.open_public_discussion(redaction=redaction, user=None)
        if status == Status.APPROVED:
            services.approve_redaction(
                redaction=redaction,
                user=None,
                decision_number=str(rng.randint(1, 900)),
                decision_date=decided,
                decision_protocol=f"Nr. {rng.randint(1, 40)}, {rng.randint(1, 60)}.§",
            )
        elif status == Status.WITHDRAWN:
            services.withdraw_redaction(redaction=redaction, user=None)
        context.redactions.append(info)
        previous = redaction
    # Approving later redactions superseded earlier ones: record where each ended.
    final = dict(Redaction.objects.filter(programme=programme).values_list("pk", "status"))
    for info in context.redactions:
        if info.programme is programme:
            info.status = final[info.redaction.pk]


def _vision(context, programme):
    place = programme.place
    return (
        f"{place.name} {programme.period_end + 3}. gadā ir droša, zaļa un uzņēmīga vieta, kur "
        f"cilvēki vēlas dzīvot, mācīties un strādāt: ar sakārtotu infrastruktūru, "
        f"pieejamiem pakalpojumiem un daudzveidīgu kultūrvidi."
    )


def _size(context, place):
    """(priorities, action lines per priority, tasks per line, actions per task) ranges."""
    w = place.weight
    return (
        3 + round(4 * w),
        (2, 3 + round(2 * w)),
        (2, 2 + round(2 * w)),
        (1, 1 + round(2 * w)),
    )


def _title_of(context, pool, fallback):
    if context.rng.random() < 0.5:
        return context.rng.choice(pool)["title"]
    return fallback()


def _line_title(context):
    topic_gen = context.rng.choice(TOPICS)[1]
    doing = context.rng.choice(words.DOINGS)[0]
    return f"{words.capitalised(topic_gen)} {doing}"


def _task_title(context):
    topic_gen = context.rng.choice(TOPICS)[1]
    doing_acc = context.rng.choice(words.DOINGS)[1]
    verb = context.rng.choice(["Nodrošināt", "Veicināt", "Turpināt", "Plānot"])
    return f"{verb} {topic_gen} {doing_acc}"


def _works_title(context):
    facility = context.rng.choice(FACILITIES)
    return f"{words.capitalised(facility)} {context.rng.choice(WORKS)}"


def _content(context, redaction, programme):
    """The whole content of a first redaction, written while it is a draft."""
    rng, write = context.rng, context.write
    place = programme.place
    demo = words.demo_programme_items()
    municipality_id = place.municipality.pk
    # Situation analysis, with the data sources each section cites.
    sections = []
    for area, titles in AREA_TITLES.items():
        for position, title in enumerate(rng.sample(titles, rng.randint(1, len(titles)))):
            sections.append(
                SituationSection(
                    redaction=redaction,
                    area=area,
                    title=title,
                    position=position,
                    text=write.paragraphs(place, rng.randint(1, 3)),
                )
            )
    sections = context.bulk(SituationSection, sections)
    sources = context.sources[municipality_id]
    through = SituationSection.data_sources.through
    context.bulk(
        through,
        [
            through(situationsection_id=section.pk, datasource_id=source.pk)
            for section in sections
            for source in rng.sample(sources, rng.randint(1, 3))
        ],
    )
    swot = []
    for kind, texts in demo["swot"].items():
        for position, text in enumerate(rng.sample(texts, min(len(texts), rng.randint(3, 6)))):
            swot.append(SwotItem(redaction=redaction, kind=kind, text=text, position=position))
    context.bulk(SwotItem, swot)
    documents = {item["document"]: item for item in demo["coherence"]}
    coherence = [
        CoherenceItem(
            redaction=redaction,
            level=item["level"],
            document=item["document"],
            description=item.get("description", ""),
            position=position,
        )
        for position, item in enumerate(
            rng.sample(list(documents.values()), min(3, len(documents)))
        )
    ]
    coherence.append(
        CoherenceItem(
            redaction=redaction,
            level=CoherenceItem.Level.REGIONAL,
            document=(
                f"{REGION_NAMES[place.region]} plānošanas reģiona attīstības programma "
                "2021.–2027. gadam"
            ),
            description=(
                "Programma ievēro reģiona prioritātes uzņēmējdarbības, transporta un tūrisma "
                "attīstībai."
            ),
            position=len(coherence),
        )
    )
    context.bulk(CoherenceItem, coherence)

    # Priorities → action lines → tasks → actions; investment items and their amounts.
    n_priorities, lines_range, tasks_range, actions_range = _size(context, place)
    priorities = context.bulk(
        Priority,
        [
            _coded(
                Priority(
                    redaction=redaction,
                    title=item["title"],
                    description=item.get("description", ""),
                ),
                f"VTP{p}",
            )
            for p, item in enumerate(
                rng.sample(demo["priorities"], min(n_priorities, len(demo["priorities"])))
                + [
                    {"title": _line_title(context)}
                    for _ in range(n_priorities - len(demo["priorities"]))
                ],
                start=1,
            )
        ],
    )
    lines = []
    for p, priority in enumerate(priorities, start=1):
        for n in range(1, rng.randint(*lines_range) + 1):
            lines.append(
                _coded(
                    ActionLine(
                        priority=priority,
                        title=_title_of(
                            context, demo["action_lines"], lambda: _line_title(context)
                        ),
                        description=write.sentences(place, 1),
                    ),
                    f"RV{p}.{n}",
                )
            )
    lines = context.bulk(ActionLine, lines)
    tasks = []
    for line in lines:
        for n in range(1, rng.randint(*tasks_range) + 1):
            tasks.append(
                _coded(
                    Task(
                        action_line=line,
                        title=_title_of(context, demo["tasks"], lambda: _task_title(context)),
                        description=write.sentences(place, 1) if rng.random() < 0.4 else "",
                    ),
                    f"U{line.code[2:]}.{n}",
                )
            )
    tasks = context.bulk(Task, tasks)
    actions = []
    for task in tasks:
        for n in range(1, rng.randint(*actions_range) + 1):
            actions.append(_action(context, programme, task, f"R{task.code[1:]}.{n}"))
    context.bulk(Action, actions)

    tasks_of = {}
    for task in tasks:
        tasks_of.setdefault(task.action_line_id, []).append(task)
    items = []
    for line in lines:
        for n in range(1, rng.randint(1, 3) + 1):
            task = rng.choice(tasks_of[line.pk]) if rng.random() < 0.7 else None
            item = InvestmentItem(
                action_line=line,
                task=task,
                title=_title_of(context, demo["investments"], lambda: _works_title(context)),
                responsible=rng.choice(DEPARTMENTS),
                expected_result=rng.choice(
                    [
                        "Pārbūvēta ēka un uzlabota energoefektivitāte",
                        "Izbūvēti 2,5 km ielu ar apgaismojumu",
                        "Pakalpojums pieejams 500 iedzīvotājiem",
                        "Izveidotas 40 jaunas darba vietas",
                        "",
                    ]
                ),
                code=f"I{line.code[2:]}.{n}",
            )
            item.sort_key = natural_sort_key(item.code)
            items.append(item)
    items = context.bulk(InvestmentItem, items)
    context.bulk(
        InvestmentAmount, [a for item in items for a in _amounts(context, programme, item)]
    )

    indicators = []
    for n in range(1, 2 * len(priorities) + rng.randint(1, 4) + 1):
        spec = rng.choice(demo["indicators"])
        baseline = Decimal(str(spec["baseline_value"]))
        target = Decimal(str(spec["target_value"]))
        scale = Decimal(rng.choice(["0.5", "1", "1", "2", "5"])) if baseline > 100 else Decimal(1)
        indicators.append(
            _coded(
                Indicator(
                    redaction=redaction,
                    priority=rng.choice(priorities) if rng.random() < 0.8 else None,
                    name=spec["name"],
                    unit=spec["unit"],
                    baseline_year=programme.period_start - 1,
                    baseline_value=(baseline * scale).quantize(Decimal("0.01")),
                    target_year=programme.period_end,
                    target_value=(target * scale).quantize(Decimal("0.01")),
                    source=spec.get("source", "CSP"),
                ),
                f"R{n}",
            )
        )
    indicators = context.bulk(Indicator, indicators)
    values = []
    last_year = min(context.today.year - 1, programme.period_end)
    for indicator in indicators:
        span = indicator.target_value - indicator.baseline_value
        for year in range(indicator.baseline_year + 1, last_year + 1):
            share = Decimal(year - indicator.baseline_year) / Decimal(
                indicator.target_year - indicator.baseline_year
            )
            noise = Decimal(str(round(rng.uniform(-0.15, 0.1), 3)))
            value = indicator.baseline_value + span * (share + noise)
            values.append(
                IndicatorValue(
                    indicator=indicator, year=year, value=value.quantize(Decimal("0.01"))
                )
            )
    context.bulk(IndicatorValue, values)


def _coded(obj, code):
    obj.code = code
    obj.sort_key = natural_sort_key(code)
    return obj


def _action(context, programme, task, code):
    rng = context.rng
    start = rng.randint(programme.period_start, programme.period_end - 1)
    end = rng.randint(start, programme.period_end)
    if end < context.today.year:
        status = rng.choices(["completed", "cancelled", "postponed"], weights=[80, 10, 10])[0]
    elif start <= context.today.year:
        status = rng.choices(["in_progress", "completed", "postponed"], weights=[70, 20, 10])[0]
    else:
        status = "planned"
    progress = {
        "completed": 100,
        "in_progress": rng.randint(5, 95),
        "planned": 0,
        "postponed": rng.randint(0, 30),
        "cancelled": 0,
    }[status]
    demo = words.demo_programme_items()["actions"]
    return _coded(
        Action(
            task=task,
            title=_title_of(context, demo, lambda: _works_title(context)),
            responsible=rng.choice(DEPARTMENTS),
            partners=rng.choice(DEPARTMENTS) if rng.random() < 0.6 else "",
            start_year=start,
            end_year=end,
            financing_sources=rng.choice(FINANCING),
            estimated_cost=Decimal(rng.randint(5, 4000) * 1000) if rng.random() < 0.9 else None,
            status=status,
            progress=progress,
        ),
        code,
    )


def _amounts(context, programme, item):
    rng = context.rng
    years = sorted(
        rng.sample(range(programme.period_start, programme.period_end + 1), rng.randint(3, 5))
    )
    sources = rng.sample(list(FundingSource.values), rng.randint(1, 3))
    return [
        InvestmentAmount(
            item=item, year=year, source=source, amount=Decimal(rng.randint(2, 900) * 1000)
        )
        for year in years
        for source in sources
    ]


def _edit(context, redaction, programme):
    """What a planner changes in the copy before publishing it."""
    rng, write = context.rng, context.write
    place = programme.place
    redaction.vision = _vision(context, programme).replace(
        "droša, zaļa un uzņēmīga", rng.choice(["zaļa, gudra un atvērta", "droša un uzņēmīga"])
    )
    lines = list(ActionLine.objects.in_redaction(redaction).only("pk", "title", "code"))
    changed = rng.sample(lines, max(1, len(lines) // 10))
    for line in changed:
        line.title = _line_title(context)
    ActionLine.objects.bulk_update(changed, ["title"])
    tasks = list(Task.objects.in_redaction(redaction).only("pk", "title", "code", "action_line_id"))
    changed = rng.sample(tasks, max(1, len(tasks) // 12))
    for task in changed:
        task.title = _task_title(context)
        task.description = write.sentences(place, 1)
    Task.objects.bulk_update(changed, ["title", "description"])
    actions = list(Action.objects.in_redaction(redaction).only("pk", "estimated_cost"))
    changed = [a for a in rng.sample(actions, max(1, len(actions) // 7)) if a.estimated_cost]
    for action in changed:
        action.estimated_cost = (
            action.estimated_cost * Decimal(rng.choice(["1.1", "1.25", "0.8"]))
        ).quantize(Decimal("1"))
    Action.objects.bulk_update(changed, ["estimated_cost"])
    amounts = list(InvestmentAmount.objects.in_redaction(redaction).only("pk", "amount"))
    changed = rng.sample(amounts, max(1, len(amounts) // 10))
    for amount in changed:
        amount.amount = amount.amount + Decimal(rng.randint(1, 100) * 1000)
    InvestmentAmount.objects.bulk_update(changed, ["amount"])
    # An action dropped, a task (with an action) added under a line.
    Action.objects.filter(
        pk__in=[a.pk for a in rng.sample(actions, min(2, len(actions) - 1))]
    ).delete()
    tasks_of = {}
    for task in tasks:
        tasks_of.setdefault(task.action_line_id, []).append(task)
    new_tasks = []
    for line in rng.sample(lines, min(len(lines), rng.randint(1, 3))):
        number = (
            max(int(t.code.rsplit(".", 1)[1]) for t in tasks_of.get(line.pk, [])) + 1
            if tasks_of.get(line.pk)
            else 1
        )
        new_tasks.append(
            _coded(
                Task(
                    action_line=line,
                    title=_task_title(context),
                    description=write.sentences(place, 1),
                ),
                f"U{line.code[2:]}.{number}",
            )
        )
    new_tasks = context.bulk(Task, new_tasks)
    context.bulk(
        Action, [_action(context, programme, task, f"R{task.code[1:]}.1") for task in new_tasks]
    )
    swot = list(SwotItem.objects.in_redaction(redaction).only("pk", "kind"))
    if len(swot) > 4:
        SwotItem.objects.filter(pk=rng.choice(swot).pk).delete()
    context.bulk(
        SwotItem,
        [
            SwotItem(
                redaction=redaction,
                kind=SwotItem.Kind.OPPORTUNITY,
                text=(
                    f"ES fondu {programme.period_start}.–{programme.period_end}. gada "
                    "plānošanas perioda finansējums"
                ),
                position=99,
            )
        ],
    )
    # The latest monitoring values arrive with the new redaction.
    indicators = list(Indicator.objects.in_redaction(redaction).only("pk", "target_value"))
    for indicator in rng.sample(indicators, max(1, len(indicators) // 8)):
        indicator.target_value = (indicator.target_value * Decimal("1.05")).quantize(
            Decimal("0.01")
        )
    Indicator.objects.bulk_update(indicators, ["target_value"])
