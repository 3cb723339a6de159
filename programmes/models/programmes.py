"""Development programmes (AP, IAP) of a municipality."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.access import ScopedQuerySet
from core.periods import check_period

from .base import YEAR
from .municipalities import Municipality


class DevelopmentProgrammeQuerySet(ScopedQuerySet):
    pass


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
        check_period(
            self.period_start,
            self.period_end,
            field="period_end",
            message=_("The period cannot end before it starts."),
        )

    @property
    def period(self):
        return f"{self.period_start}–{self.period_end}"
