"""The situation analysis and the strategic part: sections, SWOT, coherence."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..models import CoherenceItem, SituationSection, SwotItem, ThematicArea
from .base import choice_order
from .content import ContentAdmin, redaction_filters


@admin.register(SituationSection)
class SituationSectionAdmin(ContentAdmin):
    list_display = ("title", "area_column", "position", "redaction_column", "programme_column")
    list_filter = ["area", *redaction_filters("redaction")]
    search_fields = ("title", "text")
    list_select_related = ("redaction__programme",)
    filter_horizontal = ("data_sources",)
    ordering = ("redaction", choice_order("area", ThematicArea), "position")

    @admin.display(description=_("thematic area"), ordering=choice_order("area", ThematicArea))
    def area_column(self, obj):
        return obj.get_area_display()


@admin.register(SwotItem)
class SwotItemAdmin(ContentAdmin):
    list_display = ("text", "kind_column", "position", "redaction_column", "programme_column")
    list_filter = ["kind", *redaction_filters("redaction")]
    search_fields = ("text",)
    list_select_related = ("redaction__programme",)
    ordering = ("redaction", choice_order("kind", SwotItem.Kind), "position")

    @admin.display(description=_("kind"), ordering=choice_order("kind", SwotItem.Kind))
    def kind_column(self, obj):
        return obj.get_kind_display()


@admin.register(CoherenceItem)
class CoherenceItemAdmin(ContentAdmin):
    list_display = ("document", "level", "redaction_column", "programme_column")
    list_filter = ["level", *redaction_filters("redaction")]
    search_fields = ("document", "description")
    list_select_related = ("redaction__programme",)
