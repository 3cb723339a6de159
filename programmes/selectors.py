"""Reads for public pages: one named function per page, each with a fixed query count."""

from django.db.models import Prefetch

from .models import DevelopmentProgramme, Municipality, Redaction


def municipalities_for_home():
    """Municipalities with their programmes and each programme's published redactions.

    Three queries whatever the number of municipalities and programmes.
    """
    published = Redaction.objects.published().order_by("-number")
    programmes = DevelopmentProgramme.objects.prefetch_related(
        Prefetch("redactions", queryset=published, to_attr="published_redactions")
    )
    return Municipality.objects.prefetch_related(Prefetch("programmes", queryset=programmes))


def current_redaction(redactions):
    """The approved redaction, else the newest published one (from a prefetched list)."""
    redactions = list(redactions)
    for redaction in redactions:
        if redaction.status == Redaction.Status.APPROVED:
            return redaction
    published = [r for r in redactions if r.status != Redaction.Status.DRAFT]
    return max(published, key=lambda r: r.number) if published else None
