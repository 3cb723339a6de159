"""The action plan and the investment plan."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.periods import check_period

from .base import (
    MONEY,
    NON_NEGATIVE,
    OWNERSHIP_FIELDS,
    PERCENT,
    YEAR,
    MonitoringOwnership,
    natural_sort_key,
)
from .content import RedactionContent
from .structure import ActionLine, Task


class Action(MonitoringOwnership, RedactionContent):
    """A line of the action plan (rīcības plāns)."""

    redaction_path = "task__action_line__priority__redaction"
    # How far the action is, and who keeps that up to date: recorded while the redaction
    # is in force (monitoring).
    monitoring_fields = ("status", "progress", *OWNERSHIP_FIELDS)
    # Recording one of these is an update of the action (`last_updated_at`).
    progress_fields = ("status", "progress")

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
        if self._progress_recorded():
            self.last_updated_at = timezone.now()
        super().save(*args, **kwargs)

    def clean(self):
        check_period(
            self.start_year,
            self.end_year,
            field="end_year",
            message=_("The end year cannot be before the start year."),
        )
        if self.status == self.Status.COMPLETED and self.progress != 100:
            raise ValidationError(
                {"progress": _("A completed action has 100 % progress.")}, code="progress"
            )

    def _progress_recorded(self):
        """Is this save recording the action's status or progress (new, or changed)?"""
        if self.pk is None:
            return True
        stored = Action._base_manager.filter(pk=self.pk).values(*self.progress_fields).first()
        return stored is None or any(
            stored[name] != getattr(self, name) for name in self.progress_fields
        )

    @property
    def is_closed(self):
        """Completed or cancelled: nothing left to update."""
        return self.status in (self.Status.COMPLETED, self.Status.CANCELLED)

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
        self.check_code_unique_in_redaction(
            _("This redaction already has an investment item with this code.")
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
    # What was actually spent is recorded while the redaction is in force (monitoring).
    monitoring_fields = ("spent",)

    item = models.ForeignKey(
        InvestmentItem,
        on_delete=models.CASCADE,
        related_name="amounts",
        verbose_name=_("investment item"),
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR)
    source = models.CharField(_("source"), max_length=20, choices=FundingSource.choices)
    amount = models.DecimalField(_("amount, EUR"), **MONEY, validators=NON_NEGATIVE)
    spent = models.DecimalField(
        _("spent, EUR"),
        **MONEY,
        null=True,
        blank=True,
        validators=NON_NEGATIVE,
        help_text=_("What was actually spent from this source in this year (monitoring)."),
    )
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
            models.CheckConstraint(
                condition=Q(spent__gte=0) | Q(spent__isnull=True),
                name="programmes_amount_spent_non_negative",
            ),
        ]

    def __str__(self):
        return f"{self.item.code} {self.year} {self.get_source_display()}: {self.amount}"
