"""The yearly monitoring report (pārskats par attīstības programmas īstenošanu).

A report is generated from the data for one programme and one year
(`programmes.services.generate_report`): its sections hold the figures as tables (JSON),
and the planner writes a narrative per section in admin. Publishing it
(`services.publish_report`) freezes it like a redaction: the model refuses any change to
a published report or its sections, single saves and queryset `update()` / `delete()`
alike, and admin shows it read-only.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.access import FollowsParentQuerySet, ScopedQuerySet

from .base import YEAR
from .programmes import DevelopmentProgramme
from .redactions import Redaction


class ReportFrozen(ValidationError):
    """Raised when something tries to change a published monitoring report."""

    def __init__(self):
        super().__init__(
            _("This monitoring report is published: it can no longer be changed."),
            code="report_frozen",
        )


class MonitoringReportQuerySet(ScopedQuerySet):
    def published(self):
        return self.filter(status=MonitoringReport.Status.PUBLISHED)

    def drafts(self):
        return self.filter(status=MonitoringReport.Status.DRAFT)

    def update(self, **kwargs):
        if self.published().exists():
            raise ReportFrozen()
        return super().update(**kwargs)

    def delete(self):
        if self.published().exists():
            raise ReportFrozen()
        return super().delete()


class MonitoringReport(models.Model):
    municipality_path = "programme__municipality"

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("report status", "Draft")
        PUBLISHED = "published", pgettext_lazy("report status", "Published")

    programme = models.ForeignKey(
        DevelopmentProgramme,
        on_delete=models.PROTECT,
        related_name="reports",
        verbose_name=_("development programme"),
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR)
    redaction = models.ForeignKey(
        Redaction,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
        editable=False,
        verbose_name=_("redaction"),
        help_text=_("The redaction whose plans the report follows (the one in force)."),
    )
    title = models.CharField(pgettext_lazy("programme item", "title"), max_length=300, blank=True)
    introduction = models.TextField(_("introduction"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    generated_at = models.DateTimeField(_("figures generated"), null=True, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, editable=False)
    history = HistoricalRecords()

    objects = MonitoringReportQuerySet.as_manager()

    class Meta:
        ordering = ["programme", "-year"]
        verbose_name = _("monitoring report")
        verbose_name_plural = _("monitoring reports")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "year"], name="programmes_report_one_per_year"
            ),
        ]

    def __str__(self):
        return self.title or f"{self.programme} {self.year}"

    def save(self, *args, **kwargs):
        if self.is_published_in_db():
            raise ReportFrozen()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(
            "programmes:report",
            args=[self.programme.municipality.slug, self.programme.slug, self.year],
        )

    def delete(self, *args, **kwargs):
        if self.is_published_in_db():
            raise ReportFrozen()
        return super().delete(*args, **kwargs)

    def is_published_in_db(self):
        if self.pk is None:
            return False
        return MonitoringReport._base_manager.filter(
            pk=self.pk, status=self.Status.PUBLISHED
        ).exists()

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED


class MonitoringReportSectionQuerySet(FollowsParentQuerySet):
    parent_path = "report"

    def update(self, **kwargs):
        if self.filter(report__status=MonitoringReport.Status.PUBLISHED).exists():
            raise ReportFrozen()
        return super().update(**kwargs)

    def delete(self):
        if self.filter(report__status=MonitoringReport.Status.PUBLISHED).exists():
            raise ReportFrozen()
        return super().delete()

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        ids = {obj.report_id for obj in objs}
        if MonitoringReport.objects.filter(pk__in=ids).published().exists():
            raise ReportFrozen()
        return super().bulk_create(objs, *args, **kwargs)


class MonitoringReportSection(models.Model):
    """One section of a report: the figures generated from the data (`tables`, see
    programmes/reports.py) and the planner's narrative."""

    report = models.ForeignKey(
        MonitoringReport,
        on_delete=models.CASCADE,
        related_name="sections",
        verbose_name=_("monitoring report"),
    )
    key = models.SlugField(_("key"), max_length=40, editable=False)
    position = models.PositiveSmallIntegerField(_("order"), default=0, editable=False)
    heading = models.CharField(_("heading"), max_length=300, editable=False)
    narrative = models.TextField(
        _("narrative"),
        blank=True,
        help_text=_("What the figures mean: achievements, delays and their reasons."),
    )
    tables = models.JSONField(_("figures"), default=list, editable=False)
    history = HistoricalRecords()

    objects = MonitoringReportSectionQuerySet.as_manager()

    class Meta:
        ordering = ["report", "position"]
        verbose_name = _("report section")
        verbose_name_plural = _("report sections")
        constraints = [
            models.UniqueConstraint(fields=["report", "key"], name="programmes_section_unique_key")
        ]

    def __str__(self):
        return f"{self.report}: {self.key}"

    def save(self, *args, **kwargs):
        self._refuse_if_frozen()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._refuse_if_frozen()
        return super().delete(*args, **kwargs)

    def _refuse_if_frozen(self):
        ids = {self.report_id}
        if self.pk is not None:
            ids |= set(
                type(self)._base_manager.filter(pk=self.pk).values_list("report_id", flat=True)
            )
        if MonitoringReport._base_manager.filter(
            pk__in=ids, status=MonitoringReport.Status.PUBLISHED
        ).exists():
            raise ReportFrozen()
