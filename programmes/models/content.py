"""The base of a redaction's content: freezing and lineage (`copied_from`)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.access import FollowsParentQuerySet

from .base import RedactionFrozen, natural_sort_key
from .redactions import Redaction


class ContentQuerySet(FollowsParentQuerySet):
    """Bulk writes refuse, like single saves, when any row belongs to a frozen redaction:
    `update()` and `delete()` of frozen rows, `update()` that moves rows under a frozen
    parent, and `bulk_create()`/`bulk_update()` into a frozen redaction. Monitoring is the
    exception (see `RedactionContent.monitoring_fields`): it may be written while the
    redaction is approved.

    Access (core.access) is the redaction's: content is published with its redaction, and
    who may see or edit a redaction may see or edit what it contains."""

    def parent_lookup(self):
        return self.model.redaction_path

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

    def check_code_unique_in_redaction(self, message):
        """Refuse (`message` on `code`) a code another item of this model has in the same
        redaction.

        The database holds a code unique under one parent only (RV1.1 once per priority);
        within a redaction it must be unique across parents too, or RV1.1 would name two
        action lines. The `clean()` of action lines, tasks and investment items asks this.
        """
        if not (getattr(self, self.parent_field().attname) and self.code):
            return
        # The redaction's id from the parents, without fetching the redaction itself.
        *steps, last = self.redaction_path.split("__")
        obj = self
        for step in steps:
            obj = getattr(obj, step)
        redaction_id = getattr(obj, f"{last}_id")
        clash = (
            type(self)
            ._default_manager.filter(
                **{f"{self.redaction_path}_id": redaction_id, "code": self.code}
            )
            .exclude(pk=self.pk)
        )
        if clash.exists():
            raise ValidationError({"code": message}, code="duplicate_code")

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
