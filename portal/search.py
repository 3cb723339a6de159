"""Search that ignores Latvian diacritics and case: `livanu` finds "Līvānu".

Every group searches what its model says the public sees (`published()`, core.access):
search is a public page, the same for every visitor.

`core.text.fold()` is the Python side (for the query); `Folded` is the same folding in SQL, so
any text column can be compared without a stored copy: TRANSLATE on PostgreSQL, a
registered function on SQLite (see `register_sqlite_fold`).
"""

from django.db.models import CharField, Func, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify

from core.text import fold

# Latvian letters with diacritics and their plain forms, for SQL TRANSLATE.
_WITH = "āčēģīķļņōŗšūžĀČĒĢĪĶĻŅŌŖŠŪŽ"
_PLAIN = "acegiklnorsuzACEGIKLNORSUZ"


class Folded(Func):
    """SQL expression: the column lower-cased without Latvian diacritics."""

    output_field = CharField()

    def as_sql(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler,
            connection,
            template=f"LOWER(TRANSLATE(%(expressions)s, '{_WITH}', '{_PLAIN}'))",
            **extra_context,
        )

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler, connection, template="portal_fold(%(expressions)s)", **extra_context
        )


def register_sqlite_fold(sender, connection, **kwargs):
    """connection_created receiver: give SQLite the `portal_fold` function."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("portal_fold", 1, fold, deterministic=True)


def folded_filter(queryset, query, fields):
    """Rows where every word of `query` occurs in one of `fields`, ignoring diacritics."""
    # A NUL byte cannot be sent to PostgreSQL at all; it is never part of a word anyway.
    words = fold((query or "").replace("\x00", " ")).split()
    if not words:
        return queryset.none()
    annotations = {f"_folded_{i}": Folded(field) for i, field in enumerate(fields)}
    queryset = queryset.annotate(**annotations)
    for word in words:
        condition = Q()
        for name in annotations:
            condition |= Q(**{f"{name}__contains": word})
        queryset = queryset.filter(condition)
    return queryset


RESULTS_PER_GROUP = 20


def _programme_results(query):
    from programmes.models import DevelopmentProgramme

    programmes = folded_filter(
        DevelopmentProgramme.objects.published().select_related("municipality"),
        query,
        ["title", "summary", "municipality__name"],
    )[:RESULTS_PER_GROUP]
    return [
        {"url": p.get_absolute_url(), "title": p.title, "context": p.municipality.name}
        for p in programmes
    ]


def _content_results(model, query):
    """Priorities, action lines or tasks of published redactions matching the query."""
    path = model.redaction_path
    rows = (
        folded_filter(
            model.objects.published(),
            query,
            ["code", "title", "description"],
        )
        .select_related(f"{path}__programme__municipality")
        .order_by(f"-{path}__number", "sort_key")[:RESULTS_PER_GROUP]
    )
    results = []
    for item in rows:
        redaction = item.get_redaction()
        results.append(
            {
                # The redaction page's anchors are the slugified codes (RV1.3 → #rv13).
                "url": f"{redaction.get_absolute_url()}#{slugify(item.code)}",
                "title": str(item),
                "context": f"{redaction.programme.title}, {redaction.display_label}",
            }
        )
    return results


def _discussion_results(query):
    """Public discussions of published redactions, by programme, municipality or text."""
    from consultations.models import PublicDiscussion

    discussions = folded_filter(
        PublicDiscussion.objects.published().with_programme(),
        query,
        [
            "redaction__programme__title",
            "redaction__programme__municipality__name",
            "introduction",
            "report_summary",
        ],
    )[:RESULTS_PER_GROUP]
    return [
        {
            "url": discussion.get_absolute_url(),
            "title": str(discussion),
            "context": discussion.redaction.programme.municipality.name,
        }
        for discussion in discussions
    ]


def _working_group_results(query):
    """Working groups: they are listed by programme on the consultations page."""
    from consultations.models import WorkingGroup

    groups = folded_filter(
        WorkingGroup.objects.published().select_related("programme__municipality"),
        query,
        ["name", "territory", "description"],
    )[:RESULTS_PER_GROUP]
    index = reverse("consultations:index")
    return [
        {
            "url": f"{index}#groups-{group.programme_id}",
            "title": group.name,
            "context": group.programme.title,
        }
        for group in groups
    ]


def _event_results(query):
    """Consultation events: upcoming ones on the consultations page, past ones on theirs."""
    from consultations.models import Event

    events = folded_filter(
        Event.objects.published().for_listing(), query, ["title", "summary", "place"]
    ).order_by("-starts_at")[:RESULTS_PER_GROUP]
    now = timezone.now()
    upcoming, past = reverse("consultations:index"), reverse("consultations:past_events")
    return [
        {
            "url": upcoming if event.ends_at >= now else past,
            "title": event.title,
            "context": date_format(timezone.localtime(event.starts_at), "DATE_FORMAT"),
        }
        for event in events
    ]


def _survey_results(query):
    from consultations.models import Survey

    surveys = folded_filter(Survey.objects.published().for_listing(), query, ["title", "results"])
    index = reverse("consultations:index")
    return [
        {"url": index, "title": survey.title, "context": survey.programme.title}
        for survey in surveys[:RESULTS_PER_GROUP]
    ]


SEARCH_SOURCES = []


def search_source(label):
    """Register a function query → list of {url, title, context} under a group label."""

    def register(function):
        SEARCH_SOURCES.append((label, function))
        return function

    return register


def run_search(query):
    """Each source costs one query, so the page's cost does not grow with the data."""
    from django.utils.translation import gettext as _

    from programmes.models import ActionLine, Priority, Task

    groups = [
        (_("Development programmes"), _programme_results(query)),
        (_("Medium-term priorities"), _content_results(Priority, query)),
        (_("Action lines"), _content_results(ActionLine, query)),
        (_("Tasks"), _content_results(Task, query)),
        (_("Public discussions"), _discussion_results(query)),
        (_("Working groups"), _working_group_results(query)),
        (_("Consultation events"), _event_results(query)),
        (_("Surveys"), _survey_results(query)),
    ]
    groups += [(str(label), function(query)) for label, function in SEARCH_SOURCES]
    return [{"label": label, "results": results} for label, results in groups if results]
