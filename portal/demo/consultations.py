"""Demo consultations from the seeds (`data/consultations.toml`): Līvāni working groups and
surveys (seed 001), a closed public discussion of Līvāni's 1st redaction, Daugavpils'
thematic seminars and surveys of autumn 2012, whose results the situation analysis held
when the steering group first met in December 2012 (seed 000), the Poznań conference
(seed 004) and an open public discussion.

Idempotent: rows are found by natural keys (names, titles, slugs, numbers).

Dates: everything from the seeds keeps its real date. The Daugavpils discussion must be
open whenever the demo is looked at, so its dates are relative to the time of loading:
it opened a week before and closes four weeks after `load()` runs; running `load_demo`
again moves the period forward (and the proposals' receipt times with it).
"""

import datetime

from django.db import transaction
from django.utils import timezone

from consultations.models import (
    Event,
    Proposal,
    PublicDiscussion,
    Survey,
    WorkingGroup,
    WorkingGroupMeeting,
    WorkingGroupProposal,
)
from core.upsert import upsert
from programmes.models import ActionLine, Priority, Redaction, SituationSection, Task

from . import files
from .files import riga

# The parts of a redaction a proposal may concern, as the file names them, and the
# proposal's field for each.
PARTS = {
    "SituationSection": (SituationSection, "section"),
    "Priority": (Priority, "priority"),
    "ActionLine": (ActionLine, "action_line"),
    "Task": (Task, "task"),
}


@transaction.atomic
def load():
    data = files.read("consultations")
    livani = files.programme(data["livani"]["programme"])
    if livani:
        _livani(livani, data["livani"])
    daugavpils = files.programme(data["daugavpils"]["programme"])
    if daugavpils:
        _daugavpils(daugavpils, data["daugavpils"])


def _part(redaction, part):
    """The part of a redaction by code (or a section by title); None if it isn't there."""
    if part is None:
        return None
    model = PARTS[part["model"]][0]
    if model is SituationSection:
        return SituationSection.objects.filter(redaction=redaction, title=part["code"]).first()
    path = model.redaction_path
    return model.objects.filter(**{path: redaction, "code": part["code"]}).first()


def _part_fields(part):
    fields = {name: None for name in Proposal.PART_FIELDS}
    names = {model: name for model, name in PARTS.values()}
    if part is not None:
        fields[names[type(part)]] = part
    return fields


def _group(programme, kind, name, position, **fields):
    group, _created = upsert(
        WorkingGroup,
        programme=programme,
        name=name,
        defaults={"kind": kind, "position": position, **fields},
    )
    return group


def _meeting(group, date, participants, place, sectors):
    # Each demo group meets once: a meeting whose date the demo has since corrected goes.
    group.meetings.exclude(date=date).delete()
    upsert(
        WorkingGroupMeeting,
        group=group,
        date=date,
        defaults={
            "participant_count": participants,
            "place": place,
            "sectors_represented": sectors,
        },
    )


def _given(group, proposals):
    for position, proposal in enumerate(proposals, start=1):
        upsert(
            WorkingGroupProposal,
            group=group,
            position=position,
            defaults={"text": proposal["text"], "outcome": proposal["outcome"]},
        )


def _event(municipality, title, starts_at, ends_at, **fields):
    upsert(
        Event,
        municipality=municipality,
        title=title,
        defaults={"starts_at": starts_at, "ends_at": ends_at, **fields},
    )


def _survey(programme, spec):
    upsert(
        Survey,
        programme=programme,
        title=spec["title"],
        defaults={
            "audience": spec["audience"],
            "opens_on": spec["opens_on"],
            "closes_on": spec["closes_on"],
            "respondent_count": spec["respondents"],
            "results": spec["results"],
        },
    )


def _discussion(redaction, spec, opens_at, closes_at):
    fields = {
        name: spec[name]
        for name in (
            "introduction",
            "materials_places",
            "materials_url",
            "how_to_submit",
            "report_summary",
        )
        if name in spec
    }
    discussion, _created = upsert(
        PublicDiscussion,
        slug=spec["slug"],
        defaults={"redaction": redaction, "opens_at": opens_at, "closes_at": closes_at, **fields},
    )
    return discussion


def _livani(programme, data):
    municipality = programme.municipality
    council = data["council"]
    for position, group_spec in enumerate(data["thematic_groups"], start=1):
        group = _group(
            programme,
            WorkingGroup.Kind.THEMATIC,
            group_spec["name"],
            position,
            sector=group_spec["sector"],
        )
        _meeting(
            group,
            group_spec["date"],
            group_spec["participants"],
            council,
            group_spec["sectors_represented"],
        )
        _given(group, group_spec.get("proposals", []))
    for position, group_spec in enumerate(data["territorial_groups"], start=1):
        group = _group(
            programme,
            WorkingGroup.Kind.TERRITORIAL,
            group_spec["name"],
            position,
            territory=group_spec["territory"],
        )
        _meeting(
            group,
            group_spec["date"],
            group_spec["participants"],
            group_spec["place"],
            group_spec["sectors_represented"],
        )
        _given(group, group_spec.get("proposals", []))

    # Each day of working groups is one event: its participants are the day's groups'.
    sessions = {}
    for kind in ("thematic", "territorial"):
        for group_spec in data[f"{kind}_groups"]:
            key = (kind, group_spec["date"])
            sessions[key] = sessions.get(key, 0) + group_spec["participants"]
    days = data["working_group_days"]
    for (kind, date), count in sessions.items():
        _event(
            municipality,
            f"{days[kind]['title']}, {date:%d.%m.%Y}",
            riga(datetime.datetime(date.year, date.month, date.day, 10)),
            riga(datetime.datetime(date.year, date.month, date.day, 16)),
            programme=programme,
            kind=Event.Kind.WORKING_GROUP,
            place=days[kind]["place"],
            participant_count=count,
            summary=days["summary"],
        )

    for survey in data["surveys"]:
        _survey(programme, survey)

    spec = data["discussion"]
    redaction = Redaction.objects.filter(programme=programme, number=spec["redaction"]).first()
    if redaction is None:
        return
    discussion = _discussion(redaction, spec, riga(spec["opens_at"]), riga(spec["closes_at"]))
    meeting = spec["meeting"]
    _event(
        municipality,
        meeting["title"],
        riga(meeting["starts_at"]),
        riga(meeting["ends_at"]),
        programme=programme,
        kind=Event.Kind.DISCUSSION_MEETING,
        place=meeting["place"],
        participant_count=meeting["participants"],
        summary=meeting["summary"],
    )
    answered = riga(spec["answered_at"])
    for proposal in spec["proposals"]:
        received = riga(proposal["received_at"])
        published = proposal["is_published"]
        upsert(
            Proposal,
            discussion=discussion,
            number=proposal["number"],
            defaults={
                "text": proposal["text"],
                "author_name": proposal["author_name"],
                "email": "",
                "channel": proposal["channel"],
                "received_at": received,
                # Consent is given on the portal's form; a letter or a meeting has none.
                "consent_at": received if proposal["channel"] == Proposal.Channel.WEB else None,
                "answer": proposal["answer"],
                "justification": proposal["justification"],
                "answered_at": answered,
                "answer_notified_at": answered,
                "is_published": published,
                "hidden_reason": "" if published else spec["hidden_reason"],
                **_part_fields(_part(redaction, proposal.get("part"))),
            },
        )


def _daugavpils(programme, data):
    municipality = programme.municipality
    council = data["council"]
    seminars = data["seminars"]
    # Seed 000: the situation analysis the steering group reviewed at its first meeting
    # (December 2012) already held the surveys' and these seminars' results: autumn 2012.
    for position, group_spec in enumerate(data["seminar_groups"], start=1):
        name, date, count = group_spec["name"], group_spec["date"], group_spec["participants"]
        group = _group(
            programme, WorkingGroup.Kind.THEMATIC, name, position, sector=group_spec["sector"]
        )
        _meeting(group, date, count, council, seminars["sectors_represented"])
        _event(
            municipality,
            f"Seminārs: {name}",
            riga(datetime.datetime(date.year, date.month, date.day, 10)),
            riga(datetime.datetime(date.year, date.month, date.day, 14)),
            programme=programme,
            kind=Event.Kind.SEMINAR,
            place=council,
            participant_count=count,
            summary=seminars["summary"],
        )
    for survey in data["surveys"]:
        _survey(programme, survey)
    for event in data["events"]:
        event = dict(event)
        _event(
            municipality,
            event.pop("title"),
            riga(event.pop("starts_at")),
            riga(event.pop("ends_at")),
            **event,
        )

    spec = data["discussion"]
    redaction = Redaction.objects.filter(programme=programme, number=spec["redaction"]).first()
    if redaction is None:
        return
    now = timezone.now().astimezone(files.RIGA)
    opens_at = files.relative(now, spec["opens"])
    discussion = _discussion(redaction, spec, opens_at, files.relative(now, spec["closes"]))
    meeting = spec["meeting"]
    meeting_day = files.relative(now, meeting)
    _event(
        municipality,
        meeting["title"],
        meeting_day,
        meeting_day + datetime.timedelta(hours=meeting["hours"]),
        programme=programme,
        kind=Event.Kind.DISCUSSION_MEETING,
        place=meeting["place"],
        summary=meeting["summary"],
    )
    for proposal in spec["proposals"]:
        # Proposal N arrived N days and three hours after the discussion opened, and an
        # answered one was answered two days later.
        number = proposal["number"]
        received = opens_at + datetime.timedelta(days=number, hours=3)
        answer = proposal.get("answer", "")
        answered = received + datetime.timedelta(days=2) if answer else None
        upsert(
            Proposal,
            discussion=discussion,
            number=number,
            defaults={
                "text": proposal["text"],
                "author_name": proposal["author_name"],
                "email": proposal["email"],
                "channel": Proposal.Channel.WEB,
                "received_at": received,
                "consent_at": received,
                "language": "lv",
                "answer": answer,
                "justification": proposal.get("justification", ""),
                "answered_at": answered,
                "answer_notified_at": answered,
                **_part_fields(_part(redaction, proposal.get("part"))),
            },
        )
