"""iCalendar (RFC 5545) feeds of consultation events, built with the `icalendar` package."""

from django.urls import reverse_lazy
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

CONSULTATIONS = reverse_lazy("consultations:index")


def events_calendar(events, *, name, host, absolute_url=None):
    """The events as an iCalendar document (bytes).

    `absolute_url(path)` makes each event's link (its programme's page, else the
    consultations page) absolute, so a calendar client can open it.
    """
    calendar = Calendar()
    calendar.add("prodid", "-//Attistibas portals//consultations//LV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", str(name))
    calendar.add("x-wr-timezone", "Europe/Riga")
    now = timezone.now()
    pages = {}  # programme pk → its page: one reverse() a programme, not one an event
    for event in events:
        item = CalendarEvent()
        item.add("uid", f"consultations-event-{event.pk}@{host.split(':')[0]}")
        item.add("dtstamp", now)
        item.add("created", event.created_at)
        item.add("dtstart", event.starts_at)
        item.add("dtend", event.ends_at)
        item.add("summary", event.title)
        if event.place:
            item.add("location", event.place)
        description = [event.get_kind_display()]
        if event.programme_id:
            description.append(event.programme.title)
        if event.summary:
            description.append(event.summary)
        item.add("description", "\n\n".join(str(part) for part in description))
        item.add("categories", [str(event.get_kind_display())])
        if absolute_url is not None:
            if event.programme_id not in pages:
                page = event.programme.get_absolute_url() if event.programme_id else CONSULTATIONS
                pages[event.programme_id] = absolute_url(str(page))
            item.add("url", pages[event.programme_id])
        calendar.add_component(item)
    return calendar.to_ical()
