"""Municipalities, development programmes, their redactions and everything in them.

A redaction's content is frozen once the redaction leaves `draft`: the content models
share `RedactionContent`, whose `save()`/`delete()` and queryset `update()`/`delete()`
refuse to touch a frozen redaction. The next redaction starts as a deep copy (see
`programmes.services.start_next_redaction`); every copied item keeps `copied_from`, the
lineage the comparison pairs items by.
"""

import re
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.access import municipality_ids_for
from core.images import stripped_copy, validate_image
from core.uploads import UploadTo
from core.validators import validate_pdf_upload

MONEY = {"max_digits": 14, "decimal_places": 2}
NON_NEGATIVE = [MinValueValidator(Decimal("0"))]
PERCENT = [MinValueValidator(0), MaxValueValidator(100)]
YEAR = [MinValueValidator(1990), MaxValueValidator(2100)]

CODE_PART = re.compile(r"(\d+)")


def natural_sort_key(code):
    """A key that orders codes the way people read them: RV1.2 before RV1.10."""
    parts = CODE_PART.split(code or "")
    return "".join(part.zfill(6) if part.isdigit() else part.upper() for part in parts)


class RedactionFrozen(ValidationError):
    """Raised when something tries to change the content of a redaction that left draft."""

    def __init__(self, message=None):
        super().__init__(
            message
            or _(
                "This redaction is no longer a draft: its content is frozen. "
                "Start the next redaction to make changes."
            ),
            code="frozen",
        )


class Municipality(models.Model):
    municipality_path = "pk"

    class Kind(models.TextChoices):
        CITY = "city", _("State city")
        NOVADS = "novads", _("Municipality (novads)")
        REGION = "region", _("Planning region")

    class PlanningRegion(models.TextChoices):
        RIGA = "riga", _("Riga planning region")
        VIDZEME = "vidzeme", _("Vidzeme planning region")
        KURZEME = "kurzeme", _("Kurzeme planning region")
        ZEMGALE = "zemgale", _("Zemgale planning region")
        LATGALE = "latgale", _("Latgale planning region")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NOVADS)
    planning_region = models.CharField(
        _("planning region"), max_length=20, choices=PlanningRegion.choices
    )
    coat_of_arms = models.ImageField(
        _("coat of arms"),
        upload_to=UploadTo("municipalities"),
        blank=True,
        validators=[validate_image],
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        # The media view finds the record that owns a requested file by its name.
        indexes = [models.Index(fields=["coat_of_arms"], name="programmes_municipality_arms")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.coat_of_arms and not self.coat_of_arms._committed:
            # Stored without what the uploaded file carried besides its pixels.
            self.coat_of_arms = stripped_copy(self.coat_of_arms)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("programmes:municipality", args=[self.slug])


class StaffProfile(models.Model):
    """Ties a staff user to the municipality whose records they may see and edit."""

    municipality_path = "municipality"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_profile",
        verbose_name=_("user"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="staff",
        verbose_name=_("municipality"),
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["municipality", "user__username"]
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")

    def __str__(self):
        return f"{self.user} ({self.municipality})"


DATA_SOURCE_DELETE_REFUSAL = _("A data source cited by a published redaction cannot be deleted.")
DATA_SOURCE_CHANGE_REFUSAL = _(
    "A data source cited by a published redaction cannot be changed: the redaction shows it "
    "as it was cited."
)


class DataSourceQuerySet(models.QuerySet):
    """A source cited by frozen content is part of that content: bulk writes refuse too."""

    def used_by_frozen_content(self):
        frozen = SituationSection._base_manager.exclude(redaction__status=Redaction.Status.DRAFT)
        return self.filter(pk__in=frozen.values("data_sources"))

    def update(self, **kwargs):
        if self.used_by_frozen_content().exists():
            raise RedactionFrozen(DATA_SOURCE_CHANGE_REFUSAL)
        return super().update(**kwargs)

    def delete(self):
        if self.used_by_frozen_content().exists():
            raise RedactionFrozen(DATA_SOURCE_DELETE_REFUSAL)
        return super().delete()


class DataSource(models.Model):
    """An institution or method a situation analysis draws on (CSP, NVA, a survey …).

    A national source (CSP, NVA, PMLP, VID, VZD) has no municipality: every municipality
    cites it and only a superuser edits it. A municipality's own sources (its surveys, its
    working groups) belong to it; two municipalities may each have an "Iedzīvotāju
    aptauja". Once frozen content cites a source, the source stays as it was cited.
    """

    municipality_path = "municipality"
    # Scoping (`programmes.access.scope_to_user`) shows a source without a municipality
    # to everyone: it is a national one.
    shared_without_municipality = True

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="data_sources",
        verbose_name=_("municipality"),
        help_text=_("Empty for a national source (CSP, NVA …) that every municipality cites."),
    )
    code = models.CharField(_("abbreviation"), max_length=30)
    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(_("web address"), blank=True)
    history = HistoricalRecords()

    objects = DataSourceQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("data source")
        verbose_name_plural = _("data sources")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "code"],
                name="programmes_datasource_unique_code_per_municipality",
            ),
            # NULL never equals NULL in a unique index: national codes need their own.
            models.UniqueConstraint(
                fields=["code"],
                condition=Q(municipality__isnull=True),
                name="programmes_datasource_unique_national_code",
                violation_error_message=_("A national data source with this abbreviation exists."),
            ),
        ]

    def __str__(self):
        return self.code

    def save(self, *args, **kwargs):
        if self.pk is not None and self.is_used_by_frozen_content():
            names = [field.attname for field in self._meta.concrete_fields]
            stored = DataSource.objects.filter(pk=self.pk).values(*names).first()
            if stored and any(stored[name] != getattr(self, name) for name in names):
                raise RedactionFrozen(DATA_SOURCE_CHANGE_REFUSAL)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.is_used_by_frozen_content():
            raise RedactionFrozen(DATA_SOURCE_DELETE_REFUSAL)
        return super().delete(*args, **kwargs)

    def clean(self):
        # A planner picks from the national sources and their own: no two of those may
        # share an abbreviation, or the choice would be a guess.
        if not self.code:
            return
        clashes = DataSource.objects.filter(code__iexact=self.code).exclude(pk=self.pk)
        if self.municipality_id is not None:
            clashes = clashes.filter(
                Q(municipality__isnull=True) | Q(municipality_id=self.municipality_id)
            )
        if clashes.exists():
            raise ValidationError(
                {
                    "code": _(
                        "A data source with this abbreviation is already offered to this "
                        "municipality (its own or a national one)."
                    )
                },
                code="duplicate_code",
            )

    def is_used_by_frozen_content(self):
        return (
            self.pk is not None
            and DataSource.objects.filter(pk=self.pk).used_by_frozen_content().exists()
        )


class DevelopmentProgrammeQuerySet(models.QuerySet):
    def for_municipality_ids(self, ids):
        return self if ids is None else self.filter(municipality_id__in=ids)


class DevelopmentProgramme(models.Model):
    municipality_path = "municipality"

    class Kind(models.TextChoices):
        AP = "ap", _("Development programme")
        IAP = "iap", _("Integrated development programme")

    class Drafter(models.TextChoices):
        IN_HOUSE = "in_house", _("In-house")
        CONTRACTOR = "contractor", _("Contractor")

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="programmes",
        verbose_name=_("municipality"),
    )
    title = models.CharField(pgettext_lazy("programme item", "title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=120)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.AP)
    period_start = models.PositiveSmallIntegerField(_("period start year"), validators=YEAR)
    period_end = models.PositiveSmallIntegerField(_("period end year"), validators=YEAR)
    drafter_kind = models.CharField(
        _("drafted by"), max_length=20, choices=Drafter.choices, default=Drafter.IN_HOUSE
    )
    drafter_name = models.CharField(
        _("drafter"),
        max_length=200,
        blank=True,
        help_text=_("The department or the contractor, e.g. an expert firm."),
    )
    summary = models.TextField(_("summary"), blank=True)
    contact = models.TextField(_("contact"), blank=True)
    history = HistoricalRecords()

    objects = DevelopmentProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["municipality__name", "-period_start"]
        verbose_name = _("development programme")
        verbose_name_plural = _("development programmes")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "slug"], name="programmes_programme_unique_slug"
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="programmes_programme_period_order",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("programmes:programme", args=[self.municipality.slug, self.slug])

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError(
                {"period_end": _("The period cannot end before it starts.")}, code="period"
            )

    @property
    def period(self):
        return f"{self.period_start}–{self.period_end}"


LINEAGE_DELETE_REFUSAL = _(
    "Other redactions were copied from this one and keep it as their origin, so it "
    "cannot be deleted."
)


OFFICIAL_RECORD_REFUSAL = _(
    "Once a redaction is no longer a draft, its official record (the council decision, the "
    "publication date and the document) cannot be changed. To correct something, start the "
    "next redaction."
)
DOCUMENT_REFUSAL = _(
    "The redaction's document is already attached and cannot be replaced or removed. To "
    "correct something, start the next redaction."
)


class InvalidStatusChange(ValidationError):
    """Raised when a redaction's status would move other than the workflow allows."""

    def __init__(self, message):
        super().__init__(message, code="status")


class RedactionQuerySet(models.QuerySet):
    """Bulk writes keep the freeze and the workflow: content fields of a redaction that
    left draft cannot be updated, nor can such a redaction be deleted (with its content) in
    bulk, and `update(status=…)` moves only the way `save()` would."""

    def update(self, **kwargs):
        content = set(kwargs) & {*Redaction.CONTENT_FIELDS, "programme"}
        if content and self.exclude(status=Redaction.Status.DRAFT).exists():
            raise RedactionFrozen()
        if set(kwargs) & set(Redaction.OFFICIAL_RECORD_FIELDS):
            self._refuse_official_record_changes(kwargs)
        if "status" in kwargs:
            self._refuse_status_moves(kwargs)
            if "status_changed_at" not in kwargs:
                # The stamp keys the cached page of a frozen redaction: it must follow the
                # status.
                kwargs["status_changed_at"] = timezone.now()
        return super().update(**kwargs)

    def bulk_update(self, objs, fields, *args, **kwargs):
        # Checked before Django's own transaction, which a refusal inside would break. In
        # bulk, nothing writes the content or the official record of a redaction that left
        # draft: the workflow records through save().
        objs = list(objs)
        content = set(fields) & {*Redaction.CONTENT_FIELDS, "programme"}
        record = set(fields) & set(Redaction.OFFICIAL_RECORD_FIELDS)
        if content or record:
            rows = self.filter(pk__in=[obj.pk for obj in objs])
            if rows.exclude(status=Redaction.Status.DRAFT).exists():
                raise RedactionFrozen(None if content else OFFICIAL_RECORD_REFUSAL)
        return super().bulk_update(objs, fields, *args, **kwargs)

    def _refuse_official_record_changes(self, kwargs):
        """Refuse (one query) if writing `kwargs` changes the official record of a row that
        left draft other than its status move records it (`Redaction.recordable_fields`)."""
        fields = [name for name in Redaction.OFFICIAL_RECORD_FIELDS if name in kwargs]
        rows = self.exclude(status=Redaction.Status.DRAFT).values(
            "status", *Redaction.OFFICIAL_RECORD_FIELDS
        )
        for stored in rows:
            target = kwargs.get("status", stored["status"])
            written = {name: Redaction.record_value(kwargs[name]) for name in fields}
            Redaction.check_official_record(stored, target, written)

    def _refuse_status_moves(self, kwargs):
        """Refuse (one query) if any row would move to kwargs["status"] against the rules."""
        target = kwargs["status"]
        moving = self.exclude(status=target)
        rows = moving.values_list("status", "decision_number", "decision_date")
        for current, number, date in rows:
            Redaction.check_status_move(
                current,
                target,
                decision_number=kwargs.get("decision_number", number),
                decision_date=kwargs.get("decision_date", date),
            )

    def delete(self):
        if self.exclude(status=Redaction.Status.DRAFT).exists():
            raise RedactionFrozen(_("A redaction that left draft cannot be deleted."))
        if Redaction.objects.filter(copied_from__in=self).exists():
            raise RedactionFrozen(LINEAGE_DELETE_REFUSAL)
        return super().delete()

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for obj in objs:
            Redaction.check_new_status(obj.status)
        return super().bulk_create(objs, *args, **kwargs)

    def set_status_for_tests(self, status, **fields):
        """TEST FIXTURES ONLY: put these redactions in `status` past the workflow rules.

        Tests need redactions in any status, and sometimes back in draft to add content, in
        one line; application code must move a status through `programmes.services` (or a
        plain `save()`, which the same rules hold). `fields` may set other non-content
        fields (publication date, decision) at the same time. A test in
        tests/programmes/test_freeze.py checks nothing outside tests/ calls this.
        """
        refused = set(fields) & {*Redaction.CONTENT_FIELDS, "programme", "status"}
        if refused:
            raise ValueError(f"set_status_for_tests() sets no content fields: {refused}")
        fields.setdefault("status_changed_at", timezone.now())
        return models.QuerySet.update(self, status=status, **fields)

    def published(self):
        """Redactions residents may read: every one that has left draft."""
        return self.exclude(status=Redaction.Status.DRAFT)

    def visible_to(self, user):
        """Published redactions, plus the drafts the user may edit: those of their own
        municipality, for a user allowed to change redactions (a planner), or all drafts
        for a superuser. Anyone else gets the published ones only."""
        if not user.has_perm("programmes.change_redaction"):
            return self.published()
        municipality_ids = municipality_ids_for(user)
        if municipality_ids is None:
            return self
        if user.is_staff and municipality_ids:
            return self.filter(
                ~Q(status=Redaction.Status.DRAFT)
                | Q(programme__municipality_id__in=municipality_ids)
            )
        return self.published()


class Redaction(models.Model):
    municipality_path = "programme__municipality"

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("redaction status", "Draft")
        PUBLIC_DISCUSSION = (
            "public_discussion",
            pgettext_lazy("redaction status", "Public discussion"),
        )
        APPROVED = "approved", pgettext_lazy("redaction status", "Approved")
        SUPERSEDED = "superseded", pgettext_lazy("redaction status", "Superseded")
        WITHDRAWN = "withdrawn", pgettext_lazy("redaction status", "Withdrawn")

    # target status -> the statuses a redaction may move to it from. Nothing goes back to
    # draft: the next redaction starts as a copy. Superseding happens when a later
    # redaction is approved (`programmes.services.approve_redaction`), to the one approved
    # before it or to an earlier one still in public discussion.
    STATUS_TRANSITIONS = {
        Status.PUBLIC_DISCUSSION: {Status.DRAFT},
        Status.APPROVED: {Status.PUBLIC_DISCUSSION},
        Status.SUPERSEDED: {Status.PUBLIC_DISCUSSION, Status.APPROVED},
        Status.WITHDRAWN: {Status.PUBLIC_DISCUSSION, Status.APPROVED, Status.SUPERSEDED},
    }

    # Fields that belong to the content: they freeze with it once the redaction leaves draft.
    CONTENT_FIELDS = (
        "programme_id",
        "number",
        "label",
        "summary",
        "vision",
        "specialisation",
        "functional_links",
    )

    # The official record: once the redaction left draft, each of these is written only by
    # the workflow step that establishes it (`recordable_fields`: approval records the
    # council decision, a status move its stamp and a missing publication date), and never
    # again; a correction is a new redaction. A missing document may be attached once.
    OFFICIAL_RECORD_FIELDS = (
        "published_on",
        "status_changed_at",
        "decision_number",
        "decision_date",
        "decision_protocol",
        "document",
    )
    DECISION_FIELDS = ("decision_number", "decision_date", "decision_protocol")

    programme = models.ForeignKey(
        DevelopmentProgramme,
        on_delete=models.PROTECT,
        related_name="redactions",
        verbose_name=_("programme"),
    )
    number = models.PositiveSmallIntegerField(_("number"), validators=[MinValueValidator(1)])
    label = models.CharField(_("label"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    summary = models.TextField(_("summary of changes"), blank=True)
    vision = models.TextField(_("vision"), blank=True)
    specialisation = models.TextField(_("specialisation"), blank=True)
    functional_links = models.TextField(_("functional links"), blank=True)
    published_on = models.DateField(_("publication date"), null=True, blank=True)
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    decision_number = models.CharField(_("council decision No."), max_length=40, blank=True)
    decision_date = models.DateField(_("council decision date"), null=True, blank=True)
    decision_protocol = models.CharField(_("protocol No."), max_length=40, blank=True)
    document = models.FileField(
        _("full document (PDF)"),
        upload_to=UploadTo("redactions", extension="pdf"),
        blank=True,
        validators=[validate_pdf_upload],
    )
    copied_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name=_("copied from"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    objects = RedactionQuerySet.as_manager()

    class Meta:
        ordering = ["programme", "number"]
        verbose_name = _("redaction")
        verbose_name_plural = _("redactions")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "number"], name="programmes_redaction_unique_number"
            ),
            models.UniqueConstraint(
                fields=["programme"],
                condition=Q(status="approved"),
                name="programmes_redaction_one_approved",
            ),
            # Two drafts would be edited apart and one's changes lost: the next redaction
            # starts from the published one only while no draft is open.
            models.UniqueConstraint(
                fields=["programme"],
                condition=Q(status="draft"),
                name="programmes_redaction_one_draft",
                violation_error_message=_(
                    "This programme already has a draft redaction: continue that one."
                ),
            ),
        ]
        # The media view finds the redaction that owns a requested file by its name.
        indexes = [models.Index(fields=["document"], name="programmes_redaction_document")]

    def __str__(self):
        return f"{self.programme} — {self.display_label}"

    def save(self, *args, **kwargs):
        stored = None
        if self.pk:
            stored = (
                Redaction.objects.filter(pk=self.pk)
                .values(*self.CONTENT_FIELDS, *self.OFFICIAL_RECORD_FIELDS, "status")
                .first()
            )
        if stored is None:
            self.check_new_status(self.status)
        else:
            if stored["status"] != self.Status.DRAFT:
                changed = [f for f in self.CONTENT_FIELDS if stored[f] != getattr(self, f)]
                if changed:
                    raise RedactionFrozen()
                # Only what this save writes: a stale value of a field left out of
                # `update_fields` is not a change.
                update_fields = kwargs.get("update_fields")
                written = {
                    name: self.record_value(getattr(self, name))
                    for name in self.OFFICIAL_RECORD_FIELDS
                    if update_fields is None or name in update_fields
                }
                moves = update_fields is None or "status" in update_fields
                target = self.status if moves else stored["status"]
                self.check_official_record(stored, target, written)
            if stored["status"] != self.status:
                self.check_status_move(
                    stored["status"],
                    self.status,
                    decision_number=self.decision_number,
                    decision_date=self.decision_date,
                )
            if (
                stored
                and stored["status"] != self.status
                and stored["status_changed_at"] == self.status_changed_at
            ):
                # The stamp keys the cached page of a frozen redaction: it follows the status.
                self.status_changed_at = timezone.now()
                update_fields = kwargs.get("update_fields")
                if update_fields is not None:
                    kwargs["update_fields"] = {*update_fields, "status_changed_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(
            "programmes:redaction",
            args=[self.programme.municipality.slug, self.programme.slug, self.number],
        )

    def delete(self, *args, **kwargs):
        if self.is_frozen_in_db():
            raise RedactionFrozen(_("A redaction that left draft cannot be deleted."))
        if self.pk is not None and Redaction.objects.filter(copied_from_id=self.pk).exists():
            # Deleting it would empty the copies' `copied_from`, their lineage.
            raise RedactionFrozen(LINEAGE_DELETE_REFUSAL)
        return super().delete(*args, **kwargs)

    @classmethod
    def check_new_status(cls, status):
        """A redaction is created as a draft; the workflow takes it further."""
        if status != cls.Status.DRAFT:
            raise InvalidStatusChange(
                _("A new redaction starts as a draft; publish it through its actions.")
            )

    @classmethod
    def status_move_problems(cls, current, target, *, decision_number="", decision_date=None):
        """What forbids moving a redaction from status `current` to `target` (messages).

        The moves allowed are `STATUS_TRANSITIONS`; approval also needs the council
        decision (its number and date) recorded on the redaction.
        """
        if current not in cls.STATUS_TRANSITIONS.get(target, set()):
            return [
                gettext("A redaction in status “%(current)s” cannot be moved to “%(target)s”.")
                % {"current": cls.Status(current).label, "target": cls.Status(target).label}
            ]
        problems = []
        if target == cls.Status.APPROVED:
            if not (decision_number or "").strip():
                problems.append(
                    gettext(
                        "Enter the number of the council decision that approves the "
                        "redaction before approving it."
                    )
                )
            if decision_date is None:
                problems.append(
                    gettext(
                        "Enter the date of the council decision that approves the "
                        "redaction before approving it."
                    )
                )
        return problems

    @classmethod
    def check_status_move(cls, current, target, **decision):
        problems = cls.status_move_problems(current, target, **decision)
        if problems:
            raise InvalidStatusChange(problems)

    @classmethod
    def recordable_fields(cls, stored, target):
        """The official-record fields a write may change on a redaction that left draft,
        stored as `stored` (its status and record), while moving it to status `target`.

        The workflow records as it moves (`programmes.services`): approving records the
        council decision; any move stamps `status_changed_at` and fills a publication date
        still missing. Apart from that, only a missing document may be attached.
        """
        fields = set()
        if not stored["document"]:
            fields.add("document")
        if target != stored["status"]:
            fields.add("status_changed_at")
            if stored["published_on"] is None:
                fields.add("published_on")
            if target == cls.Status.APPROVED:
                fields.update(cls.DECISION_FIELDS)
        return fields

    @classmethod
    def check_official_record(cls, stored, target, written):
        """Refuse writing `written` ({field: value}) to the official record of a redaction
        that left draft, stored as `stored`, unless moving it to `target` records them."""
        changed = {name for name, value in written.items() if stored[name] != value}
        refused = changed - cls.recordable_fields(stored, target)
        if not refused:
            return
        if refused == {"document"}:
            raise RedactionFrozen(DOCUMENT_REFUSAL)
        raise RedactionFrozen(OFFICIAL_RECORD_REFUSAL)

    @staticmethod
    def record_value(value):
        """A value as the database holds it: a file by its name ("" when there is none)."""
        if isinstance(value, models.fields.files.FieldFile) or hasattr(value, "read"):
            return value.name or ""
        return value

    @property
    def display_label(self):
        return self.label or _("Redaction %(number)s") % {"number": self.number}

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT

    @property
    def is_frozen(self):
        return self.status != self.Status.DRAFT

    def is_frozen_in_db(self):
        return (
            self.pk is not None
            and Redaction.objects.filter(pk=self.pk).exclude(status=self.Status.DRAFT).exists()
        )


class ContentQuerySet(models.QuerySet):
    """Bulk writes refuse, like single saves, when any row belongs to a frozen redaction:
    `update()` and `delete()` of frozen rows, `update()` that moves rows under a frozen
    parent, and `bulk_create()`/`bulk_update()` into a frozen redaction. Monitoring is the
    exception (see `RedactionContent.monitoring_fields`): it may be written while the
    redaction is approved."""

    def frozen(self):
        return self.exclude(**{f"{self.model.redaction_path}__status": Redaction.Status.DRAFT})

    def _refuse_frozen(self, fields=None):
        """Refuse if a row is frozen for this write: `fields` written, or None for whole rows
        (created or deleted)."""
        open_statuses = self.model.open_statuses(fields)
        status = f"{self.model.redaction_path}__status__in"
        if self.exclude(**{status: open_statuses}).exists():
            raise RedactionFrozen()

    def update(self, **kwargs):
        self._refuse_frozen(fields=kwargs)
        parent = self.model.parent_field()
        for name in (parent.name, parent.attname):
            target = kwargs.get(name)
            # bulk_update() passes an expression here and checks its objects itself.
            if target is not None and not hasattr(target, "resolve_expression"):
                self.model.refuse_frozen_parents([getattr(target, "pk", target)], moving=True)
        return super().update(**kwargs)

    def bulk_update(self, objs, fields, *args, **kwargs):
        # Checked before Django's own transaction, which a refusal inside would break.
        objs = list(objs)
        self.filter(pk__in=[obj.pk for obj in objs])._refuse_frozen(fields=fields)
        parent = self.model.parent_field()
        if parent.name in fields or parent.attname in fields:
            self.model.refuse_frozen_parents(
                [getattr(obj, parent.attname) for obj in objs], moving=True
            )
        return super().bulk_update(objs, fields, *args, **kwargs)

    def delete(self):
        self._refuse_frozen()
        return super().delete()

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        parent = self.model.parent_field()
        self.model.refuse_frozen_parents([getattr(obj, parent.attname) for obj in objs])
        return super().bulk_create(objs, *args, **kwargs)

    def in_redaction(self, redaction):
        return self.filter(**{self.model.redaction_path: redaction})


class RedactionContent(models.Model):
    """Base of everything that belongs to a redaction's content.

    `redaction_path` is the lookup from the model to its redaction, e.g.
    `priority__redaction` for an action line. `copied_from` is the lineage.

    Content freezes when its redaction leaves draft, except monitoring: while the
    redaction is approved (the one in force), the fields in `monitoring_fields` may still
    change (an action's status and progress), and a model with `monitoring_rows` (the
    yearly actual values of indicators) may gain, change and lose rows, as long as they
    stay under the same parent.
    """

    redaction_path = "redaction"
    monitoring_fields = ()
    monitoring_rows = False

    copied_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        editable=False,
        verbose_name=_("copied from"),
    )

    objects = ContentQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.refuse_if_frozen(saving=True)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self.refuse_if_frozen()
        return super().delete(*args, **kwargs)

    @classmethod
    def municipality_lookup(cls):
        return f"{cls.redaction_path}__programme__municipality"

    @classmethod
    def parent_field(cls):
        """The foreign key that leads to the redaction (first step of `redaction_path`)."""
        return cls._meta.get_field(cls.redaction_path.split("__")[0])

    @classmethod
    def is_monitoring_write(cls, fields=None):
        """Is writing `fields` (names or attnames; None: whole rows) monitoring only?"""
        if fields is None:
            return cls.monitoring_rows
        allowed = set()
        for name in cls.monitoring_fields:
            field = cls._meta.get_field(name)
            allowed |= {field.name, field.attname}
        return bool(allowed) and set(fields) <= allowed

    @classmethod
    def open_statuses(cls, fields=None):
        """The redaction statuses in which this write (see `is_monitoring_write`) is allowed."""
        if cls.is_monitoring_write(fields):
            return [Redaction.Status.DRAFT, Redaction.Status.APPROVED]
        return [Redaction.Status.DRAFT]

    @classmethod
    def refuse_frozen_parents(cls, parent_ids, *, moving=False):
        """Refuse (one query) if any of these parents belongs to a redaction closed to new
        rows (frozen; approved too unless the rows are monitoring), or, `moving` rows there,
        to any frozen one."""
        parent_ids = {pk for pk in parent_ids if pk is not None}
        if not parent_ids:
            return
        parent = cls.parent_field()
        rest = cls.redaction_path.split("__", 1)[1:]
        status = "__".join([*rest, "status__in"])
        open_statuses = [Redaction.Status.DRAFT] if moving else cls.open_statuses()
        frozen = (
            parent.related_model._base_manager.filter(pk__in=parent_ids)
            .exclude(**{status: open_statuses})
            .exists()
        )
        if frozen:
            raise RedactionFrozen()

    def get_redaction(self):
        obj = self
        for step in self.redaction_path.split("__"):
            obj = getattr(obj, step)
        return obj

    def redaction_ids(self):
        """The redaction the object belongs to now, and the one stored in the database."""
        ids = set()
        try:
            ids.add(self.get_redaction().pk)
        except models.ObjectDoesNotExist:
            pass
        if self.pk:
            ids.update(
                type(self)
                ._base_manager.filter(pk=self.pk)
                .values_list(self.redaction_path, flat=True)
            )
        ids.discard(None)
        return ids

    def refuse_if_frozen(self, *, saving=False):
        """Refuse to save (`saving`) or delete the object if its redaction is frozen; a
        monitoring change to the approved redaction goes through."""
        ids = self.redaction_ids()
        if not ids:
            return
        statuses = set(Redaction.objects.filter(pk__in=ids).values_list("status", flat=True))
        frozen = statuses - {Redaction.Status.DRAFT}
        if not frozen:
            return
        if frozen == {Redaction.Status.APPROVED} and self._is_monitoring_change(saving):
            return
        raise RedactionFrozen()

    def _is_monitoring_change(self, saving):
        if not (self.monitoring_fields or self.monitoring_rows):
            return False
        fields = self._meta.concrete_fields
        stored = None
        if self.pk is not None:
            names = [field.attname for field in fields]
            stored = type(self)._base_manager.filter(pk=self.pk).values(*names).first()
        if stored is None or not saving:
            return self.is_monitoring_write(None)  # a row added or deleted
        changed = {f.attname for f in fields if stored[f.attname] != getattr(self, f.attname)}
        return self.is_monitoring_write(changed)


class CodedContent(RedactionContent):
    """Content with a code (VTP1, RV1.2, U1.2.3) ordered naturally."""

    code = models.CharField(_("code"), max_length=30)
    sort_key = models.CharField(max_length=120, editable=False, db_index=True)
    title = models.CharField(pgettext_lazy("programme item", "title"), max_length=500)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.code} {self.title}"

    def save(self, *args, **kwargs):
        self.sort_key = natural_sort_key(self.code)
        super().save(*args, **kwargs)


def average_progress(items):
    """Plain average of the children's progress (each child counts the same); None if none."""
    values = [item.progress for item in items if item.progress is not None]
    if not values:
        return None
    return round(sum(values) / len(values))


class ThematicArea(models.TextChoices):
    NATURE = "nature", _("Nature and cultural heritage")
    POPULATION = "population", _("Population")
    LIVING = "living", _("Living environment")
    INFRASTRUCTURE = "infrastructure", _("Technical infrastructure")
    ECONOMY = "economy", _("Economic activity")
    GOVERNANCE = "governance", _("Governance and investment")


class SituationSection(RedactionContent):
    redaction = models.ForeignKey(
        Redaction,
        on_delete=models.CASCADE,
        related_name="situation_sections",
        verbose_name=_("redaction"),
    )
    area = models.CharField(_("thematic area"), max_length=20, choices=ThematicArea.choices)
    title = models.CharField(
        pgettext_lazy("programme item", "title"),
        max_length=300,
        help_text=_("e.g. Education and science"),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.TextField(_("text"))
    data_sources = models.ManyToManyField(
        DataSource, blank=True, related_name="sections", verbose_name=_("data sources")
    )
    history = HistoricalRecords(m2m_fields=[data_sources])

    class Meta:
        ordering = ["redaction", "area", "position", "id"]
        verbose_name = _("situation analysis section")
        verbose_name_plural = _("situation analysis sections")

    def __str__(self):
        return self.title


class SwotItem(RedactionContent):
    class Kind(models.TextChoices):
        STRENGTH = "strength", _("Strength")
        WEAKNESS = "weakness", _("Weakness")
        OPPORTUNITY = "opportunity", _("Opportunity")
        THREAT = "threat", _("Threat")

    redaction = models.ForeignKey(
        Redaction, on_delete=models.CASCADE, related_name="swot_items", verbose_name=_("redaction")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    text = models.CharField(_("text"), max_length=500)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["redaction", "kind", "position", "id"]
        verbose_name = _("SWOT item")
        verbose_name_plural = _("SWOT items")

    def __str__(self):
        return self.text


class CoherenceItem(RedactionContent):
    """How the programme agrees with a national, regional or EU planning document."""

    class Level(models.TextChoices):
        EU = "eu", _("European Union")
        NATIONAL = "national", _("National")
        REGIONAL = "regional", _("Regional")
        LOCAL = "local", _("Local")

    redaction = models.ForeignKey(
        Redaction,
        on_delete=models.CASCADE,
        related_name="coherence_items",
        verbose_name=_("redaction"),
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    document = models.CharField(_("planning document"), max_length=300)
    description = models.TextField(_("how the programme agrees with it"), blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["redaction", "position", "id"]
        verbose_name = _("coherence with a planning document")
        verbose_name_plural = _("coherence with planning documents")

    def __str__(self):
        return self.document


class Priority(CodedContent):
    redaction = models.ForeignKey(
        Redaction, on_delete=models.CASCADE, related_name="priorities", verbose_name=_("redaction")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["redaction", "sort_key"]
        verbose_name = _("medium-term priority")
        verbose_name_plural = _("medium-term priorities")
        constraints = [
            models.UniqueConstraint(
                fields=["redaction", "code"], name="programmes_priority_unique_code"
            )
        ]

    @property
    def progress(self):
        """Average of its action lines' progress (each action line counts the same)."""
        return average_progress(self.action_lines.all())


class ActionLine(CodedContent):
    redaction_path = "priority__redaction"

    priority = models.ForeignKey(
        Priority, on_delete=models.CASCADE, related_name="action_lines", verbose_name=_("priority")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_key"]
        verbose_name = _("action line")
        verbose_name_plural = _("action lines")
        constraints = [
            models.UniqueConstraint(
                fields=["priority", "code"], name="programmes_actionline_unique_code"
            )
        ]

    def clean(self):
        if self.priority_id and self.code:
            clash = ActionLine.objects.filter(
                priority__redaction_id=self.priority.redaction_id, code=self.code
            ).exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError(
                    {"code": _("This redaction already has an action line with this code.")},
                    code="duplicate_code",
                )

    @property
    def progress(self):
        """Average of its tasks' progress (each task counts the same)."""
        return average_progress(self.tasks.all())


class Task(CodedContent):
    redaction_path = "action_line__priority__redaction"

    action_line = models.ForeignKey(
        ActionLine, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("action line")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_key"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        constraints = [
            models.UniqueConstraint(
                fields=["action_line", "code"], name="programmes_task_unique_code"
            )
        ]

    def clean(self):
        if self.action_line_id and self.code:
            clash = Task.objects.filter(
                action_line__priority__redaction_id=self.action_line.priority.redaction_id,
                code=self.code,
            ).exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError(
                    {"code": _("This redaction already has a task with this code.")},
                    code="duplicate_code",
                )

    @property
    def progress(self):
        """Average of its actions' progress (each action counts the same)."""
        return average_progress(self.actions.all())


class Action(RedactionContent):
    """A line of the action plan (rīcības plāns)."""

    redaction_path = "task__action_line__priority__redaction"
    # How far the action is: recorded while the redaction is in force (monitoring).
    monitoring_fields = ("status", "progress")

    class Status(models.TextChoices):
        PLANNED = "planned", pgettext_lazy("action status", "Planned")
        IN_PROGRESS = "in_progress", pgettext_lazy("action status", "In progress")
        COMPLETED = "completed", pgettext_lazy("action status", "Completed")
        POSTPONED = "postponed", pgettext_lazy("action status", "Postponed")
        CANCELLED = "cancelled", pgettext_lazy("action status", "Cancelled")

    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, related_name="actions", verbose_name=_("task")
    )
    code = models.CharField(_("code"), max_length=30)
    sort_key = models.CharField(max_length=120, editable=False, db_index=True)
    title = models.CharField(_("action"), max_length=500)
    responsible = models.CharField(_("responsible executor"), max_length=300)
    partners = models.CharField(_("partners"), max_length=500, blank=True)
    start_year = models.PositiveSmallIntegerField(_("start year"), validators=YEAR)
    end_year = models.PositiveSmallIntegerField(_("end year"), validators=YEAR)
    financing_sources = models.CharField(_("financing sources"), max_length=300, blank=True)
    estimated_cost = models.DecimalField(
        _("estimated cost, EUR"), **MONEY, null=True, blank=True, validators=NON_NEGATIVE
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    progress = models.PositiveSmallIntegerField(_("progress, %"), default=0, validators=PERCENT)
    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_key"]
        verbose_name = _("action")
        verbose_name_plural = _("action plan")
        constraints = [
            models.UniqueConstraint(fields=["task", "code"], name="programmes_action_unique_code"),
            models.CheckConstraint(
                condition=Q(end_year__gte=models.F("start_year")),
                name="programmes_action_period_order",
            ),
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="programmes_action_progress_max"
            ),
            models.CheckConstraint(
                condition=Q(estimated_cost__gte=0) | Q(estimated_cost__isnull=True),
                name="programmes_action_cost_non_negative",
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    def save(self, *args, **kwargs):
        self.sort_key = natural_sort_key(self.code)
        super().save(*args, **kwargs)

    def clean(self):
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError(
                {"end_year": _("The end year cannot be before the start year.")}, code="period"
            )
        if self.status == self.Status.COMPLETED and self.progress != 100:
            raise ValidationError(
                {"progress": _("A completed action has 100 % progress.")}, code="progress"
            )

    @property
    def period(self):
        """The years the action runs, one year written once (2020, not 2020–2020)."""
        if self.start_year == self.end_year:
            return str(self.start_year)
        return f"{self.start_year}–{self.end_year}"


class FundingSource(models.TextChoices):
    MUNICIPAL = "municipal", _("Municipal budget")
    STATE = "state", _("State budget")
    EU = "eu", _("EU funds")
    PRIVATE = "private", pgettext_lazy("funding source", "Private")
    OTHER = "other", pgettext_lazy("funding source", "Other")


class InvestmentItem(RedactionContent):
    """A line of the investment plan (investīciju plāns); its cost is in `amounts`."""

    redaction_path = "action_line__priority__redaction"

    action_line = models.ForeignKey(
        ActionLine,
        on_delete=models.CASCADE,
        related_name="investment_items",
        verbose_name=_("action line"),
    )
    task = models.ForeignKey(
        Task,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="investment_items",
        verbose_name=_("task"),
    )
    code = models.CharField(_("code"), max_length=30)
    sort_key = models.CharField(max_length=120, editable=False, db_index=True)
    title = models.CharField(_("investment project"), max_length=500)
    responsible = models.CharField(_("responsible"), max_length=300)
    expected_result = models.CharField(_("expected result"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_key"]
        verbose_name = _("investment plan item")
        verbose_name_plural = _("investment plan")
        constraints = [
            models.UniqueConstraint(
                fields=["action_line", "code"], name="programmes_investment_unique_code"
            )
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    def save(self, *args, **kwargs):
        self.sort_key = natural_sort_key(self.code)
        super().save(*args, **kwargs)

    def clean(self):
        if self.action_line_id and self.code:
            clash = InvestmentItem.objects.filter(
                action_line__priority__redaction_id=self.action_line.priority.redaction_id,
                code=self.code,
            ).exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError(
                    {"code": _("This redaction already has an investment item with this code.")},
                    code="duplicate_code",
                )
        if self.task_id and self.action_line_id and self.task.action_line_id != self.action_line_id:
            raise ValidationError(
                {"task": _("The task must belong to the item's action line.")}, code="task_line"
            )

    @property
    def total(self):
        return sum((a.amount for a in self.amounts.all()), Decimal("0"))


class InvestmentAmount(RedactionContent):
    """The part of an investment item's cost paid from one source in one year."""

    redaction_path = "item__action_line__priority__redaction"

    item = models.ForeignKey(
        InvestmentItem,
        on_delete=models.CASCADE,
        related_name="amounts",
        verbose_name=_("investment item"),
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR)
    source = models.CharField(_("source"), max_length=20, choices=FundingSource.choices)
    amount = models.DecimalField(_("amount, EUR"), **MONEY, validators=NON_NEGATIVE)
    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "year", "source"]
        verbose_name = _("investment amount")
        verbose_name_plural = _("investment amounts")
        constraints = [
            models.UniqueConstraint(
                fields=["item", "year", "source"], name="programmes_amount_unique_year_source"
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0), name="programmes_amount_non_negative"
            ),
        ]

    def __str__(self):
        return f"{self.item.code} {self.year} {self.get_source_display()}: {self.amount}"


class Indicator(RedactionContent):
    """A monitoring indicator with baseline, target and actual values by year."""

    class Direction(models.TextChoices):
        INCREASE = "increase", _("Increase")
        DECREASE = "decrease", _("Decrease")

    redaction = models.ForeignKey(
        Redaction, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("redaction")
    )
    priority = models.ForeignKey(
        Priority,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("priority"),
    )
    code = models.CharField(_("code"), max_length=30)
    sort_key = models.CharField(max_length=120, editable=False, db_index=True)
    name = models.CharField(_("name"), max_length=300)
    unit = models.CharField(_("unit"), max_length=50)
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), validators=YEAR)
    baseline_value = models.DecimalField(_("baseline value"), max_digits=16, decimal_places=2)
    target_year = models.PositiveSmallIntegerField(_("target year"), validators=YEAR)
    target_value = models.DecimalField(_("target value"), max_digits=16, decimal_places=2)
    source = models.CharField(_("source"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["redaction", "sort_key"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.UniqueConstraint(
                fields=["redaction", "code"], name="programmes_indicator_unique_code"
            ),
            models.CheckConstraint(
                condition=Q(target_year__gte=models.F("baseline_year")),
                name="programmes_indicator_years_order",
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.name}"

    def save(self, *args, **kwargs):
        self.sort_key = natural_sort_key(self.code)
        super().save(*args, **kwargs)

    def clean(self):
        if self.baseline_year and self.target_year and self.target_year < self.baseline_year:
            raise ValidationError(
                {"target_year": _("The target year cannot be before the baseline year.")},
                code="years",
            )
        if (
            self.priority_id
            and self.redaction_id
            and self.priority.redaction_id != self.redaction_id
        ):
            raise ValidationError(
                {"priority": _("The priority must belong to the same redaction.")},
                code="priority_redaction",
            )

    @property
    def direction(self):
        if self.target_value < self.baseline_value:
            return self.Direction.DECREASE
        return self.Direction.INCREASE

    @property
    def latest_value(self):
        values = sorted(self.values.all(), key=lambda v: v.year)
        return values[-1] if values else None

    @property
    def progress(self):
        """Share of the way from baseline to target covered by the latest actual value (0–100)."""
        latest = self.latest_value
        if latest is None:
            return None
        span = self.target_value - self.baseline_value
        if span == 0:
            return 100
        share = (latest.value - self.baseline_value) / span * 100
        return max(0, min(100, round(share)))


class IndicatorValue(RedactionContent):
    """An actual value of an indicator in one year (monitoring)."""

    redaction_path = "indicator__redaction"
    # Actual values are recorded year by year while the redaction is in force.
    monitoring_fields = ("year", "value", "note")
    monitoring_rows = True

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="values", verbose_name=_("indicator")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR)
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "year"]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year"], name="programmes_indicatorvalue_unique_year"
            )
        ]

    def __str__(self):
        return f"{self.indicator.code} {self.year}: {self.value}"


class SteeringGroup(models.Model):
    """The steering group (vadības grupa) that oversees drafting of a programme."""

    municipality_path = "programme__municipality"

    programme = models.OneToOneField(
        DevelopmentProgramme,
        on_delete=models.CASCADE,
        related_name="steering_group",
        verbose_name=_("programme"),
    )
    name = models.CharField(_("name"), max_length=200, default=_("Steering group"))
    order_number = models.CharField(_("order No."), max_length=40)
    order_date = models.DateField(_("order date"))
    purpose = models.TextField(_("main task"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme"]
        verbose_name = _("steering group")
        verbose_name_plural = _("steering groups")

    def __str__(self):
        return f"{self.name}: {self.programme}"


class SteeringGroupMember(models.Model):
    municipality_path = "group__programme__municipality"

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        DEPUTY = "deputy", _("Deputy chair")
        MEMBER = "member", _("Member")
        SECRETARY = "secretary", _("Secretary")

    group = models.ForeignKey(
        SteeringGroup, on_delete=models.CASCADE, related_name="members", verbose_name=_("group")
    )
    name = models.CharField(pgettext_lazy("person", "name"), max_length=200)
    position = models.CharField(_("position"), max_length=300, blank=True)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    position_in_list = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["group", "position_in_list", "name"]
        verbose_name = _("steering group member")
        verbose_name_plural = _("steering group members")

    def __str__(self):
        return self.name


class SteeringGroupMeeting(models.Model):
    municipality_path = "group__programme__municipality"

    group = models.ForeignKey(
        SteeringGroup, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("group")
    )
    number = models.PositiveSmallIntegerField(_("number"), validators=[MinValueValidator(1)])
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    decisions = models.TextField(_("decisions"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["group", "number"]
        verbose_name = _("steering group meeting")
        verbose_name_plural = _("steering group meetings")
        constraints = [
            models.UniqueConstraint(
                fields=["group", "number"], name="programmes_meeting_unique_number"
            )
        ]

    def __str__(self):
        return _("Meeting No. %(number)s") % {"number": self.number}


def mark_raw_load(sender, instance, raw, **kwargs):
    """Mark an object saved raw (pre_save receiver, every model): `loaddata` restoring a
    backup writes rows as they were, past `save()`, then sets the object's many-to-many
    relations on the same object. Those are restored, not changed: the freeze lets them
    through (`refuse_frozen_data_source_changes`) and no history record is added for them
    (django-simple-history's own flag). Only that object carries the mark; an object
    fetched or saved any other way never does."""
    if raw:
        instance._loaded_raw = True
        instance.skip_history_when_saving = True


def refuse_frozen_data_source_changes(sender, instance, action, reverse, pk_set, **kwargs):
    """Keep a frozen situation section's data sources as they are (m2m_changed receiver).

    Adding or removing a section's data sources writes the through table directly, past
    `save()`; this guard is the freeze for that one many-to-many relation. A fixture load
    (`loaddata`, see `mark_raw_load`) restores the relation as it was and goes through.
    Connected in `ProgrammesConfig.ready()`.
    """
    if action not in ("pre_add", "pre_remove", "pre_clear"):
        return
    if not reverse and getattr(instance, "_loaded_raw", False):
        return
    if not reverse:
        instance.refuse_if_frozen()
        return
    sections = SituationSection._base_manager.all()
    if action == "pre_clear":
        sections = sections.filter(data_sources=instance)
    else:
        sections = sections.filter(pk__in=pk_set or [])
    if sections.exclude(redaction__status=Redaction.Status.DRAFT).exists():
        raise RedactionFrozen()
