"""Monitoring indicators and their actual values by year."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.periods import check_period

from .base import OWNERSHIP_FIELDS, YEAR, MonitoringOwnership, natural_sort_key
from .content import RedactionContent
from .redactions import Redaction
from .structure import Priority


class Indicator(MonitoringOwnership, RedactionContent):
    """A monitoring indicator with baseline, target and actual values by year."""

    # Who records its values, how often, and when a value was last recorded.
    monitoring_fields = OWNERSHIP_FIELDS

    class Direction(models.TextChoices):
        INCREASE = "increase", _("Increase")
        DECREASE = "decrease", _("Decrease")

    class Assessment(models.TextChoices):
        """Where the latest actual value stands against the straight trajectory from the
        baseline to the target."""

        ACHIEVED = "achieved", _("Target achieved")
        ON_TRACK = "on_track", _("On track")
        BEHIND = "behind", _("Behind the trajectory")
        NO_DATA = "no_data", _("No data yet")

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
        check_period(
            self.baseline_year,
            self.target_year,
            field="target_year",
            message=_("The target year cannot be before the baseline year."),
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

    def trajectory_value(self, year):
        """The value the straight line from baseline to target gives for `year` (held at
        the ends outside the period)."""
        if self.target_year == self.baseline_year:
            return self.target_value
        year = min(max(year, self.baseline_year), self.target_year)
        share = Decimal(year - self.baseline_year) / (self.target_year - self.baseline_year)
        return self.baseline_value + (self.target_value - self.baseline_value) * share

    def value_until(self, year=None):
        """The latest actual value recorded for `year` or before (any year if None)."""
        values = [v for v in self.values.all() if year is None or v.year <= year]
        return max(values, key=lambda v: v.year) if values else None

    def assessment(self, year=None):
        """Achieved, on track or behind: the latest actual value (up to `year`) against
        the target and against the trajectory in its own year; from prefetched values."""
        latest = self.value_until(year)
        if latest is None:
            return self.Assessment.NO_DATA
        sign = -1 if self.direction == self.Direction.DECREASE else 1
        if sign * (latest.value - self.target_value) >= 0:
            return self.Assessment.ACHIEVED
        if sign * (latest.value - self.trajectory_value(latest.year)) >= 0:
            return self.Assessment.ON_TRACK
        return self.Assessment.BEHIND

    @property
    def current_assessment(self):
        return self.assessment()

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
        # By the column, not the indicator's own ordering: served by the unique index.
        ordering = ["indicator_id", "year"]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year"], name="programmes_indicatorvalue_unique_year"
            )
        ]

    def __str__(self):
        return f"{self.indicator.code} {self.year}: {self.value}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.mark_indicator_updated()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self.mark_indicator_updated()
        return result

    def mark_indicator_updated(self):
        """A value recorded, corrected or removed is an update of its indicator."""
        Indicator.objects.filter(pk=self.indicator_id).update(last_updated_at=timezone.now())
