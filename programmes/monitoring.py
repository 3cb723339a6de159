"""Owners who are reminded: which actions and indicators are overdue for an update, for
the staff desk and the daily reminders (`manage.py send_reminders`).

An item is overdue when it has an owner, belongs to the redaction in force (approved: the
only one whose monitoring can still be recorded), is not closed (a completed or
cancelled action), and was never updated or not within its update interval.
"""

from collections import defaultdict

from django.db.models import Q
from django.utils import timezone

from .models import Action, Indicator, Redaction, UpdateInterval, months_before


def _stale(now):
    """Never updated, or not within the row's own interval (one condition per interval)."""
    condition = Q(last_updated_at__isnull=True)
    for months in UpdateInterval.values:
        condition |= Q(update_interval=months, last_updated_at__lt=months_before(now, months))
    return condition


def overdue_actions(now=None):
    now = now or timezone.now()
    return (
        Action.objects.filter(
            owner__isnull=False,
            task__action_line__priority__redaction__status=Redaction.Status.APPROVED,
        )
        .exclude(status__in=[Action.Status.COMPLETED, Action.Status.CANCELLED])
        .filter(_stale(now))
        .select_related("owner", "task__action_line__priority__redaction__programme")
        .order_by("last_updated_at", "sort_key")
    )


def overdue_indicators(now=None):
    now = now or timezone.now()
    return (
        Indicator.objects.filter(owner__isnull=False, redaction__status=Redaction.Status.APPROVED)
        .filter(_stale(now))
        .select_related("owner", "redaction__programme")
        .order_by("last_updated_at", "sort_key")
    )


def overdue_for(user, now=None):
    """(actions, indicators) overdue for `user` as their owner."""
    return (
        list(overdue_actions(now).filter(owner=user)),
        list(overdue_indicators(now).filter(owner=user)),
    )


def overdue_by_owner(now=None):
    """{owner: (actions, indicators)} for every owner with something overdue: two queries."""
    grouped = defaultdict(lambda: ([], []))
    for action in overdue_actions(now):
        grouped[action.owner][0].append(action)
    for indicator in overdue_indicators(now):
        grouped[indicator.owner][1].append(indicator)
    return dict(grouped)
