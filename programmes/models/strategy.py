"""The situation analysis and the strategic part: sections, SWOT, coherence."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from .base import RedactionFrozen
from .content import RedactionContent
from .redactions import Redaction
from .sources import DataSource


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
