"""Every open dataset the portal publishes, once: the open-data page lists them and the
DCAT catalogue (api/catalog.py) describes them.

Per municipality, each published redaction's action plan, investment plan and indicator
values (CSV); the project registry (CSV and the API); each closed discussion's report
(CSV); the news and discussions feeds (Atom) and the events calendar (iCalendar); the API
itself. A fixed number of queries, whatever the number of datasets.
"""

from dataclasses import dataclass, field

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from consultations.models import Event, PublicDiscussion
from portal.models import News
from programmes.models import Municipality, Redaction
from projects.models import Project

# The EU's frequency vocabulary (DCAT-AP's dct:accrualPeriodicity).
CONTINUOUS = "UPDATE_CONT"
ANNUAL = "ANNUAL"
IRREGULAR = "IRREG"
NEVER = "NEVER"

# Format: (EU file type or None, IANA media type).
CSV = ("CSV", "text/csv")
JSON = ("JSON", "application/json")
ATOM = ("ATOM", "application/atom+xml")
ICALENDAR = (None, "text/calendar")
HTML = ("HTML", "text/html")


LABELS = {"text/csv": "CSV", "application/json": "JSON", "application/atom+xml": "Atom"}


@dataclass
class Distribution:
    format: tuple
    path: str  # an address on the portal
    title: object = ""

    @property
    def label(self):
        """What a link to it says: its format, or its own title."""
        if self.title:
            return str(self.title)
        return LABELS.get(self.format[1], "iCalendar")


@dataclass
class Dataset:
    key: str  # stable, unique: the last part of its URI in the catalogue
    title: object  # lazy text: rendered in Latvian and in English
    description: object
    frequency: str
    distributions: list
    landing_page: str = ""
    modified: object = None  # a datetime or date, or None
    publisher: object = None  # a Municipality, or None for the portal
    keywords: list = field(default_factory=list)
    title_args: dict = field(default_factory=dict)

    @property
    def title_text(self):
        return _text(self.title, self.title_args)


def _text(value, args):
    return str(value) % args if args else str(value)


def in_language(value, args, language):
    with translation.override(language):
        return _text(value, args)


REDACTION_TABLES = [
    (
        "action-plan",
        _("%(programme)s, %(redaction)s: action plan"),
        _(
            "The actions of the redaction's action plan with their responsible executor, "
            "period, financing sources, estimated cost, status and progress."
        ),
        IRREGULAR,
    ),
    (
        "investment-plan",
        _("%(programme)s, %(redaction)s: investment plan"),
        _("The investment plan's items with their cost by year and by source of financing."),
        IRREGULAR,
    ),
    (
        "indicators",
        _("%(programme)s, %(redaction)s: indicators"),
        _("The monitoring indicators with their baseline, target and actual values by year."),
        ANNUAL,
    ),
]


def redaction_datasets():
    """Each published redaction's three tables, by municipality (one query)."""
    redactions = (
        Redaction.objects.published()
        .select_related("programme__municipality")
        .order_by("programme__municipality__name", "programme__title", "number")
    )
    for redaction in redactions:
        programme = redaction.programme
        args = {"programme": programme.title, "redaction": redaction.label or redaction.number}
        page = redaction.get_absolute_url()
        for table, title, description, frequency in REDACTION_TABLES:
            path = reverse(
                "programmes:redaction_csv",
                args=[programme.municipality.slug, programme.slug, redaction.number, table],
            )
            yield Dataset(
                key=f"redaction-{redaction.pk}-{table}",
                title=title,
                title_args=args,
                description=description,
                frequency=frequency,
                distributions=[
                    Distribution(CSV, path),
                    Distribution(JSON, reverse(f"api:redaction-{table}", args=[redaction.pk])),
                ],
                landing_page=page,
                modified=redaction.status_changed_at or redaction.published_on,
                publisher=programme.municipality,
                keywords=["attīstības programma", table],
            )


def discussion_datasets(now=None):
    """Each closed public discussion's report (one query)."""
    discussions = (
        PublicDiscussion.objects.published()
        .with_programme()
        .annotate(last_answer=Max("proposals__answered_at"))
        .order_by("redaction__programme__municipality__name", "-opens_at")
    )
    for discussion in discussions:
        if not discussion.is_closed(now):
            continue
        programme = discussion.redaction.programme
        args = {"programme": programme.title, "redaction": discussion.redaction.label}
        yield Dataset(
            key=f"discussion-{discussion.pk}-report",
            title=_("%(programme)s, %(redaction)s: public discussion report"),
            title_args=args,
            description=_(
                "Every published proposal of the public discussion with the part of the "
                "redaction it concerns, the planners' answer and its justification. Names and "
                "e-mail addresses of residents are never published."
            ),
            frequency=NEVER,
            distributions=[
                Distribution(CSV, reverse("consultations:report_csv", args=[discussion.slug])),
                Distribution(JSON, reverse("api:discussion-proposals", args=[discussion.slug])),
            ],
            landing_page=reverse("consultations:report", args=[discussion.slug]),
            modified=discussion.last_answer or discussion.closes_at,
            publisher=programme.municipality,
            keywords=["sabiedriskā apspriešana"],
        )


def portal_datasets():
    """The registry, the feeds and the API (three queries for their modification times)."""
    projects = Project.objects.published().aggregate(last=Max("updated_at"))["last"]
    news = News.objects.published().aggregate(last=Max("updated_at"))["last"]
    events = Event.objects.published().aggregate(last=Max("created_at"))["last"]
    return [
        Dataset(
            key="projects",
            title=_("Project registry"),
            description=_(
                "EU-funded and other projects of the municipalities: beneficiary, fund and "
                "programme, agreement number, amounts and EU co-financing rate, dates, "
                "location, partners and the action lines each project serves."
            ),
            frequency=CONTINUOUS,
            distributions=[
                Distribution(CSV, reverse("projects:csv")),
                Distribution(JSON, reverse("api:project-list")),
            ],
            landing_page=reverse("projects:list"),
            modified=projects,
            keywords=["projekti", "ES fondi"],
        ),
        Dataset(
            key="news",
            title=_("News"),
            description=_("News about development programmes and EU-funded projects."),
            frequency=CONTINUOUS,
            distributions=[
                Distribution(ATOM, reverse("feeds:news")),
                Distribution(JSON, reverse("api:news-list")),
            ],
            landing_page=reverse("news:list"),
            modified=news,
            keywords=["ziņas"],
        ),
        Dataset(
            key="discussions",
            title=_("Public discussions"),
            description=_(
                "Public discussions of development programme redactions: when each is open "
                "for proposals and where the materials are."
            ),
            frequency=CONTINUOUS,
            distributions=[
                Distribution(ATOM, reverse("feeds:discussions")),
                Distribution(JSON, reverse("api:discussion-list")),
            ],
            landing_page=reverse("consultations:index"),
            keywords=["sabiedriskā apspriešana"],
        ),
        Dataset(
            key="events",
            title=_("Consultation events"),
            description=_(
                "Working group sessions, public discussion meetings, seminars and conferences."
            ),
            frequency=CONTINUOUS,
            distributions=[
                Distribution(ICALENDAR, reverse("events_ics")),
                Distribution(JSON, reverse("api:event-list")),
            ],
            landing_page=reverse("consultations:index"),
            modified=events,
            keywords=["pasākumi"],
        ),
        Dataset(
            key="api",
            title=_("Read API"),
            description=_(
                "Everything above and more as JSON: municipalities, development programmes "
                "and the whole content of their published redactions, projects, news, working "
                "groups, events and public discussions. Described by an OpenAPI 3 document."
            ),
            frequency=CONTINUOUS,
            distributions=[
                Distribution(JSON, reverse("api:api-root")),
                Distribution(JSON, reverse("api:openapi"), _("OpenAPI 3 document")),
            ],
            landing_page=reverse("opendata:api"),
            keywords=["API", "OpenAPI"],
        ),
    ]


def all_datasets(now=None):
    """Every open dataset: the portal's, then by municipality."""
    now = now or timezone.now()
    return [*portal_datasets(), *redaction_datasets(), *discussion_datasets(now)]


def datasets_by_municipality(datasets):
    """[(Municipality or None, [datasets])], the portal's own first."""
    groups = {}
    for dataset in datasets:
        groups.setdefault(dataset.publisher, []).append(dataset)
    municipalities = sorted(
        (m for m in groups if isinstance(m, Municipality)), key=lambda m: m.name
    )
    ordered = [(None, groups[None])] if None in groups else []
    return ordered + [(m, groups[m]) for m in municipalities]
