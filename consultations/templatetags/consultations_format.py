"""Formatting for the consultations pages: time left, local dates and lists of dates."""

from datetime import timedelta

from django import template
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import ngettext, pgettext

from core.pagecache import changes_at

register = template.Library()


@register.filter
def time_left(deadline, now=None):
    """Time until `deadline`: "20 days 5 hours", "3 hours 10 minutes", "5 minutes"."""
    if not deadline:
        return ""
    now = now or timezone.now()
    seconds = int((deadline - now).total_seconds())
    # The text changes when the hour (or, under a day, the minute) shown runs out: a page
    # stored in the page cache is kept until then (core/pagecache.py).
    unit = 3600 if seconds >= 86400 else 60
    changes_at(now + timedelta(seconds=seconds % unit or unit))
    if seconds <= 0:
        return ngettext("%(count)d minute", "%(count)d minutes", 0) % {"count": 0}
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    day_text = ngettext("%(count)d day", "%(count)d days", days) % {"count": days}
    hour_text = ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    minute_text = ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
    if days:
        return f"{day_text} {hour_text}" if hours else day_text
    if hours:
        return f"{hour_text} {minute_text}" if minutes else hour_text
    return minute_text


@register.filter
def discussion_state(discussion, now=None):
    """ "open", "upcoming" or "closed", as the discussion's own rules say at `now`.

    Not the dates alone: the discussion of a redaction approved, superseded or withdrawn
    meanwhile is over, even where its closing date is still ahead.
    """
    now = now or timezone.now()
    if discussion.is_open(now):
        return "open"
    if discussion.is_upcoming(now):
        return "upcoming"
    return "closed"


@register.filter
def local_date(value):
    """The calendar date of an aware datetime in the portal's time zone (Europe/Riga)."""
    if not value:
        return None
    return timezone.localtime(value).date()


def _day(day):
    # Latvian writes ordinal days with a dot ("19."), English without ("19").
    return pgettext("day of month in a list of dates", "%(day)s") % {"day": day}


def _day_runs(days):
    """[19, 20, 21, 25] -> ["19–21", "25"] (with each language's ordinal days)."""
    runs = []
    for day in days:
        if runs and day == runs[-1][1] + 1:
            runs[-1][1] = day
        else:
            runs.append([day, day])
    return [_day(first) if first == last else f"{_day(first)}–{_day(last)}" for first, last in runs]


@register.filter
def date_span(dates):
    """Dates as people write them: "2018. gada 19.–20. marts" / "19–20 March 2018".

    Consecutive days collapse into a range; months and years are named once.
    """
    months = {}
    for value in sorted(set(dates or [])):
        months.setdefault((value.year, value.month), []).append(value.day)
    parts = [
        pgettext("days of one month", "%(days)s %(month)s %(year)s")
        % {"days": ", ".join(_day_runs(days)), "month": MONTHS[month], "year": year}
        for (year, month), days in months.items()
    ]
    return "; ".join(parts)


@register.simple_tag
def part_proposal_links(redaction, kind, pk=None):
    """The `ProposalLink`s of one part of a redaction (kind "section", "priority",
    "action_line", "task", or "whole" with no pk), from `panels.prefetch_redaction`."""
    return getattr(redaction, "proposal_links", {}).get((kind, pk), [])
