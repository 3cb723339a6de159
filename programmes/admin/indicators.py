"""Indicators and their actual values by year (monitoring)."""

from django.contrib import admin

from ..models import Indicator, IndicatorValue
from ..resources import IndicatorValueResource
from .content import (
    ContentAdmin,
    ContentTabularInline,
    RedactionImportExportMixin,
    redaction_filters,
)


class IndicatorValueInline(ContentTabularInline):
    model = IndicatorValue
    fields = ("year", "value", "note")


@admin.register(Indicator)
class IndicatorAdmin(ContentAdmin):
    list_display = (
        "code_column",
        "name",
        "unit",
        "baseline_value",
        "target_value",
        "target_year",
        "priority",
        "owner",
        "last_updated_at",
        "redaction_column",
    )
    list_display_links = ("code_column", "name")
    list_filter = redaction_filters("redaction")
    search_fields = ("code", "name", "source")
    list_select_related = ("redaction__programme", "priority", "owner")
    ordering = ("redaction", "sort_key")
    inlines = [IndicatorValueInline]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(RedactionImportExportMixin, ContentAdmin):
    resource_classes = [IndicatorValueResource]
    list_display = ("indicator", "year", "value", "note", "redaction_column")
    list_filter = ["year", *redaction_filters("indicator__redaction")]
    search_fields = ("indicator__code", "indicator__name")
    list_select_related = ("indicator__redaction__programme",)
    ordering = ("indicator__redaction", "indicator__sort_key", "year")
