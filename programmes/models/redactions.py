"""Redactions of a programme: their status workflow, freeze and official record."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.access import ScopedQuerySet
from core.uploads import UploadTo
from core.validators import validate_pdf_upload

from .base import RedactionFrozen
from .programmes import DevelopmentProgramme

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


class RedactionQuerySet(ScopedQuerySet):
    """Bulk writes keep the freeze and the workflow: content fields of a redaction that
    left draft cannot be updated, nor can such a redaction be deleted (with its content) in
    bulk, and `update(status=…)` moves only the way `save()` would.

    Access (core.access): residents see every redaction that left draft; a planner (a user
    who may change redactions) also their municipality's draft, which they edit; the
    municipality's other staff see its drafts in admin only."""

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

    def drafts(self):
        return self.filter(status=Redaction.Status.DRAFT)

    def editable_by(self, user):
        """The redactions of their municipality, for a user allowed to change redactions (a
        planner); every one for a superuser. (Whether a redaction's content may still
        change is the freeze's question, not access's.)"""
        if not user.has_perm("programmes.change_redaction"):
            return self.none()
        return self.in_scope_of(user)

    def visible_to(self, user):
        """Published redactions, plus the drafts the user may edit (`editable_by`). A
        project manager or administrator of the same municipality sees what residents see."""
        return self.published() | self.editable_by(user)


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
        return self._url("programmes:redaction")

    def get_action_plan_url(self):
        return self._url("programmes:redaction_action_plan")

    def get_investment_plan_url(self):
        return self._url("programmes:redaction_investment_plan")

    def _url(self, name):
        return reverse(
            name, args=[self.programme.municipality.slug, self.programme.slug, self.number]
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
    def in_public_discussion(self):
        return self.status == self.Status.PUBLIC_DISCUSSION

    @property
    def is_superseded(self):
        return self.status == self.Status.SUPERSEDED

    @property
    def is_withdrawn(self):
        return self.status == self.Status.WITHDRAWN

    @property
    def is_frozen(self):
        return self.status != self.Status.DRAFT

    def is_frozen_in_db(self):
        return (
            self.pk is not None
            and Redaction.objects.filter(pk=self.pk).exclude(status=self.Status.DRAFT).exists()
        )
