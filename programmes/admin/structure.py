"""Priorities, action lines and tasks."""

from django.contrib import admin

from ..models import Action, ActionLine, InvestmentItem, Priority, Task
from .content import ContentAdmin, ContentTabularInline, redaction_filters


class ActionLineInline(ContentTabularInline):
    model = ActionLine
    fields = ("code", "title")
    show_change_link = True


@admin.register(Priority)
class PriorityAdmin(ContentAdmin):
    list_display = ("code_column", "title", "redaction_column", "programme_column")
    list_display_links = ("code_column", "title")
    list_filter = redaction_filters("redaction")
    search_fields = ("code", "title", "description")
    list_select_related = ("redaction__programme",)
    ordering = ("redaction", "sort_key")
    inlines = [ActionLineInline]


class TaskInline(ContentTabularInline):
    model = Task
    fields = ("code", "title")
    show_change_link = True


class InvestmentItemInline(ContentTabularInline):
    model = InvestmentItem
    fields = ("code", "title", "task", "responsible")
    show_change_link = True


@admin.register(ActionLine)
class ActionLineAdmin(ContentAdmin):
    list_display = ("code_column", "title", "priority", "redaction_column", "programme_column")
    list_display_links = ("code_column", "title")
    list_filter = redaction_filters("priority__redaction")
    search_fields = ("code", "title", "description")
    list_select_related = ("priority__redaction__programme",)
    ordering = ("priority__redaction", "sort_key")
    inlines = [TaskInline, InvestmentItemInline]


class ActionInline(ContentTabularInline):
    model = Action
    fields = (
        "code",
        "title",
        "responsible",
        "start_year",
        "end_year",
        "estimated_cost",
        "status",
        "progress",
    )
    show_change_link = True


@admin.register(Task)
class TaskAdmin(ContentAdmin):
    list_display = ("code_column", "title", "action_line", "redaction_column", "programme_column")
    list_display_links = ("code_column", "title")
    list_filter = redaction_filters("action_line__priority__redaction")
    search_fields = ("code", "title", "description")
    list_select_related = ("action_line__priority__redaction__programme",)
    ordering = ("action_line__priority__redaction", "sort_key")
    inlines = [ActionInline]
