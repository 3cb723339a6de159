"""The strategic structure: priorities (VTP), action lines (RV) and tasks (U)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .content import CodedContent
from .redactions import Redaction


def average_progress(items):
    """Plain average of the children's progress (each child counts the same); None if none."""
    values = [item.progress for item in items if item.progress is not None]
    if not values:
        return None
    return round(sum(values) / len(values))


class Priority(CodedContent):
    redaction = models.ForeignKey(
        Redaction, on_delete=models.CASCADE, related_name="priorities", verbose_name=_("redaction")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["redaction", "sort_key"]
        verbose_name = _("medium-term priority")
        verbose_name_plural = _("medium-term priorities")
        constraints = [
            models.UniqueConstraint(
                fields=["redaction", "code"], name="programmes_priority_unique_code"
            )
        ]

    @property
    def progress(self):
        """Average of its action lines' progress (each action line counts the same)."""
        return average_progress(self.action_lines.all())


class ActionLine(CodedContent):
    redaction_path = "priority__redaction"

    priority = models.ForeignKey(
        Priority, on_delete=models.CASCADE, related_name="action_lines", verbose_name=_("priority")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_key"]
        verbose_name = _("action line")
        verbose_name_plural = _("action lines")
        constraints = [
            models.UniqueConstraint(
                fields=["priority", "code"], name="programmes_actionline_unique_code"
            )
        ]

    def clean(self):
        self.check_code_unique_in_redaction(
            _("This redaction already has an action line with this code.")
        )

    @property
    def progress(self):
        """Average of its tasks' progress (each task counts the same)."""
        return average_progress(self.tasks.all())


class Task(CodedContent):
    redaction_path = "action_line__priority__redaction"

    action_line = models.ForeignKey(
        ActionLine, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("action line")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_key"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        constraints = [
            models.UniqueConstraint(
                fields=["action_line", "code"], name="programmes_task_unique_code"
            )
        ]

    def clean(self):
        self.check_code_unique_in_redaction(_("This redaction already has a task with this code."))

    @property
    def progress(self):
        """Average of its actions' progress (each action counts the same): computed by the
        database when the task was fetched with `actions_average` (the programme page needs
        no actions but their average), else from its actions."""
        if hasattr(self, "actions_average"):
            return None if self.actions_average is None else round(self.actions_average)
        return average_progress(self.actions.all())
