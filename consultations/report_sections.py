"""The consultations' section of the yearly monitoring report (programmes/reports.py).

Registered from this app's `AppConfig.ready()` (programmes may not name it): the
programme's public discussions, working group meetings, surveys and consultation events,
those held in the report's year counted apart from all of them up to it.
"""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_noop

from programmes.reports import SECTIONS, ReportSection, column, label_ref

from .models import Event, Proposal, PublicDiscussion, Survey, WorkingGroupMeeting


def _local_date(value):
    return timezone.localtime(value).date()


def _rows(report):
    """(year held, [cells]) of every consultation of the programme up to the year."""
    programme, year = report.programme, report.year
    rows = []
    discussions = (
        PublicDiscussion.objects.published()
        .filter(redaction__programme=programme)
        .select_related("redaction")
        .annotate(
            published_proposals=Count(
                "proposals", filter=Q(proposals__in=Proposal.objects.published())
            )
        )
    )
    for discussion in discussions:
        start, end = _local_date(discussion.opens_at), _local_date(discussion.closes_at)
        rows.append(
            (
                start.year,
                end.year,
                [
                    [gettext_noop("Public discussion")],
                    discussion.redaction.display_label,
                    f"{start:%Y-%m-%d} – {end:%Y-%m-%d}",
                    None,
                    discussion.published_proposals,
                ],
            )
        )
    meetings = WorkingGroupMeeting.objects.filter(group__programme=programme).select_related(
        "group"
    )
    for meeting in meetings:
        rows.append(
            (
                meeting.date.year,
                meeting.date.year,
                [
                    [gettext_noop("Working group meeting")],
                    meeting.group.name,
                    f"{meeting.date:%Y-%m-%d}",
                    meeting.participant_count,
                    None,
                ],
            )
        )
    for survey in Survey.objects.filter(programme=programme):
        rows.append(
            (
                survey.opens_on.year,
                survey.closes_on.year,
                [
                    [gettext_noop("Survey")],
                    survey.title,
                    f"{survey.opens_on:%Y-%m-%d} – {survey.closes_on:%Y-%m-%d}",
                    survey.respondent_count,
                    None,
                ],
            )
        )
    for event in Event.objects.published().filter(programme=programme):
        start = _local_date(event.starts_at)
        rows.append(
            (
                start.year,
                start.year,
                [
                    label_ref(Event.Kind(event.kind).label),
                    event.title,
                    f"{start:%Y-%m-%d}",
                    event.participant_count,
                    None,
                ],
            )
        )
    rows = [row for row in rows if row[0] <= year]
    rows.sort(key=lambda row: row[2][2])
    return [(first <= year <= last, cells) for first, last, cells in rows]


COLUMNS = [
    column(gettext_noop("Kind"), "label"),
    column(gettext_noop("Title")),
    column(gettext_noop("Date")),
    column(gettext_noop("Participants"), "int"),
    column(gettext_noop("Proposals"), "int"),
]


def _table(key, caption, rows):
    participants = sum(cells[3] or 0 for cells in rows)
    proposals = sum(cells[4] or 0 for cells in rows)
    return {
        "key": key,
        "caption": [caption],
        "columns": COLUMNS,
        "rows": rows,
        "totals": [[gettext_noop("Total")], "", "", participants, proposals] if rows else None,
        "chart": None,
    }


def build_consultations(report):
    rows = _rows(report)
    return [
        _table(
            "consultations-in-year",
            gettext_noop("Consultations held in the year"),
            [cells for in_year, cells in rows if in_year],
        ),
        _table(
            "consultations-to-date",
            gettext_noop("Consultations on the programme up to the year"),
            [cells for _in_year, cells in rows],
        ),
    ]


def register():
    SECTIONS.register(
        ReportSection(
            "consultations", gettext_noop("Consultations held"), build_consultations, order=50
        )
    )
