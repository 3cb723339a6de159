"""Owners who are reminded: which actions and indicators are overdue for an update, for
the staff desk and the daily reminders (`manage.py send_reminders`).

An item is overdue when it has an owner, belongs to the redaction in force (approved: the
only one whose monitoring can still be recorded), is not closed (a completed or
cancelled action), and was never updated or not within its update interval.
"""

import logging
from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .models import Action, Indicator, Redaction, UpdateInterval, months_before

logger = logging.getLogger(__name__)


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
        .select_related("owner__staff_profile", "task__action_line__priority__redaction__programme")
        .order_by("last_updated_at", "sort_key")
    )


def overdue_indicators(now=None):
    now = now or timezone.now()
    return (
        Indicator.objects.filter(owner__isnull=False, redaction__status=Redaction.Status.APPROVED)
        .filter(_stale(now))
        .select_related("owner__staff_profile", "redaction__programme")
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


def _language(user):
    profile = getattr(user, "staff_profile", None)
    return getattr(profile, "language", None) or settings.LANGUAGE_CODE


def send_reminders(*, now=None, base_url=""):
    """E-mail each owner with overdue items one digest of them all, in the owner's
    language (their staff profile's); nobody else hears anything. Returns the number of
    e-mails sent. Meant to run daily (`manage.py send_reminders`): an item stays in the
    digest until it is updated."""
    base_url = base_url.rstrip("/")
    sent = 0
    for owner, (actions, indicators) in overdue_by_owner(now).items():
        if not owner.email or not owner.is_active:
            logger.warning("Overdue monitoring for %s, who has no e-mail address", owner)
            continue
        with translation.override(_language(owner)):
            context = {
                "owner": owner,
                "actions": [
                    (a, base_url + reverse("admin:programmes_action_change", args=[a.pk]))
                    for a in actions
                ],
                "indicators": [
                    (i, base_url + reverse("admin:programmes_indicator_change", args=[i.pk]))
                    for i in indicators
                ],
                "count": len(actions) + len(indicators),
                "portal_name": settings.PORTAL_NAME,
            }
            subject = render_to_string("programmes/email/reminder_subject.txt", context)
            body = render_to_string("programmes/email/reminder_body.txt", context)
        try:
            send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [owner.email])
        except Exception:  # noqa: BLE001 — one failed address must not stop the others
            logger.exception("Could not send the monitoring reminder to %s", owner)
            continue
        sent += 1
    return sent
