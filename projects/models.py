"""EU-funded (and other) projects, the organisations in them, their funding and activities.

Who may see and edit what is decided here, in each model's queryset (the vocabulary of
core.access: `published()`, `in_scope_of(user)`, `visible_to(user)`, `editable_by(user)`),
and views, feeds, the media view and admin ask only these:

- a project (and its partnerships and activities): residents see the published ones; a
  project manager edits the projects assigned to them in their own municipality; the
  municipality's planners read them; superusers edit everything (`ProjectQuerySet`);
- a council decision: public with a published project; staff of its municipality edit
  it, unless it is attached to a project they may not edit (`CouncilDecisionQuerySet`);
- an organisation, shared by every municipality: anyone who works with projects adds one,
  but changes only one no other municipality's project uses (`OrganisationQuerySet`).

Money is Decimal euro. The EU share is derived from the amounts whenever both are known,
so the stored share and the amounts can never disagree.
"""

import datetime
import re
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Case, F, Prefetch, Q, Value, When
from django.db.models.functions import Coalesce, Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from core.access import FollowsParentQuerySet, ScopedQuerySet, staff_municipality_ids
from core.images import stripped_copy, validate_image
from core.periods import period_errors
from core.text import fold
from core.uploads import UploadTo
from core.validators import validate_pdf_upload
from programmes.models import (
    ActionLine,
    DevelopmentProgramme,
    InvestmentItem,
    Municipality,
)

from .budget import budget_errors, eu_share

MONEY = {"max_digits": 14, "decimal_places": 2}
NON_NEGATIVE = [
    MinValueValidator(Decimal("0"), message=_("An amount cannot be negative: enter 0 or more."))
]
_PERCENT_MESSAGE = _("A share is a percentage from 0 to 100.")
PERCENT = [
    MinValueValidator(Decimal("0"), message=_PERCENT_MESSAGE),
    MaxValueValidator(Decimal("100"), message=_PERCENT_MESSAGE),
]
HALF_CENT = Value(Decimal("0.005"))
SHARE_TOLERANCE = Value(Decimal("0.01"))

# Agreement numbers of EU funds in Latvia are segments of letters, digits and dots joined by
# "/", at least three of them, with a digit somewhere: "1DP/1.5.2.2.3/11/APIA/SIF/110/71",
# "5.6.2.0/16/I/001", "9.2.1.1/15/I/001". A project without one (a Europe for Citizens grant
# has a reference of another kind) leaves the field empty.
_SEGMENT = r"[A-Za-z0-9]+(\.[A-Za-z0-9]+)*"
AGREEMENT_NUMBER = re.compile(rf"^(?=.*[0-9]){_SEGMENT}(/{_SEGMENT}){{2,}}\Z")
# The same rule as two regular expressions both databases understand (no look-ahead).
AGREEMENT_NUMBER_SHAPE = rf"^{_SEGMENT}(/{_SEGMENT}){{2,}}$"
AGREEMENT_NUMBER_DIGIT = r"[0-9]"

validate_agreement_number = RegexValidator(
    AGREEMENT_NUMBER,
    message=_(
        "Enter the agreement number as written in the agreement: at least three parts of "
        "letters, digits and dots joined by slashes (/), no spaces, with at least one digit, "
        "e.g. 1DP/1.5.2.2.3/11/APIA/SIF/110/71 or 5.6.2.0/16/I/001. If the project has no "
        "agreement number (e.g. a Europe for Citizens grant), leave the field empty."
    ),
    code="agreement_number",
)


class OrganisationQuerySet(ScopedQuerySet):
    def editable_by(self, user):
        """Organisations the user may change or delete.

        Organisations are shared by every municipality's projects, so the rules are:

        - anyone who may add organisations adds one (adding changes nobody's data);
        - a staff user changes only an organisation that no project of another
          municipality uses: Poznaņas pašvaldība, a partner of a Daugavpils project, is not
          for Līvāni's staff to rename, since the Daugavpils page would change with it;
        - an organisation that is itself a municipality of the portal is changed only by
          that municipality's staff;
        - superusers change every organisation.
        """
        ids = staff_municipality_ids(user)
        if ids is None:
            return self
        if not ids:
            return self.none()
        used_elsewhere = Partnership.objects.exclude(project__municipality_id__in=ids).values(
            "organisation_id"
        )
        return self.filter(Q(municipality__isnull=True) | Q(municipality_id__in=ids)).exclude(
            pk__in=used_elsewhere
        )


class Organisation(models.Model):
    """A body that takes part in projects. Shared by all municipalities: not scoped."""

    municipality_path = None

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        PLANNING_REGION = "planning_region", _("Planning region")
        MINISTRY = "ministry", _("Ministry or state agency")
        NGO = "ngo", _("Non-governmental organisation")
        UNIVERSITY = "university", _("University or research institute")
        COMPANY = "company", _("Company")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=300)
    name_en = models.CharField(_("name in English"), max_length=300, blank=True)
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=120, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("municipality in the portal"),
        help_text=_("If this organisation is a municipality that uses the portal."),
    )
    website = models.URLField(_("website"), blank=True)
    search_text = models.TextField(editable=False, blank=True)
    history = HistoricalRecords(excluded_fields=["search_text"])

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["name", "country"], name="projects_organisation_unique_name_country"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.country.code})" if self.country else self.name

    def save(self, *args, **kwargs):
        self.search_text = fold(" ".join([self.name, self.name_en, self.city]))
        super().save(*args, **kwargs)

    @property
    def display_name(self):
        """The name in the page's language: the English name on English pages, if known."""
        if self.name_en and get_language() == "en":
            return self.name_en
        return self.name


class FundingProgramme(models.Model):
    """A funding instrument: the fund, its programme / measure / sub-activity, publicity."""

    municipality_path = None

    class Fund(models.TextChoices):
        ESF = "esf", _("European Social Fund (ESF)")
        ERDF = "erdf", _("European Regional Development Fund (ERDF)")
        CF = "cf", _("Cohesion Fund (CF)")
        EAFRD = "eafrd", _("European Agricultural Fund for Rural Development (EAFRD)")
        INTERREG = "interreg", _("Interreg")
        EUROPE_FOR_CITIZENS = "efc", _("Europe for Citizens")
        OTHER = "other", _("Other")

    fund = models.CharField(_("fund"), max_length=20, choices=Fund.choices)
    name = models.CharField(_("name"), max_length=300)
    operational_programme = models.CharField(_("operational programme"), max_length=300, blank=True)
    measure = models.CharField(_("measure / activity"), max_length=300, blank=True)
    sub_activity = models.CharField(_("sub-activity"), max_length=300, blank=True)
    publicity_statement = models.TextField(
        _("publicity statement"),
        blank=True,
        help_text=_("The text every project of this programme must show on its pages and news."),
    )
    emblem = models.ImageField(
        _("emblem"), upload_to=UploadTo("funds"), blank=True, validators=[validate_image]
    )
    emblem_alt = models.CharField(_("emblem text alternative"), max_length=200, blank=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["fund", "name"]
        verbose_name = _("funding programme")
        verbose_name_plural = _("funding programmes")
        constraints = [
            models.UniqueConstraint(
                fields=["fund", "name"], name="projects_fundingprogramme_unique_name"
            )
        ]
        # The media view finds the record that owns a requested file by its name.
        indexes = [models.Index(fields=["emblem"], name="projects_funding_emblem")]

    def __str__(self):
        return f"{self.get_fund_display()}: {self.name}"

    def save(self, *args, **kwargs):
        if self.emblem and not self.emblem._committed:
            # Stored without what the uploaded file carried besides its pixels.
            self.emblem = stripped_copy(self.emblem)
        super().save(*args, **kwargs)

    def clean(self):
        if self.emblem and not self.emblem_alt:
            raise ValidationError(
                {"emblem_alt": _("Describe the emblem for people who cannot see it.")},
                code="emblem_alt",
            )


class CouncilDecisionQuerySet(ScopedQuerySet):
    def published(self):
        """The decisions of published projects (the project page shows them)."""
        return self.filter(pk__in=Project.objects.published().values("council_decision"))

    def editable_by(self, user):
        """Decisions the user may change or delete.

        Staff of the decision's municipality may, unless the decision is attached to a
        project they may not edit: the decision on a colleague's project is part of that
        project's record, and changing it would change the colleague's project page.
        Superusers change every decision.
        """
        ids = staff_municipality_ids(user)
        if ids is None:
            return self
        if not ids:
            return self.none()
        locked = (
            Project.objects.filter(council_decision__isnull=False)
            .exclude(pk__in=Project.objects.editable_by(user).values("pk"))
            .values("council_decision_id")
        )
        return self.filter(municipality_id__in=ids).exclude(pk__in=locked)


class CouncilDecision(models.Model):
    """A council decision (domes lēmums), e.g. on taking part in a project."""

    municipality_path = "municipality"

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="council_decisions",
        verbose_name=_("municipality"),
    )
    number = models.CharField(_("decision No."), max_length=40)
    date = models.DateField(_("date"))
    protocol_number = models.CharField(_("protocol No."), max_length=40, blank=True)
    paragraph = models.CharField(_("paragraph (§)"), max_length=20, blank=True)
    title = models.CharField(_("title"), max_length=500, blank=True)
    document = models.FileField(
        _("decision (PDF)"),
        upload_to=UploadTo("decisions", extension="pdf"),
        blank=True,
        validators=[validate_pdf_upload],
    )
    history = HistoricalRecords()

    objects = CouncilDecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "number"]
        verbose_name = _("council decision")
        verbose_name_plural = _("council decisions")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "date", "number"],
                name="projects_councildecision_unique_number",
            )
        ]
        # The media view finds the decision that owns a requested file by its name.
        indexes = [models.Index(fields=["document"], name="projects_councildecision_doc")]

    def __str__(self):
        return _("Decision No. %(number)s of %(date)s") % {
            "number": self.number,
            "date": self.date.strftime("%d.%m.%Y") if self.date else "",
        }


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    APPROVED = "approved", _("Approved")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    CLOSED = "closed", _("Closed")


def home_order():
    """The home page's order of projects: running ones first, then those about to start,
    then the rest; within each, the latest start first. The same expressions make the
    index `projects_project_home` (Project.Meta), so PostgreSQL reads the first rows of the
    index instead of sorting every published project."""
    stage = Case(
        When(status=ProjectStatus.IN_PROGRESS, then=Value(0)),
        When(status__in=[ProjectStatus.PLANNED, ProjectStatus.APPROVED], then=Value(1)),
        default=Value(2),
    )
    # Projects without a start come last: as the earliest date, not with NULLS LAST, which
    # SQLite does not allow in an index.
    start = Coalesce("actual_start", "planned_start", Value(datetime.date.min))
    return [stage, start.desc(), F("title")]


# The registry's ?sort= orders (projects/filters.py). Projects without the value (no dates,
# no cost) come last either way: through a value beyond every real one rather than NULLS
# LAST, which SQLite does not allow in an index. Each is served by an index of Project.Meta
# (`projects_registry_<sort>`), so a page of the registry reads a page of an index instead
# of sorting every published project.
_SORT_DATE = ("actual_start", "planned_start", "actual_end", "planned_end")
_NO_COST_ASC, _NO_COST_DESC = Decimal("1e13"), Decimal("-1")
REGISTRY_SORTS = {
    "start": [Coalesce(*_SORT_DATE, Value(datetime.date.max)).asc(), F("title")],
    "-start": [Coalesce(*_SORT_DATE, Value(datetime.date.min)).desc(), F("title")],
    "title": [F("title"), F("id")],
    "-title": [F("title").desc(), F("id").desc()],
    "cost": [Coalesce("total_cost", Value(_NO_COST_ASC)).asc(), F("title")],
    "-cost": [Coalesce("total_cost", Value(_NO_COST_DESC)).desc(), F("title")],
}


class ProjectQuerySet(ScopedQuerySet):
    def published(self):
        return self.filter(is_published=True)

    def running(self):
        return self.published().filter(status=Project.Status.IN_PROGRESS)

    def editable_by(self, user):
        """Projects the user may change: for a project manager, the ones assigned to them
        in their own municipality; all for a superuser.

        Staff act only within their own municipality: an assignment to another
        municipality's project (or to a project since moved to another municipality)
        gives no right to change it.
        """
        ids = staff_municipality_ids(user)
        if ids is None:
            return self.all()
        if not ids:
            return self.none()
        return self.filter(managers=user, municipality_id__in=ids)

    def search(self, text):
        """Every word in the project's texts or a partner's name, diacritics and case ignored.

        "livanu" finds "Līvānu", "poznan" finds the projects Poznań takes part in.
        """
        queryset = self
        for word in fold(text).split():
            partners = Partnership.objects.filter(organisation__search_text__contains=word).values(
                "project_id"
            )
            queryset = queryset.filter(Q(search_text__contains=word) | Q(pk__in=partners))
        return queryset

    def for_registry(self):
        """The public registry: one query for the page of projects (plus the count)."""
        return self.published().select_related("funding_programme", "municipality")

    def for_home(self, limit=6):
        """Running projects first, then the ones about to start, then the latest finished:
        the first `limit` rows of the index `projects_project_home`, not a sort of them all."""
        return (
            self.published()
            .select_related("funding_programme", "municipality")
            .order_by(*home_order())[:limit]
        )

    def for_page(self):
        """Everything of its own the public project page shows, in a fixed number of
        queries (what the portal shows there, its news, comes through projects/panels.py)."""
        return (
            self.published()
            .select_related(
                "funding_programme",
                "municipality",
                "council_decision",
                "funds_programme__municipality",
            )
            .prefetch_related(
                Prefetch(
                    "partnerships",
                    queryset=Partnership.objects.select_related("organisation"),
                ),
                "activities",
                Prefetch(
                    "action_lines",
                    queryset=ActionLine.objects.published().select_related(
                        "priority__redaction__programme__municipality"
                    ),
                ),
                Prefetch(
                    "investment_items",
                    queryset=InvestmentItem.objects.published().select_related(
                        "action_line__priority__redaction__programme__municipality"
                    ),
                ),
            )
        )


class Project(models.Model):
    municipality_path = "municipality"

    Status = ProjectStatus

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead partner")
        PARTNER = "partner", _("Partner")

    title = models.CharField(_("title"), max_length=500)
    title_original = models.CharField(_("original or English title"), max_length=500, blank=True)
    acronym = models.CharField(_("acronym"), max_length=60, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    agreement_number = models.CharField(
        _("agreement No."),
        max_length=80,
        blank=True,
        validators=[validate_agreement_number],
        help_text=_(
            "E.g. 1DP/1.5.2.2.3/11/APIA/SIF/110/71 or 5.6.2.0/16/I/001; empty if the project "
            "has none."
        ),
    )
    funding_programme = models.ForeignKey(
        FundingProgramme,
        on_delete=models.PROTECT,
        related_name="projects",
        verbose_name=_("funding programme"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="projects",
        verbose_name=_("municipality"),
    )
    municipality_role = models.CharField(
        _("role of the municipality"), max_length=20, choices=Role.choices, default=Role.LEAD
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED, db_index=True
    )
    is_published = models.BooleanField(
        _("published"),
        default=True,
        help_text=_("Unpublished projects are not shown to residents."),
    )
    total_cost = models.DecimalField(
        _("total cost, EUR"), **MONEY, null=True, blank=True, validators=NON_NEGATIVE
    )
    eu_funding = models.DecimalField(
        _("EU funding, EUR"), **MONEY, null=True, blank=True, validators=NON_NEGATIVE
    )
    co_financing = models.DecimalField(
        _("national and municipal co-financing, EUR"),
        **MONEY,
        null=True,
        blank=True,
        validators=NON_NEGATIVE,
        help_text=_("Left empty, it is derived: total cost minus EU funding."),
    )
    eu_share = models.DecimalField(
        _("EU share, %"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=PERCENT,
        help_text=_("Derived from the amounts when they are known; enter it only without them."),
    )
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    objective = models.TextField(_("objective"), blank=True)
    main_activities = models.TextField(_("main activities"), blank=True)
    expected_results = models.TextField(_("expected results"), blank=True)
    description = models.TextField(
        _("notes"),
        blank=True,
        help_text=_(
            "Shown to residents under “Notes” on the project page: where the figures come "
            "from, conversions, what the sources leave out."
        ),
    )
    publicity_note = models.CharField(
        _("publicity line of the project"),
        max_length=300,
        blank=True,
        help_text=_(
            "Shown after the fund's publicity statement, where the fund's rules ask for it, "
            "e.g. “Par informācijas saturu atbild Daugavpils pilsētas dome.”"
        ),
    )
    website = models.URLField(_("website"), blank=True)
    council_decision = models.ForeignKey(
        CouncilDecision,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("council decision on participation"),
    )
    action_lines = models.ManyToManyField(
        ActionLine,
        blank=True,
        related_name="projects",
        verbose_name=_("action lines it serves"),
    )
    investment_items = models.ManyToManyField(
        InvestmentItem,
        blank=True,
        related_name="projects",
        verbose_name=_("investment items it implements"),
    )
    funds_programme = models.ForeignKey(
        DevelopmentProgramme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="funding_projects",
        verbose_name=_("development programme whose drafting it funds"),
    )
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="managed_projects",
        verbose_name=_("project managers"),
        help_text=_("Project managers who may edit this project, its activities and news."),
    )
    search_text = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Who manages a project decides who may edit it, so assignments are kept in the
    # history too, with the action lines and investment items it is linked to.
    history = HistoricalRecords(
        excluded_fields=["search_text"],
        m2m_fields=[managers, action_lines, investment_items],
    )

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["-planned_start", "title"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        indexes = [
            models.Index(
                *home_order(), name="projects_project_home", condition=Q(is_published=True)
            ),
            # The registry's sorts ("-title" reads the "title" index backwards), and its
            # default one within a municipality.
            *[
                models.Index(*REGISTRY_SORTS[sort], name=name, condition=Q(is_published=True))
                for sort, name in [
                    ("-start", "projects_registry_newest"),
                    ("start", "projects_registry_oldest"),
                    ("title", "projects_registry_title"),
                    ("cost", "projects_registry_cheapest"),
                    ("-cost", "projects_registry_dearest"),
                ]
            ],
            models.Index(
                F("municipality"),
                *REGISTRY_SORTS["-start"],
                name="projects_registry_municipality",
                condition=Q(is_published=True),
            ),
        ]
        constraints = [
            # "1dp/…" and "1DP/…" are one agreement: unique whatever the case.
            models.UniqueConstraint(
                Lower("agreement_number"),
                condition=~Q(agreement_number=""),
                name="projects_project_unique_agreement_number_ci",
                violation_error_message=_(
                    "A project with this agreement number is already registered."
                ),
            ),
            models.CheckConstraint(
                condition=Q(agreement_number="")
                | (
                    Q(agreement_number__regex=AGREEMENT_NUMBER_SHAPE)
                    & Q(agreement_number__regex=AGREEMENT_NUMBER_DIGIT)
                ),
                name="projects_project_agreement_number_shape",
                violation_error_message=validate_agreement_number.message,
            ),
            models.CheckConstraint(
                condition=(Q(total_cost__isnull=True) | Q(total_cost__gte=0))
                & (Q(eu_funding__isnull=True) | Q(eu_funding__gte=0))
                & (Q(co_financing__isnull=True) | Q(co_financing__gte=0)),
                name="projects_project_amounts_non_negative",
                violation_error_message=_("An amount cannot be negative: enter 0 or more."),
            ),
            models.CheckConstraint(
                condition=Q(total_cost__isnull=True)
                | Q(eu_funding__isnull=True)
                | Q(co_financing__isnull=True)
                # A half-cent tolerance: SQLite adds decimals as floating point.
                | Q(
                    total_cost__gte=F("eu_funding") + F("co_financing") - HALF_CENT,
                    total_cost__lte=F("eu_funding") + F("co_financing") + HALF_CENT,
                ),
                name="projects_project_amounts_add_up",
                violation_error_message=_(
                    "EU funding and co-financing must add up to the total cost."
                ),
            ),
            models.CheckConstraint(
                condition=Q(eu_share__isnull=True) | Q(eu_share__gte=0, eu_share__lte=100),
                name="projects_project_eu_share_range",
                violation_error_message=_PERCENT_MESSAGE,
            ),
            models.CheckConstraint(
                # share × total = 100 × EU funding, within the rounding of the share to
                # hundredths of a per cent.
                condition=Q(eu_share__isnull=True)
                | Q(total_cost__isnull=True)
                | Q(eu_funding__isnull=True)
                | Q(total_cost=0)
                | Q(
                    eu_share__gte=(F("eu_funding") * 100 - F("total_cost") * SHARE_TOLERANCE)
                    / F("total_cost"),
                    eu_share__lte=(F("eu_funding") * 100 + F("total_cost") * SHARE_TOLERANCE)
                    / F("total_cost"),
                ),
                name="projects_project_eu_share_matches_amounts",
                violation_error_message=_("The EU share does not match the amounts."),
            ),
            models.CheckConstraint(
                condition=Q(planned_start__isnull=True)
                | Q(planned_end__isnull=True)
                | Q(planned_end__gte=F("planned_start")),
                name="projects_project_planned_order",
                violation_error_message=_("The planned end cannot be before the planned start."),
            ),
            models.CheckConstraint(
                condition=Q(actual_start__isnull=True)
                | Q(actual_end__isnull=True)
                | Q(actual_end__gte=F("actual_start")),
                name="projects_project_actual_order",
                violation_error_message=_("The actual end cannot be before the actual start."),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.derive_amounts()
        self.search_text = fold(
            " ".join(
                [
                    self.title,
                    self.title_original,
                    self.acronym,
                    self.agreement_number,
                    self.municipality.name if self.municipality_id else "",
                    self.objective,
                ]
            )
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("projects:detail", args=[self.slug])

    def derive_amounts(self):
        """Fill co-financing and the EU share from the amounts where they follow from them."""
        if self.total_cost is not None and self.eu_funding is not None:
            if self.co_financing is None and self.eu_funding <= self.total_cost:
                self.co_financing = self.total_cost - self.eu_funding
            self.eu_share = self.derived_share()

    def derived_share(self):
        return eu_share(self.total_cost, self.eu_funding)

    def clean(self):
        errors = {
            **period_errors(
                self.planned_start,
                self.planned_end,
                field="planned_end",
                message=_("The planned end cannot be before the planned start."),
                code="planned_order",
            ),
            **period_errors(
                self.actual_start,
                self.actual_end,
                field="actual_end",
                message=_("The actual end cannot be before the actual start."),
                code="actual_order",
            ),
        }
        if (
            self.status in (Project.Status.COMPLETED, Project.Status.CLOSED)
            and not self.actual_end
            and not self.planned_end
            and "actual_end" not in errors
        ):
            # Without an end, the registry would count a finished project as active in
            # every year since its start ("active in 2026" for a 2012 project).
            errors["actual_end"] = ValidationError(
                _(
                    "A completed or closed project needs its end date: enter the actual end, "
                    "or the planned end if the actual one is not known."
                ),
                code="end_missing",
            )
        if (
            self.agreement_number
            and Project.objects.filter(agreement_number__iexact=self.agreement_number)
            .exclude(pk=self.pk)
            .exists()
        ):
            errors["agreement_number"] = ValidationError(
                _("A project with this agreement number is already registered."),
                code="agreement_number_taken",
            )
        errors.update(
            budget_errors(
                total_cost=self.total_cost,
                eu_funding=self.eu_funding,
                co_financing=self.co_financing,
                share=self.eu_share,
            )
        )
        if errors:
            raise ValidationError(errors)

    @property
    def original_name(self):
        """The original title and acronym, shown beside the Latvian title: residents know
        some projects by it ("Cities of change"). Empty when it has neither."""
        original, acronym = self.title_original, self.acronym
        if original and acronym and acronym.lower() not in original.lower():
            return f"{original} ({acronym})"
        return original or acronym

    # Reads for the project page (from prefetched data only)

    @property
    def is_running(self):
        return self.status == Project.Status.IN_PROGRESS

    @property
    def start(self):
        return self.actual_start or self.planned_start

    @property
    def end(self):
        return self.actual_end or self.planned_end

    @property
    def share(self):
        return self.eu_share if self.eu_share is not None else self.derived_share()

    def period_elapsed(self, today=None):
        """How much of the project period has passed, 0–100, or None without both dates."""
        start, end = self.start, self.end
        if not start or not end:
            return None
        today = today or timezone.localdate()
        if today <= start:
            return 0
        if today >= end or end == start:
            return 100
        return round((today - start).days / (end - start).days * 100)

    @property
    def partnerships_list(self):
        return list(self.partnerships.all())

    @property
    def lead_partnership(self):
        for partnership in self.partnerships.all():
            if partnership.role == Partnership.Role.LEAD:
                return partnership
        return None

    def partners_by_country(self):
        """[(country, [partnership, …]), …] from prefetched partnerships, the lead first."""
        groups = {}
        for partnership in self.partnerships.all():
            groups.setdefault(partnership.organisation.country, []).append(partnership)
        lead = self.lead_partnership
        lead_country = lead.organisation.country if lead else None

        def key(item):
            country = item[0]
            return (country != lead_country, fold(str(country.name)))

        return sorted(groups.items(), key=key)

    @property
    def partner_count(self):
        return len(self.partnerships.all())

    @property
    def country_count(self):
        return len({p.organisation.country.code for p in self.partnerships.all()})

    @property
    def partner_country_codes(self):
        return sorted({p.organisation.country.code for p in self.partnerships.all()})

    @property
    def years_active(self):
        start, end = self.start, self.end
        if not start:
            return []
        return list(range(start.year, (end or start).year + 1))


class ProjectPartQuerySet(FollowsParentQuerySet):
    """Partners and activities are part of their project: seen and edited with it."""

    parent_path = "project"


class Partnership(models.Model):
    municipality_path = "project__municipality"

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead partner")
        PARTNER = "partner", _("Partner")
        ASSOCIATED = "associated", _("Associated partner")

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="partnerships", verbose_name=_("project")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="partnerships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PARTNER)
    budget = models.DecimalField(
        _("partner budget, EUR"), **MONEY, null=True, blank=True, validators=NON_NEGATIVE
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    objects = ProjectPartQuerySet.as_manager()

    class Meta:
        # By the column, not the project's own ordering: no join to projects to sort them.
        ordering = ["project_id", "position", "id"]
        verbose_name = _("partnership")
        verbose_name_plural = _("partners")
        # A project's partners in their order (the project page, the CSV).
        indexes = [
            models.Index(fields=["project", "position", "id"], name="projects_partner_order")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation"],
                name="projects_partnership_unique_partner",
                violation_error_message=_("This organisation is already a partner of the project."),
            ),
            models.UniqueConstraint(
                fields=["project"],
                condition=Q(role="lead"),
                name="projects_partnership_one_lead",
                violation_error_message=_(
                    "The project already has a lead partner: a project has only one."
                ),
            ),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0),
                name="projects_partnership_budget_non_negative",
                violation_error_message=_("An amount cannot be negative: enter 0 or more."),
            ),
        ]

    def __str__(self):
        return f"{self.organisation} — {self.get_role_display()}"


class Activity(models.Model):
    """Something the project did: a course, a study visit, a conference, a change …"""

    municipality_path = "project__municipality"

    class Kind(models.TextChoices):
        TRAINING = "training", _("Training course")
        SEMINAR = "seminar", _("Seminar")
        STUDY_VISIT = "study_visit", _("Study visit")
        CONFERENCE = "conference", _("Conference")
        MEETING = "meeting", _("Meeting")
        PROCUREMENT = "procurement", _("Procurement")
        WORKS = "works", _("Construction works")
        PUBLICITY = "publicity", _("Publicity")
        AMENDMENT = "amendment", _("Project amendment")
        OTHER = "other", _("Other")

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="activities", verbose_name=_("project")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(_("title"), max_length=300)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    month_only = models.BooleanField(
        _("only the month is known"),
        default=False,
        help_text=_("Show the dates as months, e.g. when a source says only “in August”."),
    )
    place = models.CharField(_("place"), max_length=300, blank=True)
    participants = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    certificates = models.PositiveIntegerField(_("certificates issued"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    outcomes = models.TextField(_("outcomes"), blank=True)
    history = HistoricalRecords()

    objects = ProjectPartQuerySet.as_manager()

    class Meta:
        # By the column, not the project's own ordering: no join to projects to sort them.
        ordering = ["project_id", "start_date", "id"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        # A project's activities in their order (the project page), and its first activity
        # (the registry's ?year=, for a project known only by its end).
        indexes = [
            models.Index(fields=["project", "start_date", "id"], name="projects_activity_order")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="projects_activity_dates_order",
                violation_error_message=_("The activity cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(certificates__isnull=True)
                | Q(participants__isnull=True)
                | Q(certificates__lte=F("participants")),
                name="projects_activity_certificates_within_participants",
                violation_error_message=_(
                    "More certificates than participants: check both numbers."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        errors = period_errors(
            self.start_date,
            self.end_date,
            field="end_date",
            message=_("The activity cannot end before it starts."),
            code="dates_order",
        )
        if (
            self.certificates is not None
            and self.participants is not None
            and self.certificates > self.participants
        ):
            errors["certificates"] = ValidationError(
                _("More certificates than participants: check both numbers."),
                code="certificates_over_participants",
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_multi_day(self):
        return bool(self.end_date and self.end_date != self.start_date)
