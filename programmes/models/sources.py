"""Data sources a situation analysis cites (national ones and a municipality's own)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.access import ScopedQuerySet

from .base import RedactionFrozen
from .municipalities import Municipality

DATA_SOURCE_DELETE_REFUSAL = _("A data source cited by a published redaction cannot be deleted.")
DATA_SOURCE_CHANGE_REFUSAL = _(
    "A data source cited by a published redaction cannot be changed: the redaction shows it "
    "as it was cited."
)


class DataSourceQuerySet(ScopedQuerySet):
    """A source cited by frozen content is part of that content: bulk writes refuse too.

    Access: a planner sees (and cites) the national sources and their municipality's own,
    and edits only their own (`ScopedQuerySet` reads `shared_without_municipality`)."""

    def used_by_frozen_content(self):
        # Redactions and their sections cite sources, so they are defined after them.
        from .redactions import Redaction
        from .strategy import SituationSection

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
    # A source without a municipality is a national one: in every staff user's scope,
    # editable by superusers only (core.access.ScopedQuerySet).
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
