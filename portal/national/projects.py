"""Funding programmes, organisations, council decisions, projects, partners and activities.

A project's dates decide its status (finished in the past: completed or closed; running
now: in progress; starting later: approved or planned); its amounts add up and its EU
share is derived from them as `Project.derive_amounts()` does; its `search_text` is what
`Project.save()` would store. Each project serves a few action lines (and investment
items) of its municipality's published redactions.
"""

import datetime
from decimal import Decimal

from django.utils.text import slugify

from core.text import fold
from programmes.models import ActionLine, InvestmentItem, Redaction
from projects.budget import eu_share
from projects.models import (
    Activity,
    CouncilDecision,
    FundingProgramme,
    Organisation,
    Partnership,
    Project,
)

from . import words
from .words import FACILITIES, SOFT_PROJECTS, WORKS

CENT = Decimal("0.01")

# (fund, name, period start, period end, EU share %, agreement number shape or "")
FUNDING = [
    ("esf", "ESF 1.5.2.2.3. apakšaktivitāte", 2009, 2015, 100, "1DP/1.5.2.2.3/{yy}/APIA/SIF/{n}"),
    ("esf", "ESF 1.5.3.2. apakšaktivitāte", 2009, 2015, 85, "1DP/1.5.3.2.0/{yy}/APIA/VRAA/{n}"),
    ("erdf", "ERAF 3.6.1.1. aktivitāte", 2009, 2015, 85, "3DP/3.6.1.1.0/{yy}/IPIA/VRAA/{n}"),
    ("cf", "KF 3.5.1.1. aktivitāte", 2009, 2015, 85, "3DP/3.5.1.1.0/{yy}/IPIA/VIDM/{n}"),
    ("esf", "ESF 9.2.4.2. pasākums", 2016, 2023, 85, "9.2.4.2/{yy}/I/{n}"),
    ("esf", "ESF 8.3.2.2. pasākums", 2016, 2023, 85, "8.3.2.2/{yy}/I/{n}"),
    ("erdf", "ERAF 5.6.2. specifiskais atbalsta mērķis", 2016, 2023, 85, "5.6.2.0/{yy}/I/{n}"),
    ("erdf", "ERAF 4.2.2. specifiskais atbalsta mērķis", 2016, 2023, 85, "4.2.2.0/{yy}/I/{n}"),
    ("cf", "KF 5.3.1. specifiskais atbalsta mērķis", 2016, 2023, 85, "5.3.1.0/{yy}/I/{n}"),
    ("eafrd", "ELFLA LEADER pasākums", 2016, 2025, 90, "{yy}.05.AL{n}/A019.2201/{n}"),
    ("interreg", "Interreg Latvija–Lietuva", 2016, 2027, 85, ""),
    ("interreg", "Interreg Igaunija–Latvija", 2016, 2027, 85, ""),
    ("interreg", "Interreg Centrālbaltija", 2016, 2027, 75, ""),
    ("interreg", "Interreg Baltijas jūras reģions", 2016, 2027, 80, ""),
    ("efc", "Programma „Eiropa pilsoņiem”", 2012, 2020, 100, ""),
    ("esf", "ESF+ 4.3.1. specifiskais atbalsta mērķis", 2023, 2029, 85, "4.3.1.1/1/{yy}/I/{n}"),
    ("erdf", "ERAF 5.1.1. specifiskais atbalsta mērķis", 2023, 2029, 85, "5.1.1.2/1/{yy}/I/{n}"),
    ("other", "Atveseļošanas un noturības mehānisms", 2022, 2026, 100, "5.1.1.2.i.0/{yy}/I/{n}"),
]
PUBLICITY = {
    "esf": (
        "Šī informācija ir veidota ar Eiropas Savienības Eiropas Sociālā fonda finansiālu atbalstu."
    ),
    "erdf": "Projekts tiek līdzfinansēts no Eiropas Reģionālās attīstības fonda.",
    "cf": "Projekts tiek līdzfinansēts no Eiropas Savienības Kohēzijas fonda.",
    "eafrd": "Eiropas Lauksaimniecības fonds lauku attīstībai: Eiropa investē lauku apvidos.",
    "interreg": "Projekts tiek īstenots ar Eiropas Reģionālās attīstības fonda atbalstu.",
    "efc": "Projektu finansē Eiropas Savienības programma „Eiropa pilsoņiem”.",
    "other": "Finansē Eiropas Savienība – NextGenerationEU.",
}
OPERATIONAL = {
    2009: "Darbības programma „Cilvēkresursi un nodarbinātība” (2007–2013)",
    2016: "Darbības programma „Izaugsme un nodarbinātība” (2014–2020)",
    2023: "Eiropas Savienības kohēzijas politikas programma 2021.–2027. gadam",
}
ACTIVITY_TITLES = {
    "training": ["Apmācības „{topic}”", "Kursu cikls darbiniekiem", "Praktiskās nodarbības"],
    "seminar": ["Seminārs „{topic}”", "Informatīvais seminārs iedzīvotājiem"],
    "study_visit": ["Pieredzes apmaiņas vizīte: {town}", "Mācību brauciens: {town}"],
    "conference": ["Projekta noslēguma konference", "Starptautiskā konference „{topic}”"],
    "meeting": ["Projekta partneru sanāksme", "Vadības komitejas sanāksme Nr. {n}"],
    "procurement": ["Iepirkums „{works}”", "Būvuzraudzības iepirkums"],
    "works": [
        "Būvdarbu uzsākšana",
        "Būvdarbu pieņemšana ekspluatācijā",
        "{works}: darbu etaps {n}",
    ],
    "publicity": ["Informatīvā plāksne uzstādīta", "Publikācija pašvaldības izdevumā"],
    "amendment": ["Grozījumi projekta līgumā Nr. {n}"],
    "other": ["Projekta starpposma atskaite", "Uzraudzības vizīte"],
}


def generate(context):
    funding = _funding_programmes(context)
    organisations = _organisations(context)
    context.step("funding programmes and organisations")
    _projects(context, funding, organisations)
    context.step("projects, partnerships, activities")


def _funding_programmes(context):
    programmes = []
    for fund, name, start, end, share, number in FUNDING:
        operational = OPERATIONAL[max(y for y in OPERATIONAL if y <= start)]
        programme = FundingProgramme(
            fund=fund,
            name=name,
            operational_programme=operational if fund not in ("interreg", "efc") else "",
            measure=name,
            publicity_statement=PUBLICITY[fund],
        )
        programme.period = (start, end)
        programme.share = share
        programme.number = number
        programmes.append(programme)
    created = context.bulk(FundingProgramme, programmes)
    for programme, made in zip(programmes, created, strict=True):
        made.period, made.share, made.number = programme.period, programme.share, programme.number
    return created


def _organisations(context):
    """Each municipality as an organisation, Latvian bodies near it, ministries and foreign
    partners; fewer at a small factor."""
    rng = context.rng
    rows = []
    for place in context.places:
        organisation = Organisation(
            name=place.council,
            country="LV",
            city=place.centre,
            kind=Organisation.Kind.MUNICIPALITY,
            municipality=place.municipality,
        )
        organisation.place = place
        rows.append(organisation)
    others = []
    for place in context.places:
        for kind, name in words.LATVIAN_ORGANISATIONS:
            others.append(
                Organisation(
                    name=name.format(name=place.genitive),
                    country="LV",
                    city=place.centre,
                    kind=kind,
                )
            )
    others += [
        Organisation(name=name, country="LV", city="Rīga", kind="ministry")
        for name in words.MINISTRIES
    ]
    for town, country in words.FOREIGN_TOWNS:
        for kind, name in words.ORGANISATION_KINDS:
            others.append(
                Organisation(
                    name=name.format(town=words.genitive_of(town)),
                    country=country,
                    city=town,
                    kind=kind,
                )
            )
    keep = max(40, round(len(others) * min(1, context.plan.factor * 4)))
    rows += rng.sample(others, min(keep, len(others)))
    for organisation in rows:
        organisation.search_text = fold(
            " ".join([organisation.name, organisation.name_en, organisation.city])
        )
    created = context.bulk(Organisation, rows)
    for place, organisation in zip(context.places, created, strict=False):
        place.organisation = organisation
    return created[len(context.places) :]


def _published_lines(context):
    """{municipality id: ([action line ids], [investment item ids])} of published redactions."""
    lines, items = {}, {}
    for pk, municipality_id in ActionLine.objects.exclude(
        priority__redaction__status=Redaction.Status.DRAFT
    ).values_list("pk", "priority__redaction__programme__municipality_id"):
        lines.setdefault(municipality_id, []).append(pk)
    for pk, municipality_id in InvestmentItem.objects.exclude(
        action_line__priority__redaction__status=Redaction.Status.DRAFT
    ).values_list("pk", "action_line__priority__redaction__programme__municipality_id"):
        items.setdefault(municipality_id, []).append(pk)
    return lines, items


def _projects(context, funding, organisations):
    rng, plan = context.rng, context.plan
    weights = [place.population**0.8 for place in context.places]
    per_place = context.split(plan.projects, weights, minimum=1)
    foreign = [o for o in organisations if o.country != "LV"]
    latvian = [o for o in organisations if o.country == "LV"]
    decisions, projects = [], []
    serial = 0
    # One project per programme funds its drafting (the programme page lists it).
    drafting = {}
    for programme in context.programmes:
        drafting.setdefault(programme.place.slug, []).append(programme)
    for place, count in zip(context.places, per_place, strict=True):
        decision_number = 0
        for _ in range(count):
            serial += 1
            fund = rng.choice(funding)
            start_year, end_year = fund.period
            planned_start = datetime.date(
                rng.randint(start_year, end_year - 1), rng.randint(1, 12), 1
            )
            planned_end = planned_start + datetime.timedelta(days=rng.randint(180, 1400))
            funds = drafting[place.slug].pop() if drafting[place.slug] else None
            project = _project(context, place, fund, serial, planned_start, planned_end, funds)
            if rng.random() < 0.35:
                decision_number += 1
                decision = CouncilDecision(
                    municipality=place.municipality,
                    number=str(decision_number),
                    date=planned_start - datetime.timedelta(days=rng.randint(30, 200)),
                    protocol_number=str(rng.randint(1, 40)),
                    paragraph=str(rng.randint(1, 60)),
                    title=f"Par piedalīšanos projektā „{project.title}”"[:500],
                )
                decisions.append(decision)
                project.decision = decision
            projects.append(project)
    decisions = context.bulk(CouncilDecision, decisions)
    for project in projects:
        if hasattr(project, "decision"):
            project.council_decision = project.decision
    projects = context.bulk(Project, projects)
    context.projects = projects

    # Partnerships: the municipality (lead or partner) and others, as many in all as planned.
    partner_counts = _partner_counts(context, projects)
    partnerships = []
    for project, count in zip(projects, partner_counts, strict=True):
        own = project.place.organisation
        pool = foreign if project.fund.fund == "interreg" or rng.random() < 0.2 else latvian
        others = rng.sample(pool, min(count - 1, len(pool)))
        members = [own] + [o for o in others if o.pk != own.pk]
        lead = 0 if project.municipality_role == Project.Role.LEAD else min(1, len(members) - 1)
        for position, organisation in enumerate(members[:count]):
            partnerships.append(
                Partnership(
                    project=project,
                    organisation=organisation,
                    role=Partnership.Role.LEAD if position == lead else Partnership.Role.PARTNER,
                    budget=(project.total_cost / count).quantize(CENT)
                    if project.total_cost and rng.random() < 0.5
                    else None,
                    position=position,
                )
            )
    # Samples above may come short of a project's count: top up to the plan's total.
    missing = plan.partnerships - len(partnerships)
    taken = {(p.project_id, p.organisation_id) for p in partnerships}
    position = 100
    while missing > 0:
        project = rng.choice(projects)
        organisation = rng.choice(organisations)
        if (project.pk, organisation.pk) in taken:
            continue
        taken.add((project.pk, organisation.pk))
        partnerships.append(
            Partnership(
                project=project,
                organisation=organisation,
                role=Partnership.Role.ASSOCIATED,
                position=position,
            )
        )
        missing -= 1
    context.bulk(Partnership, partnerships[: plan.partnerships])

    activity_counts = context.split(plan.activities, [rng.uniform(0.2, 2.0) for _ in projects])
    activities = []
    for project, count in zip(projects, activity_counts, strict=True):
        activities += [_activity(context, project, n) for n in range(1, count + 1)]
    context.bulk(Activity, activities)

    managers = Project.managers.through
    context.bulk(
        managers,
        [
            managers(project_id=p.pk, user_id=context.managers[p.municipality_id].pk)
            for p in projects
        ],
    )
    lines, items = _published_lines(context)
    line_links, item_links = [], []
    for project in projects:
        own_lines = lines.get(project.municipality_id, [])
        for pk in rng.sample(own_lines, min(len(own_lines), rng.randint(0, 3))):
            line_links.append(Project.action_lines.through(project_id=project.pk, actionline_id=pk))
        own_items = items.get(project.municipality_id, [])
        if own_items and rng.random() < 0.3:
            item_links.append(
                Project.investment_items.through(
                    project_id=project.pk, investmentitem_id=rng.choice(own_items)
                )
            )
    context.bulk(Project.action_lines.through, line_links)
    context.bulk(Project.investment_items.through, item_links)


def _project(context, place, fund, serial, planned_start, planned_end, funds_programme):
    rng, write, today = context.rng, context.write, context.today
    delay = datetime.timedelta(days=rng.choice([0, 0, 0, 30, 61, 92]))
    if planned_end < today:
        status = Project.Status.CLOSED if rng.random() < 0.2 else Project.Status.COMPLETED
        actual_start, actual_end = planned_start + delay, planned_end + delay
        if actual_end > today:
            actual_end = today
    elif planned_start <= today:
        status = Project.Status.IN_PROGRESS
        actual_start, actual_end = planned_start, None
    else:
        status = rng.choice([Project.Status.APPROVED, Project.Status.PLANNED])
        actual_start = actual_end = None
    english = fund.fund in ("interreg", "efc")
    if funds_programme is not None:
        title = f"{place.genitive} attīstības programmas {funds_programme.period} izstrāde"
    elif english or rng.random() < 0.4:
        title = f"{rng.choice(SOFT_PROJECTS)} {place.locative}"
    else:
        facility = rng.choice(FACILITIES)
        title = f"{place.genitive} {facility} {rng.choice(WORKS)}"
    title_original = acronym = ""
    if english:
        a, b, c = (
            rng.choice(words.EN_WORDS_A),
            rng.choice(words.EN_WORDS_B),
            rng.choice(words.EN_WORDS_C),
        )
        title_original = f"{a} {b} {c} for Baltic communities"
        acronym = f"{a}{b}"[:20]
    total = (Decimal(rng.randint(2_000_000, 500_000_000)) / 100).quantize(CENT)
    eu = (total * Decimal(fund.share) / 100).quantize(CENT)
    agreement = ""
    if fund.number:
        agreement = fund.number.format(yy=f"{planned_start.year % 100:02d}", n=f"{serial:05d}")
    project = Project(
        title=title,
        title_original=title_original,
        acronym=acronym,
        slug=f"{slugify(acronym or title)[:60].strip('-')}-{serial}",
        agreement_number=agreement,
        funding_programme=fund,
        municipality=place.municipality,
        municipality_role=Project.Role.LEAD
        if rng.random() < 0.8 or not english
        else Project.Role.PARTNER,
        status=status,
        is_published=rng.random() < 0.97,
        total_cost=total,
        eu_funding=eu,
        planned_start=planned_start,
        planned_end=planned_end,
        actual_start=actual_start,
        actual_end=actual_end,
        objective=write.sentences(place, 2),
        main_activities=write.sentences(place, 2),
        expected_results=write.sentences(place, 1),
        publicity_note=f"Par informācijas saturu atbild {place.council}.",
        funds_programme=funds_programme,
    )
    # What Project.save() computes: the derived amounts and the folded search text.
    project.co_financing = project.total_cost - project.eu_funding
    project.eu_share = eu_share(project.total_cost, project.eu_funding)
    project.search_text = fold(
        " ".join(
            [title, title_original, acronym, agreement, place.municipality.name, project.objective]
        )
    )
    project.place, project.fund = place, fund
    return project


def _partner_counts(context, projects):
    """How many partners each project has: Interreg many, the rest few."""
    rng = context.rng
    weights = []
    for project in projects:
        if project.fund.fund == "interreg":
            weights.append(rng.uniform(3, 15))
        elif project.fund.fund == "efc":
            weights.append(rng.uniform(3, 10))
        else:
            weights.append(rng.uniform(0.5, 3))
    return context.split(context.plan.partnerships, weights, minimum=1)


def _activity(context, project, n):
    rng = context.rng
    start = project.actual_start or project.planned_start
    end = project.actual_end or project.planned_end
    span = max(1, (end - start).days)
    day = start + datetime.timedelta(days=rng.randint(0, span))
    kind = rng.choice(list(ACTIVITY_TITLES))
    topic = words.capitalised(rng.choice(words.TOPICS)[0])
    town = rng.choice(words.FOREIGN_TOWNS)[0]
    works = f"{words.capitalised(rng.choice(FACILITIES))} {rng.choice(WORKS)}"
    title = rng.choice(ACTIVITY_TITLES[kind]).format(topic=topic, town=town, n=n, works=works)
    participants = (
        rng.randint(5, 120)
        if kind in ("training", "seminar", "conference", "study_visit", "meeting")
        else None
    )
    return Activity(
        project=project,
        kind=kind,
        title=title,
        start_date=day,
        end_date=day + datetime.timedelta(days=rng.choice([0, 0, 0, 1, 2, 4])),
        month_only=rng.random() < 0.05,
        place=context.write.address(project.place.centre) if rng.random() < 0.7 else "",
        participants=participants,
        certificates=rng.randint(0, participants) if participants and kind == "training" else None,
        description=context.write.sentences(project.place, rng.randint(1, 3)),
        outcomes=context.write.sentences(project.place, 1) if rng.random() < 0.3 else "",
    )
