"""The action plan and the investment plan."""

from django.contrib import admin
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from ..models import Action, InvestmentAmount, InvestmentItem
from ..resources import ActionResource, InvestmentAmountResource
from .content import (
    ContentAdmin,
    ContentTabularInline,
    RedactionImportExportMixin,
    redaction_filters,
)


@admin.register(Action)
class ActionAdmin(RedactionImportExportMixin, ContentAdmin):
    resource_classes = [ActionResource]
    list_display = (
        "code_column",
        "title",
        "task",
        "responsible",
        "start_year",
        "end_year",
        "estimated_cost",
        "status",
        "progress",
        "owner",
        "last_updated_at",
        "redaction_column",
    )
    list_display_links = ("code_column", "title")
    list_filter = [
        "status",
        "update_interval",
        *redaction_filters("task__action_line__priority__redaction"),
    ]
    search_fields = ("code", "title", "responsible", "partners", "task__code")
    list_select_related = ("task__action_line__priority__redaction__programme", "owner")
    ordering = ("task__action_line__priority__redaction", "task__sort_key", "sort_key")


class InvestmentAmountInline(ContentTabularInline):
    model = InvestmentAmount
    fields = ("year", "source", "amount", "spent")


@admin.register(InvestmentItem)
class InvestmentItemAdmin(ContentAdmin):
    list_display = (
        "code_column",
        "title",
        "action_line",
        "task",
        "responsible",
        "total_amount",
        "redaction_column",
    )
    list_display_links = ("code_column", "title")
    list_filter = redaction_filters("action_line__priority__redaction")
    search_fields = ("code", "title", "responsible", "expected_result")
    list_select_related = ("action_line__priority__redaction__programme", "task")
    ordering = ("action_line__priority__redaction", "sort_key")
    inlines = [InvestmentAmountInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(amount_total=Sum("amounts__amount"))

    @admin.display(description=_("total, EUR"), ordering="amount_total")
    def total_amount(self, obj):
        return obj.amount_total


@admin.register(InvestmentAmount)
class InvestmentAmountAdmin(RedactionImportExportMixin, ContentAdmin):
    resource_classes = [InvestmentAmountResource]
    list_display = ("item", "year", "source", "amount", "spent", "redaction_column")
    list_filter = [
        "year",
        "source",
        *redaction_filters("item__action_line__priority__redaction"),
    ]
    search_fields = ("item__code", "item__title")
    list_select_related = ("item__action_line__priority__redaction__programme",)
    ordering = ("item__action_line__priority__redaction", "item__sort_key", "year", "source")
