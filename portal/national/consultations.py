"""Working groups, surveys, public discussions with residents' proposals, events and
e-mail subscriptions.

Each discussion runs when its redaction was in public discussion (the window the
programmes part recorded), so a proposal's receipt time falls in its discussion, as
`Proposal.clean()` requires. Discussion sizes follow a power law: the largest (on the
capital's approved redaction) has the plan's `largest_discussion` proposals, the others
fewer and fewer, adding up to the plan's total. Most proposals of a closed discussion are
answered, with a reason; a few are hidden, with the reason why.
"""

import datetime
import secrets

from django.db.models import Q
from django.utils.text import slugify

from consultations.models import (
    Event,
    Proposal,
    PublicDiscussion,
    Sector,
    Subscription,
    Survey,
    WorkingGroup,
    WorkingGroupMeeting,
    WorkingGroupProposal,
)
from core.text import fold
from programmes.models import ActionLine, Priority, Redaction, SituationSection, Task

from . import words

Status = Redaction.Status

THEMATIC_NAMES = {
    Sector.ENTREPRENEURS: "Uzņēmējdarbības darba grupa",
    Sector.NGO: "Nevalstisko organizāciju darba grupa",
    Sector.CULTURE: "Kultūras, sporta un tūrisma darba grupa",
    Sector.EDUCATION: "Izglītības un jaunatnes darba grupa",
    Sector.HEALTH_SOCIAL: "Veselības un sociālo pakalpojumu darba grupa",
    Sector.STATE: "Valsts iestāžu darba grupa",
    Sector.ADMINISTRATION: "Domes nodaļu vadītāju darba grupa",
    Sector.OTHER: "Vides un teritorijas attīstības darba grupa",
}
OUTCOMES = [
    "vīzija",
    "SVID",
    "VTP1",
    "RV1.1",
    "RV2.3",
    "RV3.1",
    "rīcības plāns",
    "investīciju plāns",
    "",
]
HIDDEN_REASONS = [
    "Aizskarošs saturs.",
    "Satur personas datus.",
    "Reklāma, nav saistīta ar programmu.",
]
AUDIENCES = list(Survey.Audience.values)
SURVEY_TITLES = {
    "residents": "iedzīvotāju aptauja",
    "entrepreneurs": "uzņēmēju aptauja",
    "neighbours": "kaimiņu pašvaldību aptauja",
    "specialists": "nozaru speciālistu aptauja",
    "youth": "jauniešu aptauja",
    "other": "nevalstisko organizāciju aptauja",
}


def generate(context):
    _working_groups(context)
    _surveys(context)
    context.step("working groups and surveys")
    discussions = _discussions(context)
    _proposals(context, discussions)
    context.step("public discussions and proposals")
    _events(context, discussions)
    _subscriptions(context)
    context.step("events and subscriptions")


def _working_groups(context):
    rng, write = context.rng, context.write
    programmes = context.programmes
    counts = context.split(context.plan.working_groups, [p.place.weight for p in programmes])
    groups = []
    for programme, count in zip(programmes, counts, strict=True):
        place = programme.place
        thematic = list(THEMATIC_NAMES.items())
        territories = (
            words.NEIGHBOURHOODS
            if place.kind == "city"
            else [f"{p} pagasts" for p in words.PARISHES]
        )
        n_thematic = min(len(thematic), (count + 1) // 2)
        for position, (sector, name) in enumerate(thematic[:n_thematic]):
            groups.append(
                WorkingGroup(
                    programme=programme,
                    kind=WorkingGroup.Kind.THEMATIC,
                    name=name,
                    sector=sector,
                    description=write.sentences(place, 1),
                    position=position,
                )
            )
        for position, territory in enumerate(
            rng.sample(territories, min(len(territories), count - n_thematic))
        ):
            groups.append(
                WorkingGroup(
                    programme=programme,
                    kind=WorkingGroup.Kind.TERRITORIAL,
                    name=f"{territory}: teritoriālā darba grupa",
                    territory=territory,
                    description=write.sentences(place, 1),
                    position=position,
                )
            )
    groups = context.bulk(WorkingGroup, groups)
    by_pk = {p.pk: p for p in programmes}
    meetings, proposals = [], []
    for group in groups:
        programme = by_pk[group.programme_id]
        for _ in range(rng.randint(1, 3)):
            meetings.append(
                WorkingGroupMeeting(
                    group=group,
                    date=datetime.date(
                        programme.period_start - 1, rng.randint(1, 12), rng.randint(1, 28)
                    ),
                    place=write.address(programme.place.centre),
                    participant_count=rng.randint(4, 40),
                    sectors_represented="nozaru speciālisti, iedzīvotāji, uzņēmēji",
                    notes=write.sentences(programme.place, 1) if rng.random() < 0.3 else "",
                )
            )
        for position in range(rng.randint(1, 4)):
            proposals.append(
                WorkingGroupProposal(
                    group=group,
                    text=write.proposal(programme.place),
                    outcome=rng.choice(OUTCOMES),
                    position=position,
                )
            )
    context.bulk(WorkingGroupMeeting, meetings)
    context.bulk(WorkingGroupProposal, proposals)


def _surveys(context):
    rng, write = context.rng, context.write
    programmes = context.programmes
    counts = context.split(context.plan.surveys, [p.place.weight for p in programmes])
    surveys = []
    for programme, count in zip(programmes, counts, strict=True):
        for _ in range(count):
            audience = rng.choice(AUDIENCES)
            opens = datetime.date(
                programme.period_start - 1, rng.randint(1, 11), rng.randint(1, 28)
            )
            surveys.append(
                Survey(
                    programme=programme,
                    title=f"{programme.place.genitive} {SURVEY_TITLES[audience]}",
                    audience=audience,
                    opens_on=opens,
                    closes_on=opens + datetime.timedelta(days=rng.randint(14, 45)),
                    respondent_count=rng.randint(20, 3000),
                    results=write.sentences(programme.place, 2),
                )
            )
    context.bulk(Survey, surveys)


def _power_law(total, largest, count):
    """`count` sizes, the first `largest`, falling as 1/i^a, adding up to `total`."""
    if count == 1:
        return [total]
    target = total / largest

    def mass(a):
        return sum(1 / i**a for i in range(1, count + 1))

    low, high = 0.0, 5.0
    for _ in range(60):
        middle = (low + high) / 2
        if mass(middle) > target:
            low = middle
        else:
            high = middle
    sizes = [max(1, round(largest / i**low)) for i in range(1, count + 1)]
    i = 1
    while sum(sizes) != total:
        step = 1 if sum(sizes) < total else -1
        if sizes[i] + step >= 1 and (step < 0 or sizes[i] + step <= largest):
            sizes[i] += step
        i = i % (count - 1) + 1
    return sizes


def _discussions(context):
    """The plan's discussions on published redactions: the capital's approved one and every
    one now in discussion first, then approved, then the rest."""
    rng, write, plan = context.rng, context.write, context.plan
    published = [info for info in context.redactions if info.opens_at is not None]
    first = next(
        info
        for info in published
        if info.programme is context.programmes[0] and info.status == Status.APPROVED
    )
    current = [info for info in published if info.status == Status.PUBLIC_DISCUSSION]
    rest = [info for info in published if info is not first and info not in current]
    rng.shuffle(rest)
    rest.sort(key=lambda info: info.status != Status.APPROVED)
    chosen = ([first] + current + rest)[: plan.discussions]
    # The biggest discussions go to the biggest municipalities (the first stays first).
    tail = sorted(chosen[1:], key=lambda info: -info.place.weight * rng.uniform(0.5, 1.5))
    chosen = [first] + tail
    sizes = _power_law(plan.proposals, plan.largest_discussion, len(chosen))
    discussions = []
    for info, size in zip(chosen, sizes, strict=True):
        place, programme, redaction = info.place, info.programme, info.redaction
        closed = info.closes_at <= context.now
        discussion = PublicDiscussion(
            redaction=redaction,
            # What `PublicDiscussion.default_slug()` makes: one discussion per redaction here.
            slug=slugify(f"{place.slug}-{programme.slug}-{redaction.number}"),
            opens_at=info.opens_at,
            closes_at=info.closes_at,
            introduction=(
                f"{place.council} aicina iedzīvotājus, uzņēmējus un organizācijas iepazīties ar "
                f"programmas {redaction.number}. redakciju un iesniegt priekšlikumus."
            ),
            materials_places=(
                f"{write.address(place.centre)} (darba dienās 8.00–17.00)\n"
                "Pagastu un apkaimju centros"
            ),
            how_to_submit="Rakstiski domē, pa e-pastu vai šajā portālā.",
            report_summary=(
                f"Saņemti {size} priekšlikumi; atbalstītie iekļauti nākamajā redakcijā."
                if closed
                else ""
            ),
        )
        discussion.info, discussion.size = info, size
        discussions.append(discussion)
    created = context.bulk(PublicDiscussion, discussions)
    for made, discussion in zip(created, discussions, strict=True):
        made.info, made.size = discussion.info, discussion.size
    return created


def _parts(discussions):
    """{redaction id: [(field, pk), …]}: what a proposal in each discussion may concern."""
    ids = [d.redaction_id for d in discussions]
    parts = {pk: [] for pk in ids}
    for model, field, path in (
        (SituationSection, "section", "redaction_id"),
        (Priority, "priority", "redaction_id"),
        (ActionLine, "action_line", "priority__redaction_id"),
        (Task, "task", "action_line__priority__redaction_id"),
    ):
        for pk, redaction_id in model.objects.filter(Q(**{f"{path}__in": ids})).values_list(
            "pk", path
        ):
            parts[redaction_id].append((field, pk))
    return parts


def _proposals(context, discussions):
    rng, write, now = context.rng, context.write, context.now
    parts = _parts(discussions)
    proposals = []
    for discussion in discussions:
        info = discussion.info
        place = info.place
        planner = context.planners[place.municipality.pk]
        closed = discussion.closes_at <= now
        end = min(discussion.closes_at, now)
        span = (end - discussion.opens_at).total_seconds()
        own = parts[discussion.redaction_id]
        for number in range(1, discussion.size + 1):
            received = discussion.opens_at + datetime.timedelta(seconds=rng.uniform(0, span - 1))
            channel = rng.choices(["web", "email", "paper", "meeting"], weights=[70, 15, 10, 5])[0]
            name = write.person()
            email = (
                write.email(name, number)
                if channel in ("web", "email") and rng.random() < 0.8
                else ""
            )
            proposal = Proposal(
                discussion=discussion,
                number=number,
                text=write.proposal(place),
                author_name=name,
                email=email,
                channel=channel,
                received_at=received,
                language="en" if rng.random() < 0.03 else "lv",
                consent_at=received if channel == "web" else None,
            )
            if own and rng.random() < 0.7:
                field, pk = rng.choice(own)
                setattr(proposal, f"{field}_id", pk)
            if rng.random() < (0.93 if closed else 0.15):
                answer = rng.choices(
                    ["taken", "partly", "not_taken", "not_relevant"], weights=[35, 25, 30, 10]
                )[0]
                proposal.answer = answer
                proposal.justification = rng.choice(words.JUSTIFICATIONS[answer])
                answered = max(received, discussion.closes_at if closed else received)
                answered += datetime.timedelta(days=rng.randint(1, 20), hours=rng.randint(0, 8))
                proposal.answered_at = min(answered, now)
                proposal.answered_by = planner
                if email and rng.random() < 0.8:
                    proposal.answer_notified_at = min(
                        proposal.answered_at + datetime.timedelta(hours=1), now
                    )
            if rng.random() < 0.03:
                proposal.is_published = False
                proposal.hidden_reason = rng.choice(HIDDEN_REASONS)
            proposals.append(proposal)
    context.bulk(Proposal, proposals)


def _events(context, discussions):
    rng, write, now = context.rng, context.write, context.now
    events = []
    for discussion in discussions[: context.plan.events]:
        info = discussion.info
        starts = discussion.opens_at + (discussion.closes_at - discussion.opens_at) / 2
        starts = starts.replace(hour=17, minute=30, second=0, microsecond=0)
        events.append(
            Event(
                municipality=info.place.municipality,
                programme=info.programme,
                kind=Event.Kind.DISCUSSION_MEETING,
                title=(
                    f"{info.programme.title}: {info.redaction.number}. redakcijas "
                    "sabiedriskās apspriešanas sanāksme"
                ),
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=2),
                place=write.address(info.place.centre),
                participant_count=rng.randint(10, 150) if starts < now else None,
                summary="Programmas redakcijas prezentācija un iedzīvotāju priekšlikumi.",
            )
        )
    remaining = context.plan.events - len(events)
    programmes_of = {}
    for programme in context.programmes:
        programmes_of.setdefault(programme.place.municipality.pk, []).append(programme)
    counts = context.split(remaining, [place.weight for place in context.places])
    titles = {
        Event.Kind.WORKING_GROUP: "Darba grupas sanāksme „{topic}”",
        Event.Kind.SEMINAR: "Seminārs „{topic}”",
        Event.Kind.CONFERENCE: "Konference „{place} nākotnē”",
    }
    for place, count in zip(context.places, counts, strict=True):
        for _ in range(count):
            kind = rng.choice(list(titles))
            upcoming = rng.random() < 0.12
            offset = datetime.timedelta(
                days=rng.randint(1, 120) if upcoming else -rng.randint(1, 6 * 365)
            )
            starts = (now + offset).replace(hour=rng.choice([10, 14, 17]), minute=0, second=0)
            programme = (
                rng.choice(programmes_of[place.municipality.pk]) if rng.random() < 0.7 else None
            )
            events.append(
                Event(
                    municipality=place.municipality,
                    programme=programme,
                    kind=kind,
                    title=titles[kind].format(
                        topic=words.capitalised(rng.choice(words.TOPICS)[0]), place=place.name
                    ),
                    starts_at=starts,
                    ends_at=starts + datetime.timedelta(hours=rng.choice([1, 2, 3, 6])),
                    place=write.address(place.centre),
                    participant_count=None if upcoming else rng.randint(5, 200),
                    summary=write.sentences(place, 1),
                )
            )
    context.bulk(Event, events)


def _subscriptions(context):
    rng, write, now = context.rng, context.write, context.now
    counts = context.split(
        context.plan.subscriptions, [place.population for place in context.places]
    )
    subscriptions = []
    for place, count in zip(context.places, counts, strict=True):
        for n in range(count):
            name = write.person()
            subscriptions.append(
                Subscription(
                    municipality=place.municipality,
                    email=f"{fold(name).replace(' ', '.')}.{n}@pasts.example",
                    # As the subscribe service makes them: never guessable from the seed.
                    token=secrets.token_urlsafe(32),
                    language="en" if rng.random() < 0.05 else "lv",
                    confirmed_at=now - datetime.timedelta(days=rng.randint(0, 900))
                    if rng.random() < 0.85
                    else None,
                )
            )
    context.bulk(Subscription, subscriptions)
