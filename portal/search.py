"""Site search that ignores Latvian diacritics and case: `livanu` finds "Līvānu".

Every group searches what its model says the public sees (`published()`, core.access):
search is a public page, the same for every visitor, one query per group.

On PostgreSQL it is full-text search (`text_search`): each searched table has a stored
`search_document` (a tsvector GENERATED from the row's own texts through `unaccent`, with
a GIN index; migration portal 0006), the visitor's words become a prefix query with
Latvian endings dropped (`tsquery_text`: "attīstības" → 'attistib':*, which finds
"attīstība", "attīstības", "attīstībai"), and results come best first among a bounded
set of candidates (`text_search`: a title match first, then `ts_rank`). The documents are
stored rather than computed in the query because ranking reads a row's whole document:
computed, that is `unaccent` and `to_tsvector` over every ranked news body on each
search; stored, it is read from the row. The GIN indexes keep no pending list (migration
portal 0008).

SQLite (`make run`) keeps the simple fallback: every word a substring of one of the
fields after the same folding (`folded_filter`): `core.text.fold()` on the Python side,
`Folded` in SQL, a registered function on SQLite (see `register_sqlite_fold`).
"""

import re

from django.contrib.postgres.search import SearchQueryField, SearchRank, SearchVectorField
from django.db import connections
from django.db.models import BooleanField, CharField, Expression, F, Func, Q, Value
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


# --- PostgreSQL full-text search ------------------------------------------------------

# Latvian has no stemmer in PostgreSQL; dropping the ending of a word the visitor typed and
# searching its stem as a prefix finds the word's other cases ("livanu" → livan:* finds
# "Līvāni", "Līvānu", "Līvānos"). Folded endings of nouns and adjectives, longest first;
# the stem keeps at least MIN_STEM letters, so short words are searched as typed.
LATVIAN_ENDINGS = (
    "ajiem", "ajam", "ajai", "ajos", "ajas", "ais", "iem", "am", "em", "im", "os", "as",
    "es", "is", "us", "ai", "ei", "ie", "a", "e", "i", "u", "s", "o",
)  # fmt: skip
MIN_STEM = 4
MAX_WORDS = 8
# A word: letters and digits, with dots, hyphens or slashes inside (RV1.3, U1.1.1, 5.6.2.0/16).
WORD = re.compile(r"[^\W_]+(?:[./-][^\W_]+)*")


def stem(word):
    """`word` without its Latvian ending, if what stays is long enough to mean something."""
    if not word.isalpha():
        return word
    for ending in LATVIAN_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def tsquery_text(query, weights=""):
    """The visitor's words as a to_tsquery() text: every word, as a prefix, diacritics and
    case ignored; None when there is no word. Only letters, digits and . - / reach
    PostgreSQL, each term quoted, so no input is read as tsquery syntax. With `weights`
    ("A") every word must be found in text of those weights (a title)."""
    words = WORD.findall(fold((query or "").replace("\x00", " ")))[:MAX_WORDS]
    if not words:
        return None
    return " & ".join(f"'{stem(word)}':*{weights}" for word in words)


class StoredDocument(Expression):
    """The `search_document` column of the query's own table (migration portal 0006)."""

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.base_table)
        return f"{table}.search_document", []


class Document(Func):
    """The stored document joined with documents made on the fly from related rows' short
    texts (a programme's municipality name): the tables are small, the texts one line."""

    arg_joiner = " || "
    template = "(%(expressions)s)"
    output_field = SearchVectorField()


class WeightedText(Func):
    """One text as a weighted document, the same way the stored documents are made."""

    # unaccent itself, not the portal_unaccent wrapper the stored documents need: a call
    # of the wrapper (an SQL function) costs several times more, once per row.
    template = (
        "setweight(to_tsvector('simple'::regconfig, public.unaccent("
        "'public.unaccent'::regdictionary, coalesce(%(expressions)s::text, ''))), '%(weight)s')"
    )
    output_field = SearchVectorField()

    def __init__(self, field, weight="A"):
        if weight not in "ABCD":
            raise ValueError(weight)
        super().__init__(F(field), weight=weight)


class TextQuery(Func):
    """to_tsquery of a `tsquery_text`, unaccented the way the documents are."""

    template = "to_tsquery('simple'::regconfig, portal_unaccent(%(expressions)s))"
    output_field = SearchQueryField()


class Matches(Func):
    """document @@ query."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


def full_text(queryset):
    """Whether `queryset`'s database does full-text search (PostgreSQL) or the fallback."""
    return connections[queryset.db].vendor == "postgresql"


# Ranking reads the whole document of a row (often TOASTed: a news body, a project's
# activities), so only this many matching rows are ranked: a common word ("attīstības")
# matches thousands of projects and news, and ranking them all cost most of the page.
CANDIDATES = 100


def text_search(queryset, query, *, fields, joined=(), through=None, order=(), fallback=None):
    """Rows of `queryset` matching every word of `query`, titles first, then by `order`.

    On PostgreSQL the table's stored search document (made of `fields`, see migration
    portal 0006) is searched, with `joined` (related rows' short texts, e.g.
    "municipality__name") added on the fly; elsewhere `fallback(queryset, query)`, by
    default every word a substring of one of `fields` or `joined`.

    With `through` (a relation, e.g. "redaction__programme") the `joined` texts are
    searched on the related rows instead, with their own stored documents: a row matches
    when its own document does or its related row's does. (So the related table's few
    rows are read once, not once per row of this one.)

    The bounded part: the matching rows are found through the GIN index and the first
    CANDIDATES of them, the newest (by key), are ranked; among those a row
    whose title (weight A) has every word comes first, then the better `ts_rank`, then
    `order`. The cost of a search so stays the same however many rows match.
    """
    order = order or queryset.model._meta.ordering
    if not full_text(queryset):
        if fallback is not None:
            return fallback(queryset, query).order_by(*order)
        return folded_filter(queryset, query, [*fields, *joined]).order_by(*order)
    text = tsquery_text(query)
    if text is None:
        return queryset.none()
    terms = TextQuery(Value(text))
    if through:
        document = StoredDocument()
        related = _related_model(queryset.model, through)
        prefix = f"{through}__"
        related_matches = related._default_manager.filter(
            Matches(
                Document(
                    StoredDocument(),
                    *[WeightedText(field.removeprefix(prefix)) for field in joined],
                ),
                terms,
            )
        ).values("pk")
        condition = Q(Matches(document, terms)) | Q(**{f"{through}__in": related_matches})
    else:
        document = StoredDocument()
        if joined:
            document = Document(document, *[WeightedText(field) for field in joined])
        condition = Q(Matches(document, terms))
    # The newest matches are the candidates: for a common word PostgreSQL walks the primary
    # key backwards until it has them; for a rare one it sorts the few the GIN index finds.
    candidates = queryset.filter(condition).order_by("-pk").values("pk")[:CANDIDATES]
    # The candidates are rows of `queryset` already: the rows themselves are fetched by
    # their keys alone, with what `queryset` fetches (its select_related and only()), so
    # PostgreSQL plans the joins of its filters once, for the candidates.
    found = queryset.model._base_manager.filter(pk__in=candidates)
    found.query.select_related = queryset.query.select_related
    found.query.deferred_loading = queryset.query.deferred_loading
    return found.annotate(
        search_title=Matches(StoredDocument(), TextQuery(Value(tsquery_text(query, "A")))),
        search_rank=SearchRank(document, terms),
    ).order_by("-search_title", "-search_rank", *order)


def _related_model(model, path):
    for name in path.split("__"):
        model = model._meta.get_field(name).related_model
    return model


RESULTS_PER_GROUP = 20
CODED_FIELDS = ["code", "title", "description"]


def _programme_results(query):
    from programmes.models import DevelopmentProgramme

    programmes = text_search(
        DevelopmentProgramme.objects.published()
        .select_related("municipality")
        .only("title", "slug", "municipality__name", "municipality__slug"),
        query,
        fields=["title", "summary"],
        joined=["municipality__name"],
    )[:RESULTS_PER_GROUP]
    return [
        {"url": p.get_absolute_url(), "title": p.title, "context": p.municipality.name}
        for p in programmes
    ]


def _content_results(model, query):
    """Priorities, action lines or tasks of published redactions matching the query."""
    path = model.redaction_path
    rows = text_search(
        model.objects.published()
        .select_related(f"{path}__programme__municipality")
        # What the results show: a redaction's texts are long and never shown here.
        .only(
            "code",
            "title",
            *[
                f"{path}__{field}"
                for field in (
                    "number",
                    "label",
                    "programme__title",
                    "programme__slug",
                    "programme__municipality__slug",
                )
            ],
        ),
        query,
        fields=CODED_FIELDS,
        order=[f"-{path}__number", "sort_key"],
    )[:RESULTS_PER_GROUP]
    results = []
    pages = {}  # Results of one redaction share its page: its URL is reversed once.
    for item in rows:
        redaction = item.get_redaction()
        if redaction.pk not in pages:
            pages[redaction.pk] = (
                redaction.get_absolute_url(),
                f"{redaction.programme.title}, {redaction.display_label}",
            )
        url, context = pages[redaction.pk]
        # The redaction page's anchors are the slugified codes (RV1.3 → #rv13).
        results.append(
            {"url": f"{url}#{slugify(item.code)}", "title": str(item), "context": context}
        )
    return results


def _discussion_results(query):
    """Public discussions of published redactions, by programme, municipality or text."""
    from consultations.models import PublicDiscussion

    discussions = text_search(
        PublicDiscussion.objects.published()
        .with_programme()
        .only(
            "slug",
            "redaction__number",
            "redaction__label",
            "redaction__programme__title",
            "redaction__programme__municipality__name",
        ),
        query,
        fields=["introduction", "report_summary"],
        joined=["redaction__programme__title", "redaction__programme__municipality__name"],
        through="redaction__programme",
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

    groups = text_search(
        WorkingGroup.objects.published()
        .select_related("programme__municipality")
        .only("name", "programme__title", "programme__municipality__slug"),
        query,
        fields=["name", "territory", "description"],
    )[:RESULTS_PER_GROUP]
    return [
        {
            "url": group.get_absolute_url(),
            "title": group.name,
            "context": group.programme.title,
        }
        for group in groups
    ]


def _event_results(query):
    """Consultation events: upcoming ones on the consultations page, past ones on theirs."""
    from consultations.models import Event

    events = text_search(
        Event.objects.published().only("title", "starts_at", "ends_at"),
        query,
        fields=["title", "summary", "place"],
        order=["-starts_at"],
    )[:RESULTS_PER_GROUP]
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

    surveys = text_search(
        Survey.objects.published()
        .select_related("programme__municipality")
        .only("title", "programme__title", "programme__municipality__slug"),
        query,
        fields=["title", "results"],
    )[:RESULTS_PER_GROUP]
    return [
        {
            "url": survey.get_absolute_url(),
            "title": survey.title,
            "context": survey.programme.title,
        }
        for survey in surveys
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
