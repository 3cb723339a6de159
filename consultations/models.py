"""Working groups, consultation events, surveys, public discussions and residents' proposals.

Nothing here changes a redaction's content: a proposal points at the part it concerns
(a section, priority, action line or task) through a nullable foreign key, so frozen
redactions stay frozen. Every model says how it reaches its municipality
(`municipality_path`) and speaks the access vocabulary of core.access (`published()`,
`in_scope_of()`, `visible_to()`, `editable_by()`), so admin and views scope it the same way.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MinLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.access import ScopedQuerySet
from core.formats import since_date, until_date
from core.periods import check_period
from core.uploads import UploadTo
from core.validators import validate_pdf_upload
from programmes.models import (
    ActionLine,
    DevelopmentProgramme,
    Municipality,
    Priority,
    Redaction,
    SituationSection,
    Task,
)

PROPOSAL_MAX_LENGTH = 5000
PROPOSAL_MIN_LENGTH = 10

# A redaction in one of these statuses is no longer discussed: its discussion stays closed.
RETIRED_STATUSES = (
    Redaction.Status.APPROVED,
    Redaction.Status.SUPERSEDED,
    Redaction.Status.WITHDRAWN,
)


class Sector(models.TextChoices):
    ENTREPRENEURS = "entrepreneurs", _("Entrepreneurs")
    NGO = "ngo", _("NGOs and residents' initiative groups")
    CULTURE = "culture", _("Culture, art, sport and tourism")
    EDUCATION = "education", _("Education and youth")
    HEALTH_SOCIAL = "health_social", _("Health care and social services")
    STATE = "state", _("State institutions")
    ADMINISTRATION = "administration", _("Heads of council departments")
    OTHER = "other", _("Other")


def consultations_of(municipality_slug):
    """The consultations page of one municipality: its discussions, working groups,
    surveys and events (all municipalities' page lists them a page at a time)."""
    return f"{reverse('consultations:index')}?municipality={municipality_slug}"


class WorkingGroupQuerySet(ScopedQuerySet):
    def for_consultations_page(self):
        """Groups with their programme, municipality, meetings and proposals: three queries."""
        return self.select_related("programme__municipality").prefetch_related(
            "meetings", "given_proposals"
        )


class WorkingGroup(models.Model):
    """A thematic (sectoral) or territorial working group of a programme (darba grupa)."""

    municipality_path = "programme__municipality"

    class Kind(models.TextChoices):
        THEMATIC = "thematic", _("Thematic (sectoral)")
        TERRITORIAL = "territorial", _("Territorial")

    programme = models.ForeignKey(
        DevelopmentProgramme,
        on_delete=models.CASCADE,
        related_name="working_groups",
        verbose_name=_("programme"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    sector = models.CharField(
        _("sector"),
        max_length=20,
        choices=Sector.choices,
        blank=True,
        help_text=_("For a thematic group."),
    )
    territory = models.CharField(
        _("territory"),
        max_length=200,
        blank=True,
        help_text=_("For a territorial group: a parish or town, e.g. Rudzātu pagasts."),
    )
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    objects = WorkingGroupQuerySet.as_manager()

    class Meta:
        ordering = ["programme", "kind", "position", "name"]
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "name"], name="consultations_workinggroup_unique_name"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return self.programme_groups_url(self.programme)

    @staticmethod
    def programme_groups_url(programme):
        """Where a programme's working groups are: the consultations page shows them a few
        programmes a page, so the link chooses the programme's municipality (its programmes
        fit on the first page) and points at the programme's heading."""
        return f"{consultations_of(programme.municipality.slug)}#groups-{programme.pk}"

    def clean(self):
        if self.kind == self.Kind.THEMATIC and not self.sector:
            raise ValidationError(
                {"sector": _("A thematic working group needs a sector.")}, code="sector"
            )
        if self.kind == self.Kind.TERRITORIAL and not self.territory:
            raise ValidationError(
                {"territory": _("A territorial working group needs a parish or town.")},
                code="territory",
            )

    @property
    def topic(self):
        return self.get_sector_display() if self.kind == self.Kind.THEMATIC else self.territory

    @property
    def participant_count(self):
        """Participants of all its meetings (from the prefetched meetings)."""
        return sum(meeting.participant_count for meeting in self.meetings.all())


class WorkingGroupMeeting(models.Model):
    municipality_path = "group__programme__municipality"

    group = models.ForeignKey(
        WorkingGroup,
        on_delete=models.CASCADE,
        related_name="meetings",
        verbose_name=_("working group"),
    )
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    participant_count = models.PositiveIntegerField(_("participants"), default=0)
    sectors_represented = models.CharField(
        _("sectors represented"),
        max_length=500,
        blank=True,
        help_text=_("e.g. parish management, teachers, farmers"),
    )
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("working group meeting")
        verbose_name_plural = _("working group meetings")
        constraints = [
            models.CheckConstraint(
                condition=Q(participant_count__gte=0),
                name="consultations_wgmeeting_participants_non_negative",
            ),
        ]

    def __str__(self):
        return f"{self.group} — {self.date:%d.%m.%Y}"


class WorkingGroupProposal(models.Model):
    """A proposal a working group gave for the programme (not a resident's proposal)."""

    municipality_path = "group__programme__municipality"

    group = models.ForeignKey(
        WorkingGroup,
        on_delete=models.CASCADE,
        related_name="given_proposals",
        verbose_name=_("working group"),
    )
    text = models.TextField(_("proposal"))
    outcome = models.CharField(
        _("where it led"),
        max_length=300,
        blank=True,
        help_text=_("e.g. vision, a priority, an action line, SWOT"),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["group", "position", "id"]
        verbose_name = _("working group proposal")
        verbose_name_plural = _("working group proposals")

    def __str__(self):
        return self.text[:80]


class EventQuerySet(ScopedQuerySet):
    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at")

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at")

    def next_end(self, now):
        """When the next event ends (it leaves the upcoming lists), or None."""
        return self.filter(ends_at__gt=now).aggregate(first=models.Min("ends_at"))["first"]

    def for_listing(self):
        return self.select_related("municipality", "programme__municipality")


class Event(models.Model):
    """A consultation event: working group session, discussion meeting, seminar, conference."""

    municipality_path = "municipality"

    class Kind(models.TextChoices):
        WORKING_GROUP = "working_group", _("Working group session")
        DISCUSSION_MEETING = "discussion_meeting", _("Public discussion meeting")
        SEMINAR = "seminar", _("Seminar")
        CONFERENCE = "conference", _("Conference")

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="consultation_events",
        verbose_name=_("municipality"),
    )
    programme = models.ForeignKey(
        DevelopmentProgramme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("programme"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    participant_count = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        # Upcoming and past events in time order, all and by municipality (the calendars).
        indexes = [
            models.Index(fields=["starts_at"], name="consultations_event_start"),
            models.Index(
                fields=["municipality", "starts_at"], name="consultations_event_mun_start"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")),
                name="consultations_event_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(participant_count__gte=0) | Q(participant_count__isnull=True),
                name="consultations_event_participants_non_negative",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        check_period(
            self.starts_at,
            self.ends_at,
            field="ends_at",
            message=_("An event cannot end before it starts."),
        )
        if (
            self.programme_id
            and self.municipality_id
            and self.programme.municipality_id != self.municipality_id
        ):
            raise ValidationError(
                {"programme": _("The programme must belong to the event's municipality.")},
                code="programme_municipality",
            )


class SurveyQuerySet(ScopedQuerySet):
    def for_listing(self):
        return self.select_related("programme__municipality")


class Survey(models.Model):
    """A questionnaire (aptauja) of residents, entrepreneurs, neighbours or specialists."""

    municipality_path = "programme__municipality"

    class Audience(models.TextChoices):
        RESIDENTS = "residents", _("Residents")
        ENTREPRENEURS = "entrepreneurs", _("Entrepreneurs")
        NEIGHBOURS = "neighbours", _("Neighbouring municipalities")
        SPECIALISTS = "specialists", _("Specialists")
        YOUTH = "youth", _("Young people")
        OTHER = "other", _("Other")

    programme = models.ForeignKey(
        DevelopmentProgramme,
        on_delete=models.CASCADE,
        related_name="surveys",
        verbose_name=_("programme"),
    )
    title = models.CharField(_("title"), max_length=300)
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices)
    opens_on = models.DateField(_("opens"))
    closes_on = models.DateField(_("closes"))
    url = models.URLField(_("questionnaire address"), blank=True)
    respondent_count = models.PositiveIntegerField(_("respondents"), null=True, blank=True)
    results = models.TextField(_("results"), blank=True)
    results_file = models.FileField(
        _("results (PDF)"),
        upload_to=UploadTo("surveys", extension="pdf"),
        blank=True,
        validators=[validate_pdf_upload],
    )
    history = HistoricalRecords()

    objects = SurveyQuerySet.as_manager()

    class Meta:
        ordering = ["-closes_on", "title"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")),
                name="consultations_survey_closes_after_opening",
            ),
            models.CheckConstraint(
                condition=Q(respondent_count__gte=0) | Q(respondent_count__isnull=True),
                name="consultations_survey_respondents_non_negative",
            ),
        ]
        # The media view finds the survey that owns a requested file by its name.
        indexes = [models.Index(fields=["results_file"], name="consultations_survey_results")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        """Surveys have no page of their own: the consultations page of the programme's
        municipality lists its open, coming and latest past ones."""
        return consultations_of(self.programme.municipality.slug)

    def clean(self):
        check_period(
            self.opens_on,
            self.closes_on,
            field="closes_on",
            message=_("A survey cannot close before it opens."),
        )

    def is_open(self, today=None):
        today = today or timezone.localdate()
        return self.opens_on <= today <= self.closes_on

    def is_upcoming(self, today=None):
        return (today or timezone.localdate()) < self.opens_on


class PublicDiscussionQuerySet(ScopedQuerySet):
    def published(self):
        """Discussions residents may see: those of redactions that left draft."""
        return self.filter(redaction__in=Redaction.objects.published())

    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now).exclude(
            redaction__status__in=RETIRED_STATUSES
        )

    def with_programme(self):
        return self.select_related("redaction__programme__municipality")

    def next_change(self, now):
        """When the next published discussion opens or closes, or None."""
        found = self.published().aggregate(
            opens=models.Min("opens_at", filter=models.Q(opens_at__gt=now)),
            closes=models.Min("closes_at", filter=models.Q(closes_at__gt=now)),
        )
        moments = [moment for moment in found.values() if moment is not None]
        return min(moments) if moments else None


class PublicDiscussion(models.Model):
    """The public discussion (sabiedriskā apspriešana) of one redaction."""

    municipality_path = "redaction__programme__municipality"

    redaction = models.ForeignKey(
        Redaction,
        on_delete=models.PROTECT,
        related_name="public_discussions",
        verbose_name=_("redaction"),
    )
    slug = models.SlugField(
        _("address"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_("Filled in from the programme and redaction when left empty."),
    )
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    introduction = models.TextField(_("introduction"), blank=True)
    materials_places = models.TextField(
        _("where the materials can be seen"),
        blank=True,
        help_text=_("Addresses and opening hours, one per line."),
    )
    materials_url = models.URLField(_("materials on the web"), blank=True)
    how_to_submit = models.TextField(
        _("how to submit proposals"),
        blank=True,
        help_text=_("Besides the form on this portal: by post, by e-mail, in person."),
    )
    report_summary = models.TextField(_("summary of the results"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    objects = PublicDiscussionQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("public discussion")
        verbose_name_plural = _("public discussions")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="consultations_discussion_closes_after_opening",
            ),
        ]

    def __str__(self):
        return _("Public discussion: %(redaction)s") % {"redaction": self.redaction}

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.default_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("consultations:discussion", args=[self.slug])

    def clean(self):
        check_period(
            self.opens_at,
            self.closes_at,
            field="closes_at",
            message=_("A discussion must close after it opens."),
            strict=True,
        )
        if self.redaction_id and self.opens_at and self.closes_at:
            # At most one open discussion per redaction: no two periods may overlap.
            overlapping = PublicDiscussion.objects.filter(
                redaction_id=self.redaction_id,
                opens_at__lt=self.closes_at,
                closes_at__gt=self.opens_at,
            ).exclude(pk=self.pk)
            if overlapping.exists():
                raise ValidationError(
                    _(
                        "This redaction already has a public discussion in this period: "
                        "a redaction has at most one open discussion."
                    ),
                    code="overlap",
                )
        if (
            self.redaction_id
            and self.closes_at
            and self.redaction.status in RETIRED_STATUSES
            and self.closes_at > timezone.now()
            and self._period_changed()
        ):
            # Reopening (or moving into the future) the discussion of an approved, superseded
            # or withdrawn redaction would invite proposals about a text nobody will change.
            raise ValidationError(
                {
                    "closes_at": _(
                        "The redaction “%(label)s” is “%(status)s”: its public discussion "
                        "cannot be reopened or moved into the future. Put the next redaction "
                        "to public discussion instead."
                    )
                    % {
                        "label": self.redaction.display_label,
                        "status": self.redaction.get_status_display(),
                    }
                },
                code="redaction_retired",
            )

    def _period_changed(self):
        """True for a new discussion, or when opens_at or closes_at differ from the stored ones."""
        if self.pk is None:
            return True
        stored = PublicDiscussion.objects.filter(pk=self.pk).values("opens_at", "closes_at").first()
        return stored is None or (stored["opens_at"], stored["closes_at"]) != (
            self.opens_at,
            self.closes_at,
        )

    def default_slug(self):
        redaction = self.redaction
        programme = redaction.programme
        base = slugify(f"{programme.municipality.slug}-{programme.slug}-{redaction.number}")
        slug, n = base, 2
        while PublicDiscussion.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    @property
    def is_retired(self):
        """The redaction was approved, superseded or withdrawn: the discussion is over."""
        return self.redaction.status in RETIRED_STATUSES

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at and not self.is_retired

    def is_closed(self, now=None):
        return (now or timezone.now()) >= self.closes_at or self.is_retired

    def is_upcoming(self, now=None):
        return (now or timezone.now()) < self.opens_at and not self.is_retired

    def received_in_period(self, moment):
        """Whether a proposal received at `moment` falls in the discussion.

        The period is half-open, [opens_at, closes_at), as the form on the portal reads it:
        a letter that arrives on the closing day before the closing time is in; one that
        arrives at the closing time or later is not.
        """
        return self.opens_at <= moment < self.closes_at

    @property
    def programme(self):
        return self.redaction.programme


class ProposalQuerySet(ScopedQuerySet):
    def published(self):
        """Proposals the report shows (its discussion's own visibility is the discussion's)."""
        return self.filter(is_published=True)

    def hidden(self):
        """Proposals the report leaves out (abusive, or disclosing personal data)."""
        return self.filter(is_published=False)

    def unanswered(self):
        return self.filter(answer="")

    def for_report(self):
        """Published proposals with the part each concerns, for the report and CSV."""
        return self.published().select_related("section", "priority", "action_line", "task")


class Proposal(models.Model):
    """A resident's proposal in a public discussion and the planner's answer to it."""

    municipality_path = "discussion__redaction__programme__municipality"
    PART_FIELDS = ("section", "priority", "action_line", "task")

    class Channel(models.TextChoices):
        WEB = "web", _("Form on the portal")
        EMAIL = "email", _("E-mail")
        PAPER = "paper", _("On paper")
        MEETING = "meeting", _("At a discussion meeting")

    class Answer(models.TextChoices):
        TAKEN = "taken", _("Taken into account")
        PARTLY = "partly", _("Partly taken into account")
        NOT_TAKEN = "not_taken", _("Not taken into account")
        NOT_RELEVANT = "not_relevant", _("Not relevant to the programme")

    # Residents' proposals are the record of the discussion: a discussion that received
    # any cannot be deleted (hide a proposal instead of deleting it).
    discussion = models.ForeignKey(
        PublicDiscussion,
        on_delete=models.PROTECT,
        related_name="proposals",
        verbose_name=_("public discussion"),
    )
    number = models.PositiveIntegerField(_("No."), editable=False)
    text = models.TextField(
        _("proposal"),
        validators=[
            MinLengthValidator(PROPOSAL_MIN_LENGTH),
            MaxLengthValidator(PROPOSAL_MAX_LENGTH),
        ],
    )
    section = models.ForeignKey(
        SituationSection,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("situation analysis section"),
    )
    priority = models.ForeignKey(
        Priority,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("priority"),
    )
    action_line = models.ForeignKey(
        ActionLine,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("action line"),
    )
    task = models.ForeignKey(
        Task,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("task"),
    )
    # A person's name (“Vārds, uzvārds”), not a thing's (“Nosaukums”).
    author_name = models.CharField(pgettext_lazy("person", "name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    channel = models.CharField(
        _("received"), max_length=20, choices=Channel.choices, default=Channel.WEB
    )
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="lv"
    )
    consent_at = models.DateTimeField(
        _("consent to data processing given"), null=True, blank=True, editable=False
    )
    answer = models.CharField(_("answer"), max_length=20, choices=Answer.choices, blank=True)
    justification = models.TextField(_("justification"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True, editable=False)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("answered by"),
    )
    answer_notified_at = models.DateTimeField(
        _("submitter notified of the answer"), null=True, blank=True, editable=False
    )
    is_published = models.BooleanField(
        _("published"),
        default=True,
        help_text=_("Hide abusive proposals or ones that disclose personal data."),
    )
    hidden_reason = models.CharField(_("why hidden"), max_length=300, blank=True)
    history = HistoricalRecords(excluded_fields=["email"])

    objects = ProposalQuerySet.as_manager()

    class Meta:
        # By the column, not the discussion's own ordering: served by the unique index.
        ordering = ["discussion_id", "number"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        constraints = [
            models.UniqueConstraint(
                fields=["discussion", "number"], name="consultations_proposal_unique_number"
            ),
            models.CheckConstraint(
                condition=~(
                    (Q(section__isnull=False) & Q(priority__isnull=False))
                    | (Q(section__isnull=False) & Q(action_line__isnull=False))
                    | (Q(section__isnull=False) & Q(task__isnull=False))
                    | (Q(priority__isnull=False) & Q(action_line__isnull=False))
                    | (Q(priority__isnull=False) & Q(task__isnull=False))
                    | (Q(action_line__isnull=False) & Q(task__isnull=False))
                ),
                name="consultations_proposal_at_most_one_part",
            ),
            models.CheckConstraint(
                condition=Q(answer="") | ~Q(justification=""),
                name="consultations_proposal_answer_justified",
            ),
        ]

    def __str__(self):
        return _("Proposal No. %(number)s") % {"number": self.number}

    def get_absolute_url(self):
        url = reverse("consultations:proposals", args=[self.discussion.slug])
        return f"{url}?number={self.number}#p{self.number}"

    def clean(self):
        parts = [name for name in self.PART_FIELDS if getattr(self, f"{name}_id")]
        if len(parts) > 1:
            raise ValidationError(
                _("A proposal concerns one part of the redaction at most: choose one."),
                code="several_parts",
            )
        if parts and self.discussion_id:
            part = getattr(self, parts[0])
            if part.get_redaction().pk != self.discussion.redaction_id:
                raise ValidationError(
                    {parts[0]: _("This part belongs to another redaction.")},
                    code="part_redaction",
                )
        if self.answer and not self.justification.strip():
            raise ValidationError(
                {"justification": _("Give the reason for the answer.")}, code="justification"
            )
        if self.justification.strip() and not self.answer:
            raise ValidationError(
                {"answer": _("Choose the answer this justification is for.")}, code="answer"
            )
        if not self.is_published and not self.hidden_reason.strip():
            raise ValidationError(
                {"hidden_reason": _("Say why the proposal is hidden.")}, code="hidden_reason"
            )
        self._check_received_in_period()

    def _check_received_in_period(self):
        """A proposal (a letter, an e-mail) counts only if it arrived during the discussion.

        Checked when the proposal is new or its receipt time changes, so a proposal already
        recorded can still be answered whatever happened to the discussion's dates since.
        """
        if not (self.discussion_id and self.received_at):
            return
        if self.pk is not None:
            stored = Proposal.objects.filter(pk=self.pk).values_list("received_at", flat=True)
            # Admin's time field drops the microseconds of a proposal sent through the portal:
            # the same second is the same receipt time.
            if any(abs(self.received_at - value).total_seconds() < 1 for value in stored):
                return
        discussion = self.discussion
        if discussion.received_in_period(self.received_at):
            return
        raise ValidationError(
            {
                "received_at": _(
                    "The proposal was received outside the public discussion: proposals "
                    "count when received %(since)s %(until)s (Riga time)."
                )
                % {
                    "since": since_date(discussion.opens_at, "datetime"),
                    "until": until_date(discussion.closes_at, "datetime"),
                }
            },
            code="received_outside_discussion",
        )

    @property
    def part(self):
        for name in self.PART_FIELDS:
            if getattr(self, f"{name}_id"):
                return getattr(self, name)
        return None

    @property
    def part_label(self):
        part = self.part
        if part is None:
            return _("The redaction as a whole")
        if isinstance(part, SituationSection):
            return _("Situation analysis: %(title)s") % {"title": part.title}
        return str(part)

    @property
    def is_answered(self):
        return bool(self.answer)


class SubscriptionQuerySet(ScopedQuerySet):
    def published(self):
        """Nothing: a resident's address is for the staff of their municipality only."""
        return self.none()

    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)


class Subscription(models.Model):
    """An e-mail address told when a public discussion of a municipality is announced.

    The address is confirmed by a link sent to it (double opt-in) and every e-mail carries
    the link that ends the subscription, which deletes the row. No change history is kept:
    an address that unsubscribed is gone.
    """

    municipality_path = "municipality"

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="consultation_subscriptions",
        verbose_name=_("municipality"),
    )
    email = models.EmailField(_("e-mail address"))
    token = models.CharField(max_length=64, unique=True, editable=False)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="lv"
    )
    created_at = models.DateTimeField(_("subscribed"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True, editable=False)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "email"]
        verbose_name = _("e-mail subscription")
        verbose_name_plural = _("e-mail subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "email"], name="consultations_subscription_unique_email"
            ),
        ]

    def __str__(self):
        return self.email
