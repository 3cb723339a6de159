"""Reads for public pages: one named function per page, each with a fixed query count."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Max, Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programmes.models import DevelopmentProgramme, Municipality, SteeringGroup

from .models import RETIRED_STATUSES, Event, Proposal, PublicDiscussion, Survey, WorkingGroup

# The consultations page shows the latest past events; the rest are a page away.
PAST_EVENTS_SHOWN = 30
PAST_EVENTS_PAGE_SIZE = 30

PLURAL_KIND_LABELS = {
    WorkingGroup.Kind.THEMATIC: _("Thematic (sectoral) working groups"),
    WorkingGroup.Kind.TERRITORIAL: _("Territorial working groups"),
}


@dataclass
class KindSummary:
    """Totals of one kind of working group in one programme, computed from the records."""

    kind: str
    label: str
    groups: list = field(default_factory=list)

    @property
    def plural_label(self):
        return PLURAL_KIND_LABELS.get(self.kind, self.label)

    @property
    def group_count(self):
        return len(self.groups)

    @property
    def meetings(self):
        return [meeting for group in self.groups for meeting in group.meetings.all()]

    @property
    def participant_count(self):
        return sum(meeting.participant_count for meeting in self.meetings)

    @property
    def proposal_count(self):
        return sum(len(group.given_proposals.all()) for group in self.groups)

    @property
    def dates(self):
        return sorted({meeting.date for meeting in self.meetings})


@dataclass
class ProgrammeGroups:
    programme: object
    kinds: list
    # The programme's steering group, annotated with meeting_count, first_meeting and
    # last_meeting (see `steering_groups_with_meetings`), or None.
    steering_group: object = None


def working_groups_by_programme(groups, steering_groups=()):
    """Group prefetched working groups by programme, then by kind, with computed totals;
    programmes whose steering group met come in too, even without working groups."""
    by_programme = {}
    for group in groups:
        kinds = by_programme.setdefault(group.programme_id, (group.programme, {}))[1]
        if group.kind not in kinds:
            kinds[group.kind] = KindSummary(group.kind, group.get_kind_display())
        kinds[group.kind].groups.append(group)
    order = [kind for kind, _label in WorkingGroup.Kind.choices]
    items = {
        programme.pk: ProgrammeGroups(programme, [kinds[k] for k in order if k in kinds])
        for programme, kinds in by_programme.values()
    }
    for steering_group in steering_groups:
        item = items.setdefault(
            steering_group.programme_id, ProgrammeGroups(steering_group.programme, [])
        )
        item.steering_group = steering_group
    return sorted(
        items.values(),
        key=lambda item: (
            item.programme.municipality.name,
            -item.programme.period_start,
            item.programme.title,
        ),
    )


def steering_groups_with_meetings(programmes=None):
    """Steering groups that met (of `programmes`, when given), with their meeting count and
    first and last dates: one query.

    They belong to programmes; the consultations page shows them in one line per programme
    and links the programme page for the meetings themselves.
    """
    groups = SteeringGroup.objects.select_related("programme__municipality")
    if programmes is not None:
        groups = groups.filter(programme__in=[programme.pk for programme in programmes])
    return list(
        groups.annotate(
            meeting_count=Count("meetings"),
            first_meeting=Min("meetings__date"),
            last_meeting=Max("meetings__date"),
        ).filter(meeting_count__gt=0)
    )


# The portal-wide calendar holds the recent and coming events only; a municipality's and a
# programme's calendars hold all of theirs.
EVENTS_FEED_PAST_DAYS = 90
EVENTS_FEED_FUTURE_DAYS = 366


def events_feed(now=None):
    """Events of the portal-wide calendar: those that ended at most EVENTS_FEED_PAST_DAYS
    ago and start within EVENTS_FEED_FUTURE_DAYS, by start: one query, bounded by time
    rather than growing with the years of data."""
    now = now or timezone.now()
    return (
        Event.objects.for_listing()
        .filter(
            ends_at__gte=now - datetime.timedelta(days=EVENTS_FEED_PAST_DAYS),
            starts_at__lte=now + datetime.timedelta(days=EVENTS_FEED_FUTURE_DAYS),
        )
        .order_by("starts_at")
    )


def past_events():
    """Every past event, newest first, for the paginated list (a count and a page)."""
    return Event.objects.for_listing().past()


# The consultations page lists this many past discussions, programmes with working groups
# and past surveys a page; the rest are pages away (a "next" link, no count query).
PAST_DISCUSSIONS_PAGE_SIZE = 20
GROUP_PROGRAMMES_PAGE_SIZE = 5
PAST_SURVEYS_SHOWN = 30
UPCOMING_EVENTS_SHOWN = 30


@dataclass
class Slice:
    """One page of a list read without counting it: `items`, the page `number`, and
    whether a next page exists (one row more was read than shown)."""

    items: list
    number: int
    has_next: bool

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def previous_number(self):
        return self.number - 1

    @property
    def next_number(self):
        return self.number + 1


def page_number(value):
    """A page number from a query string: a whole number ≥ 1, else 1."""
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


def slice_of(queryset, number, size):
    """Page `number` of `queryset` (`size` rows) in one query, without a count."""
    start = (number - 1) * size
    rows = list(queryset[start : start + size + 1])
    return Slice(rows[:size], number, len(rows) > size)


def _of(queryset, municipality):
    """`queryset` narrowed to one municipality's records, or all of them for None."""
    if municipality is None:
        return queryset
    return queryset.filter(**{queryset.model.municipality_path: municipality})


def group_programmes(municipality, number):
    """A page of the programmes with working groups or a steering group that met, by
    municipality, newest first: one query."""
    programmes = (
        DevelopmentProgramme.objects.filter(
            Q(working_groups__isnull=False) | Q(steering_group__meetings__isnull=False)
        )
        .select_related("municipality")
        .distinct()
        .order_by("municipality__name", "-period_start", "title", "pk")
    )
    if municipality is not None:
        programmes = programmes.filter(municipality=municipality)
    return slice_of(programmes, number, GROUP_PROGRAMMES_PAGE_SIZE)


class UnknownMunicipality(LookupError):
    """The consultations page was asked for a municipality that does not exist."""


def consultations_page(now=None, *, municipality=None, discussions_page=1, groups_page=1):
    """What the consultations page shows, of one municipality or of all, in twelve
    queries and a bounded size whatever the data: the municipalities (the choice); open
    and upcoming discussions; a page of past discussions; open and upcoming surveys, the
    latest past ones; upcoming and past events (the nearest and latest); a page of
    programmes with their working groups, the groups' meetings and proposals (three) and
    steering groups with their meeting counts.

    `municipality` is a slug (or None for all); UnknownMunicipality if none has it."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    municipalities = list(Municipality.objects.order_by("name"))
    if municipality is not None:
        municipality = next((m for m in municipalities if m.slug == municipality), None)
        if municipality is None:
            raise UnknownMunicipality
    discussions = _of(PublicDiscussion.objects.published().with_programme(), municipality)
    current = list(
        discussions.filter(closes_at__gt=now)
        .exclude(redaction__status__in=RETIRED_STATUSES)
        .order_by("closes_at")
    )
    past_discussions = slice_of(
        discussions.filter(
            Q(closes_at__lte=now) | Q(redaction__status__in=RETIRED_STATUSES)
        ).order_by("-closes_at", "pk"),
        discussions_page,
        PAST_DISCUSSIONS_PAGE_SIZE,
    )
    surveys = _of(Survey.objects.for_listing(), municipality)
    current_surveys = list(surveys.filter(closes_on__gte=today).order_by("closes_on"))
    past_surveys = list(
        surveys.filter(closes_on__lt=today).order_by("-closes_on", "title")[
            : PAST_SURVEYS_SHOWN + 1
        ]
    )
    events = _of(Event.objects.for_listing(), municipality)
    upcoming_events = list(events.upcoming(now)[: UPCOMING_EVENTS_SHOWN + 1])
    past_events = list(events.past(now)[:PAST_EVENTS_SHOWN])
    programmes = group_programmes(municipality, groups_page)
    groups = (
        WorkingGroup.objects.for_consultations_page()
        .filter(programme__in=[programme.pk for programme in programmes.items])
        .order_by("kind", "position", "name")
    )
    steering = steering_groups_with_meetings(programmes.items)
    calendar_programmes = {
        event.programme_id: event.programme
        for event in upcoming_events + past_events
        if event.programme_id
    }
    return {
        "now": now,
        "municipality": municipality,
        "municipalities": municipalities,
        "calendar_programmes": sorted(calendar_programmes.values(), key=lambda p: p.title),
        "open_discussions": [d for d in current if d.is_open(now)],
        "upcoming_discussions": [d for d in current if d.is_upcoming(now)],
        "past_discussions": past_discussions.items,
        "past_discussions_page": past_discussions,
        "upcoming_events": upcoming_events[:UPCOMING_EVENTS_SHOWN],
        "more_upcoming_events": len(upcoming_events) > UPCOMING_EVENTS_SHOWN,
        "past_events": past_events,  # the latest; all of them on their own page
        "open_surveys": [s for s in current_surveys if s.is_open(today)],
        "upcoming_surveys": [s for s in current_surveys if s.is_upcoming(today)],
        "past_surveys": past_surveys[:PAST_SURVEYS_SHOWN],
        "more_past_surveys": len(past_surveys) > PAST_SURVEYS_SHOWN,
        "programme_groups": working_groups_by_programme(groups, steering),
        "programme_groups_page": programmes,
    }


def discussion_page(slug):
    """The discussion with its redaction, programme and municipality: one query."""
    return PublicDiscussion.objects.published().with_programme().get(slug=slug)


def discussion_events(discussion):
    """Events of the discussion's programme held during it (its meetings): one query."""
    return list(
        Event.objects.for_listing()
        .filter(
            programme_id=discussion.redaction.programme_id,
            starts_at__lt=discussion.closes_at,
            ends_at__gte=discussion.opens_at,
        )
        .order_by("starts_at")
    )


# The proposals page and the report show this many proposals a page.
PROPOSALS_PAGE_SIZE = 50
# Filter values for proposals about no part in particular and for those not answered yet.
WHOLE_REDACTION = "whole"
UNANSWERED = "unanswered"


@dataclass
class AnswerCount:
    answer: str
    label: str
    count: int

    @property
    def filter_value(self):
        """The proposals page's `answer` filter value for this count."""
        return self.answer or UNANSWERED


def answer_counts(discussion):
    """Counts of a discussion's published proposals by answer (and those still
    unanswered), counted by the database: one query."""
    counter = dict(
        discussion.proposals.published()
        .order_by()
        .values_list("answer")
        .annotate(count=Count("pk"))
    )
    counts = [
        AnswerCount(value, label, counter.get(value, 0)) for value, label in Proposal.Answer.choices
    ]
    if counter.get(""):
        counts.append(AnswerCount("", _("Not answered yet"), counter[""]))
    return counts


def filtered_proposals(discussion, *, part="", answer="", number=None):
    """A discussion's published proposals with the parts they concern, by number, for a
    page of the proposals list or the report (paginate it: a count and a page query).

    `part` is "kind:pk" (kind one of Proposal.PART_FIELDS) or WHOLE_REDACTION; `answer`
    an Answer value or UNANSWERED; `number` one proposal's number."""
    proposals = discussion.proposals.for_report()
    if part == WHOLE_REDACTION:
        proposals = proposals.filter(**{f"{name}__isnull": True for name in Proposal.PART_FIELDS})
    elif part:
        kind, _colon, pk = part.partition(":")
        if kind not in Proposal.PART_FIELDS or not pk.isdigit():
            raise ValueError(f"Not a part of a redaction: {part!r}")
        proposals = proposals.filter(**{f"{kind}_id": int(pk)})
    if answer == UNANSWERED:
        proposals = proposals.unanswered()
    elif answer:
        proposals = proposals.filter(answer=answer)
    if number:
        proposals = proposals.filter(number=number)
    return proposals.order_by("number")


def report_rows(discussion):
    """Every published proposal of a discussion as CSV rows: No., received (date), part,
    text, answer, justification. One query, read in chunks from a server-side cursor, no
    model instances: the rows of the streamed report CSV.

    Labels are translated once here, not per row; the generator reads the database only
    when iterated (after the view returned), so it must not translate anything itself.
    """
    answers = {value: str(label) for value, label in Proposal.Answer.choices}
    answers[""] = str(_("Not answered yet"))
    whole = str(_("The redaction as a whole"))
    section_label = str(_("Situation analysis: %(title)s"))
    rows = (
        discussion.proposals.published()
        .order_by("number")
        .values_list(
            "number",
            "received_at",
            "section__title",
            "priority__code",
            "priority__title",
            "action_line__code",
            "action_line__title",
            "task__code",
            "task__title",
            "text",
            "answer",
            "justification",
        )
    )

    def part_label(section, codes_and_titles):
        if section is not None:
            return section_label % {"title": section}
        for code, title in codes_and_titles:
            if code is not None:
                return f"{code} {title}"
        return whole

    def generate():
        for row in rows.iterator(chunk_size=2000):
            (number, received_at, section, p_code, p_title, l_code, l_title, t_code, t_title,
             text, answer, justification) = row  # fmt: skip
            part = part_label(section, ((p_code, p_title), (l_code, l_title), (t_code, t_title)))
            yield [
                number,
                timezone.localdate(received_at),
                part,
                text,
                answers.get(answer, answer),
                justification,
            ]

    return generate()


def hidden_proposal_count(discussion):
    """How many proposals the report leaves out (personal data, abusive content): one
    query. The report says so, so that "no proposals" never hides received ones."""
    return discussion.proposals.hidden().count()


def upcoming_for_home(now=None, limit=5, municipality=None):
    """Open discussions and upcoming events for the home page, or only a municipality's
    for its page: two queries."""
    now = now or timezone.now()
    discussions = PublicDiscussion.objects.published().open(now).with_programme()
    return {
        "discussions": list(_of(discussions, municipality).order_by("closes_at")),
        "events": list(_of(Event.objects.for_listing(), municipality).upcoming(now)[:limit]),
        "now": now,
    }
